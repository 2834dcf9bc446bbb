package org.m2mkit.grader.jshell.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The child's reading of the server's framed channel: data passes whole, stop frames are acted on between. */
class FramedInputTest {

    private static byte[] frames() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(wire);
        out.writeByte(FramedInput.DATA);
        out.writeInt(6);
        out.write("hello ".getBytes(StandardCharsets.UTF_8));
        out.writeByte(FramedInput.STOP);
        out.writeByte(FramedInput.DATA);
        out.writeInt(5);
        out.write("world".getBytes(StandardCharsets.UTF_8));
        return wire.toByteArray();
    }

    @Test
    void dataArrivesWholeAndStopFramesAreActedOn() throws Exception {
        AtomicInteger stops = new AtomicInteger();
        FramedInput in = new FramedInput(new ByteArrayInputStream(frames()), stops::incrementAndGet);
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(stops).hasValue(1);
    }

    @Test
    void anUnknownFrameIsRefused() {
        FramedInput in = new FramedInput(new ByteArrayInputStream(new byte[] {7}), () -> { });
        assertThatThrownBy(in::read).hasMessageContaining("unknown frame 7");
    }
}
