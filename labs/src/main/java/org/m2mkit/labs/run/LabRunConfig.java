package org.m2mkit.labs.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;
import org.m2mkit.labs.api.HvacUnit;
import org.m2mkit.labs.broker.BrokerLogin;
import org.m2mkit.labs.broker.BrokerUrl;
import org.m2mkit.labs.gateway.ReferenceGateway;
import org.m2mkit.labs.meter.LoadModel;
import org.m2mkit.labs.net.NetworkProfile;
import org.m2mkit.labs.wire.Topics;

/**
 * Everything a lab run needs, validated when built: a bad value fails with a {@link UserError} naming the
 * setting, the value and what is accepted. Every setting has a default that works on a laptop; see
 * {@link #builder()}.
 */
public record LabRunConfig(
        int meters, String areaId, Mode mode, NetworkProfile fieldNetwork, NetworkProfile uplinkNetwork,
        String brokerUrl, String gatewayName, Function<GatewayConfig, Gateway> gatewayFactory,
        List<HvacUnit> hvacUnits, double spikeKw, double spikeThresholdKw, long alertCooldownMs,
        long readingIntervalMs, long reportPeriodMs, double feederCapacityKw, double forecastAlpha,
        double forecastBeta, int forecastHorizon, double setpointDeltaC, long drDurationMs, long drRetryMs,
        double startHour, double outdoorC, double setpointF, int queueCapacity, int timelineCapacity,
        boolean recordReadings, long seed, BrokerLogin brokerLogin, Standards standards) {

    /** Meter ids: {@code meter-01} ... (two digits at least, more for larger areas). */
    public List<String> meterIds() {
        int width = Math.max(2, Integer.toString(meters).length());
        List<String> ids = new ArrayList<>(meters);
        for (int i = 1; i <= meters; i++) {
            ids.add(String.format(Locale.ROOT, "meter-%0" + width + "d", i));
        }
        return ids;
    }

    /** The legacy Modbus TCP meters: the last {@code legacyMeters} of the area. */
    public List<String> legacyMeterIds() {
        List<String> all = meterIds();
        return List.copyOf(all.subList(all.size() - standards.legacyMeters(), all.size()));
    }

    /** The meters that are LwM2M devices in this run (none when MQTT alone carries it). */
    public List<String> lwm2mMeterIds() {
        if (!standards.protocol().lwm2m()) {
            return List.of();
        }
        List<String> direct = meterIds().subList(0, meters - standards.legacyMeters());
        return List.copyOf(direct.subList(0, Math.min(direct.size(), standards.lwm2mMeters())));
    }

    /** The meters that publish over MQTT themselves: neither legacy nor LwM2M-only. */
    public List<String> mqttMeterIds() {
        List<String> out = new ArrayList<>(meterIds());
        out.removeAll(legacyMeterIds());
        if (!standards.protocol().mqtt()) {
            out.removeAll(lwm2mMeterIds());
        }
        return out;
    }

    /**
     * What the gateway is told: a meter is silent after missing three readings, plus the time the field network
     * may take to bring one (seconds on NB-IoT).
     */
    public GatewayConfig gatewayConfig() {
        List<String> heard = new ArrayList<>(mqttMeterIds());
        heard.addAll(legacyMeterIds()); // the bridge publishes theirs
        return new GatewayConfig(areaId, Set.copyOf(new LinkedHashSet<>(heard)), List.copyOf(hvacUnits),
                spikeThresholdKw, alertCooldownMs, 3 * readingIntervalMs + fieldNetwork.roundTripAllowanceMs());
    }

    public Pacing pacing() {
        return Pacing.of(mode);
    }

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings with defaults; {@link #build()} validates them. */
    public static final class Builder {
        private int meters = 50;
        private String areaId = "area-1";
        private Mode mode = Mode.PACED;
        private NetworkProfile fieldNetwork;
        private NetworkProfile uplinkNetwork;
        private String brokerUrl;
        private String gatewayName = "reference gateway";
        private Function<GatewayConfig, Gateway> gatewayFactory = ReferenceGateway::new;
        private List<HvacUnit> hvacUnits = List.of(new HvacUnit("hvac-1", 2.5), new HvacUnit("hvac-2", 2.0),
                new HvacUnit("hvac-3", 1.5));
        private double spikeKw = 15;
        private double spikeThresholdKw = 10;
        private Long alertCooldownMs;
        private long readingIntervalMs = 1000;
        private Long reportPeriodMs;
        private double feederCapacityKw = Double.NaN;
        private double forecastAlpha = 0.6;
        private double forecastBeta = 0.4;
        private int forecastHorizon = 1;
        private double setpointDeltaC = 2;
        private long drDurationMs = 15 * 60_000;
        private long drRetryMs = 1000;
        private double startHour = 17.5;
        private double outdoorC = 32;
        private double setpointF = 70;
        private int queueCapacity = 1000;
        private int timelineCapacity = 10_000;
        private boolean recordReadings = true;
        private long seed = 1;
        private BrokerLogin brokerLogin;
        private RunProtocol protocol = RunProtocol.MQTT;
        private int lwm2mMeters = 10;
        private int legacyMeters;
        private org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer lwm2mServer;

        public Builder meters(int v) { meters = v; return this; }
        public Builder areaId(String v) { areaId = v; return this; }
        public Builder mode(Mode v) { mode = v; return this; }
        /** Both links: meters-gateway and gateway-cloud. */
        public Builder network(NetworkProfile v) { fieldNetwork = v; uplinkNetwork = v; return this; }
        public Builder fieldNetwork(NetworkProfile v) { fieldNetwork = v; return this; }
        public Builder uplinkNetwork(NetworkProfile v) { uplinkNetwork = v; return this; }
        /** An external broker, {@code tcp://host:port}; null for the embedded one. */
        public Builder brokerUrl(String v) { brokerUrl = v; return this; }
        /**
         * How the run's clients sign in to the external broker (anonymous by default); with the embedded broker the
         * run makes logins of its own.
         */
        public Builder brokerLogin(BrokerLogin v) { brokerLogin = v; return this; }
        /** Runs a student's gateway in place of the reference one. */
        public Builder gateway(String name, Function<GatewayConfig, Gateway> factory) {
            gatewayName = name;
            gatewayFactory = factory;
            return this;
        }
        public Builder hvacUnits(List<HvacUnit> v) { hvacUnits = v; return this; }
        public Builder spikeKw(double v) { spikeKw = v; return this; }
        public Builder spikeThresholdKw(double v) { spikeThresholdKw = v; return this; }
        public Builder alertCooldownMs(long v) { alertCooldownMs = v; return this; }
        public Builder readingIntervalMs(long v) { readingIntervalMs = v; return this; }
        public Builder reportPeriodMs(long v) { reportPeriodMs = v; return this; }
        /** The feeder's capacity; NaN (the default) sets it 8 kW above the area's expected load. */
        public Builder feederCapacityKw(double v) { feederCapacityKw = v; return this; }
        public Builder forecast(double alpha, double beta, int horizon) {
            forecastAlpha = alpha;
            forecastBeta = beta;
            forecastHorizon = horizon;
            return this;
        }
        public Builder setpointDeltaC(double v) { setpointDeltaC = v; return this; }
        public Builder drDurationMs(long v) { drDurationMs = v; return this; }
        public Builder drRetryMs(long v) { drRetryMs = v; return this; }
        public Builder startHour(double v) { startHour = v; return this; }
        public Builder outdoorC(double v) { outdoorC = v; return this; }
        public Builder setpointF(double v) { setpointF = v; return this; }
        public Builder queueCapacity(int v) { queueCapacity = v; return this; }
        public Builder timelineCapacity(int v) { timelineCapacity = v; return this; }
        public Builder recordReadings(boolean v) { recordReadings = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        /** Which protocol carries the cycle: MQTT (the default), LwM2M or both. */
        public Builder protocol(RunProtocol v) { protocol = v; return this; }
        /** How many of the first meters are LwM2M devices when LwM2M is on (default 10). */
        public Builder lwm2mMeters(int v) { lwm2mMeters = v; return this; }
        /** How many of the last meters are legacy Modbus TCP meters behind the gateway (default 0). */
        public Builder legacyMeters(int v) { legacyMeters = v; return this; }
        /** The kit's LwM2M server, shared by runs; without it a run starts a server of its own. */
        public Builder lwm2mServer(org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer v) { lwm2mServer = v; return this; }

        public LabRunConfig build() {
            check(meters >= 1 && meters <= 100_000, "meters", meters, "1 to 100000");
            check(Topics.validId(areaId), "area", areaId, "letters, digits, - _ . (up to 64)");
            check(mode != null, "mode", mode, "paced or fast");
            if (brokerUrl != null) {
                BrokerUrl.parse(brokerUrl);
            }
            check(gatewayFactory != null, "gateway", null, "a Gateway implementation");
            check(hvacUnits != null && hvacUnits.stream().allMatch(u -> u != null && Topics.validId(u.deviceId())
                    && u.shedKwPerDegreeC() > 0 && Double.isFinite(u.shedKwPerDegreeC()))
                    && hvacUnits.stream().map(HvacUnit::deviceId).distinct().count() == hvacUnits.size(),
                    "hvac units", hvacUnits, "distinct ids with a positive kW per degree");
            check(spikeKw > 0 && Double.isFinite(spikeKw), "spike kW", spikeKw, "a positive number");
            check(spikeThresholdKw > 0 && spikeThresholdKw <= spikeKw, "spike threshold kW", spikeThresholdKw,
                    "above 0 and at most the spike (" + spikeKw + " kW)");
            check(readingIntervalMs >= 10 && readingIntervalMs <= 3_600_000, "reading interval ms",
                    readingIntervalMs, "10 to 3600000");
            long cooldown = alertCooldownMs != null ? alertCooldownMs : 60_000;
            check(cooldown >= 1, "alert cooldown ms", cooldown, "1 or more");
            long period = reportPeriodMs != null ? reportPeriodMs : mode == Mode.PACED ? 5000 : 1000;
            check(period >= 10 && period <= 3_600_000, "report period ms", period, "10 to 3600000");
            check(Double.isNaN(feederCapacityKw) || feederCapacityKw > 0, "feeder capacity kW", feederCapacityKw,
                    "a positive number");
            check(forecastAlpha > 0 && forecastAlpha <= 1, "forecast alpha", forecastAlpha, "above 0, at most 1");
            check(forecastBeta >= 0 && forecastBeta <= 1, "forecast beta", forecastBeta, "0 to 1");
            check(forecastHorizon >= 1 && forecastHorizon <= 100, "forecast horizon", forecastHorizon, "1 to 100");
            check(setpointDeltaC > 0 && setpointDeltaC <= 10, "set-point change °C", setpointDeltaC, "above 0, at most 10");
            check(drDurationMs >= 1, "event duration ms", drDurationMs, "1 or more");
            check(drRetryMs >= 10, "event retry ms", drRetryMs, "10 or more");
            check(startHour >= 0 && startHour < 24, "start hour", startHour, "0 to 24");
            check(outdoorC > -50 && outdoorC < 60, "outdoor °C", outdoorC, "-50 to 60");
            check(setpointF >= 50 && setpointF <= 90, "set point °F", setpointF, "50 to 90");
            check(queueCapacity >= 1 && queueCapacity <= 1_000_000, "queue capacity", queueCapacity, "1 to 1000000");
            check(timelineCapacity >= 10 && timelineCapacity <= 1_000_000, "timeline capacity", timelineCapacity,
                    "10 to 1000000");
            check(protocol != null, "protocol", protocol, "mqtt, lwm2m or both");
            check(lwm2mMeters >= 1 && lwm2mMeters <= Standards.MAX_LWM2M_METERS, "LwM2M meters", lwm2mMeters,
                    "1 to " + Standards.MAX_LWM2M_METERS);
            check(legacyMeters >= 0 && legacyMeters <= Standards.MAX_LEGACY_METERS && legacyMeters < meters,
                    "legacy meters", legacyMeters, "0 to " + Math.min(Standards.MAX_LEGACY_METERS, meters - 1)
                    + " (fewer than the meters)");
            Standards standards = new Standards(protocol, lwm2mMeters, legacyMeters, lwm2mServer);
            NetworkProfile field = fieldNetwork != null ? fieldNetwork
                    : mode == Mode.PACED ? NetworkProfile.ETHERNET : NetworkProfile.LOCAL;
            NetworkProfile uplink = uplinkNetwork != null ? uplinkNetwork : field;
            List<String> ids = new LabRunConfig(meters, areaId, mode, field, uplink, brokerUrl, gatewayName,
                    gatewayFactory, hvacUnits, spikeKw, spikeThresholdKw, cooldown, readingIntervalMs, period,
                    1, forecastAlpha, forecastBeta, forecastHorizon, setpointDeltaC, drDurationMs, drRetryMs,
                    startHour, outdoorC, setpointF, queueCapacity, timelineCapacity, recordReadings, seed, null,
                    standards).meterIds();
            double capacity = Double.isNaN(feederCapacityKw) ? expectedAreaKw(ids.size(), startHour, seed) + 8
                    : feederCapacityKw;
            return new LabRunConfig(meters, areaId, mode, field, uplink, brokerUrl, gatewayName, gatewayFactory,
                    List.copyOf(hvacUnits), spikeKw, spikeThresholdKw, cooldown, readingIntervalMs, period, capacity,
                    forecastAlpha, forecastBeta, forecastHorizon, setpointDeltaC, drDurationMs, drRetryMs, startHour,
                    outdoorC, setpointF, queueCapacity, timelineCapacity, recordReadings, seed,
                    brokerLogin != null ? brokerLogin : BrokerLogin.anonymous(), standards);
        }

        private static void check(boolean ok, String key, Object value, String accepted) {
            if (!ok) {
                throw new UserError(key + " " + value + " is not valid; use " + accepted);
            }
        }
    }

    /** The area's expected load at {@code hour}, with the meters of run seed {@code seed}. */
    public static double expectedAreaKw(int meters, double hour, long seed) {
        double total = 0;
        for (LoadModel m : loadModels(meters, seed)) {
            total += m.expectedKw(hour);
        }
        return total;
    }

    /** The load model of each meter of a run, in meter order. */
    public static List<LoadModel> loadModels(int meters, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<LoadModel> models = new ArrayList<>(meters);
        for (int i = 0; i < meters; i++) {
            models.add(LoadModel.household(random));
        }
        return models;
    }
}
