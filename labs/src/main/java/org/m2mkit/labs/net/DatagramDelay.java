package org.m2mkit.labs.net;

import java.util.SplittableRandom;

/**
 * What a network profile does to one device's CoAP messages, which travel in UDP datagrams: the time to send the
 * bytes at the profile's bandwidth (with 28 bytes of IPv4 and UDP headers), then latency and jitter. A datagram
 * lost on the radio is not resent by UDP; a confirmable CoAP message is resent after CoAP's ACK timeout (2 to 3
 * s, RFC 7252), which is what a loss costs here. Thread-safe.
 */
public final class DatagramDelay {

    /** IPv4 (20) and UDP (8) headers. */
    public static final int IP_UDP_BYTES = 28;
    private static final double ACK_TIMEOUT_MS = 2000;
    private static final double ACK_RANDOM_FACTOR = 1.5;

    private final NetworkProfile profile;
    private final SplittableRandom random;
    private long linkFreeAtNanos;

    public DatagramDelay(NetworkProfile profile, long seed) {
        this.profile = profile;
        this.random = new SplittableRandom(seed);
    }

    /** How long a datagram of {@code bytes} (CoAP message) sent now takes to arrive, ms; 0 on a local profile. */
    public synchronized long delayMs(int bytes) {
        if (profile.isLocal()) {
            return 0;
        }
        long now = System.nanoTime();
        double sendMs = profile.bandwidthKbps() > 0 ? (bytes + IP_UDP_BYTES) * 8.0 / profile.bandwidthKbps() : 0;
        long departs = Math.max(now, linkFreeAtNanos) + (long) (sendMs * 1e6);
        linkFreeAtNanos = departs;
        double flightMs = profile.latencyMs() + Math.abs(random.nextGaussian()) * profile.jitterMs();
        while (profile.loss() > 0 && random.nextDouble() < profile.loss()) {
            flightMs += ACK_TIMEOUT_MS * (1 + random.nextDouble() * (ACK_RANDOM_FACTOR - 1));
        }
        return Math.max(0, (departs - now) / 1_000_000 + Math.round(flightMs));
    }
}
