package org.m2mkit.content;

import java.util.List;

/**
 * A lab handout or design exercise, shown at {@code /handouts/<id>}.
 *
 * @param id          URL-safe id, for example {@code gateway-lab}
 * @param title       heading of the page
 * @param order       position in the list of handouts (ascending)
 * @param objectives  ids of the learning objectives the handout practises
 * @param summary     one or two sentences for the list of handouts
 * @param activities  the tasks a student does, each tied to objectives
 * @param markdown    the body, CommonMark with fenced {@code mermaid}, {@code jshell} and {@code check} blocks
 */
public record Handout(String id, String title, int order, List<String> objectives, String summary,
                      List<Activity> activities, String markdown) {

    public Handout {
        objectives = List.copyOf(objectives);
        activities = List.copyOf(activities);
    }

    /** One task of a handout, for example "change the network profile and explain the timings". */
    public record Activity(String id, String title, List<String> objectives) {
        public Activity {
            objectives = objectives == null ? List.of() : List.copyOf(objectives);
        }
    }
}
