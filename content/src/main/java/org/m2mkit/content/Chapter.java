package org.m2mkit.content;

import java.util.List;
import java.util.Optional;

/**
 * The chapter as the kit teaches it: objectives, key terms, lessons in order, lab handouts, glossary,
 * references, question banks and the autonomous-cycle figure. Immutable; load it once with
 * {@link ContentLoader#load()}.
 */
public record Chapter(String number, String title, String introduction, List<Objective> objectives,
                      List<KeyTerm> keyTerms, List<Lesson> lessons, List<Handout> handouts,
                      List<GlossaryEntry> glossary, List<Reference> references, List<GiftBank> questionBanks,
                      String cycleDiagram) {

    public Chapter {
        objectives = List.copyOf(objectives);
        keyTerms = List.copyOf(keyTerms);
        lessons = List.copyOf(lessons);
        handouts = List.copyOf(handouts);
        glossary = List.copyOf(glossary);
        references = List.copyOf(references);
        questionBanks = List.copyOf(questionBanks);
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<Handout> handout(String id) {
        return handouts.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    public Optional<Reference> reference(String id) {
        return references.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Lesson> previous(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }
}
