package org.m2mkit.labs.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.m2mkit.labs.api.DemandResponse;
import org.m2mkit.labs.api.HvacCommand;

/** Signed demand-response events and HVAC commands: the run's own pass, forged, altered and unsigned ones do not. */
class SignerTest {
    /** An absolute time (SenML reads times below 2^28 s as relative to now). */
    private static final long T0 = 1_796_000_000_000L;
    private final Signer run = Signer.random();
    private final Messages.DrEvent event = new Messages.DrEvent(new DemandResponse("ev-1", "north", 12.5, 2.0,
            900_000), T0);
    private final Messages.Command command = new Messages.Command("north", new HvacCommand("hvac-1", "ev-1", 2.0,
            900_000), T0 + 500);

    @Test
    void theRunsOwnMessagesPass() {
        assertThat(Messages.drSignedBy(Messages.dr(event, run), run)).isTrue();
        assertThat(Messages.commandSignedBy(Messages.command(command, run), run)).isTrue();
        // a signed message still reads as the same event for anyone who decodes it
        assertThat(Messages.dr(Messages.dr(event, run))).isEqualTo(Messages.dr(Messages.dr(event)));
    }

    @Test
    void unsignedForgedAndAlteredMessagesDoNot() {
        assertThat(Messages.drSignedBy(Messages.dr(event), run)).as("unsigned").isFalse();
        assertThat(Messages.drSignedBy(Messages.dr(event, Signer.random()), run)).as("another key").isFalse();
        String altered = new String(Messages.dr(event, run), StandardCharsets.UTF_8).replace("12500", "50000");
        assertThat(altered).doesNotContain("12500");
        assertThat(Messages.drSignedBy(altered.getBytes(StandardCharsets.UTF_8), run)).as("altered").isFalse();
        assertThat(Messages.commandSignedBy(Messages.command(command), run)).as("unsigned command").isFalse();
    }

    @Test
    void withoutAKeyNothingIsSignedOrChecked() {
        assertThat(Messages.dr(event, Signer.NONE)).isEqualTo(Messages.dr(event));
        assertThat(Messages.drSignedBy(Messages.dr(event), Signer.NONE)).isTrue();
    }
}
