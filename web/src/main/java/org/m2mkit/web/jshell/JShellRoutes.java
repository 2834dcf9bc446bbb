package org.m2mkit.web.jshell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.m2mkit.grader.jshell.JShellBusyException;
import org.m2mkit.grader.jshell.JShellSession;
import org.m2mkit.grader.jshell.Results;
import org.m2mkit.web.accounts.Access;
import org.m2mkit.web.accounts.Auth;

/**
 * The JSON API behind the lesson notebooks (see docs/jshell.md): open a session, run cells, replay, reset,
 * complete, document. Signed-in users only; every POST carries the CSRF header; each student has a rate limit.
 */
public final class JShellRoutes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JShellRoutes.class);
    static final String BASE = "/api/jshell/sessions";
    private static final Pattern LESSON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stack of a compiling thread: room for the deepest nesting a cell of the longest accepted size can hold. */
    private static final long COMPILER_STACK_BYTES = 256L << 20;
    private static final java.util.concurrent.ExecutorService COMPILER = java.util.concurrent.Executors
            .newCachedThreadPool(r -> {
                Thread t = new Thread(null, r, "m2mkit-notebook-compile", COMPILER_STACK_BYTES);
                t.setDaemon(true);
                return t;
            });

    private JShellRoutes() {
    }

    public static void register(RoutesConfig routes, SessionRegistry registry) {
        StudentLimiter limiter = new StudentLimiter(registry.settings());
        routes.post(BASE, api(ctx -> {
            long me = Auth.require(ctx).id();
            JsonNode body = body(ctx);
            String lesson = text(body, "lesson", "the lesson id, like \"gateways\"");
            if (!LESSON.matcher(lesson).matches()) {
                throw new ApiError(400, "bad-request", "\"lesson\" must be a lesson id (letters, digits, '-', '_' "
                        + "or '.', at most 80); got \"" + abbreviate(lesson) + "\".");
            }
            limiter.run(me);
            SessionRegistry.Opened opened = registry.open(me, lesson);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", opened.id());
            out.put("resumed", opened.resumed());
            out.put("cells", opened.cells());
            out.put("sandbox", registry.engines().mode().name().toLowerCase(java.util.Locale.ROOT));
            out.put("timeLimitMs", registry.settings().engines().evalTimeout().toMillis());
            out.put("idleTimeoutSeconds", registry.settings().idleTimeout().toSeconds());
            return out;
        }), Access.SIGNED_IN);
        routes.post(BASE + "/{id}/eval", api(ctx -> {
            JShellSession s = session(ctx, registry);
            String code = text(body(ctx), "code", "the cell's Java code");
            long me = Auth.require(ctx).id();
            limiter.run(me);
            try {
                return onCompilerThread(() -> s.evaluate(code));
            } catch (StackOverflowError | InternalError e) {
                return notCompiled(s, code, e, me);
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                        || e instanceof ApiError || e instanceof JShellBusyException) {
                    throw e;
                }
                return notCompiled(s, code, e, me);
            }
        }), Access.SIGNED_IN);
        routes.post(BASE + "/{id}/replay", api(ctx -> {
            JShellSession s = session(ctx, registry);
            limiter.run(Auth.require(ctx).id());
            return onCompilerThread(s::replay);
        }), Access.SIGNED_IN);
        routes.post(BASE + "/{id}/reset", api(ctx -> {
            JShellSession s = session(ctx, registry);
            limiter.run(Auth.require(ctx).id());
            s.reset();
            return Map.of("reset", true);
        }), Access.SIGNED_IN);
        routes.post(BASE + "/{id}/complete", api(ctx -> {
            Lookup l = lookup(ctx, registry, limiter);
            return onCompilerThread(() -> l.session().complete(l.code(), l.cursor()));
        }), Access.SIGNED_IN);
        routes.post(BASE + "/{id}/docs", api(ctx -> {
            Lookup l = lookup(ctx, registry, limiter);
            return Map.of("docs", onCompilerThread(() -> l.session().document(l.code(), l.cursor())));
        }), Access.SIGNED_IN);
        routes.post(BASE + "/{id}/close", api(ctx -> {
            registry.close(Auth.require(ctx).id(), ctx.pathParam("id"));
            return Map.of("closed", true);
        }), Access.SIGNED_IN);
    }

    /**
     * A cell the Java compiler itself failed on (it ran out of stack on a deeply nested cell, or broke inside):
     * answered as a compile error of the whole cell, and one line in the log, not a stack trace.
     */
    private static Results.Cell notCompiled(JShellSession s, String code, Throwable e, long student) {
        LOG.warn("notebook: a cell of account {} ({} characters) could not be compiled: {}", student, code.length(),
                oneLine(e));
        String message = e instanceof StackOverflowError
                ? "This cell is nested too deeply for the Java compiler; split it into smaller expressions or statements."
                : "The Java compiler could not compile this cell (" + e.getClass().getSimpleName() + "); change it "
                        + "and run it again.";
        Results.Snippet snippet = new Results.Snippet(0, code.length(), code, "error", "error", null, null, null,
                List.of(new Results.Diagnostic(message, 0, Math.min(code.length(), 1), true)), "", false);
        return new Results.Cell(List.of(snippet), null, false, s.historySize());
    }

    /**
     * Runs work that compiles a student's code on a thread with a deep stack: JShell compiles in the calling thread,
     * and javac's parser and attribution recurse once per level of nesting, so a cell of a few thousand '(' would
     * overflow a request thread's stack (and javac prints a long crash report when that happens).
     */
    private static <T> T onCompilerThread(java.util.function.Supplier<T> work) {
        java.util.concurrent.Future<T> result = COMPILER.submit(work::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiError(503, "busy", "The kit is stopping; run the cell again in a moment.");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String oneLine(Throwable e) {
        String text = e.toString();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** A completion or documentation request: the session, the code being edited, the caret. */
    private record Lookup(JShellSession session, String code, int cursor) {}

    private static Lookup lookup(Context ctx, SessionRegistry registry, StudentLimiter limiter) {
        JShellSession s = session(ctx, registry);
        JsonNode body = body(ctx);
        String code = text(body, "code", "the code being edited");
        int cursor = cursor(body);
        limiter.lookup(Auth.require(ctx).id());
        return new Lookup(s, code, cursor);
    }

    private interface Api {
        Object handle(Context ctx);
    }

    /** Runs a handler; every refusal becomes a JSON error with a clear message, never a stack trace. */
    private static Handler api(Api api) {
        return ctx -> {
            try {
                ctx.json(api.handle(ctx));
            } catch (ApiError e) {
                error(ctx, e);
            } catch (JShellBusyException e) {
                error(ctx, new ApiError(503, "busy", e.getMessage(), 30));
            } catch (IllegalArgumentException e) {
                error(ctx, new ApiError(400, "bad-request", e.getMessage()));
            } catch (IllegalStateException e) {
                error(ctx, new ApiError(410, "session-ended", "This JShell session was closed while the request "
                        + "ran; reload the page to start a new one."));
            } catch (StackOverflowError e) {
                LOG.warn("notebook: {} {} could not be handled: {}", ctx.method(), ctx.path(), oneLine(e));
                error(ctx, new ApiError(422, "too-deep", "This code is nested too deeply for the Java compiler; "
                        + "split it into smaller pieces."));
            }
        };
    }

    private static void error(Context ctx, ApiError e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", e.status());
        out.put("code", e.code());
        out.put("error", e.getMessage());
        if (e.retryAfterSeconds() > 0) {
            out.put("retryAfterSeconds", e.retryAfterSeconds());
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        ctx.status(e.status()).json(out);
    }

    private static JShellSession session(Context ctx, SessionRegistry registry) {
        return registry.get(Auth.require(ctx).id(), ctx.pathParam("id"));
    }

    private static JsonNode body(Context ctx) {
        String raw = ctx.body();
        try {
            JsonNode node = raw.isBlank() ? null : JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "bad-request", "The request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "bad-request", "The request body is not valid JSON: "
                    + e.getOriginalMessage() + ".");
        }
    }

    private static String text(JsonNode body, String field, String what) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new ApiError(400, "bad-request", "The request needs \"" + field + "\": " + what + ", as a string.");
        }
        return v.asText();
    }

    private static int cursor(JsonNode body) {
        JsonNode v = body.get("cursor");
        if (v == null || !v.canConvertToInt()) {
            throw new ApiError(400, "bad-request", "The request needs \"cursor\": the caret's offset in \"code\", "
                    + "as a whole number.");
        }
        return v.asInt();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
