package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.Main;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.SignIn;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A forgotten password: the instructor sets a one-time password on the accounts page, shown once; the student
 * signs in with it, must choose their own before anything else, and then uses the kit as before. The command
 * line does the same for a kit that is not running.
 */
class PasswordResetBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    static String text(WebDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void theInstructorResetsAForgottenPasswordAndTheStudentChoosesANewOneAtSignIn() {
        running.kit().accounts().create("ada", "Ada Lovelace", Role.STUDENT, "forgotten-long-ago", false);
        WebDriver browser = running.browser();
        SignIn.as(running, "instructor", "m2m-instructor", "/instructor/accounts");
        browser.findElement(By.cssSelector("button[aria-label='Reset the password of Ada Lovelace']")).click();
        running.waiting(30).until(d -> !d.findElements(By.id("one-time-password")).isEmpty());
        String oneTime = browser.findElement(By.id("one-time-password")).getText();
        assertThat(oneTime).matches("[a-z]+-\\d{4}-[a-z]+");
        assertThat(text(browser, "#reset-notice")).contains("not shown again");
        browser.get(running.url("/instructor/accounts"));
        assertThat(browser.getPageSource()).as("shown once").doesNotContain(oneTime);

        SignIn.as(running, "ada", oneTime, "/account");
        assertThat(text(browser, "#one-time-notice")).contains("Choose your own password now");
        browser.get(running.url("/quizzes"));
        running.waiting(30).until(d -> d.getCurrentUrl().endsWith("/account"));

        browser.findElement(By.id("current")).sendKeys(oneTime);
        browser.findElement(By.id("password")).sendKeys("ada-new-password");
        browser.findElement(By.id("again")).sendKeys("ada-new-password");
        browser.findElement(By.cssSelector("form[action='/account/password'] button[type=submit]")).click();
        running.waiting(30).until(d -> d.getPageSource().contains("Your password is changed"));
        assertThat(browser.findElements(By.id("one-time-notice"))).isEmpty();
        browser.get(running.url("/quizzes"));
        running.waiting(30).until(d -> d.getCurrentUrl().endsWith("/quizzes"));

        SignIn.as(running, "ada", "ada-new-password", "/quizzes");
        assertThat(running.client().post("/sign-in", java.util.Map.of("username", "ada", "password", oneTime))
                .statusCode()).as("the one-time password is spent").isEqualTo(401);
    }

    @Test
    void theCommandLineSetsAOneTimePasswordInAKitThatIsNotRunning() throws Exception {
        Path data = Files.createTempDirectory("m2mkit-reset");
        try (Kit kit = Kit.start(KitConfig.forTests(data))) {
            kit.accounts().create("alan", "Alan Turing", Role.STUDENT, "forgotten-long-ago", false);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"accounts", "reset-password", "alan", "--data", data.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(status).as(err.toString()).isZero();
        Matcher m = Pattern.compile("One-time password for alan \\(Alan Turing\\): (\\S+)").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();

        int unknown = Main.run(new String[] {"accounts", "reset-password", "nobody", "--data", data.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString()).contains("there is no account 'nobody'");

        try (Kit kit = Kit.start(KitConfig.forTests(data))) {
            assertThat(kit.accounts().authenticate("alan", m.group(1))).isPresent();
            long id = kit.accounts().find("alan").orElseThrow().id();
            assertThat(kit.accounts().mustChangePassword(id)).isTrue();
        }
    }
}
