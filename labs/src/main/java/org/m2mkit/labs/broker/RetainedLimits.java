package org.m2mkit.labs.broker;

/**
 * How much the embedded broker keeps as retained messages: a retained message over {@code maxBytes}, or one that
 * would make its area hold more than {@code perArea} or the broker more than {@code total} retained messages or
 * {@code totalBytes} bytes of them, is delivered but not kept.
 */
public record RetainedLimits(int maxBytes, int perArea, int total, long totalBytes) {

    /**
     * 16 KB a message (the kit's own are a few hundred bytes); 2,500 an area (a status for each of up to 2,000
     * meters and the rest of the area); 50,000 and 32 MB in all.
     */
    public static final RetainedLimits DEFAULT = new RetainedLimits(16 * 1024, 2_500, 50_000, 32L * 1024 * 1024);

    public RetainedLimits {
        if (maxBytes < 1 || perArea < 1 || total < perArea || totalBytes < maxBytes) {
            throw new IllegalArgumentException("retained limits " + maxBytes + "/" + perArea + "/" + total + "/"
                    + totalBytes + " are not consistent");
        }
    }
}
