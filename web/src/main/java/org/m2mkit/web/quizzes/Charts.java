package org.m2mkit.web.quizzes;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts drawn on the server, so the analytics page needs no script and no chart library. */
public final class Charts {

    /** One bar: a label, a value and whether it marks a right answer. */
    public record Bar(String label, double value, String text, boolean highlight) {}

    private Charts() {}

    /** Vertical bars of attempt counts per score band (0-10 %, ..., 90-100 %). */
    public static String histogram(int[] bins, String title) {
        int max = 1;
        for (int b : bins) {
            max = Math.max(max, b);
        }
        int w = 520;
        int h = 220;
        int left = 36;
        int bottom = 30;
        int barW = (w - left - 10) / bins.length;
        StringBuilder s = open(w, h, title);
        s.append(line(left, h - bottom, w - 5, h - bottom));
        for (int i = 0; i < bins.length; i++) {
            double bh = (h - bottom - 20) * (double) bins[i] / max;
            int x = left + i * barW;
            s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\">"
                    + "<title>%d–%d %%: %d</title></rect>", x + 3, h - bottom - bh, barW - 6, bh, i * 10, i * 10 + 10, bins[i]));
            if (bins[i] > 0) {
                s.append(text(x + barW / 2, (int) (h - bottom - bh - 4), String.valueOf(bins[i]), "middle"));
            }
            s.append(text(x + barW / 2, h - bottom + 16, (i * 10) + "–" + (i * 10 + 10), "middle"));
        }
        s.append(text(4, 14, "attempts", "start"));
        return s.append("</svg>").toString();
    }

    /** Horizontal bars, values from 0 to {@code max}. */
    public static String bars(List<Bar> bars, double max, String title) {
        int w = 560;
        int rowH = 24;
        int labelW = 230;
        int h = Math.max(1, bars.size()) * rowH + 10;
        double top = max <= 0 ? 1 : max;
        StringBuilder s = open(w, h, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * rowH;
            double bw = Math.max(0, (w - labelW - 60) * b.value() / top);
            s.append(text(labelW - 6, y + 16, clip(b.label(), 34), "end"));
            s.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                    + "<title>%s: %s</title></rect>", b.highlight() ? "bar right" : "bar", labelW, y + 3, bw, rowH - 8,
                    escape(b.label()), escape(b.text())));
            s.append(text((int) (labelW + bw + 6), y + 16, b.text(), "start"));
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(int w, int h, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                w, h, w, h, escape(title), escape(title)));
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", x1, y1, x2, y2);
    }

    private static String text(int x, int y, String t, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, escape(t));
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
