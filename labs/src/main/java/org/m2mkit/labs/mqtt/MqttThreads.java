package org.m2mkit.labs.mqtt;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads every Paho client of the kit runs its loops on. Each client has a receive loop blocked on its
 * socket and a send and a callback loop waiting for work, so a pool of a fixed size would starve; instead each
 * loop gets a thread of its own, and the kind of thread is chosen when the kit starts:
 * <ul>
 *   <li>on Java 24 and later, virtual threads: thousands of loops share a few carrier threads, and a loop that
 *       waits (socket read, {@code Object.wait} inside {@code synchronized}) gives its carrier back;</li>
 *   <li>before that, platform threads from one cached pool with small stacks. Paho waits with {@code Object.wait}
 *       inside {@code synchronized}, which before Java 24 pins a virtual thread to its carrier: two thousand
 *       clients would need thousands of carriers, so virtual threads would save nothing there and risk a stall.</li>
 * </ul>
 * The system property {@code m2mkit.mqtt.threads} ({@code virtual} or {@code platform}) overrides the choice, for
 * measurements.
 */
final class MqttThreads {

    /** Stack of a platform thread running a Paho loop: the loops are shallow. */
    private static final long STACK_BYTES = 256 * 1024;
    /** The first Java whose virtual threads do not pin their carrier in {@code synchronized} (JEP 491). */
    private static final int UNPINNED_SINCE = 24;

    private static final ExecutorService LOOPS = create();

    private MqttThreads() {
    }

    static ExecutorService loops() {
        return LOOPS;
    }

    /** "virtual" or "platform": what the loops run on in this JVM. */
    static String kind() {
        return LOOPS instanceof ThreadPoolExecutor ? "platform" : "virtual";
    }

    private static ExecutorService create() {
        String asked = System.getProperty("m2mkit.mqtt.threads", "");
        boolean virtual = asked.isEmpty() ? Runtime.version().feature() >= UNPINNED_SINCE : asked.equals("virtual");
        if (virtual) {
            ExecutorService v = virtualThreads();
            if (v != null) {
                return v;
            }
        }
        ThreadFactory platform = r -> {
            Thread t = new Thread(null, r, "mqtt-client", STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
        // threads are made as loops start and kept a minute after their client closed, for the next client
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), platform);
    }

    /** {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mqtt-client").factory())}, where it exists. */
    private static ExecutorService virtualThreads() {
        try {
            // through the public interfaces: the builder's own class is not public
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Method name = Class.forName("java.lang.Thread$Builder$OfVirtual").getMethod("name", String.class);
            builder = name.invoke(builder, "mqtt-client");
            Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
            ThreadFactory threads = (ThreadFactory) factory.invoke(builder);
            return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                    .invoke(null, threads);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a Java without virtual threads: platform threads
        }
    }
}
