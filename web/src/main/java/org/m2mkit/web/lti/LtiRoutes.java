package org.m2mkit.web.lti;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.m2mkit.web.accounts.Access;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.accounts.SessionStore;
import org.m2mkit.web.app.Pages;
import org.m2mkit.web.db.Sql;

/** The pages of the LTI feature: the platform's side (login, launch, key set) and the instructor's. */
final class LtiRoutes {

    static final String BROWSER_COOKIE = "m2mkit_lti_browser";
    private static final Duration HANDOFF_LIFETIME = Duration.ofMinutes(5);

    private final Auth auth;
    private final Pages pages;
    private final Platforms platforms;
    private final ToolKeys keys;
    private final Launches launches;
    private final LtiAccounts links;
    private final Targets targets;
    private final DeepLinks deepLinks;
    private final ScoreOutbox scores;
    private final RosterPull roster;
    private final Sql sql;
    /** The registered platforms' origins, read again a minute after (another node of the kit may register one). */
    private volatile Set<String> frameOrigins;
    private volatile Instant frameOriginsRead = Instant.EPOCH;

    LtiRoutes(Auth auth, Pages pages, Platforms platforms, ToolKeys keys, Launches launches, LtiAccounts links,
              Targets targets, DeepLinks deepLinks, ScoreOutbox scores, RosterPull roster, DataSource db) {
        this.auth = auth;
        this.pages = pages;
        this.platforms = platforms;
        this.keys = keys;
        this.launches = launches;
        this.links = links;
        this.targets = targets;
        this.deepLinks = deepLinks;
        this.scores = scores;
        this.roster = roster;
        this.sql = new Sql(db);
    }

    void register(RoutesConfig routes) {
        routes.get("/lti/login", this::login, Access.ANYONE);
        routes.post("/lti/login", this::login, Access.SIGNED_MESSAGE);
        routes.post("/lti/launch", this::launch, Access.SIGNED_MESSAGE);
        routes.get("/lti/jwks", ctx -> ctx.contentType("application/json").result(keys.publicKeys().toString()),
                Access.ANYONE);
        routes.get("/lti/check", this::check, Access.ANYONE);
        routes.get("/lti/continue", this::continueInNewWindow, Access.ANYONE);
        routes.get("/lti/deep-link/{id}", this::picker, Access.INSTRUCTOR);
        routes.post("/lti/deep-link/{id}", this::pick, Access.INSTRUCTOR);
        routes.get("/instructor/lti", ctx -> admin(ctx, Map.of()), Access.INSTRUCTOR);
        routes.post("/instructor/lti/platforms", this::addPlatform, Access.INSTRUCTOR);
        routes.post("/instructor/lti/platforms/{id}/remove", ctx -> {
            platforms.remove(id(ctx));
            frameOrigins = null;
            ctx.redirect("/instructor/lti", HttpStatus.SEE_OTHER);
        }, Access.INSTRUCTOR);
        routes.post("/instructor/lti/keys/rotate", ctx -> {
            keys.rotate();
            admin(ctx, Map.of("done", "A new key signs from now on; the old one stays in the key set for "
                    + ToolKeys.GRACE.toDays() + " days."));
        }, Access.INSTRUCTOR);
        routes.post("/instructor/lti/scores/{id}/retry", ctx -> {
            scores.retry(id(ctx));
            ctx.redirect("/instructor/lti#scores", HttpStatus.SEE_OTHER);
        }, Access.INSTRUCTOR);
        routes.post("/instructor/lti/roster", this::pullRoster, Access.INSTRUCTOR);
        routes.after(this::allowPlatformFrames);
        routes.exception(LaunchRefused.class, (e, ctx) -> {
            Map<String, Object> model = new HashMap<>();
            model.put("title", e.title());
            model.put("message", e.getMessage());
            model.put("newWindow", e.newWindow());
            ctx.status(HttpStatus.BAD_REQUEST).html(pages.page(ctx, "lti/refused", model));
        });
    }

    /** The kit's address as the platform reaches it: https behind a TLS proxy (setting secure-cookies). */
    private String base(Context ctx) {
        return (auth.secureCookies() ? "https" : ctx.scheme()) + "://" + ctx.host();
    }

