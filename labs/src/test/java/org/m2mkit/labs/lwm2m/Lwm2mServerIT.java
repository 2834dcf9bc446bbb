package org.m2mkit.labs.lwm2m;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.compare.WireEvent;
import org.m2mkit.labs.compare.WireLog;
import org.m2mkit.labs.compare.WireProtocol;
import org.m2mkit.labs.net.NetworkProfile;

/** A real Leshan client registers with the kit's server over UDP on loopback; the server observes and writes. */
class Lwm2mServerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aMeterRegistersIsObservedAndAnHvacSetPointIsWritten() throws Exception {
        WireLog wire = new WireLog(10_000);
        BlockingQueue<Double> powers = new LinkedBlockingQueue<>();
        BlockingQueue<Double> written = new LinkedBlockingQueue<>();
        BlockingQueue<Double> setpoints = new LinkedBlockingQueue<>();
        try (EmbeddedLwm2mServer server = EmbeddedLwm2mServer.start("127.0.0.1", 0, wire);
             Lwm2mDevice meter = Lwm2mDevice.meter("meter-07", server.uri(), NetworkProfile.NB_IOT).start();
             Lwm2mDevice hvac = Lwm2mDevice.hvac("hvac-1", server.uri(), NetworkProfile.LTE_M, 21.1,
                     written::add).start()) {
            assertThat(server.port()).isPositive();
            meter.awaitRegistered(WAIT);
            hvac.awaitRegistered(WAIT);
            // the client hears its registration's answer; the server's listener may run a moment later
            assertThat(server.registration("meter-07").get(30, TimeUnit.SECONDS).getEndpoint()).isEqualTo("meter-07");
            assertThat(server.registration("hvac-1").get(30, TimeUnit.SECONDS).getEndpoint()).isEqualTo("hvac-1");
            assertThat(server.registered()).containsExactly("hvac-1", "meter-07");

            meter.reading(850, 12.5, 230.1);
            double first = server.observe("meter-07", Lwm2mObjects.POWER, 0, Lwm2mObjects.ACTIVE_POWER, powers::add)
                    .get(30, TimeUnit.SECONDS);
            assertThat(first).isEqualTo(850.0);
            meter.reading(15_000, 12.6, 229.8);
            assertThat(next(powers, 850.0)).isEqualTo(15_000.0);

            server.observe("hvac-1", Lwm2mObjects.SET_POINT, 0, Lwm2mObjects.SET_POINT_VALUE, setpoints::add)
                    .get(30, TimeUnit.SECONDS);
            server.write("hvac-1", Lwm2mObjects.SET_POINT, 0, Lwm2mObjects.SET_POINT_VALUE, 23.1)
                    .get(30, TimeUnit.SECONDS);
            assertThat(written.poll(30, TimeUnit.SECONDS)).isEqualTo(23.1);
            hvac.setpoint(23.1);
            assertThat(next(setpoints, 21.1)).isEqualTo(23.1);
        }
        assertThat(wire.events()).allSatisfy(e -> {
            assertThat(e.protocol()).isEqualTo(WireProtocol.LWM2M);
            assertThat(e.bytes()).isGreaterThanOrEqualTo(4); // a CoAP header is 4 bytes
        });
        assertThat(wire.events()).extracting(WireEvent::kind)
                .anySatisfy(k -> assertThat(k).startsWith("CON POST /rd"))
                .anySatisfy(k -> assertThat(k).contains("GET /3305/0/5800 observe"))
                .anySatisfy(k -> assertThat(k).contains("PUT /3308/0/5900"))
                .anySatisfy(k -> assertThat(k).endsWith("notify"));
        assertThat(wire.events()).anySatisfy(e -> assertThat(e.from()).isEqualTo("meter-07"));
    }

    /** The next value on {@code q} that is not {@code old}, waiting up to 30 s. */
    private static Double next(BlockingQueue<Double> q, double old) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Double v = q.poll(1, TimeUnit.SECONDS);
            if (v != null && v != old) {
                return v;
            }
        }
        return null;
    }
}
