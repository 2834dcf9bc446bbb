package org.m2mkit.web.jshell;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.nio.file.Path;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.m2mkit.grader.jshell.JShellEngines;
import org.m2mkit.grader.jshell.JShellSession;

/**
 * The open notebooks: one JShell session per student and lesson, found by an unguessable id that only its owner
 * may use. A session idle for {@code idleTimeout} is closed (Caffeine expires it), and whoever uses its id next
 * is told why. The engines start with the first notebook, so a server nobody runs cells on starts no JVM.
 */
public final class SessionRegistry implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An open notebook. */
    record Entry(String id, long accountId, String lesson, JShellSession session, long opened) {}

    /** What opening a notebook gave: its id, and whether it was already open with cells run. */
    public record Opened(String id, boolean resumed, int cells) {}

    private final NotebookSettings settings;
    private final Path workRoot;
    private final Cache<String, Entry> open;
    private final Cache<String, String> ended = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofDays(1)).build();
    private final Map<String, String> byLesson = new ConcurrentHashMap<>();
    private final SandboxPolicy sandbox;
    private volatile JShellEngines engines;
    private volatile boolean closed;

    public SessionRegistry(NotebookSettings settings, Path workRoot) {
        this(settings, workRoot, SandboxPolicy.BWRAP);
    }

    /** @param sandbox where the engines run: bubblewrap (or not at all), or the unsafe plain mode by name */
    public SessionRegistry(NotebookSettings settings, Path workRoot, SandboxPolicy sandbox) {
        this.settings = settings.validate();
        this.workRoot = workRoot;
        this.sandbox = sandbox;
        this.open = Caffeine.newBuilder()
                .expireAfterAccess(settings.idleTimeout())
                .scheduler(Scheduler.systemScheduler())
                // the reason is recorded as the entry goes (the removal listener below runs later, on another thread)
                .evictionListener((String id, Entry e, RemovalCause cause) -> expired(e, cause))
                .removalListener((String id, Entry e, RemovalCause cause) -> ended(e))
                .build();
    }

    public NotebookSettings settings() {
        return settings;
    }

    /** The engines, started on first use. */
    public JShellEngines engines() {
        JShellEngines e = engines;
        if (e == null) {
            synchronized (this) {
                if (closed) {
                    throw new ApiError(503, "shut-down", "The server is shutting down.");
                }
                if (engines == null) {
                    engines = new JShellEngines(settings.engines(), workRoot, sandbox);
                }
                e = engines;
            }
        }
        return e;
    }

    /** The student's notebook for {@code lesson}: the open one, or a new one. */
    public Opened open(long accountId, String lesson) {
        String key = accountId + "/" + lesson;
        String id = byLesson.get(key);
        Entry existing = id == null ? null : open.getIfPresent(id);
        if (existing != null) {
            return new Opened(existing.id(), true, existing.session().historySize());
        }
        JShellEngines all = engines();
        closeOldest(accountId);
        Entry entry = new Entry(newId(), accountId, lesson, all.open(), System.nanoTime());
        open.put(entry.id(), entry);
        byLesson.put(key, entry.id());
        return new Opened(entry.id(), false, 0);
    }

    private void closeOldest(long accountId) {
        var mine = open.asMap().values().stream().filter(e -> e.accountId() == accountId).toList();
        if (mine.size() >= settings.sessionsPerStudent()) {
            mine.stream().min(Comparator.comparingLong(Entry::opened))
                    .ifPresent(e -> end(e.id(), "you opened notebooks in more than "
                            + settings.sessionsPerStudent() + " lessons, and this was the oldest"));
        }
    }

    /** The session {@code id} of this student, or a refusal that says why there is none. */
    public JShellSession get(long accountId, String id) {
        Entry e = open.getIfPresent(id);
        if (e != null && e.accountId() == accountId) {
            return e.session();
        }
        String why = e == null ? ended.getIfPresent(id) : null;
        if (why != null) {
            throw new ApiError(410, "session-ended", "This JShell session was closed because " + why
                    + "; what its cells defined is gone. Run the cells again to continue in a new session.");
        }
        throw new ApiError(410, "no-session", "There is no JShell session " + id + " for you; reload the page "
                + "to start one.");
    }

    /** Closes a student's session. */
    public void close(long accountId, String id) {
        get(accountId, id);
        end(id, "it was closed from the page");
    }

    private void end(String id, String why) {
        ended.put(id, why);
        open.invalidate(id);
    }

    private void expired(Entry e, RemovalCause cause) {
        if (e != null && cause == RemovalCause.EXPIRED) {
            ended.put(e.id(), "it was not used for " + minutes(settings.idleTimeout()));
            byLesson.remove(e.accountId() + "/" + e.lesson(), e.id());
        }
    }

    private void ended(Entry e) {
        if (e == null) {
            return;
        }
        byLesson.remove(e.accountId() + "/" + e.lesson(), e.id());
        e.session().close();
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 1 ? m + (m == 1 ? " minute" : " minutes") : d.toSeconds() + " seconds";
    }

    /** Open sessions (expired ones are counted until the cache notices). */
    public long openCount() {
        open.cleanUp();
        return open.estimatedSize();
    }

    private static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        open.asMap().keySet().forEach(id -> end(id, "the server shut down"));
        open.cleanUp();
        if (engines != null) {
            engines.close();
        }
    }
}
