package org.m2mkit.grader.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One student's notebook: the cells run so far share one engine, so a later cell sees what an earlier one
 * defined. When a cell takes the engine down (it ran too long, used too much memory, exited the JVM), the
 * session says why and the next cell gets a fresh engine; {@link #replay()} runs the earlier cells again.
 * Calls on one session run one at a time.
 */
public final class JShellSession implements AutoCloseable {
    /** Cells kept for replay; older ones are forgotten. */
    static final int MAX_HISTORY = 200;

    private final JShellEngines engines;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> history = new ArrayList<>();
    private Engine engine;
    private boolean restarted;
    private boolean closed;
    /** The engine was given back while the session sat unused; its cells run again on the next use. */
    private boolean parked;
    /** Cells run again to bring a parked session back, for the next answer's notice. */
    private int restored;
    private volatile long lastUse = System.nanoTime();

    JShellSession(JShellEngines engines) {
        this.engines = engines;
    }

    /** Runs the snippets of one cell. */
    public Results.Cell evaluate(String cell) {
        if (cell.length() > engines.settings().maxCellChars()) {
            throw new IllegalArgumentException("this cell has " + cell.length() + " characters; a cell may have at "
                    + "most " + engines.settings().maxCellChars());
        }
        lock.lock();
        try {
            boolean fresh = ensureEngine();
            List<Results.Snippet> snippets = engine.evaluate(cell);
            lastUse = System.nanoTime();
            boolean ended = snippets.stream().anyMatch(s -> s.status().equals("ended"));
            boolean stopped = snippets.stream().anyMatch(s -> s.status().equals("stopped"));
            String notice = null;
            if (ended || !engine.alive()) {
                String why = engine.endReason();
                engines.release(engine);
                engine = null;
                restarted = true;
                notice = "The JShell engine was stopped because " + (why == null ? "it ended" : why)
                        + ". The next run starts a fresh engine; what earlier cells defined is gone"
                        + (history.isEmpty() ? "." : " until you replay them (" + history.size() + " cells).");
            } else {
                if (stopped) {
                    notice = "The cell was stopped: it ran longer than the time limit of "
                            + Engine.seconds(engines.settings().evalTimeout()) + ".";
                } else if (snippets.stream().anyMatch(s -> !s.status().equals("error"))) {
                    remember(cell); // a cell none of whose snippets compiled defines nothing worth replaying
                }
                if (fresh && restarted) {
                    restarted = false;
                    return new Results.Cell(snippets, "This cell ran in a fresh JShell engine: what earlier cells "
                            + "defined is gone until you replay them.", true, history.size() - 1);
                }
                if (restored > 0 && notice == null) {
                    notice = "This notebook's Java engine was paused while the notebook sat unused; its " + restored
                            + (restored == 1 ? " earlier cell ran" : " earlier cells ran") + " again first, so what "
                            + "they defined is back (what they printed is not shown again).";
                }
            }
            restored = 0;
            return new Results.Cell(snippets, notice, false, history.size());
        } finally {
            lock.unlock();
        }
    }

    private void remember(String cell) {
        history.add(cell);
        if (history.size() > MAX_HISTORY) {
            history.remove(0);
        }
    }

    /** True when a new engine was taken for this call. */
    private boolean ensureEngine() {
        if (closed) {
            throw new IllegalStateException("this JShell session is closed");
        }
        if (engine != null && engine.alive()) {
            return false;
        }
        if (engine != null) {
            engines.release(engine);
            restarted = true;
        }
        engine = null;
        engine = engines.take();
        if (parked) {
            parked = false;
            restore();
        }
        return true;
    }

    /** Runs the remembered cells again, silently, in the engine just taken for a parked session. */
    private void restore() {
        int n = 0;
        for (String cell : history) {
            engine.evaluate(cell);
            n++;
            if (!engine.alive()) {
                // it no longer runs as it did: the student gets the usual fresh-engine notice and can replay
                engines.release(engine);
                engine = engines.take();
                restarted = true;
                return;
            }
        }
        restored = n;
    }

    /**
     * Gives the engine back when the session has not been used for {@code idle} and no call of it is running;
     * the next use takes a fresh engine and runs the remembered cells again before it does anything else.
     *
     * @return whether the engine was given back now
     */
    public boolean parkIfIdle(java.time.Duration idle) {
        if (System.nanoTime() - lastUse < idle.toNanos() || !lock.tryLock()) {
            return false;
        }
        try {
            if (closed || engine == null || System.nanoTime() - lastUse < idle.toNanos()) {
                return false;
            }
            engines.release(engine);
            engine = null;
            parked = !restarted;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** When the session was last used, as {@link System#nanoTime()}. */
    long lastUseNanos() {
        return lastUse;
    }

    /** Whether the session's engine is parked (given back while it sat unused). */
    public boolean isParked() {
        lock.lock();
        try {
            return parked;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the cells that completed before the engine was restarted again, in a fresh engine, so their
     * variables and methods are back.
     */
    public Results.Replay replay() {
        lock.lock();
        try {
            List<String> cells = new ArrayList<>(history);
            history.clear();
            parked = false;
            lastUse = System.nanoTime();
            if (engine != null) {
                engines.release(engine);
                engine = null;
            }
            restarted = false;
            int failed = 0;
            for (String cell : cells) {
                ensureEngine();
                List<Results.Snippet> result = engine.evaluate(cell);
                boolean ok = result.stream().allMatch(s -> s.status().equals("ok") || s.status().equals("recoverable"));
                if (!engine.alive()) {
                    String why = engine.endReason();
                    engines.release(engine);
                    engine = null;
                    return new Results.Replay(cells.size(), failed + 1, "Replay stopped: the JShell engine ended "
                            + "because " + why + ".");
                }
                remember(cell);
                if (!ok) {
                    failed++;
                }
            }
            return new Results.Replay(cells.size(), failed, null);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every cell and ends the engine; the next cell starts from nothing. */
    public void reset() {
        lock.lock();
        try {
            history.clear();
            restarted = false;
            parked = false;
            if (engine != null) {
                engines.release(engine);
                engine = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Completions at {@code cursor}; none while a cell of this session is running. */
    public Results.Completions complete(String code, int cursor) {
        checkCursor(code, cursor);
        return withEngine(() -> engine.complete(code, cursor), new Results.Completions(cursor, List.of()));
    }

    /** Documentation of the symbol at {@code cursor}; none while a cell of this session is running. */
    public List<Results.Doc> document(String code, int cursor) {
        checkCursor(code, cursor);
        return withEngine(() -> engine.document(code, cursor), List.of());
    }

    private static void checkCursor(String code, int cursor) {
        if (cursor < 0 || cursor > code.length()) {
            throw new IllegalArgumentException("cursor " + cursor + " is outside the code; use 0 to "
                    + code.length());
        }
    }

    private <T> T withEngine(java.util.function.Supplier<T> work, T busy) {
        try {
            if (!lock.tryLock(500, TimeUnit.MILLISECONDS)) {
                return busy;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy;
        }
        try {
            ensureEngine();
            lastUse = System.nanoTime();
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Cells that {@link #replay()} would run. */
    public int historySize() {
        lock.lock();
        try {
            return history.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        engines.forget(this);
        lock.lock();
        try {
            closed = true;
            history.clear();
            if (engine != null) {
                engines.release(engine);
                engine = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
