package org.m2mkit.content.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GiftRoundTripTest {

    @Test
    void writingThenReadingGivesTheSameBank() throws Exception {
        List<Question> bank = GiftParserTest.everyType();
        String gift = new GiftWriter().write(bank);
        assertThat(new GiftParser().parse(gift, "exported.gift")).isEqualTo(bank);
        assertThat(new GiftWriter().write(new GiftParser().parse(gift, "again.gift"))).isEqualTo(gift);
    }

    @Test
    void multiLineTextsAndEverySpecialCharacterSurvive() {
        List<Question> bank = List.of(new Question("a::b {c}", "Line one\n\nLine three with ~ = # { } : \\ // and \\n",
                TextFormat.MARKDOWN, "General\nfeedback #1", "Unit 1/Part: A", List.of("objective:gateways"),
                new Body.SingleChoice(List.of(new Choice("x = y", 100, "fb ~ 1"), new Choice("{z}", -50, "a\nb")))),
                new Question("", "// not a comment", TextFormat.MOODLE, "", "", List.of(),
                        new Body.TrueFalse(true, "", "")),
                new Question("tf", "[html] looks like a format", TextFormat.MOODLE, "", "", List.of(),
                        new Body.TrueFalse(true, "", "only right feedback")));
        String gift = new GiftWriter().write(bank);
        assertThat(new GiftParser().parse(gift, "special.gift")).isEqualTo(bank);
    }
}
