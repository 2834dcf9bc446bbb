package org.m2mkit.web.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.Poll;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/**
 * The kit as an LTI 1.3 tool in a running kit, with {@link FakePlatform} playing Moodle or Canvas over HTTP: the
 * instructor registers the platform; launches walk login initiation, the redirect to the platform's authorization
 * endpoint and the signed id_token post; deep linking, grade passback (also while the platform is down) and the
 * roster pull go over real HTTP with real signed JWTs both ways. Run on each database by the classes extending it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LtiContract {

    final RunningKit running;
    FakePlatform platform;
    WebClient instructor;

    LtiContract(RunningKit running) {
        this.running = running;
    }

    @BeforeAll
    void registerThePlatform() throws Exception {
        platform = new FakePlatform(running.url("/lti/jwks"));
        instructor = running.client().signIn("instructor", "m2m-instructor");
        HttpResponse<String> r = instructor.post("/instructor/lti/platforms", registration(platform.issuer()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("is registered");
    }

    @AfterAll
    void stopThePlatform() {
        platform.close();
    }

    Map<String, String> registration(String issuer) {
        return Map.of("issuer", issuer, "clientId", FakePlatform.CLIENT_ID, "deployments", FakePlatform.DEPLOYMENT,
                "authUrl", platform.url("/auth"), "tokenUrl", platform.url("/token"), "jwksUrl", platform.url("/jwks"));
    }

    /** The state and nonce the kit sent the browser to the platform with. */
    record Login(String state, String nonce, String redirectUri) {}

    Login login(WebClient browser, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("iss", platform.issuer(), "login_hint", "hint-1",
                "target_link_uri", running.url("/lti/launch"), "client_id", FakePlatform.CLIENT_ID,
                "lti_deployment_id", FakePlatform.DEPLOYMENT));
        params.putAll(extra);
        HttpResponse<String> r = browser.postWithoutToken("/lti/login", params);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(platform.url("/auth?"));
        Map<String, String> q = FakePlatform.form(URI.create(location).getRawQuery());
        assertThat(q).containsEntry("response_type", "id_token").containsEntry("response_mode", "form_post")
                .containsEntry("scope", "openid").containsEntry("prompt", "none")
                .containsEntry("client_id", FakePlatform.CLIENT_ID).containsEntry("login_hint", "hint-1");
        return new Login(q.get("state"), q.get("nonce"), q.get("redirect_uri"));
    }

    HttpResponse<String> post(WebClient browser, String idToken, String state) {
        return browser.postWithoutToken("/lti/launch", Map.of("id_token", idToken, "state", state));
    }

    /** A whole launch; returns the page the kit finally sends the browser to. */
    String launch(WebClient browser, String subject, String role, String target) throws Exception {
        Login l = login(browser, Map.of());
        HttpResponse<String> r = post(browser, platform.sign(platform.launch(l.nonce(), subject, role, target).build()),
                l.state());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        HttpResponse<String> check = browser.get(r.headers().firstValue("Location").orElseThrow());
        assertThat(check.statusCode()).as(check.body()).isEqualTo(303);
        return check.headers().firstValue("Location").orElseThrow();
    }

    Account account(String displayName) {
        return running.kit().accounts().list().stream().filter(a -> a.displayName().equals(displayName)).findFirst()
                .orElse(null);
    }

    @Test
    void aLaunchSignsTheStudentInOnFirstUseAndOpensTheLinkedLab() throws Exception {
        WebClient browser = running.client();
        Login l = login(browser, Map.of());
        assertThat(l.redirectUri()).isEqualTo(running.url("/lti/launch"));
        HttpResponse<String> r = post(browser, platform.sign(platform.launch(l.nonce(), "launch-1", "Learner",
                "/labs/gateway").build()), l.state());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        HttpResponse<String> check = browser.get(r.headers().firstValue("Location").orElseThrow());
        assertThat(check.headers().firstValue("Location")).hasValue("/labs/gateway");
        HttpResponse<String> lab = browser.get("/labs/gateway");
        assertThat(lab.statusCode()).isEqualTo(200);
        assertThat(lab.body()).contains("Person launch-1");
        Account created = account("Person launch-1");
        assertThat(created.role()).isEqualTo(Role.STUDENT);
        assertThat(created.username()).isEqualTo("launch-1");

        // the second launch signs the same account in; an instructor role makes an instructor
        assertThat(launch(running.client(), "launch-1", "Learner", "/labs/protocol")).isEqualTo("/labs/protocol");
        assertThat(running.kit().accounts().list().stream().filter(a -> a.displayName().equals("Person launch-1")))
                .hasSize(1);
        launch(running.client(), "teacher-1", "Instructor", "/labs/gateway");
        assertThat(account("Person teacher-1").role()).isEqualTo(Role.INSTRUCTOR);
        launch(running.client(), "launch-1", "TeachingAssistant", "/labs/gateway");
        assertThat(account("Person launch-1").role()).as("the platform's role holds").isEqualTo(Role.INSTRUCTOR);
    }

    @Test
    void theSessionCookieMissingInTheFrameOffersANewWindowThatSignsIn() throws Exception {
        WebClient browser = running.client();
        Login l = login(browser, Map.of());
        HttpResponse<String> r = post(browser, platform.sign(platform.launch(l.nonce(), "framed-1", "Learner",
                "/labs/gateway").build()), l.state());
        String check = r.headers().firstValue("Location").orElseThrow();
        WebClient blocked = running.client(); // a browser that dropped every cookie of the kit in the frame
        HttpResponse<String> page = blocked.get(check);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher link = Pattern.compile("href=\"(/lti/continue\\?h=[^\"]+)\"").matcher(page.body());
        assertThat(link.find()).as(page.body()).isTrue();
        assertThat(page.body()).contains("target=\"_blank\"");
        HttpResponse<String> opened = blocked.get(link.group(1));
        assertThat(opened.headers().firstValue("Location")).hasValue("/labs/gateway");
        assertThat(blocked.get("/labs/gateway").body()).contains("Person framed-1");
        assertThat(blocked.get(link.group(1)).statusCode()).as("the link works once").isEqualTo(400);
    }

    @Test
    void badLaunchesAreRefusedWithAClearPageAndCreateNothing() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("platform-key-1").generate();
        int before = running.kit().accounts().list().size();
        refused(c -> c, stranger, "Wrong signature");
        refused(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .issueTime(Date.from(Instant.now().minusSeconds(900))), null, "Launch expired");
        refused(c -> c.claim(Claims.DEPLOYMENT_ID, "deployment-9"), null, "deployment-9");
        refused(c -> c.audience("someone-else"), null, "Wrong audience");
        refused(c -> c.issuer("https://other.example.edu"), null, "Unknown issuer");
        refused(c -> c.claim(Claims.ROLES, null), null, "lacks the claim");
        refused(c -> c.claim(Claims.RESOURCE_LINK, null), null, "lacks the claim");
        refused(c -> c.claim(Claims.VERSION, "1.1"), null, "LTI version");
        refused(c -> c.claim(Claims.CUSTOM, Map.of(Claims.CUSTOM_TARGET, "https://evil.example/")), null,
                "not a lesson, lab or published quiz");
        refused(c -> c.claim("nonce", "not-the-nonce"), null, "Launch replayed");

        // a launch posted twice: the second is refused
        WebClient browser = running.client();
        Login l = login(browser, Map.of());
        String token = platform.sign(platform.launch(l.nonce(), "replayed-1", "Learner", "/labs/gateway").build());
        assertThat(post(browser, token, l.state()).statusCode()).isEqualTo(303);
        int afterOne = running.kit().accounts().list().size();
        HttpResponse<String> again = post(browser, token, l.state());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("used already").doesNotContain("Exception");
        // the same token with a fresh login's state: its nonce belongs to the first
        Login fresh = login(browser, Map.of());
        assertThat(post(browser, token, fresh.state()).body()).contains("Launch replayed");
        assertThat(running.kit().accounts().list()).hasSize(afterOne);
        assertThat(afterOne).isEqualTo(before + 1);

        // a platform the kit does not know is refused at the login already; a state from another browser too
        HttpResponse<String> unknown = running.client().postWithoutToken("/lti/login", Map.of("iss",
                "https://unknown.example.edu", "login_hint", "x", "target_link_uri", running.url("/lti/launch")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not registered in this kit");
        Login other = login(running.client(), Map.of());
        HttpResponse<String> elsewhere = post(running.client(), platform.sign(platform.launch(other.nonce(),
                "elsewhere-1", "Learner", "/labs/gateway").build()), other.state());
        assertThat(elsewhere.body()).contains("Open the activity in a new window", "id=\"new-window\"");
        assertThat(running.kit().accounts().list()).hasSize(afterOne);
    }

    private void refused(UnaryOperator<JWTClaimsSet.Builder> change, RSAKey signer, String expected)
            throws Exception {
        WebClient browser = running.client();
        int before = running.kit().accounts().list().size();
        Login l = login(browser, Map.of());
        JWTClaimsSet claims = change.apply(platform.launch(l.nonce(), "bad-" + expected.hashCode(), "Learner",
                "/labs/gateway")).build();
        String token = signer == null ? platform.sign(claims) : FakePlatform.sign(claims, signer);
        HttpResponse<String> r = post(browser, token, l.state());
        assertThat(r.statusCode()).as(expected).isEqualTo(400);
        assertThat(r.body()).as(expected).contains(expected).doesNotContain("Exception", "at org.");
        assertThat(running.kit().accounts().list()).as(expected).hasSize(before);
        assertThat(browser.cookie("m2mkit_session")).as(expected).isNull();
    }

    @Test
    void deepLinkingAnswersWithAResourceLinkAndLineItemSignedByTheKitsPublishedKey() throws Exception {
        WebClient browser = running.client();
        Login l = login(browser, Map.of());
        JWTClaimsSet request = platform.launch(l.nonce(), "teacher-dl", "Instructor", "/labs/gateway")
                .claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_REQUEST).claim(Claims.RESOURCE_LINK, null)
                .claim(Claims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", platform.url("/dl-return"),
                        "accept_types", List.of("ltiResourceLink"), "data", "opaque-42")).build();
        HttpResponse<String> r = post(browser, platform.sign(request), l.state());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String picker = browser.get(r.headers().firstValue("Location").orElseThrow()).headers()
                .firstValue("Location").orElseThrow();
        assertThat(picker).startsWith("/lti/deep-link/");
        assertThat(browser.get(picker).body()).contains("value=\"/labs/gateway\"", "value=\"/labs/protocol\"");

        HttpResponse<String> answer = browser.post(picker, Map.of("target", "/labs/gateway"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("action=\"" + platform.url("/dl-return") + "\"",
                "src=\"/assets/js/lti-return.js\"");
        assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' " + platform.issuer());
        Matcher jwt = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(answer.body());
        assertThat(jwt.find()).isTrue();

        SignedJWT response = SignedJWT.parse(jwt.group(1));
        JWKSet toolKeys = JWKSet.load(URI.create(running.url("/lti/jwks")).toURL());
        RSAKey toolKey = toolKeys.getKeyByKeyId(response.getHeader().getKeyID()).toRSAKey();
        assertThat(toolKey.isPrivate()).isFalse();
        assertThat(response.verify(new RSASSAVerifier(toolKey))).isTrue();
        JWTClaimsSet c = response.getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo(FakePlatform.CLIENT_ID);
        assertThat(c.getAudience()).containsExactly(platform.issuer());
        assertThat(c.getClaim(Claims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
        assertThat(c.getClaim(Claims.DEPLOYMENT_ID)).isEqualTo(FakePlatform.DEPLOYMENT);
        assertThat(c.getClaim(Claims.DL_DATA)).isEqualTo("opaque-42");
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) c.getClaim(Claims.CONTENT_ITEMS)).get(0);
        assertThat(item).containsEntry("type", "ltiResourceLink").containsEntry("url", running.url("/lti/launch"))
                .containsEntry("custom", Map.of(Claims.CUSTOM_TARGET, "/labs/gateway"));
        assertThat(item.get("lineItem")).isEqualTo(Map.of("scoreMaximum", 100.0, "label", "Gateway lab",
                "resourceId", "/labs/gateway"));
        assertThat(browser.post(picker, Map.of("target", "/labs/gateway")).statusCode()).as("used once")
                .isEqualTo(404);

        // a student may not add activities
        Login s = login(browser, Map.of());
        HttpResponse<String> student = post(browser, platform.sign(platform.launch(s.nonce(), "student-dl", "Learner",
                "/labs/gateway").claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_REQUEST)
                .claim(Claims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", platform.url("/dl-return")))
                .build()), s.state());
        assertThat(student.body()).contains("Only instructors");
    }

    @Test
    void finalQuizScoresReachTheGradeBookAndOneSentWhileThePlatformIsDownArrivesLater() throws Exception {
        long quiz = passbackQuiz("Passback quiz");

        WebClient student = running.client();
        assertThat(launch(student, "quiz-taker", "Learner", "/quizzes/" + quiz)).isEqualTo("/quizzes/" + quiz);
        submitAttempt(student, quiz);
        assertThat(Poll.until(() -> scoresFor("quiz-taker").size() == 1)).as("the score arrives").isTrue();
        FakePlatform.Received score = scoresFor("quiz-taker").get(0);
        assertThat(score.path()).isEqualTo("/lineitems/7/scores");
        assertThat(score.headers()).containsEntry("content-type", "application/vnd.ims.lis.v1.score+json")
                .containsEntry("authorization", "Bearer at-" + platform.tokenRequests.size());
        Map<String, Object> json = FakePlatform.json(score.body());
        assertThat(json).containsEntry("userId", "quiz-taker").containsEntry("scoreGiven", 0.0)
                .containsEntry("scoreMaximum", 1.0).containsEntry("activityProgress", "Completed")
                .containsEntry("gradingProgress", "FullyGraded").containsKey("timestamp");
        assertThat(FakePlatform.form(platform.tokenRequests.get(0).body()).get("scope"))
                .contains(Claims.SCOPE_SCORE);
        assertThat(Poll.until(() -> scoreStates("quiz-taker").equals(List.of("sent")))).isTrue();

        platform.stop();
        try {
            submitAttempt(student, quiz);
            assertThat(Poll.until(() -> instructor.get("/instructor/lti").body().contains("did not answer")))
                    .as("the instructor sees the score waiting, and why").isTrue();
            assertThat(scoreStates("quiz-taker").get(0)).isEqualTo("pending");
        } finally {
            platform.restart();
        }
        assertThat(Poll.until(() -> scoresFor("quiz-taker").size() == 2)).as("delivered once the platform is back")
                .isTrue();
        assertThat(Poll.until(() -> scoreStates("quiz-taker").equals(List.of("sent", "sent")))).isTrue();
    }

    @Test
    void aScoreThePlatformRefusesIsShownAsFailedWithItsReasonAndCanBeSentAgain() throws Exception {
        long quiz = passbackQuiz("Refused passback quiz");
        WebClient student = running.client();
        launch(student, "refused-taker", "Learner", "/quizzes/" + quiz);
        platform.refuseScores = true;
        try {
            submitAttempt(student, quiz);
            assertThat(Poll.until(() -> scoreStates("refused-taker").equals(List.of("failed")))).isTrue();
        } finally {
            platform.refuseScores = false;
        }
        String page = instructor.get("/instructor/lti").body();
        assertThat(page).contains("answered 400", "the grade column is closed");
        Matcher retry = Pattern.compile("action=\"(/instructor/lti/scores/\\d+/retry)\"").matcher(page);
        assertThat(retry.find()).isTrue();
        assertThat(instructor.post(retry.group(1), Map.of()).statusCode()).isEqualTo(303);
        assertThat(Poll.until(() -> scoreStates("refused-taker").equals(List.of("sent")))).isTrue();
        assertThat(scoresFor("refused-taker")).hasSize(1);
    }

    /** A published quiz of one true-or-false question, made by the instructor over HTTP; returns its number. */
    private long passbackQuiz(String title) {
        String tag = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        instructor.post("/quizzes/import", Map.of("format", "gift", "bank", title, "text",
                "// [tag:" + tag + "]\n::Transport::MQTT runs over TCP.{T}\n"));
        String created = instructor.post("/quizzes/manage", Map.of("title", title)).headers()
                .firstValue("Location").orElseThrow();
        long quiz = Long.parseLong(created.replaceAll("^.*/(\\d+)(/edit)?$", "$1"));
        instructor.post("/quizzes/" + quiz + "/slots", Map.of("tag", tag, "count", "1"));
        instructor.post("/quizzes/" + quiz + "/publish", Map.of("published", "true"));
        return quiz;
    }

    private void submitAttempt(WebClient student, long quiz) {
        HttpResponse<String> started = student.post("/quizzes/" + quiz + "/attempts", Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String attempt = started.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> submitted = student.post(attempt + "/submit", Map.of());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
    }

    /** The states the instructor page shows for the person's scores, newest first. */
    private List<String> scoreStates(String username) {
        String page = instructor.get("/instructor/lti").body();
        return Pattern.compile("<td>" + username + "</td>.*?class=\"score-state\">([a-z]+)<", Pattern.DOTALL)
                .matcher(page).results().map(m -> m.group(1)).toList();
    }

    private List<FakePlatform.Received> scoresFor(String userId) {
        return platform.scores.stream().filter(r -> r.body().contains("\"userId\":\"" + userId + "\"")).toList();
    }

    @Test
    void aGradedLabSubmissionSendsTheBestScore() throws Exception {
        WebClient student = running.client();
        assertThat(launch(student, "lab-taker", "Learner", "/labs/gateway")).isEqualTo("/labs/gateway");
        long id = LabHttp.submit(student, running.port(), "gateway", LabHttp.referenceGateway());
        var graded = LabHttp.awaitGraded(student, id);
        assertThat(Poll.until(() -> scoresFor("lab-taker").size() == 1)).as("the lab's score arrives").isTrue();
        Map<String, Object> json = FakePlatform.json(scoresFor("lab-taker").get(0).body());
        assertThat(json.get("scoreGiven")).isEqualTo(graded.get("score").asDouble());
        assertThat(json.get("scoreMaximum")).isEqualTo(graded.get("maxScore").asDouble());
        assertThat((Double) json.get("scoreGiven")).isPositive();
    }

    @Test
    void theInstructorPullsTheCourseRosterFollowingItsPages() throws Exception {
        launch(running.client(), "student-1", "Learner", "/labs/gateway");
        String page = instructor.get("/instructor/lti").body();
        Matcher course = Pattern.compile("name=\"platform\" value=\"(\\d+)\"").matcher(page);
        assertThat(course.find()).as(page).isTrue();
        assertThat(page).contains("M2M Communication, autumn");
        HttpResponse<String> r = instructor.post("/instructor/lti/roster", Map.of("platform", course.group(1),
                "context", FakePlatform.CONTEXT));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("2 new account(s), 1 linked already, 1 inactive member(s) left out");
        assertThat(account("Alan Turing").username()).isEqualTo("alan.turing");
        assertThat(account("Alan Turing").role()).isEqualTo(Role.STUDENT);
        assertThat(account("Grace Hopper").role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(account("Gone Student")).isNull();
    }

    @Test
    void theRegistrationPageShowsTheToolsAddressesAndRefusesUnsafeOrMissingValues() {
        String page = instructor.get("/instructor/lti").body();
        assertThat(page).contains(running.url("/lti/login"), running.url("/lti/launch"), running.url("/lti/jwks"));
        Map<String, String> form = new LinkedHashMap<>(registration("http://lms.example.edu"));
        form.put("clientId", "");
        form.put("jwksUrl", "ftp://lms.example.edu/keys");
        HttpResponse<String> r = instructor.post("/instructor/lti/platforms", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("uses plain http", "Client ID is empty", "is not an https:// address");
        assertThat(instructor.get("/instructor/lti").body()).doesNotContain("http://lms.example.edu<");
        assertThat(running.client().signIn("student", "m2m-student").get("/instructor/lti").statusCode())
                .isEqualTo(403);
    }

    @Test
    void registeredPlatformsMayFrameTheKitsPages() {
        HttpResponse<String> page = running.client().get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self' " + platform.issuer());
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void theKeySetPublishesOnlyPublicKeysAndKeepsARotatedOneForItsGracePeriod() throws Exception {
        JWKSet before = JWKSet.load(URI.create(running.url("/lti/jwks")).toURL());
        assertThat(before.getKeys()).isNotEmpty().allMatch(k -> !k.isPrivate() && k.getKeyID() != null);
        String current = before.getKeys().get(0).getKeyID();
        HttpResponse<String> r = instructor.post("/instructor/lti/keys/rotate", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        JWKSet after = JWKSet.load(URI.create(running.url("/lti/jwks")).toURL());
        assertThat(after.getKeys()).hasSize(before.getKeys().size() + 1);
        assertThat(after.getKeys().get(0).getKeyID()).isNotEqualTo(current);
        assertThat(after.getKeyByKeyId(current)).isNotNull();
        assertThat(((RSAKey) after.getKeys().get(0)).size()).isGreaterThanOrEqualTo(2048);
    }
}
