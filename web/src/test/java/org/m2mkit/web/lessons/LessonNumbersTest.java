package org.m2mkit.web.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.content.Lesson;

/** Every lesson has a number of its own, in the chapter's order. */
class LessonNumbersTest {

    @Test
    void lessonsOfOneSectionAreNumberedWithinIt() {
        List<Lesson> lessons = ContentLoader.load().lessons();
        Map<String, String> numbers = LessonNumbers.of(lessons);
        assertThat(numbers).hasSize(lessons.size());
        assertThat(numbers.values()).doesNotHaveDuplicates();
        for (Lesson l : lessons) {
            assertThat(numbers.get(l.id())).startsWith(l.section());
        }
    }
}
