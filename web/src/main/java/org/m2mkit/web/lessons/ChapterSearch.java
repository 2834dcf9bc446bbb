package org.m2mkit.web.lessons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.m2mkit.content.Chapter;
import org.m2mkit.content.GlossaryEntry;
import org.m2mkit.content.Handout;
import org.m2mkit.content.Lesson;

/**
 * Search within the chapter: every section of every lesson and handout and every glossary entry, matched on all
 * the words of the query (any case), ranked by how often they occur, each hit linking to its heading.
 */
public final class ChapterSearch {

    /** One place that matches, with a snippet of plain text around the first match. */
    public record Hit(String page, String heading, String link, String snippet, int score) {}

    private record Part(String page, String heading, String link, String text, String lower) {}

    private final List<Part> parts = new ArrayList<>();

    public ChapterSearch(Chapter chapter) {
        for (Lesson l : chapter.lessons()) {
            split(l.title(), "/lessons/" + l.id(), l.markdown());
        }
        for (Handout h : chapter.handouts()) {
            split(h.title(), "/handouts/" + h.id(), h.markdown());
        }
        for (GlossaryEntry g : chapter.glossary()) {
            String text = g.term() + ": " + g.definition();
            parts.add(new Part("Glossary", g.term(), "/glossary#" + g.anchor(), text, text.toLowerCase(Locale.ROOT)));
        }
    }

    private void split(String page, String link, String markdown) {
        IdGenerator ids = IdGenerator.builder().build();
        String heading = page;
        String anchor = "";
        StringBuilder text = new StringBuilder();
        for (String line : markdown.split("\n")) {
            if (line.matches("#{1,6} .*")) {
                add(page, heading, link + anchor, text);
                heading = line.replaceFirst("#{1,6} ", "").trim();
                anchor = "#" + ids.generateId(heading);
                text.setLength(0);
                text.append(heading).append(". ");
            } else if (!line.startsWith("```")) {
                text.append(line.replaceAll("[*_`>|#\\[\\]]", " ").replaceAll("\\(/[^)]*\\)", "")).append(' ');
            }
        }
        add(page, heading, link + anchor, text);
    }

    private void add(String page, String heading, String link, StringBuilder text) {
        String clean = text.toString().replaceAll("\\s+", " ").trim();
        if (!clean.isEmpty()) {
            parts.add(new Part(page, heading, link, clean, clean.toLowerCase(Locale.ROOT)));
        }
    }

    /** The best hits for a query, at most {@code limit}; an empty query finds nothing. */
    public List<Hit> search(String query, int limit) {
        List<String> words = query == null ? List.of() : Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}.-]+"))
                .filter(w -> w.length() >= 2).distinct().limit(8).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Part p : parts) {
            int score = 0;
            for (String w : words) {
                int n = count(p.lower(), w);
                if (n == 0) {
                    score = 0;
                    break;
                }
                score += n + (p.heading().toLowerCase(Locale.ROOT).contains(w) ? 5 : 0);
            }
            if (score > 0) {
                hits.add(new Hit(p.page(), p.heading(), p.link(), snippet(p, words.get(0)), score));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed());
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }

    private static String snippet(Part p, String word) {
        int at = Math.max(0, p.lower().indexOf(word));
        int from = Math.max(0, at - 80);
        int to = Math.min(p.text().length(), at + 160);
        return (from > 0 ? "… " : "") + p.text().substring(from, to).trim() + (to < p.text().length() ? " …" : "");
    }
}
