package org.m2mkit.bench.labs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.m2mkit.labs.broker.EmbeddedBroker;

/**
 * Start time and memory of the embedded broker (Moquette): the first start in a fresh JVM (class loading
 * included), the median of 10 later starts, and the heap it holds once started and after 100 idle connections.
 */
public final class BrokerStartBench {

    private BrokerStartBench() {
    }

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);
        long t0 = System.nanoTime();
        EmbeddedBroker first = EmbeddedBroker.start("127.0.0.1", 0);
        double coldMs = (System.nanoTime() - t0) / 1e6;
        long heapStarted = usedHeapAfterGc(memory);
        java.util.List<org.m2mkit.labs.mqtt.MqttLink> clients = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.List<java.util.concurrent.Future<org.m2mkit.labs.mqtt.MqttLink>> f = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "idle-" + i;
            f.add(pool.submit(() -> org.m2mkit.labs.mqtt.MqttLink.connect(first.url(), id,
                    first.access().login(org.m2mkit.labs.broker.Role.OBSERVER, "bench", null), null,
                    java.time.Duration.ofSeconds(20))));
        }
        for (var x : f) {
            clients.add(x.get());
        }
        long heapClients = usedHeapAfterGc(memory);
        clients.forEach(org.m2mkit.labs.mqtt.MqttLink::close);
        pool.shutdown();
        first.close();
        double[] warm = new double[10];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            EmbeddedBroker b = EmbeddedBroker.start("127.0.0.1", 0);
            warm[i] = (System.nanoTime() - t) / 1e6;
            b.close();
        }
        System.out.println(String.format(Locale.ROOT, "Moquette 0.17 embedded: first start %.0f ms (cold JVM), later starts %s; "
                + "heap held by the started broker %.1f MB, with 100 idle clients connected (clients' heap included) %.1f MB",
                coldMs, new Percentiles(warm).summary("ms"), (heapStarted - heapBefore) / 1e6,
                (heapClients - heapBefore) / 1e6));
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
