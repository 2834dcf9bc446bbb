package org.m2mkit.labs.hvac;

/**
 * A first-order thermal model of a cooled building: the indoor temperature drifts toward the outdoor one with time
 * constant {@code tau}, and the air conditioner removes heat with a proportional controller. Holding the indoor
 * temperature at the set point takes {@code kwPerDegree * (outdoor - setpoint)} kW, so raising the set point by
 * one degree sheds {@code kwPerDegree} kW: the {@code shedKwPerDegreeC} of the unit.
 */
public final class ThermalModel {

    private static final double STEP_MS = 10_000;

    private final double kwPerDegree;
    private final double maxKw;
    private final double tauMs;
    private final double gain;
    private double outdoorC;
    private double indoorC;
    private double setpointC;

    /**
     * @param kwPerDegree electrical kW per degree of difference held between outdoor and indoor
     * @param maxKw       the unit's largest draw
     * @param tauMs       how fast the building follows the outdoor temperature
     */
    public ThermalModel(double kwPerDegree, double maxKw, double tauMs, double outdoorC, double indoorC, double setpointC) {
        this.kwPerDegree = kwPerDegree;
        this.maxKw = maxKw;
        this.tauMs = tauMs;
        this.gain = 4;
        this.outdoorC = outdoorC;
        this.indoorC = indoorC;
        this.setpointC = setpointC;
    }

    /** The electrical power the unit draws now. */
    public double powerKw() {
        double hold = kwPerDegree * (outdoorC - setpointC);
        double correct = gain * kwPerDegree * (indoorC - setpointC);
        return Math.max(0, Math.min(maxKw, hold + correct));
    }

    /** Lets {@code ms} pass. */
    public void advance(double ms) {
        double left = ms;
        while (left > 0) {
            double dt = Math.min(STEP_MS, left);
            double coolingC = powerKw() / kwPerDegree;
            indoorC += ((outdoorC - indoorC) - coolingC) * dt / tauMs;
            left -= dt;
        }
    }

    public void raiseSetpoint(double deltaC) {
        setpointC += deltaC;
    }

    public void setSetpoint(double c) {
        setpointC = c;
    }

    public void setOutdoor(double c) {
        outdoorC = c;
    }

    public double setpointC() {
        return setpointC;
    }

    public double indoorC() {
        return indoorC;
    }

    public double outdoorC() {
        return outdoorC;
    }
}
