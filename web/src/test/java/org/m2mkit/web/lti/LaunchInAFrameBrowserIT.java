package org.m2mkit.web.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.Browser;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A launch in a real browser, inside the course page of {@link FakePlatform} as an LMS shows it: the frame walks
 * the login, the platform's authorization and the signed post, and ends signed in on the linked lab; the kit lets
 * the registered platform frame it.
 */
class LaunchInAFrameBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    @Test
    void theLabOpensSignedInInsideTheCoursePage() throws Exception {
        try (FakePlatform platform = new FakePlatform(running.url("/lti/jwks"))) {
            WebClient instructor = running.client().signIn("instructor", "m2m-instructor");
            assertThat(instructor.post("/instructor/lti/platforms", Map.of("issuer", platform.issuer(), "clientId",
                    FakePlatform.CLIENT_ID, "deployments", FakePlatform.DEPLOYMENT, "authUrl", platform.url("/auth"),
                    "tokenUrl", platform.url("/token"), "jwksUrl", platform.url("/jwks"))).statusCode()).isEqualTo(200);

            running.browser().manage().deleteAllCookies();
            running.browser().get(platform.url("/course?kit=" + enc(running.url("")) + "&user=framed-student"
                    + "&target=" + enc("/labs/gateway")));
            running.browser().switchTo().frame("tool");
            // the frame's own address (the driver's current URL is the course page's)
            Browser.until(running.browser(), d -> "/labs/gateway".equals(((JavascriptExecutor) d)
                    .executeScript("return location.pathname")));
            assertThat(Browser.text(running.browser(), By.tagName("body"), t -> t.contains("Person framed-student")))
                    .contains("Gateway lab");
            running.browser().switchTo().defaultContent();
            assertThat(running.browser().findElement(By.tagName("h1")).getText()).isEqualTo("M2M Communication, autumn");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
