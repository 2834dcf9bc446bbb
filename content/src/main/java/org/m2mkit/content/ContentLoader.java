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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the chapter from the class path. {@code content/chapter.yaml} names the objectives, the key terms,
 * the lesson and handout files, the glossary and reference files and the cycle figure. Lessons
 * ({@code lessons/}) and handouts ({@code handouts/}) are Markdown with a YAML front matter block between two
 * {@code ---} lines. A fence opened with {@code ```mermaid figure=figures/x.mmd} and left empty gets the
 * figure file's text. Question banks are {@code questions/<objective id>.gift}; a missing bank is not an
 * error here (the content check reports it).
 */
public final class ContentLoader {

    static final String ROOT = "content/";

    private static final Pattern FIGURE_FENCE =
            Pattern.compile("(?m)^```mermaid figure=(\\S+)[ \\t]*\\n```[ \\t]*$");

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
                       List<KeyTerm> keyTerms, List<String> lessons, List<String> handouts, String glossary,
                       String references, String cycleDiagram) {}

    record LessonMatter(String id, String section, String title, int order, List<String> objectives,
                        String summary) {}

    record HandoutMatter(String id, String title, int order, List<String> objectives, String summary,
                         List<Handout.Activity> activities) {}

    record GlossaryFile(List<GlossaryEntry> terms) {}

    record ReferencesFile(List<Reference> references) {}

    public Chapter chapter() {
        String path = ROOT + "chapter.yaml";
        ChapterFile file = parse(path, read(path), ChapterFile.class);
        List<Lesson> lessons = new ArrayList<>();
        for (String name : orEmpty(file.lessons())) {
            lessons.add(lesson(ROOT + "lessons/" + name));
        }
        lessons.sort(Comparator.comparingInt(Lesson::order));
        List<Handout> handouts = new ArrayList<>();
        for (String name : orEmpty(file.handouts())) {
            handouts.add(handout(ROOT + "handouts/" + name));
        }
        handouts.sort(Comparator.comparingInt(Handout::order));
        List<GlossaryEntry> glossary = file.glossary() == null ? List.of()
                : orEmpty(parse(ROOT + file.glossary(), read(ROOT + file.glossary()), GlossaryFile.class).terms());
        List<Reference> references = file.references() == null ? List.of()
                : orEmpty(parse(ROOT + file.references(), read(ROOT + file.references()),
                        ReferencesFile.class).references());
        List<GiftBank> banks = new ArrayList<>();
        for (Objective objective : file.objectives()) {
            String bankPath = ROOT + "questions/" + objective.id() + ".gift";
            readIfPresent(bankPath).ifPresent(text -> banks.add(new GiftBank(objective.id(), bankPath, text)));
        }
        String diagram = read(ROOT + file.cycleDiagram());
        return new Chapter(file.number(), file.title(), file.introduction(), file.objectives(), file.keyTerms(),
                lessons, handouts, glossary, references, banks, diagram);
    }

    Lesson lesson(String path) {
        String[] parts = frontMatter(path);
        LessonMatter meta = parse(path, parts[0], LessonMatter.class);
        if (meta.id() == null || meta.title() == null || meta.section() == null) {
            throw new ContentException(path + ": front matter needs id, section and title");
        }
        return new Lesson(meta.id(), meta.section(), meta.title(), meta.order(), orEmpty(meta.objectives()),
                meta.summary() == null ? "" : meta.summary(), parts[1]);
    }

    Handout handout(String path) {
        String[] parts = frontMatter(path);
        HandoutMatter meta = parse(path, parts[0], HandoutMatter.class);
        if (meta.id() == null || meta.title() == null) {
            throw new ContentException(path + ": front matter needs id and title");
        }
        for (Handout.Activity activity : orEmpty(meta.activities())) {
            if (activity.id() == null || activity.title() == null) {
                throw new ContentException(path + ": every activity needs an id and a title");
            }
        }
        return new Handout(meta.id(), meta.title(), meta.order(), orEmpty(meta.objectives()),
                meta.summary() == null ? "" : meta.summary(), orEmpty(meta.activities()), parts[1]);
    }

    /** Splits a Markdown file into its front matter and its body, with figures filled in. */
    private String[] frontMatter(String path) {
        String text = read(path).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new ContentException(path + ": the file starts with a front matter block between '---' lines");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new ContentException(path + ": the front matter block is not closed by a '---' line");
        }
        return new String[] {text.substring(4, end), withFigures(path, text.substring(end + 5))};
    }

    private String withFigures(String path, String body) {
        Matcher m = FIGURE_FENCE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String figure = ROOT + m.group(1);
            String diagram = readIfPresent(figure).orElseThrow(() -> new ContentException(
                    path + ": the figure '" + m.group(1) + "' is not in " + ROOT + "figures/"));
            String fence = "```mermaid\n" + diagram.replace("\r\n", "\n").stripTrailing() + "\n```";
            m.appendReplacement(out, Matcher.quoteReplacement(fence));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private <T> T parse(String path, String text, Class<T> type) {
        try {
            return yaml.readValue(text, type);
        } catch (IOException e) {
            throw new ContentException(path + ": " + e.getMessage().lines().findFirst().orElse("malformed YAML"), e);
        }
    }

    private String read(String path) {
        return readIfPresent(path).orElseThrow(() -> new ContentException(path + ": not found on the class path"));
    }

    private Optional<String> readIfPresent(String path) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ContentException(path + ": " + e.getMessage(), e);
        }
    }
}
