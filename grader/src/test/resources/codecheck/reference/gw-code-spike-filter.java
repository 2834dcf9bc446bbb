import java.util.HashMap;
import java.util.Map;

class SpikeFilter {
    private final double thresholdKw;
    private final long cooldownMs;
    private final Map<String, Long> lastAlert = new HashMap<>();

    SpikeFilter(double thresholdKw, long cooldownMs) {
        this.thresholdKw = thresholdKw;
        this.cooldownMs = cooldownMs;
    }

    /** True when this reading must raise a spike alert. */
    boolean alert(String meterId, long timestampMs, double kw) {
        if (kw < thresholdKw) {
            return false;
        }
        Long last = lastAlert.get(meterId);
        if (last != null && timestampMs - last < cooldownMs) {
            return false;
        }
        lastAlert.put(meterId, timestampMs);
        return true;
    }
}
