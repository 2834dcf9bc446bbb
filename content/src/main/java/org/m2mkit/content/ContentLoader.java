package org.m2mkit.content;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the chapter from the class path: {@code content/chapter.yaml} names the objectives, the glossary and
 * the lesson files; each lesson is Markdown with a YAML front matter block between two {@code ---} lines.
 */
public final class ContentLoader {

    static final String ROOT = "content/";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final ClassLoader classLoader;

    public ContentLoader() {
        this(ContentLoader.class.getClassLoader());
    }

    ContentLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The chapter as shipped with the kit. */
    public static Chapter load() {
        return new ContentLoader().chapter();
    }

    record ChapterFile(String number, String title, String introduction, List<Objective> objectives,
                       List<KeyTerm> keyTerms, List<String> lessons, String cycleDiagram) {}

    record FrontMatter(String id, String section, String title, int order, List<String> objectives,
                       String summary) {}

    public Chapter chapter() {
        String path = ROOT + "chapter.yaml";
        ChapterFile file = parse(path, read(path), ChapterFile.class);
        List<Lesson> lessons = new ArrayList<>();
        for (String name : file.lessons()) {
            lessons.add(lesson(ROOT + "lessons/" + name));
        }
        lessons.sort(Comparator.comparingInt(Lesson::order));
        String diagram = read(ROOT + file.cycleDiagram());
        return new Chapter(file.number(), file.title(), file.introduction(), file.objectives(),
                file.keyTerms(), lessons, diagram);
    }

    Lesson lesson(String path) {
        String text = read(path).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new ContentException(path + ": a lesson starts with a front matter block between '---' lines");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new ContentException(path + ": the front matter block is not closed by a '---' line");
        }
        FrontMatter meta = parse(path, text.substring(4, end), FrontMatter.class);
        if (meta.id() == null || meta.title() == null || meta.section() == null) {
            throw new ContentException(path + ": front matter needs id, section and title");
        }
        return new Lesson(meta.id(), meta.section(), meta.title(), meta.order(),
                meta.objectives() == null ? List.of() : meta.objectives(),
                meta.summary() == null ? "" : meta.summary(), text.substring(end + 5));
    }

    private <T> T parse(String path, String text, Class<T> type) {
        try {
            return yaml.readValue(text, type);
        } catch (IOException e) {
            throw new ContentException(path + ": " + e.getMessage().lines().findFirst().orElse("malformed YAML"), e);
        }
    }

    private String read(String path) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new ContentException(path + ": not found on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentException(path + ": " + e.getMessage(), e);
        }
    }
}
