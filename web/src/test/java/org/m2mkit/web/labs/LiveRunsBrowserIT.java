package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.SignIn;
import org.m2mkit.web.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The shared broker is the instructor's: a student's console has no restart and the kit refuses one; the
 * instructor's console lists who holds a live run and stops one, which that person's console then says.
 */
class LiveRunsBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    @Test
    void studentsCannotRestartTheBrokerAndTheInstructorStopsTheirRuns() {
        WebClient student = running.client().signIn("student", "m2m-student");
        HttpResponse<String> restart = LabHttp.postJson(student, running.port(), "/labs/live/broker", Map.of());
        assertThat(restart.statusCode()).as("a student's broker restart").isEqualTo(403);

        SignIn.as(running, "student", "m2m-student", "/labs/live");
        assertThat(running.browser().findElements(By.xpath("//button[normalize-space()='Restart the broker']")))
                .as("no restart button for a student").isEmpty();
        assertThat(running.browser().findElements(By.id("live-runs"))).as("no list of runs for a student").isEmpty();
        assertThat(text(running.browser(), "main")).contains("only your instructor can restart it");
        running.browser().findElement(By.cssSelector("#start-form button[type='submit']")).click();
        running.waiting(90).until(d -> text(d, "run-info").startsWith("Area live-"));
        String area = text(running.browser(), "run-info").split(":")[0].substring("Area ".length());

        WebClient instructor = running.client().signIn("instructor", "m2m-instructor");
        HttpResponse<String> list = instructor.get("/labs/live");
        assertThat(list.body()).contains("Live runs on this kit").contains(area);

        String studentWindow = running.browser().getWindowHandle();
        running.browser().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        // the tabs share cookies: the instructor signs in in the new one; the student's tab keeps the events
        // stream it opened as the student
        running.browser().get(running.url("/health")); // cookies are deleted for the page's site
        SignIn.as(running, "instructor", "m2m-instructor", "/labs/live");
        running.waiting(30).until(d -> text(d, "runs-rows").contains(area));
        assertThat(text(running.browser(), "runs-rows")).contains("student").contains("running");
        assertThat(running.browser().findElement(By.xpath("//button[normalize-space()='Restart the broker']"))
                .isEnabled()).as("the instructor restarts the broker without a run of their own").isTrue();

        running.waiting(30).until(d -> d.findElement(By.cssSelector("#runs-rows tr[data-account] button"))).click();
        running.waiting(60).until(d -> text(d, "console-message").startsWith("Stopped the run of"));
        running.waiting(60).until(d -> text(d, "runs-rows").contains("No run is going on this kit."));

        running.browser().close();
        running.browser().switchTo().window(studentWindow);
        running.waiting(60).until(d -> text(d, "run-info").contains("was stopped by the instructor"));
    }
}
