package org.m2mkit.labs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.net.NetworkProfile;
import org.m2mkit.labs.run.Cycle;
import org.m2mkit.labs.run.LabRun;
import org.m2mkit.labs.run.LabRunConfig;
import org.m2mkit.labs.run.Milestone;
import org.m2mkit.labs.run.Mode;
import org.m2mkit.labs.run.RunProtocol;
import org.m2mkit.labs.run.Standards;
import org.m2mkit.labs.compare.ProtocolFigures;
import java.util.List;
import org.m2mkit.labs.run.TimelineEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lab}: runs the smart-metering lab from the command line. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "The smart-metering M2M lab: meters, gateway, utility cloud and HVAC over MQTT, LwM2M or both.",
        subcommands = {LabCommand.Run.class, LabCommand.Profiles.class})
public final class LabCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lab run}: one run of the autonomous cycle, printed live, then a summary. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Starts the lab, injects a spike and prints the cycle's steps as they happen, then a summary.")
    public static final class Run implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--meters", defaultValue = "50", description = "Meters in the area, 1-2000 (default: ${DEFAULT-VALUE}).")
        int meters;

        @Option(names = "--mode", defaultValue = "paced",
                description = "paced (the figure's timings) or fast (as fast as the machine goes); default: ${DEFAULT-VALUE}.")
        String mode;

        @Option(names = "--network", description = "Profile of both links (meters-gateway and gateway-cloud): "
                + "ethernet, wifi, 2g, 3g, 4g, lte-m, nb-iot, 5g, local. Default: ethernet when paced, local when fast.")
        String network;

        @Option(names = "--uplink-network", description = "Profile of the gateway-cloud link only (default: as --network).")
        String uplinkNetwork;

        @Option(names = "--broker", defaultValue = "embedded",
                description = "embedded (default) or the URL of an MQTT broker, tcp://host:port.")
        String broker;

        @Option(names = "--spike", defaultValue = "meter-07", description = "The meter that spikes (default: ${DEFAULT-VALUE}).")
        String spikeMeter;

        @Option(names = "--spike-at", defaultValue = "2s", description = "When the spike comes after the start (default: ${DEFAULT-VALUE}).")
        String spikeAt;

        @Option(names = "--gateway", description = "A Java source file with your Gateway, run in place of the reference one.")
        Path gatewaySource;

        @Option(names = "--cut-uplink", description = "Cut the gateway's uplink this long after the start, e.g. 1s.")
        String cutAt;

        @Option(names = "--cut-for", defaultValue = "3s", description = "How long the uplink stays cut (default: ${DEFAULT-VALUE}).")
        String cutFor;

        @Option(names = "--unplug", description = "Pull the plug on this meter during the run, e.g. meter-03: its "
                + "connection drops without a goodbye and the broker publishes its last will (offline).")
        String unplugMeter;

        @Option(names = "--unplug-at", defaultValue = "1s", description = "When --unplug pulls the plug after the start (default: ${DEFAULT-VALUE}).")
        String unplugAt;

        @Option(names = "--unplug-for", description = "Plug the meter back in after this long, e.g. 3s (default: it stays unplugged).")
        String unplugFor;

        @Option(names = "--duration", description = "Run this long, e.g. 30s (default: until the cycle completes, at most 2m).")
        String duration;

        @Option(names = "--timeline", description = "Write the timeline to this file: .json or .csv.")
        Path timelineFile;

        @Option(names = "--messages", description = "Print every message except meter readings, not only the steps.")
        boolean messages;

        @Option(names = "--protocol", defaultValue = "mqtt", description = "What carries the cycle: mqtt, lwm2m "
                + "(Eclipse Leshan, CoAP over UDP) or both side by side on the same spike (default: ${DEFAULT-VALUE}).")
        String protocol;

        @Option(names = "--lwm2m-meters", defaultValue = "10", description = "How many of the first meters are "
                + "LwM2M devices with --protocol lwm2m or both, 1-50 (default: ${DEFAULT-VALUE}).")
        int lwm2mMeters;

        @Option(names = "--legacy-meters", defaultValue = "0", description = "How many of the last meters are "
                + "legacy Modbus TCP meters the gateway polls and bridges, 0-20 (default: ${DEFAULT-VALUE}).")
        int legacyMeters;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the meters' loads and the networks' delays.")
        long seed;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            LabRunConfig config = config();
            Duration spikeDelay = Durations.parse("--spike-at", spikeAt);
            Duration cutDelay = cutAt == null ? null : Durations.parse("--cut-uplink", cutAt);
            Duration cutLength = Durations.parse("--cut-for", cutFor);
            Duration limit = duration == null ? null : Durations.parse("--duration", duration);
            if (timelineFile != null && !(timelineFile.toString().endsWith(".json") || timelineFile.toString().endsWith(".csv"))) {
                throw new UserError("--timeline " + timelineFile + " must end in .json or .csv");
            }
            requireMeter(config, "--spike", spikeMeter);
            Duration unplugDelay = unplugMeter == null ? null : Durations.parse("--unplug-at", unplugAt);
            Duration unplugLength = unplugFor == null ? null : Durations.parse("--unplug-for", unplugFor);
            if (unplugMeter != null) {
                requireMeter(config, "--unplug", unplugMeter);
                boolean deadAtSpike = unplugMeter.equals(spikeMeter) && unplugDelay.compareTo(spikeDelay) < 0
                        && (unplugLength == null || unplugDelay.plus(unplugLength).compareTo(spikeDelay) >= 0);
                if (deadAtSpike) {
                    throw new UserError("--unplug " + unplugMeter + " is still unplugged when it should spike at "
                            + spikeAt + "; unplug another meter, or plug it back in before the spike with --unplug-for");
                }
            } else if (unplugFor != null) {
                throw new UserError("--unplug-for needs --unplug, the meter to unplug");
            }
            try (LabRun run = LabRun.start(config)) {
                out.printf(Locale.ROOT, "lab: %d meters, %s mode, broker %s, network %s / uplink %s, gateway: %s%n",
                        config.meters(), config.mode().name().toLowerCase(Locale.ROOT), run.brokerUrl(),
                        config.fieldNetwork().label(), config.uplinkNetwork().label(), config.gatewayName());
                run.watchCommand().ifPresent(c -> out.printf(Locale.ROOT, "lab: watch the area with %s%n", c));
                run.lwm2mServerUri().ifPresent(u -> out.printf(Locale.ROOT, "lab: LwM2M server %s, %d devices "
                        + "registered%n", u, run.lwm2mRegistered().size()));
                run.timeline().addListener(e -> print(out, e));
                // what happens when, in order of time (and, at the same time, in the order added)
                List<Step> steps = new ArrayList<>();
                AtomicReference<CompletableFuture<Cycle>> cycleOf = new AtomicReference<>();
                if (cutDelay != null) {
                    steps.add(new Step(cutDelay, run::cutUplink));
                }
                steps.add(new Step(spikeDelay, () -> cycleOf.set(run.injectSpike(spikeMeter))));
                if (cutDelay != null) {
                    steps.add(new Step(cutDelay.plus(cutLength), run::restoreUplink));
                }
                if (unplugMeter != null) {
                    steps.add(new Step(unplugDelay, () -> run.unplugMeter(unplugMeter)));
                    if (unplugLength != null) {
                        steps.add(new Step(unplugDelay.plus(unplugLength), () -> run.plugInMeter(unplugMeter)));
                    }
                }
                steps.sort(java.util.Comparator.comparing(Step::at));
                long started = System.nanoTime();
                for (Step step : steps) {
                    sleepUntil(started, step.at());
                    step.action().run();
                }
                CompletableFuture<Cycle> cycle = cycleOf.get();
                Cycle done = null;
                long waitMs = limit != null ? Math.max(0, limit.toMillis() - elapsedMs(started)) : 120_000;
                try {
                    done = cycle.get(waitMs, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // reported below
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                if (limit != null) {
                    sleepUntil(started, limit);
                } else {
                    // the opt-in and the last receipts; the wire comparison counts a second after the confirmation
                    Thread.sleep(config.standards().equals(Standards.MQTT_ONLY) ? 300 : 1200);
                }
                run.close();
                summary(out, done, run);
                if (config.standards().protocol() == RunProtocol.BOTH && done != null) {
                    run.lwm2mCycles().stream().filter(Cycle::complete).reduce((a, b) -> b)
                            .ifPresent(c -> summary(out, c, run));
                }
                comparison(out, run, config);
                if (timelineFile != null) {
                    write(run);
                    out.println("timeline: " + run.timeline().events().size() + " entries written to " + timelineFile);
                }
                return done == null ? 1 : 0;
            }
        }

        /** Something the run does {@code at} this long after its start. */
        private record Step(Duration at, Runnable action) {
        }

        private static void requireMeter(LabRunConfig config, String option, String meter) {
            if (!config.meterIds().contains(meter)) {
                throw new UserError(option + " " + meter + " is not a meter of the area; use meter-01 to "
                        + config.meterIds().get(config.meterIds().size() - 1));
            }
        }

        private LabRunConfig config() {
            Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
                case "paced" -> Mode.PACED;
                case "fast" -> Mode.FAST;
                default -> throw new UserError("--mode '" + mode + "' is not valid; use paced or fast");
            };
            if (meters < 1 || meters > 2000) {
                throw new UserError("--meters " + meters + " is not valid; use 1 to 2000");
            }
            LabRunConfig.Builder b = LabRunConfig.builder().meters(meters).mode(m).seed(seed)
                    .protocol(RunProtocol.parse(protocol)).lwm2mMeters(lwm2mMeters).legacyMeters(legacyMeters);
            if (network != null) {
                b.network(NetworkProfile.byName(network));
            }
            if (uplinkNetwork != null) {
                b.uplinkNetwork(NetworkProfile.byName(uplinkNetwork));
            }
            if (!broker.equalsIgnoreCase("embedded")) {
                b.brokerUrl(broker);
            }
            if (gatewaySource != null) {
                b.gateway(gatewaySource.getFileName().toString(), GatewaySource.load(gatewaySource));
            }
            return b.build();
        }

        private void write(LabRun run) {
            String text = timelineFile.toString().endsWith(".csv") ? run.timeline().toCsv() : run.timeline().toJson();
            try {
                Files.writeString(timelineFile, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot write the timeline to " + timelineFile + ": " + e.getMessage());
            }
        }

        private void print(PrintWriter out, TimelineEvent e) {
            String when = String.format(Locale.ROOT, "%8.3f s", e.offsetMs() / 1000.0);
            switch (e.kind()) {
                case MILESTONE -> out.printf(Locale.ROOT, "%s  cycle %d  t=%s  %-13s %-9s %s%n", when, e.cycle(),
                        e.cycleMs() < 0 ? "   ?   " : String.format(Locale.ROOT, "%.3f s", e.cycleMs() / 1000.0),
                        e.milestone().name(), e.from(), e.detail());
                case ERROR -> out.printf(Locale.ROOT, "%s  ERROR   %-9s %s%n", when, e.from(), e.detail());
                case NOTE -> out.printf(Locale.ROOT, "%s  note    %-9s %s%n", when, e.from(), e.detail());
                case MESSAGE -> {
                    if (e.detail().contains("last will")) {
                        out.printf(Locale.ROOT, "%s  will    %-9s %s%n", when, e.from(), e.detail());
                    } else if (messages && !"reading".equals(e.detail())) {
                        out.printf(Locale.ROOT, "%s  message %s -> %s  %s  %d bytes%n", when, e.from(),
                                e.to().isEmpty() ? "(retained)" : e.to(), e.topic(), e.size());
                    }
                }
                default -> { }
            }
            out.flush();
        }

        private static void summary(PrintWriter out, Cycle c, LabRun run) {
            out.println();
            if (c == null) {
                out.println("summary: the cycle did not complete; see the steps above");
                return;
            }
            out.printf(Locale.ROOT, "summary: cycle %d complete in %.3f s (the figure: 2.0 s), event %s, %s%n",
                    c.number(), c.cycleMs() / 1000.0, c.eventId(), c.confirmation());
            out.printf(Locale.ROOT, "  %-42s %9s %9s %8s%n", "step", "this run", "figure", "diff");
            for (Milestone m : Milestone.values()) {
                long at = c.offsetMs(m);
                out.printf(Locale.ROOT, "  %-42s %7.3f s %7.3f s %+6d ms%n", m.label(), at / 1000.0,
                        m.figureMs() / 1000.0, at - m.figureMs());
            }
            long errors = run.timeline().events().stream().filter(e -> e.kind() == TimelineEvent.Kind.ERROR).count();
            if (errors > 0) {
                out.println("  " + errors + " error(s) on the timeline");
            }
        }

        private static void comparison(PrintWriter out, LabRun run, LabRunConfig config) {
            List<ProtocolFigures> figures = run.comparison();
            if (figures.isEmpty()) {
                return;
            }
            out.println();
            out.println("on the wire (bytes at each protocol's layer; IP and TCP/UDP headers added per packet):");
            out.printf(Locale.ROOT, "  %-27s %5s %8s %8s %10s %8s %11s %9s%n", "protocol", "cycle", "messages",
                    "packets", "bytes", "+headers", "NB-IoT air", "LTE-M air");
            for (ProtocolFigures f : figures) {
                out.printf(Locale.ROOT, "  %-27s %5s %8d %8d %10d %8d %8.1f ms %6.1f ms%n", f.protocol().label(),
                        f.cycle() == 0 ? "-" : Integer.toString(f.cycle()), f.messages(), f.packets(), f.bytes(),
                        f.bytesWithHeaders(), f.airtimeMs().getOrDefault("nb-iot", 0.0),
                        f.airtimeMs().getOrDefault("lte-m", 0.0));
            }
            out.flush();
        }

        private static long elapsedMs(long startedNanos) {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }

        private static void sleepUntil(long startedNanos, Duration at) throws InterruptedException {
            long left = at.toMillis() - elapsedMs(startedNanos);
            if (left > 0) {
                Thread.sleep(left);
            }
        }
    }

    /** {@code lab profiles}: the network profiles and their figures. */
    @Command(name = "profiles", mixinStandardHelpOptions = true, description = "Lists the network profiles.")
    public static final class Profiles implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-8s %-20s %10s %10s %7s %12s%n", "name", "technology", "latency", "jitter", "loss",
                    "bandwidth");
            for (NetworkProfile p : NetworkProfile.all()) {
                out.printf(Locale.ROOT, "%-8s %-20s %7.1f ms %7.1f ms %6.1f%% %7.0f kbps%n", p.key(), p.label(),
                        p.latencyMs(), p.jitterMs(), p.loss() * 100, p.bandwidthKbps());
            }
            out.flush();
        }
    }
}
