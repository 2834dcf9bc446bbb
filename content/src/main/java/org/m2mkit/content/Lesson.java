package org.m2mkit.content;

import java.util.List;

/**
 * A section of the chapter as a lesson page.
 *
 * @param id          URL-safe id, for example {@code m2m-vs-iot}
 * @param section     the chapter's section number, for example {@code 460.3.1}
 * @param title       heading of the page
 * @param order       position in the chapter (ascending)
 * @param objectives  ids of the learning objectives the lesson covers
 * @param summary     one or two sentences for the table of contents
 * @param markdown    the body, CommonMark with fenced {@code mermaid} and {@code jshell} blocks
 */
public record Lesson(String id, String section, String title, int order, List<String> objectives,
                     String summary, String markdown) {

    public Lesson {
        objectives = List.copyOf(objectives);
    }
}
