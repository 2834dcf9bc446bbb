package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A numeric question's answer that is no number is refused with a message saying so, not saved silently. */
class NumericSaveTest {

    @Test
    void lettersInANumericAnswerAreRefusedNumbersAndEmptyAreSaved() {
        assertThatThrownBy(() -> AttemptService.notANumber("numeric", List.of("abc")))
                .isInstanceOf(QuizError.class).hasMessageContaining("“abc” is not a number, so it was not saved");
        for (String ok : List.of("42", "-0.5", "1,5", "3e8", "", " ")) {
            assertThatCode(() -> AttemptService.notANumber("numeric", List.of(ok))).doesNotThrowAnyException();
        }
        assertThatCode(() -> AttemptService.notANumber("short", List.of("abc"))).doesNotThrowAnyException();
    }
}
