package org.m2mkit.labs.run;

import java.util.Locale;
import org.m2mkit.labs.UserError;

/** Which protocol carries a run's autonomous cycle: MQTT, LwM2M, or both side by side on the same spike. */
public enum RunProtocol {
    MQTT, LWM2M, BOTH;

    public boolean mqtt() {
        return this != LWM2M;
    }

    public boolean lwm2m() {
        return this != MQTT;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code mqtt}, {@code lwm2m} or {@code both}. */
    public static RunProtocol parse(String s) {
        String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (RunProtocol p : values()) {
            if (p.key().equals(k)) {
                return p;
            }
        }
        throw new UserError("protocol '" + s + "' is not known; use mqtt, lwm2m or both");
    }
}
