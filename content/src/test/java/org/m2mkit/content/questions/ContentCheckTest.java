package org.m2mkit.content.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every question bank the chapter ships parses without a single problem. */
class ContentCheckTest {

    @Test
    void everyBundledGiftFileParses() {
        List<String> problems = new ArrayList<>();
        for (BundledBanks.BankFile file : BundledBanks.list()) {
            List<Problem> found = new ArrayList<>();
            List<Question> questions = new GiftParser().parse(file.text(), found);
            found.forEach(p -> problems.add("content/questions/" + file.name() + " " + p));
            if (found.isEmpty() && questions.isEmpty()) {
                problems.add("content/questions/" + file.name() + ": holds no question");
            }
        }
        assertThat(problems).as("problems in the chapter's question banks").isEmpty();
    }

    @Test
    void everyBundledQuestionCarriesAnObjectiveTagTheQuizzesCanDrawBy() {
        for (BundledBanks.BankFile file : BundledBanks.list()) {
            for (Question q : new GiftParser().parse(file.text(), file.name())) {
                if (!(q.body() instanceof Body.Description)) {
                    assertThat(q.tags()).as(file.name() + " " + q.name()).anyMatch(t -> t.startsWith("objective:"));
                }
            }
        }
    }

    @Test
    void theBankListingReadsAFolderOnTheClassPath() {
        List<BundledBanks.BankFile> files = BundledBanks.list(new ClassLoader(getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
                return super.getResources(name.replace("content/questions/", "gift/"));
            }
        });
        assertThat(files).extracting(BundledBanks.BankFile::name)
                .containsExactly("bad-category-question.gift", "every-type.gift", "malformed.gift");
    }
}
