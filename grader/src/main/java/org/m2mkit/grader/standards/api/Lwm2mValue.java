package org.m2mkit.grader.standards.api;

/**
 * The value of one LwM2M resource, by its path {@code /object/instance/resource}: a number or a text.
 *
 * @param path   like {@code /3305/0/5800}
 * @param number the value of a float resource, else null
 * @param text   the value of a string resource, else null
 */
public record Lwm2mValue(String path, Double number, String text) {
    /** A float resource. */
    public static Lwm2mValue number(String path, double value) {
        return new Lwm2mValue(path, value, null);
    }

    /** A string resource. */
    public static Lwm2mValue text(String path, String value) {
        return new Lwm2mValue(path, null, value);
    }
}
