package org.m2mkit.grader.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A lab's side of the sandbox child: it reads one request of its lab (an operation code of the lab's own and its
 * data), calls the student's code and writes back what that code returned or threw, never a verdict. A runner
 * lives in the lab's {@code child} package, which the sandbox class path holds beside this one; the child makes
 * one instance of each runner the grader names at start-up, with a public no-argument constructor.
 */
public interface LabRunner {
    /** Loads what this lab's requests need before the child reports ready, so that a warm child answers at once. */
    default void warmUp() throws IOException {
    }

    /** Runs one request of this lab on the submission and writes the answer to {@code res}. */
    void run(byte op, DataInputStream in, DataOutputStream res, Submitted submission) throws IOException;
}
