package org.m2mkit.bench.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m2mkit.content.Chapter;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.content.Lesson;

/**
 * What every student of the class shares: the kit's address, the end of the lab hour, the think time, the
 * chapter's lessons and their notebook cells (from the content module, as the lesson pages show them), the
 * gateway sources the students submit, and the {@link Tally}.
 */
final class Classroom {

    private static final Pattern JSHELL_BLOCK = Pattern.compile("```jshell\\n(.*?)```", Pattern.DOTALL);

    private final String base;
    private final long endNanos;
    private final long thinkMs;
    private final Tally tally = new Tally();
    private final List<String> lessonIds = new ArrayList<>();
    private final Map<String, List<String>> cells = new LinkedHashMap<>();
    private final Map<Student.Gateway, String> sources;

    Classroom(String base, long endNanos, long thinkMs, Map<Student.Gateway, String> sources) {
        this.base = base;
        this.endNanos = endNanos;
        this.thinkMs = thinkMs;
        this.sources = sources;
        Chapter chapter = ContentLoader.load();
        for (Lesson lesson : chapter.lessons()) {
            lessonIds.add(lesson.id());
            List<String> code = new ArrayList<>();
            Matcher m = JSHELL_BLOCK.matcher(lesson.markdown());
            while (m.find()) {
                code.add(m.group(1).strip());
            }
            if (!code.isEmpty()) {
                cells.put(lesson.id(), List.copyOf(code));
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalStateException("no lesson of the chapter has a jshell cell");
        }
    }

    /**
     * The three gateways of the class, from the kit's sources under {@code root}: the reference gateway moved into
     * the students' package (correct), a mutant of it that orders the HVAC units the wrong way (wrong), and the
     * grader's fixture whose constructor never returns (hanging).
     */
    static Map<Student.Gateway, String> gateways(Path root) throws IOException {
        Map<Student.Gateway, String> out = new EnumMap<>(Student.Gateway.class);
        out.put(Student.Gateway.CORRECT, read(root, "labs/src/main/java/org/m2mkit/labs/gateway/ReferenceGateway.java")
                .replace("package org.m2mkit.labs.gateway;", "package student;")
                .replace("ReferenceGateway", "ClassroomGateway"));
        out.put(Student.Gateway.WRONG, read(root, "grader/src/test/resources/fixtures/gateway/mutants/UnitsAscending.java"));
        out.put(Student.Gateway.HANGING,
                read(root, "grader/src/test/resources/fixtures/gateway/hanging/ConstructorSleepsForever.java"));
        return out;
    }

    private static String read(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing; run the benchmark from the kit's checkout or give --sources");
        }
        return Files.readString(file);
    }

    String base() {
        return base;
    }

    boolean over() {
        return System.nanoTime() >= endNanos;
    }

    long thinkMs() {
        return thinkMs;
    }

    Tally tally() {
        return tally;
    }

    List<String> lessonIds() {
        return lessonIds;
    }

    List<String> notebookLessons() {
        return List.copyOf(cells.keySet());
    }

    List<String> cells(String lesson) {
        return cells.get(lesson);
    }

    String source(Student.Gateway kind) {
        return sources.get(kind);
    }
}
