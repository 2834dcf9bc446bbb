package org.m2mkit.labs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void keepsTheNewestEntriesAndStreamsEveryOneInOrder() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(25);
        try (Timeline t = new Timeline(1000, 10, 100)) {
            t.addListener(e -> {
                seen.add(e.seq());
                all.countDown();
            });
            for (int i = 0; i < 25; i++) {
                t.record(1000 + i, TimelineEvent.Kind.NOTE, "lab", "", null, null, 0, null, 0, -1, "n" + i);
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(t.events()).hasSize(10).first().satisfies(e -> {
                assertThat(e.seq()).isEqualTo(16);
                assertThat(e.offsetMs()).isEqualTo(15);
            });
        }
        assertThat(seen).hasSize(25).isSorted();
    }

    @Test
    void entriesRecordedByManyThreadsReachListenersInTheOrderOfTheirNumbers() throws Exception {
        int threads = 4;
        int each = 2_000;
        List<Long> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(threads * each);
        try (Timeline t = new Timeline(0, 10, threads * each)) {
            t.addListener(e -> {
                seen.add(e.seq());
                all.countDown();
            });
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> started = new java.util.ArrayList<>();
            for (int n = 0; n < threads; n++) {
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        t.record(i, TimelineEvent.Kind.NOTE, "lab", "", null, null, 0, null, 0, -1, "n");
                    }
                });
                th.start();
                started.add(th);
            }
            go.countDown();
            for (Thread th : started) {
                th.join();
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).hasSize(threads * each).isSorted();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        CountDownLatch got = new CountDownLatch(2);
        try (Timeline t = new Timeline(0, 10, 10)) {
            t.addListener(e -> {
                throw new IllegalStateException("broken page");
            });
            t.addListener(e -> got.countDown());
            t.record(1, TimelineEvent.Kind.NOTE, "a", "", null, null, 0, null, 0, -1, "x");
            t.record(2, TimelineEvent.Kind.NOTE, "a", "", null, null, 0, null, 0, -1, "y");
            assertThat(got.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void exportsCsvWithQuotingAndJson() {
        try (Timeline t = new Timeline(0, 10, 10)) {
            t.record(5, TimelineEvent.Kind.MESSAGE, "meter-07", "gateway", "m2mkit/a/meter/meter-07/reading",
                    "[{\"n\":\"power\",\"v\":1}]", 22, null, 0, -1, "reading");
            t.record(6, TimelineEvent.Kind.MILESTONE, "gateway", "", null, null, 0, Milestone.ALERT, 1, 100, "a, b");
            String csv = t.toCsv();
            assertThat(csv.split("\r\n")).hasSize(3);
            assertThat(csv).contains(",\"[{\"\"n\"\":\"\"power\"\",\"\"v\"\":1}]\"\r\n")
                    .contains(",MILESTONE,gateway,,,0,ALERT,1,100,\"a, b\",\r\n");
            assertThat(t.toJson()).contains("\"milestone\" : \"ALERT\"").contains("\"topic\" : \"m2mkit/a/meter/meter-07/reading\"");
        }
    }
}
