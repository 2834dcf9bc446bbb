package org.m2mkit.labs.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m2mkit.labs.cloud.InOrderReceiver.Verdict.DELIVER;
import static org.m2mkit.labs.cloud.InOrderReceiver.Verdict.DUPLICATE;
import static org.m2mkit.labs.cloud.InOrderReceiver.Verdict.GAP;

import org.junit.jupiter.api.Test;

class InOrderReceiverTest {

    @Test
    void deliversEachMessageOnceAndInOrder() {
        InOrderReceiver r = new InOrderReceiver();
        assertThat(r.accept("e", 1, 1)).isEqualTo(DELIVER);
        assertThat(r.accept("e", 3, 1)).isEqualTo(GAP);
        assertThat(r.acknowledged()).isEqualTo(1);
        assertThat(r.accept("e", 2, 2)).isEqualTo(DELIVER);
        assertThat(r.accept("e", 3, 2)).isEqualTo(DELIVER);
        assertThat(r.accept("e", 2, 2)).isEqualTo(DUPLICATE);
        assertThat(r.acknowledged()).isEqualTo(3);
        assertThat(r.duplicates()).isEqualTo(1);
    }

    @Test
    void skipsWhatTheSenderDroppedAndCountsItLost() {
        InOrderReceiver r = new InOrderReceiver();
        r.accept("e", 1, 1);
        assertThat(r.accept("e", 7, 5)).isEqualTo(GAP);
        assertThat(r.lost()).isEqualTo(3);
        assertThat(r.accept("e", 5, 5)).isEqualTo(DELIVER);
    }

    @Test
    void aNewEpochStartsAfresh() {
        InOrderReceiver r = new InOrderReceiver();
        r.accept("old", 1, 1);
        r.accept("old", 2, 1);
        assertThat(r.accept("new", 1, 1)).isEqualTo(DELIVER);
        assertThat(r.epoch()).isEqualTo("new");
        assertThat(r.acknowledged()).isEqualTo(1);
        assertThat(r.lost()).isZero();
    }
}
