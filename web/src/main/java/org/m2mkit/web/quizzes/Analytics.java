package org.m2mkit.web.quizzes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.m2mkit.content.questions.Body;
import org.m2mkit.content.questions.Choice;
import org.m2mkit.content.questions.Question;

/**
 * Item analysis of a quiz's submitted attempts, as in classical test theory: the score distribution, and per question
 * the facility index (mean share of the mark earned), the discrimination index (correlation between the question's
 * score and the score on the rest of the attempt) and how often each answer was given.
 */
public final class Analytics {

    /** How often one answer (a choice, or a typed answer) was given. */
    public record AnswerCount(String answer, int count, boolean right) {}

    /**
     * Statistics of one question over every attempt that drew it.
     *
     * @param facility       0..1, null when nobody has a graded answer
     * @param discrimination -1..1, null with fewer than three graded answers or no spread in the scores
     */
    public record ItemStats(long questionId, String name, String type, int responses, Double facility,
                            Double discrimination, List<AnswerCount> answers) {}

    /** @param bins attempt counts by score: 0-10 %, 10-20 %, ..., 90-100 % */
    public record Report(int attempts, Double meanPercent, int[] bins, List<ItemStats> items) {}

    private Analytics() {}

    public static Report of(List<Attempt> attempts) {
        int[] bins = new int[10];
        double sum = 0;
        int scored = 0;
        Map<Long, List<Attempt.Item>> byQuestion = new LinkedHashMap<>();
        Map<Long, Attempt> owner = new LinkedHashMap<>();
        for (Attempt a : attempts) {
            Double p = a.percent();
            if (p != null) {
                bins[Math.min(9, (int) Math.floor(p / 10))]++;
                sum += p;
                scored++;
            }
            for (Attempt.Item i : a.items().stream().filter(Attempt.Item::carriesMarks).toList()) {
                byQuestion.computeIfAbsent(i.question().id(), k -> new ArrayList<>()).add(i);
                owner.put(i.id(), a);
            }
        }
        List<ItemStats> items = new ArrayList<>();
        for (Map.Entry<Long, List<Attempt.Item>> e : byQuestion.entrySet()) {
            items.add(stats(e.getKey(), e.getValue(), owner));
        }
        return new Report(attempts.size(), scored == 0 ? null : sum / scored, bins, items);
    }

    private static ItemStats stats(long questionId, List<Attempt.Item> items, Map<Long, Attempt> owner) {
        Question latest = items.get(items.size() - 1).question().question();
        List<Double> x = new ArrayList<>();
        List<Double> rest = new ArrayList<>();
        for (Attempt.Item i : items) {
            Attempt a = owner.get(i.id());
            if (i.fraction() == null || a.score() == null) {
                continue;
            }
            x.add(i.fraction());
            double restMax = a.maxScore() - i.mark();
            rest.add(restMax <= 0 ? 0 : (a.score() - i.fraction() * i.mark()) / restMax);
        }
        Double facility = x.isEmpty() ? null : x.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new ItemStats(questionId, latest.name().isEmpty() ? shorten(latest.text()) : latest.name(),
                latest.body().type(), items.size(), facility, correlation(x, rest), answers(latest, items));
    }

    /** Pearson's correlation; null with fewer than three pairs or when either side does not vary. */
    static Double correlation(List<Double> x, List<Double> y) {
        int n = x.size();
        if (n < 3) {
            return null;
        }
        double mx = x.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double my = y.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x.get(i) - mx;
            double dy = y.get(i) - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx < 1e-12 || syy < 1e-12) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static List<AnswerCount> answers(Question q, List<Attempt.Item> items) {
        Body body = q.body();
        List<Choice> choices = body instanceof Body.SingleChoice s ? s.choices()
                : body instanceof Body.MultipleAnswer m ? m.choices() : null;
        if (choices != null) {
            int[] counts = new int[choices.size()];
            for (Attempt.Item i : items) {
                for (String v : i.response()) {
                    try {
                        int k = Integer.parseInt(v);
                        if (k >= 0 && k < counts.length) {
                            counts[k]++;
                        }
                    } catch (NumberFormatException e) {
                        // not a choice index: not counted
                    }
                }
            }
            List<AnswerCount> out = new ArrayList<>();
            for (int k = 0; k < choices.size(); k++) {
                out.add(new AnswerCount(choices.get(k).text(), counts[k], choices.get(k).percent() > 0));
            }
            return out;
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Boolean> right = new LinkedHashMap<>();
        for (Attempt.Item i : items) {
            if (!i.answered()) {
                continue;
            }
            String answer = answerText(body, i);
            counts.computeIfAbsent(answer, k -> new int[1])[0]++;
            right.merge(answer, i.fraction() != null && i.fraction() >= 0.999, Boolean::logicalOr);
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).limit(10)
                .map(e -> new AnswerCount(e.getKey(), e.getValue()[0], right.get(e.getKey()))).toList();
    }

    private static String answerText(Body body, Attempt.Item i) {
        if (body instanceof Body.Ordering o) {
            List<String> names = new ArrayList<>();
            for (String v : i.response()) {
                try {
                    names.add(o.items().get(Integer.parseInt(v)));
                } catch (RuntimeException e) {
                    names.add(v);
                }
            }
            return String.join(" → ", names);
        }
        String joined = String.join(" | ", i.response()).strip();
        return shorten(body instanceof Body.ShortAnswer ? joined.toLowerCase(java.util.Locale.ROOT) : joined);
    }

    static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= 80 ? t : t.substring(0, 80) + "…";
    }
}
