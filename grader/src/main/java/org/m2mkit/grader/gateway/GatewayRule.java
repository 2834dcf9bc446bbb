package org.m2mkit.grader.gateway;

/** The rules of specs/gateway-lab.md and the points each is worth. */
public enum GatewayRule {
    VALIDATION(1, "validation", 20),
    ALERTS(2, "spike alerts", 20),
    REPORT(3, "area report", 30),
    DEMAND_RESPONSE(4, "demand response", 20),
    SCALE(5, "scale", 10);

    private final int number;
    private final String title;
    private final int points;

    GatewayRule(int number, String title, int points) {
        this.number = number;
        this.title = title;
        this.points = points;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public int points() {
        return points;
    }

    /** "rule 2 (spike alerts)". */
    public String label() {
        return "rule " + number + " (" + title + ")";
    }
}
