package org.m2mkit.web.labs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.run.Milestone;
import org.m2mkit.web.accounts.Access;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Auth;
import org.m2mkit.web.app.Pages;

/**
 * The live lab console: {@code GET /labs/live} (the page), {@code GET /labs/live/events} (the run as
 * Server-Sent Events), and the controls, each a POST answered with JSON for the page's script or with the page
 * itself for a browser without scripts.
 */
public final class LabRoutes {

    private final LiveLab lab;
    private final Pages pages;
    private final java.util.function.LongPredicate hasOwnGateway;

    private LabRoutes(LiveLab lab, Pages pages, java.util.function.LongPredicate hasOwnGateway) {
        this.lab = lab;
        this.pages = pages;
        this.hasOwnGateway = hasOwnGateway;
    }

    /** @param hasOwnGateway whether an account has a gateway submission that compiles (to run in the lab) */
    public static void register(RoutesConfig routes, LiveLab lab, Pages pages,
                                java.util.function.LongPredicate hasOwnGateway) {
        LabRoutes r = new LabRoutes(lab, pages, hasOwnGateway);
        routes.get("/labs/live", r::page, Access.SIGNED_IN);
        routes.sse("/labs/live/events", r::events, Access.SIGNED_IN);
        routes.post("/labs/live/run", ctx -> r.control(ctx, r::start), Access.SIGNED_IN);
        routes.post("/labs/live/spike", ctx -> r.control(ctx, r::spike), Access.SIGNED_IN);
        routes.post("/labs/live/uplink", ctx -> r.control(ctx, r::uplink), Access.SIGNED_IN);
        routes.post("/labs/live/plug", ctx -> r.control(ctx, r::plug), Access.SIGNED_IN);
        routes.post("/labs/live/broker", ctx -> r.control(ctx, r::restartBroker), Access.INSTRUCTOR);
        routes.post("/labs/live/stop", ctx -> r.control(ctx, r::stop), Access.SIGNED_IN);
        routes.get("/labs/live/runs", r::runsJson, Access.INSTRUCTOR);
        routes.post("/labs/live/runs/stop", ctx -> r.control(ctx, r::stopOthers), Access.INSTRUCTOR);
    }

    private interface Action {
        String run(Context ctx, Account who);
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.html(render(ctx, null, null));
    }