    /** LTI messages over plain HTTP only from this machine: elsewhere tokens and cookies would travel in clear. */
    private void requireTls(Context ctx) {
        if (auth.secureCookies() || "https".equals(ctx.scheme())) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(auth.clientAddress(ctx)).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new LaunchRefused("HTTPS needed", "Launches from a learning platform are accepted over HTTPS only "
                    + "(plain HTTP only from this machine). Serve the kit behind a TLS proxy and set secure-cookies "
                    + "to true.");
        }
    }

    private void login(Context ctx) {
        requireTls(ctx);
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : List.of("iss", "login_hint", "target_link_uri", "lti_message_hint", "client_id",
                "lti_deployment_id")) {
            String v = ctx.method().name().equals("POST") ? ctx.formParam(name) : ctx.queryParam(name);
            if (v != null) {
                params.put(name, v);
            }
        }
        // Canvas names the deployment deployment_id in its login initiation
        String canvasDeployment = ctx.method().name().equals("POST") ? ctx.formParam("deployment_id")
                : ctx.queryParam("deployment_id");
        if (canvasDeployment != null) {
            params.putIfAbsent("lti_deployment_id", canvasDeployment);
        }
        Launches.Login login = launches.login(params, ctx.cookie(BROWSER_COOKIE), base(ctx) + "/lti/launch");
        ctx.cookie(new Cookie(BROWSER_COOKIE, login.browser(), "/lti/", (int) Launches.LOGIN_LIFETIME.toSeconds(),
                auth.secureCookies(), true, null, auth.secureCookies() ? SameSite.NONE : SameSite.LAX));
        ctx.redirect(login.redirect(), HttpStatus.FOUND);
    }

    private void launch(Context ctx) {
        requireTls(ctx);
        Launches.Launch launch = launches.launch(ctx.formParam("id_token"), ctx.formParam("state"),
                ctx.cookie(BROWSER_COOKIE));
        Targets.Target target = launch.deepLinking() ? null : target(launch);
        if (launch.deepLinking() && launch.role() != Role.INSTRUCTOR) {
            throw new LaunchRefused("For instructors", "Only instructors of the course add the kit's activities; "
                    + "the platform says you take part as a student.");
        }
        String handoff = SessionStore.newToken();
        Account account = sql.tx(c -> {
            if (!launches.consume(launch, c)) {
                throw new LaunchRefused("Launch used already", "This launch was used already; a launch is good for "
                        + "one sign-in. Start the activity again from your course in the platform.");
            }
            Account a = links.linkOrCreate(c, new LtiAccounts.PlatformUser(launch.platform().issuer(),
                    launch.subject(), launch.name(), launch.email(), launch.role()));
            if (LtiAccounts.disabled(c, a.id())) {
                throw new LaunchRefused("Account disabled", "Your account in the kit is disabled; ask your "
                        + "instructor.");
            }
            String path = target != null ? target.path() : "/lti/deep-link/" + DeepLinks.open(c, a.id(), launch);
            record(c, launch, a, target);
            Sql.update(c, "INSERT INTO lti_handoff (token_hash, account_id, target, expires_at) VALUES (?, ?, ?, ?)",
                    SessionStore.hash(handoff), a.id(), path, Instant.now().plus(HANDOFF_LIFETIME));
            return a;
        });
        auth.signInFromPlatform(ctx, account);
        ctx.redirect("/lti/check?h=" + handoff, HttpStatus.SEE_OTHER);
    }

    /** The kit page a resource link opens: its custom parameter, else the path of its target link URI. */
    private Targets.Target target(Launches.Launch launch) {
        String named = launch.string(launch.object(Claims.CUSTOM), Claims.CUSTOM_TARGET);
        if (named == null) {
            try {
                named = URI.create(Launches.string(launch.claims(), Claims.TARGET_LINK_URI)).getPath();
            } catch (IllegalArgumentException e) {
                named = null;
            }
        }
        String path = named;
        return targets.find(path).orElseThrow(() -> new LaunchRefused("Unknown activity", "The platform's link "
                + "opens " + (path == null || path.isBlank() || path.equals("/lti/launch") ? "no page of the kit"
                : "'" + path + "', which is not a lesson, lab or published quiz of this kit") + ". The instructor "
                + "adds the activity again through the platform's content selection (deep linking), or sets its "
                + "custom parameter " + Claims.CUSTOM_TARGET + " to a page such as /labs/gateway."));
    }

    /** What the launch tells about the course: where its roster is, and where the person's grade goes. */
    private static void record(java.sql.Connection c, Launches.Launch launch, Account a, Targets.Target target)
            throws java.sql.SQLException {
        Map<String, Object> context = launch.object(Claims.CONTEXT);
        String contextId = launch.string(context, "id");
        Instant now = Instant.now();
        if (contextId != null) {
            String title = launch.string(context, "title");
            String memberships = launch.string(launch.object(Claims.NRPS), "context_memberships_url");
            title = title == null ? contextId : title.length() > 500 ? title.substring(0, 500) : title;
            if (Sql.update(c, "UPDATE lti_context SET title = ?, memberships_url = COALESCE(?, memberships_url), "
                    + "updated_at = ? WHERE platform_id = ? AND context_id = ?", title, memberships, now,
                    launch.platform().id(), contextId) == 0) {
                Sql.update(c, "INSERT INTO lti_context (platform_id, context_id, title, memberships_url, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?)", launch.platform().id(), contextId, title, memberships, now);
            }
        }
        String lineItem = launch.string(launch.object(Claims.AGS_ENDPOINT), "lineitem");
        if (target != null && target.graded() && lineItem != null && a.role() == Role.STUDENT) {
            if (Sql.update(c, "UPDATE lti_grade_link SET lineitem_url = ?, subject = ?, updated_at = ? "
                    + "WHERE account_id = ? AND target = ? AND platform_id = ?", lineItem, launch.subject(), now,
                    a.id(), target.path(), launch.platform().id()) == 0) {
                Sql.update(c, "INSERT INTO lti_grade_link (account_id, target, platform_id, lineitem_url, subject, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?)", a.id(), target.path(), launch.platform().id(),
                        lineItem, launch.subject(), now);
            }
        }
    }

    private record Handoff(long accountId, String target) {}

    private Handoff handoff(String token, boolean use) {
        if (token == null || token.length() > 100) {
            return null;
        }
        Handoff h = sql.one("SELECT account_id, target FROM lti_handoff WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > ?", rs -> new Handoff(rs.getLong(1), rs.getString(2)), SessionStore.hash(token),
                Instant.now());
        if (h != null && use && sql.update("UPDATE lti_handoff SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                Instant.now(), SessionStore.hash(token)) != 1) {
            return null;
        }
        return h;
    }

    /**
     * After a launch: when the session cookie came back, on to the page; when the browser dropped it (cookies
     * blocked in the platform's frame), a page that opens the kit in a window of its own.
     */
    private void check(Context ctx) {
        String token = ctx.queryParam("h");
        Handoff h = handoff(token, false);
        if (h == null) {
            throw new LaunchRefused("Launch finished", "This launch was finished already or is too old. Start the "
                    + "activity again from your course in the platform.");
        }
        Account me = Auth.current(ctx).orElse(null);
        if (me != null && me.id() == h.accountId()) {
            handoff(token, true);
            ctx.redirect(h.target(), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(pages.page(ctx, "lti/new-window", Map.of("continueUrl", "/lti/continue?h=" + token)));
    }

    private void continueInNewWindow(Context ctx) {
        Handoff h = handoff(ctx.queryParam("h"), true);
        if (h == null) {
            throw new LaunchRefused("Launch finished", "This launch was finished already or is too old. Start the "
                    + "activity again from your course in the platform.");
        }
        Account account = links.account(h.accountId());
        auth.signInFromPlatform(ctx, account);
        ctx.redirect(h.target(), HttpStatus.SEE_OTHER);
    }

    private DeepLinks.Request deepLink(Context ctx) {
        DeepLinks.Request r = deepLinks.find(ctx.pathParam("id"), Auth.require(ctx).id());
        if (r == null) {
            throw new NotFoundResponse("This content selection was finished already or is too old; start it again "
                    + "from the platform.");
        }
        return r;
    }

    private void picker(Context ctx) {
        deepLink(ctx);
        ctx.html(pages.page(ctx, "lti/pick", Map.of("targets", targets.all(), "error", "")));
    }

    private void pick(Context ctx) {
        DeepLinks.Request r = deepLink(ctx);
        Targets.Target target = targets.find(ctx.formParam("target")).orElse(null);
        if (target == null) {
            ctx.status(HttpStatus.BAD_REQUEST).html(pages.page(ctx, "lti/pick", Map.of("targets", targets.all(),
                    "error", "Choose one of the lessons, labs or quizzes below.")));
            return;
        }
        DeepLinks.Response answer = deepLinks.answer(r, target, base(ctx) + "/lti/launch");
        if (answer == null) {
            throw new NotFoundResponse("This content selection was finished already.");
        }
        String csp = ctx.res().getHeader("Content-Security-Policy");
        if (csp != null) {
            ctx.header("Content-Security-Policy", csp.replace("form-action 'self'", "form-action 'self' "
                    + origin(answer.returnUrl())));
        }
        ctx.html(pages.page(ctx, "lti/return", Map.of("returnUrl", answer.returnUrl(), "jwt", answer.jwt(),
                "target", target)));
    }

    private void addPlatform(Context ctx) {
        Platforms.Form form = Platforms.Form.of(ctx.formParamMap());
        List<String> problems = platforms.problems(form);
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            admin(ctx, Map.of("problems", problems, "form", form));
            return;
        }
        platforms.add(form);
        frameOrigins = null;
        admin(ctx, Map.of("done", "The platform " + form.issuer() + " is registered."));
    }

    private void pullRoster(Context ctx) {
        long platform;
        try {
            platform = Long.parseLong(ctx.formParam("platform"));
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            admin(ctx, Map.of("problems", List.of("choose a course to pull the roster of")));
            return;
        }
        try {
            RosterPull.Outcome o = roster.pull(platform, String.valueOf(ctx.formParam("context")));
            if (!o.problems().isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST);
                admin(ctx, Map.of("problems", o.problems()));
                return;
            }
            admin(ctx, Map.of("done", "Roster pulled: " + o.created() + " new account(s), " + o.linked()
                    + " linked already, " + o.skipped() + " inactive member(s) left out."));
        } catch (PlatformClient.CallFailed e) {
            ctx.status(HttpStatus.BAD_GATEWAY);
            admin(ctx, Map.of("problems", List.of("The roster could not be pulled: " + e.getMessage())));
        }
    }

    private void admin(Context ctx, Map<String, Object> extra) {
        String base = base(ctx);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("loginUrl", base + "/lti/login");
        model.put("launchUrl", base + "/lti/launch");
        model.put("jwksUrl", base + "/lti/jwks");
        model.put("deepLinkUrl", base + "/lti/launch");
        model.put("platforms", platforms.list());
        model.put("keys", keys.list());
        model.put("courses", roster.courses());
        model.put("scores", scores.list(200));
        model.putIfAbsent("form", new Platforms.Form("", "", "", "", "", ""));
        model.putIfAbsent("problems", List.of());
        ctx.html(pages.page(ctx, "lti/admin", model));
    }

    /**
     * Lets the registered platforms show the kit's pages in their frames: they join the pages' frame-ancestors, and
     * X-Frame-Options (which cannot name them) is left out. Without a registered platform nothing changes.
     */
    private void allowPlatformFrames(Context ctx) {
        Set<String> origins = frameOrigins;
        if (origins == null || frameOriginsRead.isBefore(Instant.now().minusSeconds(60))) {
            origins = new LinkedHashSet<>();
            for (Platform p : platforms.list()) {
                origins.add(origin(p.issuer()));
                origins.add(origin(p.authUrl()));
            }
            frameOrigins = origins;
            frameOriginsRead = Instant.now();
        }
        String csp = ctx.res().getHeader("Content-Security-Policy");
        if (origins.isEmpty() || csp == null) {
            return;
        }
        ctx.header("Content-Security-Policy", csp.replace("frame-ancestors 'self'", "frame-ancestors 'self' "
                + String.join(" ", origins)));
        ctx.res().setHeader("X-Frame-Options", null);
    }

    static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no such entry.");
        }
    }
}
