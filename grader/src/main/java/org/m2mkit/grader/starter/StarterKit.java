package org.m2mkit.grader.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.sandbox.ClassPathTree;
import org.m2mkit.labs.UserError;

/**
 * Writes a lab's starter kit from the parts the lab provides ({@link Lab#skeleton}, {@link Lab#visibleTests},
 * {@link Lab#scoring}): a Maven project with the labs API sources (and the lab's own contract types), a skeleton
 * class to complete, the visible tests (the same cases the grader runs, with their expected values) and a README. It needs only
 * JUnit from Maven Central, so {@code mvn test} runs offline once that is cached.
 */
public final class StarterKit {
    static final String JUNIT_VERSION = "5.14.4";
    static final String SUREFIRE_VERSION = "3.5.4";
    static final String COMPILER_VERSION = "3.14.1";

    private StarterKit() {
    }

    /** Writes the kit into {@code dir}, which must be new or empty; returns the files written. */
    public static int write(Lab lab, Path dir) {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new UserError(dir + " is a file; give a new or empty folder for the starter kit");
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new UserError(dir + " is not empty; give a new or empty folder for the starter kit");
                }
            } catch (IOException e) {
                throw new UserError("cannot read " + dir + ": " + e.getMessage());
            }
        }
        TreeMap<String, String> files = files(lab);
        try {
            for (var e : files.entrySet()) {
                Path target = dir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the starter kit into " + dir, e);
        }
        return files.size();
    }

    /**
     * The kit's files by path: what {@code m2mkit grade --starter} writes and what the kit's lab pages offer as a
     * zip, from this one place.
     */
    public static TreeMap<String, String> files(Lab lab) {
        TreeMap<String, String> files = new TreeMap<>();
        TreeMap<String, byte[]> api = ClassPathTree.read(Grader.class, "starter-kit/api/");
        if (api.isEmpty()) {
            throw new IllegalStateException("the labs API sources are missing from the grader's class path (starter-kit/api)");
        }
        api.forEach((name, bytes) -> files.put("src/main/java/" + name.substring("starter-kit/api/".length()),
                new String(bytes, StandardCharsets.UTF_8)));
        for (String folder : lab.contractFolders()) {
            String prefix = "starter-kit/contracts/" + folder;
            TreeMap<String, byte[]> own = ClassPathTree.read(lab.getClass(), prefix);
            if (own.isEmpty()) {
                throw new IllegalStateException("the sources of " + folder + " are missing from the grader's class path");
            }
            own.forEach((name, bytes) -> files.put("src/main/java/" + name.substring("starter-kit/contracts/".length()),
                    new String(bytes, StandardCharsets.UTF_8)));
        }
        String cls = lab.studentClass();
        files.put("pom.xml", pom(lab));
        files.put("README.md", readme(lab, cls));
        files.put(".gitignore", "target/\n");
        files.put("src/main/java/student/" + cls + ".java", lab.skeleton());
        lab.visibleTests().forEach((name, source) -> files.put("src/test/java/student/" + name + ".java", source));
        return files;
    }

    private static String pom(Lab lab) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>student</groupId>
                  <artifactId>%s-lab</artifactId>
                  <version>1.0</version>
                  <name>M2M Lab Kit: %s (starter kit)</name>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>%s</version><type>pom</type><scope>import</scope></dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>%s</version></plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(lab.id(), lab.title(), JUNIT_VERSION, COMPILER_VERSION, SUREFIRE_VERSION);
    }

    private static String readme(Lab lab, String cls) {
        return """
                # %s: starter kit

                Complete `src/main/java/student/%s.java`. The API it implements is in
                `src/main/java/%s` (read it first: a handful of records and one interface). Do not
                change the API; the grader compiles your class against its own copy.

                ## Run the visible tests

                    mvn test

                (Needs a JDK 17 or newer and Maven. After the first run, `mvn -o test` works offline.)

                ## Submit

                Submit `%s.java` (and any other classes of yours) on the lab's page of the kit, as one `.java` file or
                a zip. On the machine that runs the kit the same grading is

                    ./m2mkit grade --lab %s --submission src/main/java/student/%s.java

                A submission must have exactly one public class implementing the lab's interface, with %s. Your
                classes may be in any package except `org.m2mkit.*` and the JDK's. A compile error or a missing class
                is reported with file and line and costs no attempt.

                ## Scoring

                %s

                Your code runs in a sandbox with limits: 2 seconds per test, 128 MB of heap, 64 threads, 1 MB of printed
                output per test, no network and no files outside its working folder.
                """.formatted(lab.title(), cls, lab.contract().getPackageName().replace('.', '/'), cls, lab.id(), cls,
                lab.constructorArgument() == null ? "a public no-argument constructor"
                        : "a public constructor taking a `" + lab.constructorArgument().getSimpleName() + "`",
                lab.scoring());
    }
}