    private String render(Context ctx, String error, String message) {
        Account who = Auth.require(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("networks", RunOptions.networks());
        model.put("maxMeters", RunOptions.MAX_METERS);
        model.put("maxLegacy", RunOptions.MAX_LEGACY);
        model.put("ownGateway", hasOwnGateway.test(who.id()));
        model.put("run", lab.current(who.id()).map(LiveRun::info).orElse(null));
        model.put("queued", lab.queued(who.id()).orElse(null));
        model.put("brokerRestartable", lab.brokerRestartable());
        boolean instructor = who.role() == org.m2mkit.web.accounts.Role.INSTRUCTOR;
        model.put("instructor", instructor);
        model.put("liveRuns", instructor ? lab.overview() : List.of());
        model.put("idleSeconds", lab.idleTimeout().toSeconds());
        model.put("maxRuns", lab.maxRuns());
        model.put("waiting", lab.waiting());
        model.put("steps", steps());
        model.put("error", error);
        model.put("message", message);
        return pages.page(ctx, "labs/live", model);
    }

    /** The figure's six steps: the HVAC's action and its confirmation are one step at 2 s. */
    static List<Map<String, Object>> steps() {
        return List.of(step(Milestone.SPIKE, "Meter detects a 15 kW spike"),
                step(Milestone.ALERT, "Alert reaches the gateway"),
                step(Milestone.REPORT, "Gateway sends the area demand report to the cloud"),
                step(Milestone.PREDICTION, "Cloud predicts a grid overload"),
                step(Milestone.COMMAND, "Demand-response command reaches the HVAC"),
                step(Milestone.CONFIRMATION, "HVAC raises its set point and confirms"));
    }

    private static Map<String, Object> step(Milestone m, String label) {
        return Map.of("key", m.name(), "label", label, "figureMs", m.figureMs());
    }

    private void events(SseClient client) {
        Account who = Auth.require(client.ctx());
        client.ctx().header("Cache-Control", "no-store");
        client.ctx().header("X-Accel-Buffering", "no");
        client.keepAlive();
        client.onClose(() -> lab.unwatch(who.id(), client));
        if (!lab.watch(who.id(), client)) {
            client.sendEvent("none", "{}");
            client.close();
        }
    }

    private void control(Context ctx, Action action) {
        Account who = Auth.require(ctx);
        boolean script = wantsJson(ctx);
        try {
            String message = action.run(ctx, who);
            if (script) {
                Map<String, Object> answer = new HashMap<>();
                answer.put("message", message);
                answer.put("run", lab.current(who.id()).map(LiveRun::info).orElse(null));
                answer.put("queued", lab.queued(who.id()).orElse(null));
                if (who.role() == org.m2mkit.web.accounts.Role.INSTRUCTOR) {
                    answer.put("runs", lab.overview());
                }
                ctx.json(answer);
            } else {
                ctx.html(render(ctx, null, message));
            }
        } catch (UserError e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            if (script) {
                ctx.json(Map.of("error", e.getMessage()));
            } else {
                ctx.html(render(ctx, e.getMessage(), null));
            }
        }
    }

    /** Whether the request comes from a page's script (it asks for JSON) rather than a plain form. */
    public static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    private String start(Context ctx, Account who) {
        RunOptions options = RunOptions.parse(ctx.formParam("meters"), ctx.formParam("mode"),
                ctx.formParam("network"), ctx.formParam("gateway"), ctx.formParam("protocol"),
                ctx.formParam("legacy"));
        LiveRun run = lab.start(who, options).orElse(null);
        if (run == null) {
            // in the queue, unless a slot freed meanwhile and the run started from it
            Map<String, Object> place = lab.queued(who.id()).orElse(null);
            run = lab.current(who.id()).orElse(null);
            if (place != null || run == null) {
                return place != null ? (String) place.get("message") : "Your run left the queue; start it again.";
            }
        }
        return "Run started: " + run.info().get("meters") + " meters, " + run.info().get("mode") + " mode, "
                + run.info().get("network") + ", " + run.info().get("gateway") + ", over " + run.info().get("protocol")
                + ".";
    }

    private LiveRun running(Account who) {
        return lab.current(who.id()).orElseThrow(() -> new UserError("no run is going; start one first"));
    }

    private String spike(Context ctx, Account who) {
        LiveRun run = running(who);
        List<String> meters = run.lab().meterIds();
        String meter = ctx.formParam("meter");
        if (meter == null || meter.isBlank()) {
            // over LwM2M, a meter that is an LwM2M device, so that the spike starts an LwM2M cycle
            List<String> pool = run.lab().config().standards().protocol().lwm2m()
                    ? run.lab().config().lwm2mMeterIds() : meters;
            meter = pool.get(ThreadLocalRandom.current().nextInt(pool.size()));
        } else {
            meter = knownMeter(meters, meter);
        }
        run.lab().injectSpike(meter);
        return "Spike injected at " + meter + ".";
    }

    private static String knownMeter(List<String> meters, String meter) {
        if (!meters.contains(meter.strip())) {
            throw new UserError("there is no meter '" + meter + "' in this run; use one of " + meters.get(0)
                    + " to " + meters.get(meters.size() - 1));
        }
        return meter.strip();
    }

    /** Pulls the plug on a meter (its last will tells everyone it is offline) or plugs it back in. */
    private String plug(Context ctx, Account who) {
        LiveRun run = running(who);
        List<String> meters = run.lab().meterIds();
        String meter = ctx.formParam("meter");
        if (meter == null || meter.isBlank()) {
            throw new UserError("say which meter, for example " + meters.get(0) + " (" + meters.get(0) + " to "
                    + meters.get(meters.size() - 1) + ")");
        }
        meter = knownMeter(meters, meter);
        String action = ctx.formParam("action");
        if ("unplug".equals(action)) {
            run.lab().unplugMeter(meter);
            return "Pulled the plug on " + meter + ": its connection dropped without a goodbye, so the broker "
                    + "publishes its last will, offline, and keeps it as the retained status.";
        }
        if ("restore".equals(action)) {
            run.lab().plugInMeter(meter);
            return meter + " is plugged back in: it connected again, said online and reads as before.";
        }
        throw new UserError("plug action '" + action + "' is not known; use unplug or restore");
    }

    private String uplink(Context ctx, Account who) {
        LiveRun run = running(who);
        String action = ctx.formParam("action");
        if ("cut".equals(action)) {
            run.lab().cutUplink();
            return "Gateway uplink cut: the gateway stores what it has for the cloud.";
        }
        if ("restore".equals(action)) {
            run.lab().restoreUplink();
            return "Gateway uplink restored: stored messages go out in order.";
        }
        throw new UserError("uplink action '" + action + "' is not known; use cut or restore");
    }

    private String restartBroker(Context ctx, Account who) {
        lab.restartBroker(who);
        return "The broker was restarted; every component reconnected by itself.";
    }

    /** The live runs for the instructor's list, which the page's script refreshes. */
    private void runsJson(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("runs", lab.overview()));
    }

    /** An instructor stops someone's run: it ends on that person's console with the reason. */
    private String stopOthers(Context ctx, Account who) {
        long account;
        try {
            account = Long.parseLong(String.valueOf(ctx.formParam("account")).strip());
        } catch (NumberFormatException e) {
            throw new UserError("say whose run to stop (the account number from the list of live runs)");
        }
        LiveRun run = lab.current(account).orElseThrow(() -> new UserError(
                "that run has ended already; the list of live runs is up to date now"));
        Object whose = run.summary().get("name");
        lab.stop(account, "was stopped by the instructor " + who.displayName());
        return "Stopped the run of " + whose + " (area " + run.lab().config().areaId() + ").";
    }

    private String stop(Context ctx, Account who) {
        if (lab.current(who.id()).isEmpty() && lab.leaveQueue(who.id())) {
            return "You left the queue; no run was started.";
        }
        running(who);
        lab.stop(who.id(), "stopped from the console");
        return "Run stopped.";
    }
}
