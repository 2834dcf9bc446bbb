package org.m2mkit.web.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.m2mkit.web.app.Pages;
import org.m2mkit.web.app.UploadLimits;

/**
 * Sign in and out, change one's password, and, for instructors, the account list with creation one by one or
 * from a CSV roster.
 */
public final class AccountRoutes {

    private static final int SESSION_SECONDS = 14 * 24 * 3600;

    private final AccountRepository accounts;
    private final Auth auth;
    private final SignInLimiter limiter;
    private final Pages pages;

    private AccountRoutes(AccountRepository accounts, Auth auth, SignInLimiter limiter, Pages pages) {
        this.accounts = accounts;
        this.auth = auth;
        this.limiter = limiter;
        this.pages = pages;
    }

    public static void register(RoutesConfig routes, AccountRepository accounts, Auth auth, SignInLimiter limiter,
                                Pages pages) {
        AccountRoutes r = new AccountRoutes(accounts, auth, limiter, pages);
        routes.get("/sign-in", r::signInPage, Access.ANYONE);
        routes.post("/sign-in", r::signIn, Access.ANYONE);
        routes.post("/sign-out", r::signOut, Access.ANYONE);
        routes.get("/account", r::accountPage, Access.SIGNED_IN);
        routes.post("/account/password", r::changePassword, Access.SIGNED_IN);
        routes.get("/instructor/accounts", r::listPage, Access.INSTRUCTOR);
        routes.post("/instructor/accounts", r::createOne, Access.INSTRUCTOR);
        routes.post("/instructor/accounts/roster", r::importRoster, Access.INSTRUCTOR);
        routes.post("/instructor/accounts/reset-password", r::resetPassword, Access.INSTRUCTOR);
        routes.beforeMatched(r::ownPasswordFirst);
    }

    /** Paths open to someone who signed in with a one-time password: their account page and signing out. */
    private static final java.util.Set<String> BEFORE_OWN_PASSWORD = java.util.Set.of("/account",
            "/account/password", "/sign-out", "/sign-in");

    /**
     * Someone who signed in with a one-time password chooses their own before anything else: pages send them to
     * their account page, other requests are refused with a word on why.
     */
    private void ownPasswordFirst(Context ctx) {
        Optional<Account> me = Auth.current(ctx);
        if (me.isEmpty() || Auth.isStaticFile(ctx.path()) || BEFORE_OWN_PASSWORD.contains(ctx.path())
                || !accounts.mustChangePassword(me.get().id())) {
            return;
        }
        if (ctx.method() == io.javalin.http.HandlerType.GET) {
            ctx.redirect("/account", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        throw new io.javalin.http.ForbiddenResponse("Choose your own password on your account page first.");
    }

    /**
     * A path of this site to return to after signing in; anything else means the home page. Refused: whatever is
     * not a plain path starting with one '/', and any path that, decoded (more than once, for doubly encoded text),
     * holds a control character, white space, a backslash or '//' (browsers read {@code /\t/host} and
     * {@code /\\host} as another site).
     */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || next.startsWith("/sign-")) {
            return "/";
        }
        String decoded = next;
        for (int round = 0; round < 4; round++) {
            if (!plainPath(decoded)) {
                return "/";
            }
            String again = percentDecoded(decoded);
            if (again == null) {
                return "/";
            }
            if (again.equals(decoded)) {
                return sameOrigin(next) && !decoded.startsWith("/sign-") ? next : "/";
            }
            decoded = again;
        }
        return "/"; // still encoded after four rounds: no link of the kit looks like that
    }

    private static boolean plainPath(String path) {
        if (!path.startsWith("/") || path.contains("//") || path.indexOf('\\') >= 0) {
            return false;
        }
        return path.codePoints().noneMatch(c -> c <= 0x20 || c == 0x7F || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT);
    }

