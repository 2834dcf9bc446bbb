package org.m2mkit.web.app;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.m2mkit.content.Chapter;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.broker.BrokerLogin;
import org.m2mkit.labs.broker.EmbeddedBroker;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.accounts.DemoAccounts;
import org.m2mkit.web.accounts.SessionStore;
import org.m2mkit.web.accounts.SignInLimiter;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.config.OwnerOnly;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.db.StartLock;
import org.m2mkit.web.lessons.ProgressStore;
import org.m2mkit.web.lti.Lti;
import org.m2mkit.web.quizzes.Quizzes;
import org.m2mkit.grader.Grader;
import org.m2mkit.grader.GraderConfig;
import org.m2mkit.grader.GraderHealth;
import org.m2mkit.grader.SubmissionRateLimiter;
import org.m2mkit.grader.codecheck.SandboxCodeChecker;
import org.m2mkit.web.grading.Grading;
import org.m2mkit.labs.lwm2m.EmbeddedLwm2mServer;
import org.m2mkit.web.grading.QueueWorker;
import org.m2mkit.web.grading.SharedQueue;
import org.m2mkit.web.labs.KitBroker;
import org.m2mkit.web.labs.LiveLab;
import org.m2mkit.web.health.Health;
import org.m2mkit.web.jshell.EditorAssets;
import org.m2mkit.web.jshell.SessionRegistry;

/**
 * The whole kit in one process: database, MQTT broker, chapter content and the web app. Started by
 * {@code m2mkit serve} and by the tests; closing it stops everything it started, in reverse order.
 */
public final class Kit implements AutoCloseable {

