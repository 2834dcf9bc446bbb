package org.m2mkit.labs.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.compare.WireEvent;
import org.m2mkit.labs.compare.WireLog;
import org.m2mkit.labs.compare.WireProtocol;
import org.m2mkit.labs.modbus.ModbusPoller;
import org.m2mkit.labs.modbus.RegisterMap;
import org.m2mkit.labs.modbus.WordOrder;
import org.m2mkit.labs.run.Recorder;
import org.m2mkit.labs.wire.Pack;

/**
 * The gateway's bridge to legacy meters: it polls each meter over Modbus TCP (function 04, in the word order its
 * model uses, from the gateway's device table) and hands every reading on, translated, to the kit's other
 * protocols: a SenML pack for MQTT ({@link #senml}) and LwM2M resource values. A part of the kit's gateway
 * process beside the student's {@code Gateway}, whose contract it leaves alone.
 */
public final class LegacyBridge implements AutoCloseable {

    /** A row of the gateway's device table: where a legacy meter is and how its model orders words. */
    public record Device(String id, String host, int port, WordOrder order) {
    }

    /** Where bridged readings go. */
    public interface Output {
        /** A reading of {@code device} polled at {@code atMs}. */
        void reading(String device, long atMs, ModbusPoller.Poll poll);
    }

    private final String area;
    private final WireLog wire;
    private final Recorder recorder;
    private final Output output;
    private final Map<String, ModbusPoller> pollers = new LinkedHashMap<>();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

    /**
     * @param wire     where each request and response is counted, or null
     * @param recorder where a meter that does not answer is reported
     */
    public LegacyBridge(String area, List<Device> devices, WireLog wire, Recorder recorder, Output output) {
        this.area = area;
        this.wire = wire;
        this.recorder = recorder;
        this.output = output;
        for (Device d : devices) {
            pollers.put(d.id(), new ModbusPoller(d.host(), d.port(), d.order()));
        }
    }

    /** Polls every meter every {@code intervalMs}, spread evenly over the interval. */
    public synchronized void start(ScheduledExecutorService scheduler, long intervalMs) {
        int i = 0;
        for (String id : pollers.keySet()) {
            long phase = intervalMs * i++ / Math.max(1, pollers.size());
            ticks.add(scheduler.scheduleAtFixedRate(() -> {
                try {
                    poll(id);
                } catch (UserError e) {
                    recorder.error("gateway", e.getMessage());
                }
            }, phase, intervalMs, TimeUnit.MILLISECONDS));
        }
    }

    public List<String> ids() {
        return new ArrayList<>(pollers.keySet());
    }

    /**
     * Polls {@code id} now and hands the reading on.
     *
     * @throws UserError when there is no such legacy meter or it does not answer
     */
    public ModbusPoller.Poll poll(String id) {
        ModbusPoller p = pollers.get(id);
        if (p == null) {
            throw new UserError("no legacy meter '" + id + "' behind the gateway; legacy meters are " + ids());
        }
        long at = System.currentTimeMillis();
        ModbusPoller.Poll poll = p.poll();
        if (wire != null) {
            wire.record(new WireEvent(WireProtocol.MODBUS, at, "gateway", id, "read input registers (04) request",
                    poll.requestBytes(), id));
            wire.record(new WireEvent(WireProtocol.MODBUS, at + poll.roundTripNanos() / 1_000_000, id, "gateway",
                    "read input registers (04) response", poll.responseBytes(), id));
        }
        output.reading(id, at, poll);
        return poll;
    }

    /**
     * A bridged reading as SenML (RFC 8428) in the kit's naming: power in W, energy in Wh, voltage in V, and the
     * status as two boolean records, {@code supply} (bit 0) and {@code tamper} (bit 1). A reading with the supply
     * off or the tamper alarm on is reported all the same.
     */
    public static byte[] senml(String area, String device, long atMs, RegisterMap.Reading r) {
        return Pack.of(area, device, atMs)
                .value("power", "W", r.watts())
                .value("energy", "Wh", r.wattHours())
                .value("voltage", "V", r.volts())
                .bool("supply", r.supplyOn())
                .bool("tamper", r.tamper())
                .encode();
    }

    public String area() {
        return area;
    }

    @Override
    public synchronized void close() {
        ticks.forEach(t -> t.cancel(false));
        pollers.values().forEach(ModbusPoller::close);
    }
}
