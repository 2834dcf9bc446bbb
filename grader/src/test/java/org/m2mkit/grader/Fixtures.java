package org.m2mkit.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Submissions for tests: the kit's reference solutions as a student would submit them, and fixture files. */
final class Fixtures {
    private Fixtures() {
    }

    static Path fixtures() {
        return Paths.get("src/test/resources/fixtures");
    }

    /** The reference gateway of module labs, moved to a package of its own as a student's class would be. */
    static Submission referenceGateway() {
        return reference("gateway/ReferenceGateway.java");
    }

    static Submission referenceAdvisor() {
        return reference("protocol/ReferenceProtocolAdvisor.java");
    }

    /** The standards lab's reference bridge of the grader, moved to a package of its own. */
    static Submission referenceBridge() {
        Path source = Paths.get("src/main/java/org/m2mkit/grader/standards/ReferenceBridge.java");
        try {
            return Submission.ofSource("ReferenceBridge.java", Files.readString(source)
                    .replaceFirst("package org\\.m2mkit\\.grader\\.standards;", "package solution;"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Submission reference(String file) {
        Path source = Paths.get("../labs/src/main/java/org/m2mkit/labs").resolve(file);
        try {
            String text = Files.readString(source).replaceFirst("package org\\.m2mkit\\.labs\\.\\w+;", "package solution;");
            return Submission.ofSource(source.getFileName().toString(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        try {
            return Files.readString(fixtures().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
