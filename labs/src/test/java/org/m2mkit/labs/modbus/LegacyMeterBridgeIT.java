package org.m2mkit.labs.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.compare.WireEvent;
import org.m2mkit.labs.compare.WireLog;
import org.m2mkit.labs.compare.WireProtocol;
import org.m2mkit.labs.gateway.LegacyBridge;
import org.m2mkit.labs.run.Recorder;
import org.m2mkit.labs.wire.Pack;

/** The gateway's bridge polls real Modbus TCP meters (j2mod slaves on loopback) and writes SenML. */
class LegacyMeterBridgeIT {

    @Test
    void bridgedReadingsCarryTheMetersValuesInBothWordOrders() {
        WireLog wire = new WireLog(1000);
        Map<String, byte[]> senml = new ConcurrentHashMap<>();
        try (ModbusMeter abcd = ModbusMeter.start("legacy-01", WordOrder.ABCD, "127.0.0.1",
                     new RegisterMap.Reading(1234.5, 100_000, 230.1, true, false));
             ModbusMeter cdab = ModbusMeter.start("legacy-02", WordOrder.CDAB, "127.0.0.1",
                     new RegisterMap.Reading(15_000.25, 70_000_123, 229.8, false, true));
             LegacyBridge bridge = new LegacyBridge("area-1", List.of(
                     new LegacyBridge.Device("legacy-01", "127.0.0.1", abcd.port(), WordOrder.ABCD),
                     new LegacyBridge.Device("legacy-02", "127.0.0.1", cdab.port(), WordOrder.CDAB)),
                     wire, Recorder.NONE, (id, at, poll) -> senml.put(id, LegacyBridge.senml("area-1", id, at,
                     poll.reading())))) {
            bridge.poll("legacy-01");
            bridge.poll("legacy-02");

            Pack one = Pack.decode(senml.get("legacy-01"));
            assertThat(one.device()).isEqualTo("legacy-01");
            assertThat(one.number("power", "W")).isEqualTo(1234.5);
            assertThat(one.number("energy", "Wh")).isEqualTo(100_000);
            assertThat(one.number("voltage", "V")).isCloseTo(230.1, within(1e-9));
            assertThat(one.bool("supply")).isTrue();
            assertThat(one.bool("tamper")).isFalse();

            // the CDAB meter, read in its own order: the values it holds; supply off and tamper on still reported
            Pack two = Pack.decode(senml.get("legacy-02"));
            assertThat(two.number("power", "W")).isEqualTo(15_000.25);
            assertThat(two.number("energy", "Wh")).isEqualTo(70_000_123);
            assertThat(two.number("voltage", "V")).isCloseTo(229.8, within(1e-9));
            assertThat(two.bool("supply")).isFalse();
            assertThat(two.bool("tamper")).isTrue();

            // the trap: a gateway whose table says ABCD for the CDAB meter reads another number
            try (ModbusPoller wrong = new ModbusPoller("127.0.0.1", cdab.port(), WordOrder.ABCD)) {
                ModbusPoller.Poll p = wrong.poll();
                assertThat(p.reading().watts()).isNotCloseTo(15_000.25, within(1.0));
                assertThat(p.reading().wattHours()).isEqualTo(70_000_123); // uint32 is high word first on every model
            }

            // a change on the meter shows in the next poll
            cdab.set(new RegisterMap.Reading(900.5, 70_000_200, 230.0, true, false));
            assertThat(bridge.poll("legacy-02").reading().watts()).isEqualTo(900.5);
        }
        // MBAP (7) + function 04 request (5) = 12; response 7 + 1 + 1 + 6 registers * 2 = 21
        assertThat(wire.events()).extracting(WireEvent::protocol).containsOnly(WireProtocol.MODBUS);
        assertThat(wire.events()).filteredOn(e -> e.kind().endsWith("request")).extracting(WireEvent::bytes)
                .containsOnly(12);
        assertThat(wire.events()).filteredOn(e -> e.kind().endsWith("response")).extracting(WireEvent::bytes)
                .containsOnly(21);
    }
}
