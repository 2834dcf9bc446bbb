package org.m2mkit.web.lessons;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.m2mkit.content.Lesson;

/**
 * The number each lesson is shown with: its section of the chapter, and where several lessons come from one
 * section (seven from 460.3.3), that section followed by the lesson's place in it: 460.3.3.1, 460.3.3.2, …
 */
public final class LessonNumbers {

    private LessonNumbers() {
    }

    /** Lesson id to the number shown, in the chapter's order. */
    public static Map<String, String> of(List<Lesson> lessons) {
        Map<String, Integer> perSection = new HashMap<>();
        lessons.forEach(l -> perSection.merge(l.section(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> numbers = new LinkedHashMap<>();
        for (Lesson l : lessons) {
            if (perSection.get(l.section()) == 1) {
                numbers.put(l.id(), l.section());
            } else {
                numbers.put(l.id(), l.section() + "." + seen.merge(l.section(), 1, Integer::sum));
            }
        }
        return numbers;
    }
}
