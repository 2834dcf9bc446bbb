package org.m2mkit.grader.standards;

/** The rules of docs/standards-lab.md and the points each is worth. */
public enum StandardsRule {
    REJECT(1, "short or garbled blocks", 10),
    WORD_ORDER_ABCD(2, "power, high word first", 10),
    WORD_ORDER_CDAB(3, "power, low word first", 10),
    ENERGY(4, "energy as uint32", 10),
    VOLTAGE(5, "voltage scaling", 10),
    STATUS(6, "status bits", 10),
    NAMES_UNITS(7, "names, units and kinds of value", 10),
    BASE_NAME(8, "base name", 10),
    BASE_TIME(9, "base time", 10),
    LWM2M(10, "LwM2M resources", 10);

    private final int number;
    private final String title;
    private final int points;

    StandardsRule(int number, String title, int points) {
        this.number = number;
        this.title = title;
        this.points = points;
    }

    public int number() {
        return number;
    }

    public int points() {
        return points;
    }

    /** "R2 (power, high word first)". */
    public String label() {
        return "R" + number + " (" + title + ")";
    }
}
