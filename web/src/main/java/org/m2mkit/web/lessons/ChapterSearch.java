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

    /**
     * One place that matches, with a snippet of plain text around the first match, also as pieces whose matches
     * the page highlights.
     */
    public record Hit(String page, String heading, String link, String snippet, int score, List<Piece> pieces) {}

    /** Part of a snippet: a match of a query word, or the text between. */
    public record Piece(String text, boolean match) {}

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
        String fence = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                // knowledge checks (GIFT) and diagrams are no reading text; code is, without its fences
                fence = fence == null ? line.substring(3).trim() : null;
                continue;
            }
            if (fence != null && (fence.equals("check") || fence.equals("mermaid"))) {
                continue;
            }
            if (fence == null && line.matches("#{1,6} .*")) {
                add(page, heading, link + anchor, text);
                heading = line.replaceFirst("#{1,6} ", "").trim();
                anchor = "#" + ids.generateId(heading);
                text.setLength(0);
                text.append(heading).append(". ");
            } else {
                text.append(fence != null ? line : plain(line)).append(' ');
            }
        }
        add(page, heading, link + anchor, text);
    }

    /** A Markdown line as the text a reader sees: link texts without addresses, no markup, no HTML tags. */
    static String plain(String line) {
        return line.replaceAll("!\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("\\[([^\\]]*)\\]\\[[^\\]]*\\]", "$1")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\{#[^}]*\\}", " ")
                .replaceAll("^\\s*(?:[-*+]|\\d+[.)])\\s+", "")
                .replaceAll("^\\s*\\|?\\s*:?-{3,}.*$", "")
                .replaceAll("[*_`>|#\\[\\]]", " ");
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
                String snippet = snippet(p, words.get(0));
                hits.add(new Hit(p.page(), p.heading(), p.link(), snippet, score, pieces(snippet, words)));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed());
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /** The snippet cut at every match of a query word (any case). */
    static List<Piece> pieces(String snippet, List<String> words) {
        String lower = snippet.toLowerCase(Locale.ROOT);
        boolean[] hit = new boolean[snippet.length()];
        for (String w : words) {
            for (int i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length())) {
                java.util.Arrays.fill(hit, i, Math.min(hit.length, i + w.length()), true);
            }
        }
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= snippet.length(); i++) {
            if (i == snippet.length() || hit[i] != hit[start]) {
                pieces.add(new Piece(snippet.substring(start, i), hit[start]));
                start = i;
            }
        }
        return pieces;
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
