package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/** Signing in over real HTTP: the limits on wrong passwords, the return address, the CSRF token's rotation. */
class SignInIT {

    @RegisterExtension
    static final RunningKit running = new RunningKit();

    @BeforeAll
    static void accounts() {
        for (String name : new String[] {"ada", "alan", "grace", "edsger"}) {
            running.kit().accounts().create(name, name, Role.STUDENT, name + "-password-1", false);
        }
    }

    static HttpResponse<String> signIn(WebClient c, String user, String password, String forwardedFor) {
        String body = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + c.csrf();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(running.url("/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            r.header("X-Forwarded-For", forwardedFor);
        }
        return c.send(r.build());
    }

    @Test
    void aWholeClassBehindOneAddressSignsInWithoutBeingHeldUp() {
        for (int i = 0; i < 35; i++) {
            assertThat(signIn(running.client(), "student", "m2m-student", null).statusCode()).as("sign-in " + i)
                    .isEqualTo(303);
        }
    }

    @Test
    void wrongPasswordsAreLimitedAndAForwardedForHeaderFromAnUntrustedPeerChangesNothing() {
        WebClient c = running.client();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(c, "ada", "wrong-" + i, "203.0.113." + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = signIn(c, "ada", "ada-password-1", "198.51.100.9");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many wrong passwords");
        // the limit is this user name from this address: another person here is not held up
        assertThat(signIn(running.client(), "grace", "grace-password-1", null).statusCode()).isEqualTo(303);
    }

    @Test
    void guessingTheCurrentPasswordOnThePasswordChangeIsLimitedToo() {
        WebClient alan = running.client().signIn("alan", "alan-password-1");
        for (int i = 0; i < 5; i++) {
            assertThat(alan.post("/account/password", Map.of("current", "guess-" + i, "password",
                    "new-password-99", "again", "new-password-99")).statusCode()).isEqualTo(400);
        }
        HttpResponse<String> refused = alan.post("/account/password", Map.of("current", "alan-password-1",
                "password", "new-password-99", "again", "new-password-99"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many wrong passwords");
        assertThat(running.client().post("/sign-in", Map.of("username", "alan", "password", "alan-password-1"))
                .statusCode()).isEqualTo(429);
    }

    @Test
    void theCsrfTokenChangesAtSignInAndTheOldOneIsRefused() {
        WebClient c = running.client();
        String before = c.csrf();
        c.signIn("edsger", "edsger-password-1");
        String after = c.cookie(Auth.CSRF_COOKIE);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(c.postWithoutToken("/account/password", Map.of("_csrf", before, "current", "x", "password", "y",
                "again", "y")).statusCode()).isEqualTo(403);
        assertThat(c.get("/account").body()).contains(after);
    }

    @Test
    void aReturnAddressThatLeavesTheKitIsReplacedByTheHomePage() {
        for (String next : new String[] {"/\t/evil.example/phish", "/%09/evil.example/phish", "//evil.example",
                "/\\evil.example", "/%5Cevil.example", "/%2F/evil.example", "/%252F%252Fevil.example",
                "https://evil.example/", "/\u00a0/evil.example", "/ /evil.example", "/\u2028/evil.example",
                "javascript:alert(1)", "/%0d%0aSet-Cookie:x=1", "/%zz", "evil.example"}) {
            WebClient c = running.client();
            String form = "username=student&password=m2m-student&_csrf=" + c.csrf() + "&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8);
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(running.url("/sign-in")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(r.statusCode()).as(next).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(next).hasValue("/");
        }
        for (String next : new String[] {"/lessons/gateways", "/search?q=Ger%C3%A4t+und+mehr", "/quizzes?x=1#top"}) {
            assertThat(AccountRoutes.safeNext(next)).as(next).isEqualTo(next);
        }
    }
}
