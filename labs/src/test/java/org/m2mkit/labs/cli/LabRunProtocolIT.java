package org.m2mkit.labs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab run --protocol lwm2m} and {@code both} complete the cycle and print the comparison. */
class LabRunProtocolIT {

    @TempDir
    Path dir;

    @Test
    void lwm2mCompletesTheCycle() {
        LabCommandTest.Result r = LabCommandTest.lab("run", "--protocol", "lwm2m", "--mode", "fast", "--meters", "12",
                "--spike-at", "500ms");
        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(0);
        assertThat(r.out()).contains("lab: LwM2M server coap://127.0.0.1:")
                .contains("CONFIRMATION  lwm2m-server LwM2M: hvac-")
                .containsPattern("summary: cycle 1 complete in [0-9.]+ s .* event lwm2m-area-1-1")
                .contains("LwM2M / CoAP / SenML-CBOR ").doesNotContain("MQTT / SenML-JSON ");
    }

    @Test
    void bothCompleteTheCycleAndTheTimelineCarriesTheComparison() throws Exception {
        Path csv = dir.resolve("run.csv");
        LabCommandTest.Result r = LabCommandTest.lab("run", "--protocol", "both", "--mode", "fast", "--meters", "12",
                "--legacy-meters", "2", "--spike-at", "500ms", "--timeline", csv.toString());
        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(0);
        assertThat(r.out()).containsPattern("summary: cycle 1 complete .* event dr-area-1-1")
                .containsPattern("summary: cycle 2 complete .* event lwm2m-area-1-1")
                .contains("MQTT / SenML-JSON ").contains("LwM2M / CoAP / SenML-CBOR ").contains("Modbus TCP polling ");
        String timeline = Files.readString(csv);
        assertThat(timeline).contains(",NOTE,wire,,,0,,0,-1,\"MQTT / SenML-JSON, cycle 1: ")
                .contains("LwM2M / CoAP / SenML-CBOR, cycle 2: ");
    }
}
