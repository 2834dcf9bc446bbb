package org.m2mkit.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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
        ContentLoader loader = new ContentLoader(Resources.replacing(Map.of("content/lessons/x.md", "# no front matter")));
        assertThatThrownBy(() -> loader.lesson("content/lessons/x.md"))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("content/lessons/x.md").hasMessageContaining("front matter");
    }

    @Test
    void aFigureFenceIsFilledWithTheFigureFile() {
        Lesson cycle = chapter.lesson("autonomous-cycle").orElseThrow();
        assertThat(cycle.markdown()).contains("```mermaid\n" + chapter.cycleDiagram().strip() + "\n```")
                .doesNotContain("figure=");
    }

    @Test
    void aMissingFigureIsNamed() {
        ContentLoader loader = new ContentLoader(Resources.replacing(Map.of("content/lessons/x.md",
                "---\nid: x\nsection: \"1\"\ntitle: X\n---\n```mermaid figure=figures/nope.mmd\n```\n")));
        assertThatThrownBy(() -> loader.lesson("content/lessons/x.md"))
                .hasMessageContaining("content/lessons/x.md").hasMessageContaining("figures/nope.mmd");
    }

    @Test
    void loadsGlossaryReferencesAndQuestionBanks() {
        assertThat(chapter.glossary()).extracting(GlossaryEntry::term)
                .containsAll(chapter.keyTerms().stream().map(KeyTerm::term).toList());
        assertThat(chapter.reference("rfc-8428")).get().extracting(Reference::publisher).asString().contains("IETF");
        assertThat(new GlossaryEntry("CoAP (RFC 7252)", "d", "standards").anchor()).isEqualTo("coap-rfc-7252");
    }

    @Test
    void anUnknownFrontMatterKeyIsRejected() {
        ContentLoader loader = new ContentLoader(Resources.replacing(Map.of("content/handouts/h.md",
                "---\nid: h\ntitle: H\ncolour: red\n---\nbody\n")));
        assertThatThrownBy(() -> loader.handout("content/handouts/h.md"))
                .hasMessageContaining("content/handouts/h.md").hasMessageContaining("colour");
    }
}
