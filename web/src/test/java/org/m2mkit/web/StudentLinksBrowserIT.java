package org.m2mkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.SignIn;
import org.m2mkit.web.testing.WebClient;
import org.openqa.selenium.By;

/**
 * A student sees no instructor's navigation: the quiz list has no quiz tools, and no link on any page a student
 * reaches leads to a page that refuses them.
 */
class StudentLinksBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)[^\"]*\"");

    @Test
    void theQuizListShowsAStudentNoQuizTools() {
        SignIn.as(running, "student", "m2m-student", "/quizzes");
        assertThat(running.browser().findElements(By.cssSelector("nav.quiz-nav"))).isEmpty();
        assertThat(running.browser().findElement(By.tagName("main")).getText()).doesNotContain("Question bank");
        SignIn.as(running, "instructor", "m2m-instructor", "/quizzes");
        assertThat(running.browser().findElements(By.cssSelector("nav.quiz-nav"))).hasSize(1);
    }

    @Test
    void noLinkAStudentSeesLeadsToAPageThatRefusesThem() {
        WebClient student = running.client().signIn("student", "m2m-student");
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of("/", "/quizzes", "/labs/live", "/labs", "/labs/gateway", "/labs/protocol", "/labs/standards",
                "/handouts", "/account"));
        List<String> refused = new ArrayList<>();
        while (!todo.isEmpty() && seen.size() < 150) {
            String path = todo.poll();
            if (!seen.add(path) || path.startsWith("/assets/") || path.startsWith("/webjars/")
                    || path.endsWith(".zip") || path.startsWith("/api/")) {
                continue;
            }
            HttpResponse<String> r = student.get(path);
            if (r.statusCode() == 403) {
                refused.add(path);
                continue;
            }
            if (r.statusCode() != 200 || path.startsWith("/lessons/") && seen.size() > 40) {
                continue;
            }
            Matcher m = HREF.matcher(r.body());
            while (m.find()) {
                if (!seen.contains(m.group(1))) {
                    todo.add(m.group(1));
                }
            }
        }
        assertThat(seen).contains("/quizzes");
        assertThat(refused).as("links a student sees that refuse them").isEmpty();
    }
}
