package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console shows each timeline entry once, whatever order the entries arrive in. */
class SeenEntriesTest {

    @Test
    void anEntryNumberedBelowOneAlreadyShownIsStillShown() {
        SeenEntries seen = new SeenEntries();
        seen.replayDone();
        assertThat(seen.firstTime(101)).as("a reading handed over first").isTrue();
        assertThat(seen.firstTime(100)).as("the confirmation milestone numbered just before it").isTrue();
        assertThat(seen.firstTime(102)).isTrue();
    }

    @Test
    void entriesOfTheReplayThatTheListenerBringsAgainAreShownOnce() {
        SeenEntries seen = new SeenEntries();
        assertThat(seen.firstTime(1)).isTrue();
        assertThat(seen.firstTime(2)).isTrue();
        assertThat(seen.firstTime(3)).isTrue();
        seen.replayDone();
        assertThat(seen.firstTime(3)).as("recorded after the listener was added, so in both").isFalse();
        assertThat(seen.firstTime(5)).isTrue();
        assertThat(seen.firstTime(4)).as("out of order, never shown").isTrue();
        assertThat(seen.firstTime(2)).as("in the replay").isFalse();
    }
}
