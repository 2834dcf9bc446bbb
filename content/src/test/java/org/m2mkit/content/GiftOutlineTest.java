package org.m2mkit.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GiftOutlineTest {

    @Test
    void readsCategoriesCommentsTagsAndSeveralQuestions() {
        List<GiftOutline.Question> qs = GiftOutline.parse("""
                $CATEGORY: $course$/M2M/x

                // a comment only

                // [tags: objective:protocols section:460.3.3 difficulty:2]
                ::a:: First? {T####Yes.}

                ::b:: Second? {=x ~y ####Because.}
                """);
        assertThat(qs).extracting(GiftOutline.Question::name).containsExactly("a", "b");
        assertThat(qs.get(0).tags()).containsEntry("objective", "protocols").containsEntry("difficulty", "2");
        assertThat(qs.get(0).line()).as("the line the block starts on").isEqualTo(5);
        assertThat(qs.get(1).type()).isEqualTo(GiftOutline.Type.MULTICHOICE);
        assertThat(qs.get(1).generalFeedback()).isEqualTo("Because.");
    }

    @Test
    void escapedSpecialCharactersStayText() {
        GiftOutline.Question q = GiftOutline.parse("::e:: Is 2 + 2 \\= 4 in \\{braces\\}? {=yes \\= right#ok ~no ####2 + 2 \\= 4.}").get(0);
        assertThat(q.problems()).isEmpty();
        assertThat(q.stem()).isEqualTo("Is 2 + 2 = 4 in {braces}?");
        assertThat(q.options()).extracting(GiftOutline.Option::text).containsExactly("yes = right", "no");
        assertThat(q.generalFeedback()).isEqualTo("2 + 2 = 4.");
    }

    @Test
    void aMissingWordQuestionShowsABlank() {
        GiftOutline.Question q = GiftOutline.parse("::mw:: LwM2M runs over {=CoAP ~MQTT} on UDP.").get(0);
        assertThat(q.stem()).isEqualTo("LwM2M runs over _____ on UDP.");
    }

    @Test
    void numericAnswersWithSeveralValuesAndBadNumbers() {
        GiftOutline.Question q = GiftOutline.parse("::n:: Pi? {#=%100%3.14:0.005 =%50%3.1:0.1 ####Pi.}").get(0);
        assertThat(q.type()).isEqualTo(GiftOutline.Type.NUMERICAL);
        assertThat(q.options()).extracting(GiftOutline.Option::text).containsExactly("3.14 ± 0.005", "3.1 ± 0.1");
        assertThat(GiftOutline.parse("::bad:: Pi? {#three}").get(0).problems())
                .singleElement().asString().contains("'three' is not a number");
    }

    @Test
    void malformedBlocksAreNamed() {
        assertThat(GiftOutline.parse("::x:: Two right answers? {=a =b ~c}").get(0).problems())
                .containsExactly("a single-choice question has exactly one '=' answer, found 2");
        assertThat(GiftOutline.parse("::x:: Stray } brace").get(0).problems())
                .containsExactly("a '}' has no matching '{'");
        assertThat(GiftOutline.parse("::x:: Two blocks {=a ~b} and {=c ~d}").get(0).problems())
                .singleElement().asString().contains("one answer block");
        assertThat(GiftOutline.parse("::x:: Pairs {=a -> b}").get(0).problems())
                .containsExactly("a matching question needs two or more '=left -> right' pairs");
        assertThat(GiftOutline.parse("::x unclosed name {T}").get(0).problems())
                .containsExactly("the question name is not closed by '::'");
    }
}
