package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.ConfigLoader;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.config.Setting;
import org.m2mkit.web.testing.WebClient;

/** The demo accounts follow the demo-accounts setting across restarts of a kit on the same data. */
class DemoAccountsIT {

    @TempDir
    Path dir;

    @Test
    void turningTheDemoAccountsOffStopsThemAndEndsTheirSessionsAndTurningThemOnRestoresThem() {
        KitConfig config = KitConfig.forTests(dir);
        WebClient signedIn;
        try (Kit kit = Kit.start(config)) {
            signedIn = new WebClient(kit.port()).signIn("instructor", "m2m-instructor");
            assertThat(signedIn.get("/instructor/accounts").statusCode()).isEqualTo(200);
            kit.accounts().create("ada", "Ada Lovelace", Role.STUDENT, "ada-password-1", false);
        }
        try (Kit kit = Kit.start(config.withDemoAccounts(false))) {
            assertThat(kit.demoAccounts()).isEmpty();
            WebClient c = new WebClient(kit.port());
            for (DemoAccounts.Credentials demo : DemoAccounts.ALL) {
                assertThat(c.post("/sign-in", Map.of("username", demo.username(), "password", demo.password()))
                        .statusCode()).as(demo.username()).isEqualTo(401);
            }
            // the session opened before is over: the page asks to sign in
            WebClient again = new WebClient(kit.port());
            again.cookies(signedIn);
            assertThat(again.get("/instructor/accounts").statusCode()).isEqualTo(302);
            // other accounts are not touched
            new WebClient(kit.port()).signIn("ada", "ada-password-1");
        }
        try (Kit kit = Kit.start(config)) {
            assertThat(kit.demoAccounts()).hasSize(DemoAccounts.ALL.size());
            new WebClient(kit.port()).signIn("instructor", "m2m-instructor");
            new WebClient(kit.port()).signIn("student", "m2m-student");
        }
    }

    @Test
    void theDataDirectoryAndTheDatabaseAreTheOwnersOnly() throws Exception {
        Path data = dir.resolve("new-data");
        KitConfig config = new ConfigLoader(Map.of()).load(null, Map.of(Setting.PORT, "0", Setting.BROKER_PORT, "0",
                Setting.BIND, "127.0.0.1", Setting.DATA, data.toString()));
        try (Kit kit = Kit.start(config)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            try (var files = Files.list(data)) {
                assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty().allSatisfy(f ->
                        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                                .isEqualTo("rw-------"));
            }
        }
    }
}
