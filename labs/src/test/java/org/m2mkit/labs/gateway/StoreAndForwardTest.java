package org.m2mkit.labs.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoreAndForwardTest {

    private static List<String> items(List<StoreAndForward.Entry<String>> entries) {
        return entries.stream().map(StoreAndForward.Entry::item).toList();
    }

    @Test
    void sendsInOrderKeepsUntilAcknowledgedAndResendsFromTheOldestAfterRewind() {
        StoreAndForward<String> q = new StoreAndForward<>(10);
        assertThat(q.offer("a")).isEqualTo(1);
        q.offer("b");
        q.offer("c");
        assertThat(items(q.nextToSend(10))).containsExactly("a", "b", "c");
        assertThat(q.nextToSend(10)).isEmpty();
        assertThat(q.inFlight()).isEqualTo(3);
        assertThat(q.acknowledge(1)).isEqualTo(1);
        assertThat(q.base()).isEqualTo(2);
        q.offer("d");
        assertThat(items(q.nextToSend(10))).containsExactly("d");
        q.rewind();
        assertThat(items(q.nextToSend(10))).containsExactly("b", "c", "d");
        q.acknowledge(4);
        assertThat(q.size()).isZero();
        assertThat(q.base()).isEqualTo(5);
    }

    @Test
    void windowLimitsWhatIsInFlight() {
        StoreAndForward<String> q = new StoreAndForward<>(10);
        for (String s : List.of("a", "b", "c", "d", "e")) {
            q.offer(s);
        }
        assertThat(items(q.nextToSend(2))).containsExactly("a", "b");
        assertThat(q.nextToSend(2)).isEmpty();
        q.acknowledge(1);
        assertThat(items(q.nextToSend(2))).containsExactly("c");
    }

    @Test
    void whenFullTheOldestIsDroppedAndCounted() {
        StoreAndForward<String> q = new StoreAndForward<>(3);
        for (String s : List.of("a", "b", "c", "d", "e")) {
            q.offer(s);
        }
        assertThat(q.size()).isEqualTo(3);
        assertThat(q.dropped()).isEqualTo(2);
        assertThat(q.base()).isEqualTo(3);
        assertThat(items(q.nextToSend(10))).containsExactly("c", "d", "e");
    }

    @Test
    void droppingWhatWasInFlightMovesTheNextToSendOn() {
        StoreAndForward<String> q = new StoreAndForward<>(2);
        q.offer("a");
        q.offer("b");
        assertThat(items(q.nextToSend(1))).containsExactly("a");
        q.offer("c"); // drops a
        assertThat(items(q.nextToSend(10))).containsExactly("b", "c");
    }

    @Test
    void acknowledgingTwiceOrTooFarIsHarmless() {
        StoreAndForward<String> q = new StoreAndForward<>(5);
        q.offer("a");
        q.nextToSend(5);
        assertThat(q.acknowledge(1)).isEqualTo(1);
        assertThat(q.acknowledge(1)).isZero();
        assertThat(q.acknowledge(99)).isZero();
        assertThat(q.offer("b")).isEqualTo(2);
        assertThat(items(q.nextToSend(5))).containsExactly("b");
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new StoreAndForward<String>(0)).hasMessageContaining("at least 1");
    }
}