    private Quizzes quizzes;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Kit.class);

    private final KitConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final String brokerUrl;
    private final List<DemoAccounts.Credentials> demoAccounts;
    private final AccountRepository accounts;
    private final Javalin app;
    private String sandboxSummary = "";
    private final List<HandlerMetaInfo> routes = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Kit(KitConfig config) {
        this.config = config;
        StartLog log = new StartLog();
        // Work that can overlap runs on other threads: the broker, the chapter, and everything that needs the
        // schema (migrations, then demo accounts and clean-up; the quiz seeding, which may finish after the kit
        // listens) while this thread builds the web app.
        ExecutorService startup = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "m2mkit-start");
            t.setDaemon(true);
            return t;
        });
        Future<EmbeddedBroker> brokerStart = config.embeddedBroker()
                ? startup.submit(() -> log.done("broker", EmbeddedBroker.start(config.brokerBind(), config.brokerPort())))
                : null;
        Future<Chapter> contentLoad = startup.submit(() -> log.done("content", ContentLoader.load()));
        // its warm sandbox JVM boots a little after the web app listens (see below), not on the cores the start
        // and the first pages need
        Future<Grader> graderStart = startup.submit(() -> log.done("grader",
                Grader.startLater(graderConfig(config))));
        try {
            Database db = Database.connect(config.dbUrl(), config.dbLogin());
            started.push(db);
            Future<?> schema = startup.submit(() -> log.done("database", () -> db.migrate()));
            accounts = new AccountRepository(db.dataSource());
            BuildInfo build = BuildInfo.load();
            Pages pages = new Pages(Map.of("kitVersion", build.version(), "mermaidVersion", build.mermaidVersion(),
                    "codemirrorVersion", EditorAssets.codemirrorVersion()));
            SessionStore sessions = new SessionStore(db.dataSource(), Duration.ofDays(14));
            SessionRegistry notebooks = new SessionRegistry(config.notebooks(), config.dataDir().resolve("jshell"),
                    config.sandbox());
            started.push(notebooks);
            // code questions run where notebook cells and lab submissions run: in the grader's sandbox
            SandboxCodeChecker codeChecks = new SandboxCodeChecker(notebooks::engines, SandboxCodeChecker.defaults()
                    .withSandbox(config.sandbox()).withWorkDir(config.graderDir()));
            started.push(codeChecks);
            Quizzes quizzes = Quizzes.create(db.dataSource(), codeChecks);
            this.quizzes = quizzes;
            KitBroker broker;
            if (brokerStart != null) {
                broker = KitBroker.embedded(await(brokerStart), config.brokerBind());
            } else {
                broker = KitBroker.external(config.brokerUrl(), BrokerLogin.fixed(config.brokerUser(), config.brokerPassword()));
            }
            started.push(broker);
            brokerUrl = broker.url();
            Grader grader = await(graderStart);
            started.push(grader);
            sandboxSummary = grader.unavailable() != null ? "NONE: " + grader.unavailable()
                    : grader.health().unsafe() ? "PLAIN (UNSAFE): student code runs without file-system or network "
                    + "isolation; use it only for code you trust" : grader.health().sandboxDetail();
            Grading grading = new Grading(db.dataSource(), grader, SubmissionRateLimiter.defaults(),
                    config.sharedQueue());
            // the kit's LwM2M server (CoAP over UDP, loopback, a free port), shared by the live runs' LwM2M devices
            EmbeddedLwm2mServer lwm2m = EmbeddedLwm2mServer.start("127.0.0.1", 0, null);
            started.push(lwm2m);
            LiveLab liveLab = LiveLab.withDefaults(broker, grader, grading::latestGateway, config.liveRuns())
                    .withLwm2m(lwm2m);
            started.push(liveLab);
            Auth auth = new Auth(sessions, config.publicLessons(), config.clients(), config.secureCookies());
            Lti lti = Lti.create(db.dataSource(), accounts, auth, grading, quizzes); // LMS launches, grade passback
            started.push(lti);
            Chapter chapter = await(contentLoad);
            Future<List<DemoAccounts.Credentials>> ready = startup.submit(() -> {
                await(schema);
                OwnerOnly.restrict(config.dataDir()); // the database files exist now
                // kits starting at once on one PostgreSQL database create the demo accounts one after the other
                List<DemoAccounts.Credentials> demo = StartLock.hold(db.dataSource(),
                        () -> DemoAccounts.apply(accounts, config.demoAccounts()));
                grading.recover();
                lti.startSending();
                sessions.purgeExpired();
                return log.done("accounts and submissions", demo);
            });
            Future<QueueWorker> queueWorker = config.sharedQueue() && config.gradingSlots() > 0
                    && grader.unavailable() == null
                    ? startup.submit(() -> {
                        await(schema);
                        return QueueWorker.start(db.dataSource(), grader, config.gradingSlots(), "kit");
                    }) : null;
            // the quiz pages wait for this; the kit listens meanwhile
            startup.execute(() -> {
                try {
                    await(schema);
                    log.done("quiz banks", () -> StartLock.hold(db.dataSource(),
                            () -> quizzes.seed(db.dataSource(), chapter)));
                } catch (RuntimeException e) {
                    LOG.error("the chapter's question banks and quizzes could not be set up: {}", e.toString());
                }
            });
            startup.shutdown();
            app = WebApp.create(pages, Features.all(new Features.Shared(chapter, pages,
                    health(db, broker, grader, lwm2m), accounts, auth,
                    SignInLimiter.sharedIn(config.sharedQueue() ? db.dataSource() : null),
                    new ProgressStore(db.dataSource()), quizzes, grading, liveLab, db.dataSource(), notebooks, lti)),
                    routes::add);
            log.done("web app", (Object) null);
            demoAccounts = await(ready);
            if (queueWorker != null) {
                started.push(await(queueWorker)); // closed before the grader it grades with
            }
            startWeb();
            log.done("listening", (Object) null);
            WebApp.afterStart(grader::warmUp);
        } catch (RuntimeException e) {
            startup.shutdown(); // no interrupts: a migration half-way through a write finishes it
            closeUnclaimed(brokerStart);
            closeUnclaimed(graderStart);
            close();
            throw e;
        }
    }

    private static GraderConfig graderConfig(KitConfig config) {
        GraderConfig d = GraderConfig.defaults();
        return d.withPoolSize(1).withConcurrency(Math.max(d.concurrency(), config.gradingSlots()))
                .withSandbox(config.sandbox()).withWorkDir(config.graderDir())
                .withLimits(d.limits().withGradingBudget(config.gradingBudget()));
    }

    /** With {@code org.m2mkit.web.app.Kit} logging at debug: when each part of the start finished. */
    private static final class StartLog {
        private final long t0 = System.nanoTime();

        <T> T done(String part, T result) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("start: {} ready after {} ms", part, (System.nanoTime() - t0) / 1_000_000);
            }
            return result;
        }

        void done(String part, Runnable work) {
            work.run();
            done(part, (Object) null);
        }
    }

    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the kit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A part started on another thread while something else failed must not keep its port or its threads. */
    private void closeUnclaimed(Future<? extends AutoCloseable> part) {
        if (part == null) {
            return;
        }
        try {
            AutoCloseable started = part.get();
            if (!this.started.contains(started)) {
                started.close();
            }
        } catch (Exception ignored) {
            // it did not start: nothing to close
        }
    }

    public static Kit start(KitConfig config) {
        return new Kit(config);
    }

    private void startWeb() {
        try {
            app.start(config.bind(), config.port());
        } catch (RuntimeException e) {
            throw new UserError("the web app could not listen on " + config.bind() + ":" + config.port()
                    + " (" + e.getMessage() + "); choose another port with --port", e);
        }
        started.push(app::stop);
    }

    private Health health(Database db, KitBroker broker, Grader grader, EmbeddedLwm2mServer lwm2m) {
        SharedQueue sharedQueue = config.sharedQueue() ? new SharedQueue(db.dataSource()) : null;
        return new Health()
                .add("database", () -> db.healthy() ? Health.Part.up(Map.of("engine", engine()))
                        : Health.Part.down(Map.of("engine", engine())))
                .add("broker", () -> {
                    Map<String, Object> details = Map.of("mode", broker.isEmbedded() ? "embedded" : "external",
                            "url", brokerUrl);
                    return broker.isRunning() ? Health.Part.up(details) : Health.Part.down(details);
                })
                .add("lwm2m", () -> Health.Part.up(Map.of("mode", "embedded (Eclipse Leshan)", "url", lwm2m.uri(),
                        "transport", "CoAP over UDP", "registered", lwm2m.registered().size())))
                .add("grader", () -> {
                    Health.Part part = grader(grader.health(), grader.unavailable());
                    if (sharedQueue == null) {
                        return part;
                    }
                    // what waits for, and is with, every grader on the database
                    SharedQueue.Depth depth = sharedQueue.depth();
                    Map<String, Object> details = new java.util.LinkedHashMap<>(part.details());
                    details.put("sharedQueue", Map.of("queued", depth.queued(), "running", depth.running(),
                            "slotsHere", config.gradingSlots()));
                    return new Health.Part(part.status(), details);
                });
    }

    private static Health.Part grader(GraderHealth h, String unavailable) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("compiler", h.compilerAvailable() ? "javax.tools (JDK " + Runtime.version().feature() + ")"
                : "missing: run the kit on a JDK, not a JRE");
        details.put("sandbox", h.sandbox());
        details.put("sandboxDetail", unavailable != null ? unavailable : h.sandboxDetail());
        details.put("poolReady", h.poolReady() + " of " + h.poolSize());
        details.put("queued", h.queued());
        details.put("running", h.running());
        if (!h.ok()) {
            return Health.Part.down(details);
        }
        return h.unsafe() ? Health.Part.degraded(details) : Health.Part.up(details);
    }

    private String engine() {
        return config.dbUrl().startsWith("jdbc:h2:") ? "H2" : config.dbUrl().split(":")[1];
    }

    public int port() {
        return app.port();
    }

    /** One line on where student code runs, or why it does not run here. */
    public String sandboxSummary() {
        return sandboxSummary;
    }

    /** The address to open in a browser on this machine. */
    public String url() {
        String host = config.bind().equals("0.0.0.0") || config.bind().equals("::") ? "localhost" : config.bind();
        return "http://" + host + ":" + port() + "/";
    }

    /** Every HTTP route of the web app with its method and {@code Access}, as registered. */
    public List<HandlerMetaInfo> routes() {
        return List.copyOf(routes);
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public List<DemoAccounts.Credentials> demoAccounts() {
        return demoAccounts;
    }

    /** The quiz banks, quizzes and attempts (for tests and tools that set up a class). */
    public Quizzes quizzes() {
        return quizzes;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public KitConfig config() {
        return config;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // keep stopping the rest; nothing a user can act on
            }
        }
    }
}
