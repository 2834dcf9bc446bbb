package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/** Sign-in, sessions, CSRF, roles and account administration over real HTTP against a whole kit. */
class AccountsIT {

    @RegisterExtension
    static final RunningKit running = new RunningKit();

    WebClient client() {
        return new WebClient(running.port());
    }

    @Test
    void aStudentSignsInIsRememberedAndSignsOut() {
        WebClient c = client();
        HttpResponse<String> in = c.post("/sign-in", Map.of("username", "student", "password", "m2m-student",
                "next", "/lessons/m2m-vs-iot"));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/lessons/m2m-vs-iot");
        assertThat(c.cookie(Auth.SESSION_COOKIE)).isNotBlank();
        assertThat(c.get("/account").body()).contains("Demo Student").contains("Sign out");
        assertThat(c.post("/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertThat(c.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessageAndGuessingIsSlowedDown() {
        WebClient c = client();
        HttpResponse<String> wrong = c.post("/sign-in", Map.of("username", "guessme", "password", "nope-nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("<title>Sign in · M2M Lab Kit</title>")
                .contains("role=\"alert\">That user name and password do not match an account");
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            if (c.post("/sign-in", Map.of("username", "guessme", "password", "nope" + i)).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).as("attempts refused after the fifth").isGreaterThanOrEqualTo(5);
        HttpResponse<String> refused = c.post("/sign-in", Map.of("username", "guessme", "password", "x"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many wrong passwords. Wait");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        WebClient c = client().signIn("instructor", "m2m-instructor");
        HttpResponse<String> r = c.postWithoutToken("/instructor/accounts",
                Map.of("username", "no-token", "name", "No Token", "role", "student"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("did not come from this site");
        HttpResponse<String> forged = c.postWithoutToken("/instructor/accounts",
                Map.of("_csrf", "forged-token-forged-token-forged-token-forg", "username", "no-token",
                        "name", "No Token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(running.kit().accounts().find("no-token")).isEmpty();
    }

    @Test
    void rolesAreChecked() {
        HttpResponse<String> anonymous = client().get("/instructor/accounts");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/sign-in?next=%2Finstructor%2Faccounts");
        HttpResponse<String> student = client().signIn("student", "m2m-student").get("/instructor/accounts");
        assertThat(student.statusCode()).isEqualTo(403);
        assertThat(student.body()).contains("for instructors").doesNotContain("Exception");
        assertThat(client().getJson("/account").statusCode()).isEqualTo(401);
    }

    @Test
    void anInstructorCreatesAnAccountAndItsOwnerSignsInAndChangesThePassword() {
        WebClient teacher = client().signIn("instructor", "m2m-instructor");
        HttpResponse<String> made = teacher.post("/instructor/accounts",
                Map.of("username", "grace", "name", "Grace Hopper", "role", "student"));
        assertThat(made.statusCode()).isEqualTo(200);
        String password = made.body().replaceAll("(?s).*<td><code>([^<]+)</code></td>.*", "$1");
        assertThat(password).matches("[a-z]+-\\d{4}-[a-z]+");

        WebClient grace = client().signIn("grace", password);
        HttpResponse<String> mismatch = grace.post("/account/password",
                Map.of("current", password, "password", "new-secret-1", "again", "new-secret-2"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("differ");
        assertThat(grace.post("/account/password",
                Map.of("current", password, "password", "new-secret-1", "again", "new-secret-1")).statusCode())
                .isEqualTo(200);
        assertThat(running.kit().accounts().authenticate("grace", "new-secret-1")).isPresent();
        assertThat(running.kit().accounts().authenticate("grace", password)).isEmpty();

        HttpResponse<String> duplicate = teacher.post("/instructor/accounts",
                Map.of("username", "grace", "name", "Grace Again", "role", "student"));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("exists already");
    }

    @Test
    void aRosterWithOneBadLineCreatesNothingAndAGoodOneCreatesEveryone() {
        WebClient teacher = client().signIn("instructor", "m2m-instructor");
        HttpResponse<String> bad = teacher.post("/instructor/accounts/roster", Map.of("roster",
                "username,name,role\nalan,Alan Turing,student\nBad Name,Someone,student\nkat,Katherine Johnson,chef\n"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("line 3:").contains("line 4:").contains("the role &#39;chef&#39;");
        assertThat(running.kit().accounts().find("alan")).isEmpty();

        // every bad line is reported, also after a line that is not readable CSV
        HttpResponse<String> many = teacher.post("/instructor/accounts/roster", Map.of("roster",
                "username,name,role\nx,Too Short,student\nada,\"Ada Lovelace,student\nalan,Alan Turing,student,extra\n"
                        + "kat,Katherine Johnson,chef\n"));
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("line 2:").contains("line 3: not readable CSV").contains("line 4:")
                .contains("line 5:");

        HttpResponse<String> good = teacher.post("/instructor/accounts/roster", Map.of("roster",
                "username,name,role,password\nalan,Alan Turing,student,\nkat,\"Johnson, Katherine\",instructor,orbit-1962\n"));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("2 account(s) created");
        assertThat(running.kit().accounts().find("kat")).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.INSTRUCTOR);
            assertThat(a.displayName()).isEqualTo("Johnson, Katherine");
        });
        assertThat(running.kit().accounts().authenticate("kat", "orbit-1962")).isPresent();
    }

    @Test
    void signInOnlyReturnsToPathsOnThisSite() {
        assertThat(AccountRoutes.safeNext("//evil.example/x")).isEqualTo("/");
        assertThat(AccountRoutes.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(AccountRoutes.safeNext("/lessons/gateways")).isEqualTo("/lessons/gateways");
    }
}
