package org.m2mkit.labs.api;

/**
 * The area demand report a gateway sends the utility cloud once per period.
 *
 * @param areaId           the gateway's area
 * @param periodStartMs    end of the previous period (0 for the first report)
 * @param periodEndMs      the time the report was asked for
 * @param metersReporting  distinct meters with an accepted reading in the period
 * @param metersSilent     configured meters whose latest reading is too old, or missing
 * @param totalKw          sum of the latest load of the fresh meters
 * @param peakKw           largest latest load of a fresh meter (0 when none)
 * @param peakMeterId      the meter with that load (null when none)
 * @param alerts           alerts raised in the period
 * @param rejected         readings rejected in the period
 */
public record AreaReport(String areaId, long periodStartMs, long periodEndMs,
                         int metersReporting, int metersSilent, double totalKw,
                         double peakKw, String peakMeterId, int alerts, int rejected) {}
