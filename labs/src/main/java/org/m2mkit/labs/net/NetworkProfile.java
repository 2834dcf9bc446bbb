package org.m2mkit.labs.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.m2mkit.labs.UserError;

/**
 * What a link technology does to a message: one-way latency (median), jitter, loss and bandwidth. Figures and
 * their sources: docs/labs.md, "Network profiles". {@link #LOCAL} shapes nothing (the machine's own loopback).
 *
 * @param key            the name on the command line
 * @param label          the name people use
 * @param latencyMs      one-way latency a message usually sees
 * @param jitterMs       spread above that latency (half-normal, so a few messages take much longer)
 * @param loss           share of transmissions lost on the radio; MQTT runs over TCP, so a loss costs a
 *                       retransmission timeout rather than the message
 * @param bandwidthKbps  rate at which the link sends, in kbit/s
 */
public record NetworkProfile(String key, String label, double latencyMs, double jitterMs, double loss,
                             double bandwidthKbps) {

    public static final NetworkProfile LOCAL = new NetworkProfile("local", "no shaping (loopback)", 0, 0, 0, 0);
    public static final NetworkProfile ETHERNET = new NetworkProfile("ethernet", "Ethernet", 0.5, 0.1, 0, 100_000);
    public static final NetworkProfile WIFI = new NetworkProfile("wifi", "Wi-Fi", 3, 2, 0.005, 50_000);
    public static final NetworkProfile GPRS_2G = new NetworkProfile("2g", "2G GPRS", 500, 200, 0.02, 27);
    public static final NetworkProfile UMTS_3G = new NetworkProfile("3g", "3G HSPA+", 80, 30, 0.01, 5_760);
    public static final NetworkProfile LTE_4G = new NetworkProfile("4g", "4G LTE (Cat 1)", 30, 10, 0.005, 5_000);
    public static final NetworkProfile LTE_M = new NetworkProfile("lte-m", "LTE-M (Cat-M1)", 15, 10, 0.005, 1_000);
    public static final NetworkProfile NB_IOT = new NetworkProfile("nb-iot", "NB-IoT (Cat-NB1)", 1600, 1500, 0.01, 26);
    public static final NetworkProfile NR_5G = new NetworkProfile("5g", "5G NR (RedCap)", 4, 1, 0.001, 50_000);

    private static final NetworkProfile[] ALL = {LOCAL, ETHERNET, WIFI, GPRS_2G, UMTS_3G, LTE_4G, LTE_M, NB_IOT, NR_5G};

    public static NetworkProfile[] all() {
        return ALL.clone();
    }

    /** Whether this profile changes nothing. */
    public boolean isLocal() {
        return latencyMs == 0 && jitterMs == 0 && loss == 0 && bandwidthKbps == 0;
    }

    /** Looks a profile up by its key ({@code lte-m}) or a common alias ({@code nbiot}, {@code lte}, {@code 4g-lte}). */
    public static NetworkProfile byName(String name) {
        String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (NetworkProfile p : ALL) {
            if (p.key.equals(k)) {
                return p;
            }
        }
        switch (k) {
            case "none", "loopback" -> { return LOCAL; }
            case "wi-fi" -> { return WIFI; }
            case "gprs", "2g-gprs" -> { return GPRS_2G; }
            case "umts", "hspa", "3g-hspa" -> { return UMTS_3G; }
            case "lte", "4g-lte" -> { return LTE_4G; }
            case "ltem", "lte-m1", "cat-m1" -> { return LTE_M; }
            case "nbiot", "nb1" -> { return NB_IOT; }
            case "5g-nr", "nr", "redcap" -> { return NR_5G; }
            default -> throw new UserError("unknown network profile '" + name + "'; use one of "
                    + Arrays.stream(ALL).map(NetworkProfile::key).collect(Collectors.joining(", ")));
        }
    }

    /** A timeout long enough for a request and its answer over this link, nearly always. */
    public long roundTripAllowanceMs() {
        return (long) Math.ceil(2 * (latencyMs + 4 * jitterMs) + (loss > 0 ? 2 * retransmissionTimeoutMs() : 0));
    }

    /** TCP's retransmission timeout on this link: at least 200 ms (Linux's minimum), else twice the round trip. */
    public double retransmissionTimeoutMs() {
        return Math.max(200, 4 * latencyMs);
    }
}
