package org.m2mkit.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContentLoaderTest {

    private final Chapter chapter = ContentLoader.load();

    @Test
    void loadsTheSixObjectivesAndTheLessonsInOrder() {
        assertThat(chapter.objectives()).extracting(Objective::id)
                .containsExactly("architecture", "m2m-vs-iot", "protocols", "gateways", "autonomy", "cellular");
        assertThat(chapter.lessons()).isSortedAccordingTo((a, b) -> Integer.compare(a.order(), b.order()));
        assertThat(chapter.lessons()).extracting(Lesson::section).startsWith("460.1", "460.2");
        assertThat(chapter.cycleDiagram()).startsWith("sequenceDiagram");
    }

    @Test
    void everyLessonNamesOnlyKnownObjectives() {
        Set<String> known = chapter.objectives().stream().map(Objective::id).collect(Collectors.toSet());
        chapter.lessons().forEach(l -> assertThat(known).as(l.id()).containsAll(l.objectives()));
    }

    @Test
    void navigatesBetweenLessons() {
        Lesson first = chapter.lessons().get(0);
        assertThat(chapter.previous(first)).isEmpty();
        assertThat(chapter.next(first)).contains(chapter.lessons().get(1));
        assertThat(chapter.lesson("no-such-lesson")).isEmpty();
    }

    @Test
    void aLessonWithoutFrontMatterIsRejectedWithItsPath() {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                return new java.io.ByteArrayInputStream("# no front matter".getBytes());
            }
        };
        assertThatThrownBy(() -> new ContentLoader(loader).lesson("content/lessons/x.md"))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("content/lessons/x.md").hasMessageContaining("front matter");
    }
}
