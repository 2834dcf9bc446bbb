package org.m2mkit.content.questions;

import java.util.List;

/**
 * What a student answered, as text values: the chosen choice index for single choice and true/false
 * ({@code "true"}/{@code "false"}), the chosen indexes for multiple answer, the typed text for short answer,
 * numeric, essay and code, the chosen right-hand item per left-hand item for matching, and the item indexes in
 * the chosen order for ordering.
 */
public record Response(List<String> values) {

    public Response {
        values = List.copyOf(values);
    }

    public static Response of(String... values) {
        return new Response(List.of(values));
    }

    public static final Response EMPTY = new Response(List.of());

    /** True when the student gave no answer at all (no value, or only blank values). */
    public boolean isBlank() {
        return values.stream().allMatch(v -> v == null || v.isBlank());
    }

    /** The first value, or an empty string. */
    public String first() {
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
