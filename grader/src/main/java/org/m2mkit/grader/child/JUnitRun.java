package org.m2mkit.grader.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one test method of a code question's JUnit 5 test class inside the sandbox child, with the JUnit Platform
 * launcher and the Jupiter engine registered by hand (nothing is looked up on the class path or in system
 * properties). It answers how the test ended and why, nothing else: which tests exist and what they are worth
 * is the grader's business.
 */
final class JUnitRun {
    /** How a test ended, as written to the grader. */
    static final byte PASSED = Wire.OK;
    static final byte FAILED = 1;
    static final byte NOT_RUN = 2;

    /** The launcher, made once per child (by {@link #warmUp} in a pooled child). */
    private static Launcher launcher;

    private JUnitRun() {
    }

    /** Loads and runs the launcher once on a test of its own, so that the first real test runs at once. */
    static void warmUp() {
        execute(WarmUp.class, "ready", "");
    }

    /**
     * Reads the class, method and parameter types of one test and the request's nonce from {@code in}, runs the
     * test, and writes the nonce back with the outcome: an answer the submitted code forged on the channel cannot
     * know the nonce, which was read before any of that code ran.
     */
    static void run(DataInputStream in, DataOutputStream res, ClassLoader loader) throws IOException {
        String className = Wire.readString(in);
        String method = Wire.readString(in);
        String parameters = Wire.readString(in);
        long nonce = in.readLong();
        Thread self = Thread.currentThread();
        ClassLoader before = self.getContextClassLoader();
        Outcome outcome;
        try {
            if (loader == null) {
                throw new IllegalStateException("no classes were loaded");
            }
            self.setContextClassLoader(loader);
            outcome = execute(Class.forName(className, false, loader), method, parameters);
        } catch (Throwable t) {
            outcome = new Outcome(FAILED, describe(t));
        } finally {
            self.setContextClassLoader(before);
        }
        res.writeLong(nonce);
        res.writeByte(outcome.status());
        Wire.writeString(res, outcome.message());
    }

    private static Outcome execute(Class<?> testClass, String method, String parameters) {
        if (launcher == null) {
            launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestEngineAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestEngines(new JupiterTestEngine())
                    .build());
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectMethod(testClass, method, parameters))
                .enableImplicitConfigurationParameters(false)
                .build();
        Listener listener = new Listener();
        launcher.execute(request, listener);
        return listener.outcome();
    }

    /** What the launcher reported for the one test, or for the container that kept it from running. */
    private static final class Listener implements TestExecutionListener {
        private TestExecutionResult test;
        private TestExecutionResult container;
        private String skipped;

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (skipped == null) {
                skipped = reason == null ? "disabled" : reason;
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                test = result;
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && container == null) {
                container = result;
            }
        }

        Outcome outcome() {
            if (test != null) {
                return switch (test.getStatus()) {
                    case SUCCESSFUL -> new Outcome(PASSED, null);
                    case FAILED -> new Outcome(FAILED, test.getThrowable().map(JUnitRun::describe).orElse("failed"));
                    case ABORTED -> new Outcome(NOT_RUN, "aborted: "
                            + test.getThrowable().map(JUnitRun::describe).orElse("an assumption did not hold"));
                };
            }
            if (container != null) {
                return new Outcome(FAILED, "the test class failed before the test ran: "
                        + container.getThrowable().map(JUnitRun::describe).orElse("no reason given"));
            }
            if (skipped != null) {
                return new Outcome(NOT_RUN, "skipped: " + skipped);
            }
            return new Outcome(NOT_RUN, "the test was not found in the test class");
        }
    }

    /**
     * A failure in one line: an assertion's own message, else the exception's simple name and message, with the
     * first line of the submitted code (the student's or the test's) it passed through.
     */
    static String describe(Throwable t) {
        String message;
        try {
            message = t.getMessage();
        } catch (Throwable inner) {
            message = null;
        }
        if (t instanceof AssertionError) {
            return message == null || message.isBlank() ? "an assertion failed" : message;
        }
        String where = null;
        try {
            for (StackTraceElement e : t.getStackTrace()) {
                if ("submission".equals(e.getClassLoaderName())) {
                    where = e.getFileName() + ":" + e.getLineNumber();
                    break;
                }
            }
        } catch (Throwable ignored) {
            // no location then
        }
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + (where == null ? "" : " (at " + where + ")");
    }

    private record Outcome(byte status, String message) {}

    /** The test the warm-up runs. */
    static final class WarmUp {
        @Test
        void ready() {
            org.junit.jupiter.api.Assertions.assertEquals(2, 1 + 1);
        }
    }
}
