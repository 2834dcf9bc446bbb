package org.m2mkit.grader.child;

/**
 * Makes starting a process impossible in this JVM, for good, before any student code is loaded. The sandbox
 * starts the child with {@code -Djdk.lang.Process.launchMechanism=NONE}, which no JDK supports; the first start
 * below therefore fails in {@code ProcessImpl}'s static initialiser, and the JVM never initialises that class
 * again: every later {@code ProcessBuilder.start()} or {@code Runtime.exec} throws {@code NoClassDefFoundError}
 * at once, whatever the student sets the property to. Under bubblewrap a seccomp filter refuses the system call
 * too; this layer also holds in the plain mode.
 */
public final class NoProcesses {
    /** The JVM option that goes with {@link #seal()}. */
    public static final String JVM_OPTION = "-Djdk.lang.Process.launchMechanism=NONE";

    private NoProcesses() {
    }

    public static void seal() {
        try {
            new ProcessBuilder("/").start();
        } catch (Throwable expected) {
            // the Error of the unsupported launch mechanism: ProcessImpl is now unusable in this JVM
        }
    }
}
