package org.m2mkit.web.quizzes;

import java.util.List;
import java.util.Optional;
import org.m2mkit.content.Chapter;
import org.m2mkit.content.Objective;
import org.m2mkit.content.questions.BundledBanks;
import org.m2mkit.content.questions.GiftParser;
import org.m2mkit.content.questions.ImportException;
import org.m2mkit.content.questions.Question;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty kit: imports each of the chapter's question banks that is not there yet, and creates one quiz per
 * learning objective that draws questions tagged with it. Running it again changes nothing.
 */
public final class Seeder {

    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);

    /** Questions an objective quiz draws. */
    static final int DRAW = 5;

    private final BankStore banks;
    private final QuizStore quizzes;

    public Seeder(BankStore banks, QuizStore quizzes) {
        this.banks = banks;
        this.quizzes = quizzes;
    }

    public void seed(Chapter chapter) {
        for (BundledBanks.BankFile file : BundledBanks.list()) {
            String name = "Chapter " + chapter.number() + ": " + file.name().replaceFirst("\\.gift$", "");
            if (banks.bank(name).isPresent()) {
                continue;
            }
            try {
                List<Question> questions = new GiftParser().parse(file.text(), "content/questions/" + file.name());
                banks.importQuestions(name, "content/questions/" + file.name(), questions, null);
            } catch (ImportException e) {
                LOG.error("The chapter's question bank was not imported. {}", e.getMessage());
            }
        }
        for (Objective o : chapter.objectives()) {
            String key = "objective:" + o.id();
            if (quizzes.bySeedKey(key).isPresent()) {
                continue;
            }
            String tag = tagFor(o).orElse(key);
            long id = quizzes.create(new Quiz.Settings("Check: " + o.title(), o.description(), true, true, false, null,
                    null, null, 0, GradingMethod.HIGHEST, FeedbackTiming.AFTER_SUBMISSION), key);
            quizzes.addDraw(id, tag, DRAW, 1);
            if (!banks.questionIdsWithTag(tag).isEmpty()) {
                quizzes.publish(id, true);
            }
        }
    }

    /** The tag the bank uses for an objective: {@code objective:ID}, or {@code ID}, or one ending in {@code :ID}. */
    private Optional<String> tagFor(Objective o) {
        List<String> tags = banks.tags().stream().map(BankStore.TagCount::tag).toList();
        for (String candidate : List.of("objective:" + o.id(), o.id())) {
            if (tags.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return tags.stream().filter(t -> t.endsWith(":" + o.id()) || t.endsWith("-" + o.id()) || t.endsWith("/" + o.id()))
                .findFirst();
    }
}
