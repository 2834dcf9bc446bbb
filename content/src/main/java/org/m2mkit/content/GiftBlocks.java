package org.m2mkit.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.Problem;
import org.m2mkit.content.questions.Question;

/**
 * A GIFT text cut into its question blocks, each read by {@link GiftParser} on its own, so that the content check
 * can say on which line a question starts and read the bank's {@code // [tag:key:value]} comments (Moodle's tag syntax) as
 * key-value pairs.
 */
final class GiftBlocks {

    private static final Pattern TAG = Pattern.compile("\\[tag:([^:\\]]+):([^\\]]*)\\]");

    /**
     * One question block.
     *
     * @param line     the line its last run of non-blank lines (comments and question) starts on
     * @param tags     the key-value pairs of the {@code [tag:key:value]} comments in that run
     * @param question the question, or null when it has problems
     * @param problems what is wrong with it, with lines in the whole text
     */
    record Block(int line, Map<String, String> tags, Question question, List<Problem> problems) {}

    private GiftBlocks() {}

    /** Every block that holds a question, sound or not; category lines and comment-only blocks are skipped. */
    static List<Block> read(String gift) {
        GiftParser parser = new GiftParser();
        List<Block> blocks = new ArrayList<>();
        List<String> lines = List.of(gift.split("\r\n|\r|\n", -1));
        int from = 0;
        int run = 0;
        boolean text = false;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            if (line.isEmpty()) {
                if (text) {
                    List<Problem> found = new ArrayList<>();
                    List<Question> read = parser.parse(String.join("\n", lines.subList(from, i)), found);
                    if (!read.isEmpty() || !found.isEmpty()) {
                        int offset = from;
                        blocks.add(new Block(run + 1, tags(lines.subList(run, i)),
                                read.isEmpty() ? null : read.get(0),
                                found.stream().map(p -> new Problem(p.line() + offset, p.question(), p.message())).toList()));
                    }
                    from = i + 1;
                    text = false;
                }
                run = i + 1;
            } else {
                text |= !line.startsWith("//");
            }
        }
        return blocks;
    }

    private static Map<String, String> tags(List<String> lines) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.strip().startsWith("//")) {
                continue;
            }
            Matcher m = TAG.matcher(line);
            while (m.find()) {
                tags.put(m.group(1).strip(), m.group(2).strip());
            }
        }
        return tags;
    }
}
