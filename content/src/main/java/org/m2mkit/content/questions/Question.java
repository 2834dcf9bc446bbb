package org.m2mkit.content.questions;

import java.util.List;

/**
 * One question of a bank.
 *
 * @param name            short name shown in the bank (GIFT {@code ::name::})
 * @param category        slash-separated category path, empty for the bank's top
 * @param tags            tags such as {@code objective:protocols}, {@code section:460.3}, {@code difficulty:easy}
 * @param generalFeedback feedback shown whatever the answer
 */
public record Question(String name, String text, TextFormat format, String generalFeedback, String category,
                       List<String> tags, Body body) {

    public Question {
        name = name == null ? "" : name;
        generalFeedback = generalFeedback == null ? "" : generalFeedback;
        category = category == null ? "" : category;
        tags = List.copyOf(tags);
        format = format == null ? TextFormat.MOODLE : format;
    }

    public Grade grade(Response response) {
        return body.grade(response);
    }

    public Question withName(String newName) {
        return new Question(newName, text, format, generalFeedback, category, tags, body);
    }
}