    /** {@code %XX} decoded as UTF-8 ('+' stays); null when a '%' is not followed by two hex digits. */
    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0 || Character.digit(bytes[i + 2], 16) < 0) {
                return null;
            }
            out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Read as a URL of a page of the kit, {@code next} stays on the kit's scheme, host and port. */
    private static boolean sameOrigin(String next) {
        try {
            java.net.URI base = java.net.URI.create("http://kit.invalid/");
            java.net.URI uri = new java.net.URI(next);
            java.net.URI resolved = base.resolve(uri);
            return uri.getScheme() == null && uri.getRawAuthority() == null && "http".equals(resolved.getScheme())
                    && "kit.invalid".equals(resolved.getHost()) && resolved.getPort() == -1;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private void signInPage(Context ctx) {
        if (Auth.current(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        ctx.html(pages.page(ctx, "accounts/sign-in", Map.of("next", safeNext(ctx.queryParam("next")),
                "username", "")));
    }

    private void signIn(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim().toLowerCase();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        Map<String, Object> model = new HashMap<>(Map.of("next", next, "username", username));
        if (username.isEmpty() || password.isEmpty()) {
            model.put("error", "Enter your user name and your password.");
            ctx.status(HttpStatus.BAD_REQUEST).html(pages.page(ctx, "accounts/sign-in", model));
            return;
        }
        String address = auth.clientAddress(ctx);
        if (tooMany(ctx, username, address, model, "accounts/sign-in")) {
            return;
        }
        Optional<Account> account = password.length() > 72 ? Optional.empty()
                : accounts.authenticate(username, password);
        if (account.isEmpty()) {
            limiter.failed(username, address);
            model.put("error", "That user name and password do not match an account. Check both and try again; "
                    + "your instructor can reset a forgotten password.");
            ctx.status(HttpStatus.UNAUTHORIZED).html(pages.page(ctx, "accounts/sign-in", model));
            return;
        }
        auth.signIn(ctx, account.get(), SESSION_SECONDS);
        ctx.redirect(accounts.mustChangePassword(account.get().id()) ? "/account" : next, HttpStatus.SEE_OTHER);
    }

    /** Answers 429 on {@code page} when this person has guessed too many wrong passwords lately. */
    private boolean tooMany(Context ctx, String username, String address, Map<String, Object> model, String page) {
        OptionalLong wait = limiter.check(username, address);
        if (wait.isEmpty()) {
            return false;
        }
        model.put("error", "Too many wrong passwords. Wait " + wait.getAsLong() + " seconds, then try again.");
        ctx.header("Retry-After", String.valueOf(wait.getAsLong()));
        ctx.status(HttpStatus.TOO_MANY_REQUESTS).html(pages.page(ctx, page, model));
        return true;
    }

    private void signOut(Context ctx) {
        auth.signOut(ctx);
        ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
    }

    private void accountPage(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.html(pages.page(ctx, "accounts/account", accountModel(ctx, Map.of())));
    }

    /** The account page's model: whether a one-time password is in use, with what {@code extra} says. */
    private Map<String, Object> accountModel(Context ctx, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("oneTime", accounts.mustChangePassword(Auth.require(ctx).id()));
        return model;
    }

    private void changePassword(Context ctx) {
        Account me = Auth.require(ctx);
        String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
        String fresh = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String again = Optional.ofNullable(ctx.formParam("again")).orElse("");
        String problem = null;
        String address = auth.clientAddress(ctx);
        if (tooMany(ctx, me.username(), address, new HashMap<>(), "accounts/account")) {
            return;
        }
        if (current.length() > 72 || accounts.authenticate(me.username(), current).isEmpty()) {
            limiter.failed(me.username(), address);
            problem = "Your current password is not right.";
        } else if (fresh.equals(current)) {
            problem = "Choose a new password that differs from the current one.";
        } else if (!fresh.equals(again)) {
            problem = "The new password and its repetition differ.";
        } else {
            problem = AccountRules.passwordProblem(fresh).map(p -> capitalise(p) + ".").orElse(null);
        }
        if (problem != null) {
            ctx.status(HttpStatus.BAD_REQUEST).html(pages.page(ctx, "accounts/account",
                    accountModel(ctx, Map.of("error", problem))));
            return;
        }
        accounts.changePassword(me.id(), fresh);
        auth.sessions().closeOthers(me.id(), ctx.cookie(Auth.SESSION_COOKIE));
        ctx.html(pages.page(ctx, "accounts/account", accountModel(ctx, Map.of("done",
                "Your password is changed. Other devices signed in as you have been signed out."))));
    }

    private void listPage(Context ctx) {
        renderList(ctx, HttpStatus.OK, Map.of());
    }

    private void renderList(Context ctx, HttpStatus status, Map<String, ?> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("accounts", accounts.list());
        model.putIfAbsent("form", Map.of("username", "", "name", "", "role", "student"));
        ctx.status(status).html(pages.page(ctx, "accounts/list", model));
    }

    private void createOne(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim().toLowerCase();
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").trim();
        String roleText = Optional.ofNullable(ctx.formParam("role")).orElse("student");
        Map<String, String> form = Map.of("username", username, "name", name, "role", roleText);
        List<String> problems = new java.util.ArrayList<>();
        AccountRules.usernameProblem(username).ifPresent(problems::add);
        AccountRules.displayNameProblem(name).ifPresent(problems::add);
        Optional<Role> role = AccountRules.role(roleText);
        if (role.isEmpty()) {
            problems.add("the role '" + roleText + "' is not known; use student or instructor");
        }
        if (problems.isEmpty() && accounts.find(username).isPresent()) {
            problems.add("an account '" + username + "' exists already");
        }
        if (!problems.isEmpty()) {
            renderList(ctx, HttpStatus.BAD_REQUEST, Map.of("problems", problems, "form", form));
            return;
        }
        String password = AccountRules.newPassword();
        Account created = accounts.create(username, name, role.get(), password, false);
        renderList(ctx, HttpStatus.OK, Map.of("created", List.of(Map.of("username", created.username(),
                "name", created.displayName(), "role", created.role().name().toLowerCase(), "password", password))));
    }

    /** Sets a one-time password for someone who forgot theirs; it is shown once, on the answer page. */
    private void resetPassword(Context ctx) {
        Account me = Auth.require(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim().toLowerCase();
        Optional<Account> whom = accounts.find(username);
        if (whom.isEmpty()) {
            renderList(ctx, HttpStatus.BAD_REQUEST, Map.of("problems", List.of("there is no account '" + username + "'")));
            return;
        }
        if (whom.get().id() == me.id()) {
            renderList(ctx, HttpStatus.BAD_REQUEST, Map.of("problems",
                    List.of("change your own password on your account page")));
            return;
        }
        String oneTime = accounts.resetPassword(whom.get().id());
        auth.sessions().closeOthers(whom.get().id(), null);
        ctx.header("Cache-Control", "no-store");
        renderList(ctx, HttpStatus.OK, Map.of("reset", Map.of("username", whom.get().username(),
                "name", whom.get().displayName(), "password", oneTime)));
    }

    private void importRoster(Context ctx) throws IOException {
        String csv = ctx.formParam("roster");
        UploadedFile file = ctx.uploadedFile("file");
        if (file != null && file.size() > 0) {
            if (file.size() > UploadLimits.ROSTER_BYTES) {
                renderList(ctx, HttpStatus.CONTENT_TOO_LARGE, Map.of("problems", List.of("the roster file is "
                        + UploadLimits.size(file.size()) + "; at most " + UploadLimits.size(UploadLimits.ROSTER_BYTES)
                        + " are accepted")));
                return;
            }
            try (InputStream in = file.content()) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Roster.Result result = Roster.parse(csv, accounts);
        if (!result.ok()) {
            renderList(ctx, HttpStatus.BAD_REQUEST, Map.of("problems", result.problems(),
                    "rosterText", csv == null ? "" : csv));
            return;
        }
        accounts.createAll(result.entries().stream().map(Roster.Entry::account).toList(), false);
        renderList(ctx, HttpStatus.OK, Map.of("created", result.entries().stream().map(e -> Map.of(
                "username", e.account().username(), "name", e.account().displayName(),
                "role", e.account().role().name().toLowerCase(),
                "password", e.passwordMadeUp() ? e.account().password() : "(as given in the roster)")).toList()));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
