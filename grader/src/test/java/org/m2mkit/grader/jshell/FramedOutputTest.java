package org.m2mkit.grader.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The server writes data frames and one-byte stop frames, as the child's reader expects them. */
class FramedOutputTest {

    @Test
    void writesDataFramesAndStopFrames() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FramedOutput out = new FramedOutput(wire);
        out.write("hi".getBytes(StandardCharsets.UTF_8));
        out.stop();
        out.write('!');
        out.flush();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire.toByteArray()));
        assertThat(in.readByte()).isEqualTo((byte) 0);
        assertThat(in.readInt()).isEqualTo(2);
        assertThat(new String(in.readNBytes(2), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(in.readByte()).isEqualTo((byte) 1);
        assertThat(in.readByte()).isEqualTo((byte) 0);
        assertThat(in.readInt()).isEqualTo(1);
        assertThat(in.readByte()).isEqualTo((byte) '!');
        assertThat(in.available()).isZero();
    }
}
