package org.m2mkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.accounts.Access;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/**
 * Walks every route the web app registers, as an anonymous visitor, a student and an instructor, and checks each
 * answer against the route's {@link Access}; every state-changing route refuses a request without the CSRF token.
 * New routes are covered as soon as they are registered.
 */
class AuthorizationIT {

    @RegisterExtension
    static final RunningKit running = new RunningKit();

    enum Who { ANONYMOUS, STUDENT, INSTRUCTOR }

    static Access access(HandlerMetaInfo route) {
        return route.getRoles().stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst()
                .orElse(Access.SIGNED_IN);
    }

    /** A concrete path for a route pattern: real ids where the chapter has them, else a made-up one. */
    static String concrete(String pattern) {
        String lesson = ContentLoader.load().lessons().get(0).id();
        return pattern.replace("/lessons/{id}", "/lessons/" + lesson).replace("{kind}", "lesson")
                .replace("/lesson/{id}", "/lesson/" + lesson).replaceAll("\\{[^}]+}", "1").replaceAll("<[^>]+>", "1");
    }

    WebClient as(Who who) {
        WebClient c = new WebClient(running.port());
        return switch (who) {
            case ANONYMOUS -> c;
            case STUDENT -> c.signIn("student", "m2m-student");
            case INSTRUCTOR -> c.signIn("instructor", "m2m-instructor");
        };
    }

    /** The status only: streams (Server-Sent Events) are closed as soon as their headers arrive. */
    static int status(WebClient c, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<InputStream> r = c.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").startsWith("/sign-in")) {
            return 401;
        }
        return r.statusCode();
    }

    @Test
    void everyPageAnswersEachRoleAsItsAccessSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<HandlerMetaInfo> gets = running.kit().routes().stream().filter(r -> r.getHttpMethod() == HandlerType.GET).toList();
        assertThat(gets).hasSizeGreaterThan(10);
        for (Who who : Who.values()) {
            WebClient c = as(who);
            for (HandlerMetaInfo route : gets) {
                String path = concrete(route.getPath());
                int status = status(c, path);
                boolean refused = status == 401 || status == 403;
                boolean shouldRefuse = switch (access(route)) {
                    case ANYONE, LESSONS, SIGNED_MESSAGE -> false;
                    case SIGNED_IN -> who == Who.ANONYMOUS;
                    case STUDENT -> who != Who.STUDENT;
                    case INSTRUCTOR -> who != Who.INSTRUCTOR;
                };
                if (refused != shouldRefuse || status >= 500) {
                    wrong.add(who + " GET " + path + " (" + access(route) + ") answered " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutTheCsrfToken() {
        List<String> wrong = new ArrayList<>();
        WebClient instructor = as(Who.INSTRUCTOR);
        WebClient student = as(Who.STUDENT);
        List<HandlerMetaInfo> posts = running.kit().routes().stream().filter(r -> r.getHttpMethod() == HandlerType.POST
                || r.getHttpMethod() == HandlerType.PUT || r.getHttpMethod() == HandlerType.DELETE
                || r.getHttpMethod() == HandlerType.PATCH).toList();
        assertThat(posts).isNotEmpty();
        for (HandlerMetaInfo route : posts) {
            // a learning platform's post carries a signed message in place of the token; without one it is refused
            int expected = access(route) == Access.SIGNED_MESSAGE ? 400 : 403;
            for (WebClient c : List.of(instructor, student)) {
                HttpResponse<String> r = c.postWithoutToken(concrete(route.getPath()), Map.of("x", "1"));
                if (r.statusCode() != expected) {
                    wrong.add(route.getHttpMethod() + " " + route.getPath() + " without a token answered " + r.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
