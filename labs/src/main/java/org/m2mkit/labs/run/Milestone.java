package org.m2mkit.labs.run;

/** The steps of the chapter's autonomous cycle, with the time of each in the figure. */
public enum Milestone {
    SPIKE("meter detects a spike", 0),
    ALERT("alert reaches the gateway", 100),
    REPORT("area demand report reaches the cloud", 500),
    PREDICTION("cloud predicts a grid overload", 1000),
    COMMAND("demand-response command reaches the HVAC", 1500),
    HVAC_ACTION("HVAC raises its set point", 2000),
    CONFIRMATION("HVAC confirmation reaches the gateway", 2000);

    private final String label;
    private final long figureMs;

    Milestone(String label, long figureMs) {
        this.label = label;
        this.figureMs = figureMs;
    }

    public String label() {
        return label;
    }

    /** When the figure has it, after the spike. */
    public long figureMs() {
        return figureMs;
    }
}
