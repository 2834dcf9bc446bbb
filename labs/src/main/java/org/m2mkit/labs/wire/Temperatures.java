package org.m2mkit.labs.wire;

/** Celsius and Fahrenheit. */
public final class Temperatures {

    private Temperatures() {
    }

    public static double toFahrenheit(double celsius) {
        return celsius * 9 / 5 + 32;
    }

    public static double toCelsius(double fahrenheit) {
        return (fahrenheit - 32) * 5 / 9;
    }
}
