package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;

/**
 * A kit behind a TLS proxy on this machine: trusted-proxies 127.0.0.1 (the client's address comes from
 * X-Forwarded-For) and secure-cookies on. Cookies are handled by hand here, as a client library would drop Secure
 * cookies over plain HTTP.
 */
class BehindAProxyIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.with(c -> c.withClients(ClientAddress.trusting("127.0.0.1"))
            .withSecureCookies(true));

    static final HttpClient http = HttpClient.newHttpClient();
    static final Pattern CSRF = Pattern.compile(Auth.CSRF_COOKIE + "=([^;]+)");

    static HttpResponse<String> signIn(String user, String password, String client) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(running.url("/sign-in")))
                .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(String.join("\n", page.headers().allValues("Set-Cookie")));
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        return http.send(HttpRequest.newBuilder(URI.create(running.url("/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie",
                        Auth.CSRF_COOKIE + "=" + token).header("X-Forwarded-For", "10.9.9.9, " + client)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password
                        + "&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void someoneGuessingElsewhereDoesNotLockTheInstructorOut() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("instructor", "guess-" + i, "203.0.113.5").statusCode()).isEqualTo(401);
        }
        assertThat(signIn("instructor", "m2m-instructor", "203.0.113.5").statusCode()).isEqualTo(429);
        // the client address is the right-most one before the trusted proxy: "10.9.9.9" was written by the client
        assertThat(signIn("instructor", "m2m-instructor", "198.51.100.7").statusCode()).isEqualTo(303);
    }

    @Test
    void theSessionAndCsrfCookiesAreSecure() throws Exception {
        HttpResponse<String> r = signIn("student", "m2m-student", "198.51.100.8");
        assertThat(r.statusCode()).isEqualTo(303);
        List<String> cookies = r.headers().allValues("Set-Cookie");
        assertThat(cookies).anyMatch(c -> c.startsWith(Auth.SESSION_COOKIE + "="))
                .anyMatch(c -> c.startsWith(Auth.CSRF_COOKIE + "="))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
    }
}
