package org.m2mkit.web.labs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.net.NetworkProfile;
import org.m2mkit.labs.run.Mode;
import org.m2mkit.labs.run.RunProtocol;

/**
 * What a student chooses when starting a live run, checked: a bad value gets a one-line answer saying what is
 * accepted.
 *
 * @param meters   meters in the area (1 to {@value #MAX_METERS})
 * @param mode     paced (the figure's timings) or fast
 * @param network  the network profile of both links
 * @param ownCode  run the student's latest gradable gateway submission instead of the reference gateway
 * @param protocol what carries the cycle: MQTT, LwM2M or both side by side
 * @param legacyMeters legacy Modbus TCP meters behind the gateway (0 to {@value #MAX_LEGACY})
 */
public record RunOptions(int meters, Mode mode, NetworkProfile network, boolean ownCode, RunProtocol protocol,
                         int legacyMeters) {

    public static final int MAX_METERS = 200;
    public static final int MAX_LEGACY = 4;

    /** Network profiles a student may pick, in the order the form lists them. */
    public static List<NetworkProfile> networks() {
        return Arrays.asList(NetworkProfile.all());
    }

    public static RunOptions parse(String meters, String mode, String network, String gateway) {
        return parse(meters, mode, network, gateway, null, null);
    }

    /** As above, with the protocol ({@code mqtt} by default) and the legacy meters ({@code 0} by default). */
    public static RunOptions parse(String meters, String mode, String network, String gateway, String protocol,
                                   String legacy) {
        int n;
        try {
            n = Integer.parseInt(meters == null || meters.isBlank() ? "50" : meters.strip());
        } catch (NumberFormatException e) {
            throw new UserError("meters '" + meters + "' is not a number; use a whole number from 1 to " + MAX_METERS);
        }
        if (n < 1 || n > MAX_METERS) {
            throw new UserError("meters " + n + " is out of range; use 1 to " + MAX_METERS);
        }
        Mode m;
        String modeText = mode == null || mode.isBlank() ? "paced" : mode.strip().toLowerCase(Locale.ROOT);
        if (modeText.equals("paced")) {
            m = Mode.PACED;
        } else if (modeText.equals("fast")) {
            m = Mode.FAST;
        } else {
            throw new UserError("mode '" + mode + "' is not known; use paced or fast");
        }
        NetworkProfile profile = null;
        String key = network == null || network.isBlank() ? "ethernet" : network.strip().toLowerCase(Locale.ROOT);
        for (NetworkProfile p : networks()) {
            if (p.key().equals(key)) {
                profile = p;
            }
        }
        if (profile == null) {
            throw new UserError("network '" + network + "' is not known; use one of "
                    + networks().stream().map(NetworkProfile::key).toList());
        }
        String g = gateway == null || gateway.isBlank() ? "reference" : gateway.strip().toLowerCase(Locale.ROOT);
        if (!g.equals("reference") && !g.equals("mine")) {
            throw new UserError("gateway '" + gateway + "' is not known; use reference or mine");
        }
        RunProtocol p = RunProtocol.parse(protocol == null || protocol.isBlank() ? "mqtt" : protocol);
        int l;
        try {
            l = Integer.parseInt(legacy == null || legacy.isBlank() ? "0" : legacy.strip());
        } catch (NumberFormatException e) {
            throw new UserError("legacy meters '" + legacy + "' is not a number; use 0 to " + MAX_LEGACY);
        }
        if (l < 0 || l > MAX_LEGACY || l >= n) {
            throw new UserError("legacy meters " + l + " is out of range; use 0 to " + Math.min(MAX_LEGACY, n - 1)
                    + " (fewer than the meters)");
        }
        return new RunOptions(n, m, profile, g.equals("mine"), p, l);
    }
}
