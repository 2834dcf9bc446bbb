package org.m2mkit.web.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, and may they: reads the session cookie before every route, checks the CSRF token of every
 * state-changing request, and checks the route's {@link Access}. Anonymous visitors asking for a page are sent to
 * the sign-in page and back; a script asking an API gets 401; a signed-in person without the role gets 403.
 */
public final class Auth {

    public static final String SESSION_COOKIE = "m2mkit_session";
    public static final String CSRF_COOKIE = "m2mkit_csrf";
    /** The hidden form field that carries the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";
    /** The request header that carries the CSRF token for scripts ({@code fetch}). */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String ACCOUNT = "m2mkit.account";
    private static final String CSRF = "m2mkit.csrf";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final SessionStore sessions;
    private final boolean publicLessons;
    private final ClientAddress clients;
    private final boolean secureCookies;

    public Auth(SessionStore sessions, boolean publicLessons) {
        this(sessions, publicLessons, ClientAddress.DIRECT, false);
    }

    /**
     * @param clients       which proxies are believed about the client's address
     * @param secureCookies whether the cookies are marked Secure (the kit is reached over HTTPS only)
     */
    public Auth(SessionStore sessions, boolean publicLessons, ClientAddress clients, boolean secureCookies) {
        this.sessions = sessions;
        this.publicLessons = publicLessons;
        this.clients = clients;
        this.secureCookies = secureCookies;
    }

    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        if (isStaticFile(ctx.path())) {
            return; // style sheets, scripts and images are public and change nothing
        }
        Account account = sessions.account(ctx.cookie(SESSION_COOKIE)).orElse(null);
        ctx.attribute(ACCOUNT, account);
        String csrf = ctx.cookie(CSRF_COOKIE);
        if (csrf == null || csrf.length() != 43) {
            csrf = newCsrf(ctx);
        }
        ctx.attribute(CSRF, csrf);
        Access needed = access(ctx.routeRoles());
        if (!SAFE.contains(ctx.method()) && needed != Access.SIGNED_MESSAGE) {
            String sent = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> ctx.formParam(CSRF_FIELD));
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    csrf.getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenResponse("This form has expired or did not come from this site. Go back, "
                        + "reload the page and send it again.");
            }
        }
        if (needed.admits(account, publicLessons)) {
            return;
        }
        if (account == null) {
            if (wantsPage(ctx)) {
                String next = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
                ctx.redirect("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse("Sign in first.");
        }
        throw new ForbiddenResponse(needed == Access.INSTRUCTOR ? "This page is for instructors."
                : needed == Access.STUDENT ? "This page is for students." : "You may not open this page.");
    }

    /** The paths of the static files WebApp serves from the jar (they pass through this check too). */
    static boolean isStaticFile(String path) {
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    private static Access access(Set<RouteRole> roles) {
        return roles.stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst()
                .orElse(Access.SIGNED_IN);
    }

    private static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.method() == HandlerType.GET && !ctx.path().startsWith("/api/")
                && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
    }

    private Cookie cookie(String name, String value, int maxAgeSeconds, SameSite sameSite) {
        return new Cookie(name, value, "/", maxAgeSeconds, secureCookies, true, null, sameSite);
    }

    /** A fresh CSRF token, sent to the browser and used for the rest of this request. */
    private String newCsrf(Context ctx) {
        String csrf = SessionStore.newToken();
        ctx.cookie(cookie(CSRF_COOKIE, csrf, -1, SameSite.STRICT));
        ctx.attribute(CSRF, csrf);
        return csrf;
    }

    /** The address of the client, through the trusted proxies only. */
    public String clientAddress(Context ctx) {
        return clients.of(ctx);
    }

    /** The signed-in account, if any. */
    public static Optional<Account> current(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACCOUNT));
    }

    /** The signed-in account; for routes whose {@link Access} already requires one. */
    public static Account require(Context ctx) {
        return current(ctx).orElseThrow(() -> new UnauthorizedResponse("Sign in first."));
    }

    /** The CSRF token that forms and scripts of this page must send back. */
    public static String csrf(Context ctx) {
        return ctx.attribute(CSRF);
    }

    /**
     * Opens a session; the CSRF token changes with it, so a token planted or seen before the sign-in is worth
     * nothing after it.
     */
    void signIn(Context ctx, Account account, int maxAgeSeconds) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(SESSION_COOKIE, sessions.open(account.id()), maxAgeSeconds, SameSite.LAX));
        newCsrf(ctx);
    }

    /**
     * Opens a session for a person a learning platform's launch vouched for. Inside the platform's frame the kit is
     * a third party, so behind TLS both cookies are SameSite=None (the CSRF token still guards every form).
     */
    public void signInFromPlatform(Context ctx, Account account) {
        SameSite sameSite = secureCookies ? SameSite.NONE : SameSite.LAX;
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(SESSION_COOKIE, sessions.open(account.id()), -1, sameSite));
        String csrf = SessionStore.newToken();
        ctx.cookie(cookie(CSRF_COOKIE, csrf, -1, sameSite));
        ctx.attribute(CSRF, csrf);
    }

    /** Whether the kit is reached over HTTPS only (setting {@code secure-cookies}). */
    public boolean secureCookies() {
        return secureCookies;
    }

    void signOut(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(SESSION_COOKIE, "", 0, SameSite.LAX));
        newCsrf(ctx);
    }

    SessionStore sessions() {
        return sessions;
    }
}
