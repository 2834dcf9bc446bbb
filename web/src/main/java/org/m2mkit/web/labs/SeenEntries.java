package org.m2mkit.web.labs;

import java.util.HashSet;
import java.util.Set;

/**
 * Which timeline entries a console has had, by sequence number. A run's console replays the entries kept before
 * it listened, and the listener may bring some of them again: those are shown once. Entries arrive in any order
 * (two lab threads number their entries, then hand them over in the other order), so an entry numbered below one
 * already shown is not a repeat: counting only the highest number seen dropped such an entry, and a cycle's
 * confirmation stayed "waiting" while the log and the HVAC table had it.
 */
final class SeenEntries {

    private final Set<Long> replayed = new HashSet<>();
    private boolean replaying = true;

    /** Whether the entry numbered {@code seq} comes for the first time. */
    synchronized boolean firstTime(long seq) {
        if (replaying) {
            return replayed.add(seq);
        }
        return replayed.isEmpty() || !replayed.remove(seq);
    }

    /** The replay is over: from now on only its entries can come again, each once. */
    synchronized void replayDone() {
        replaying = false;
    }
}
