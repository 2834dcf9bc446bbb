package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m2mkit.grader.sandbox.SandboxPolicy;
import org.m2mkit.web.config.KitConfig;

/** A kit started with the unsafe plain sandbox says so: at start and in /health, which reports degraded. */
class PlainSandboxKitIT {

    @Test
    void healthIsDegradedAndTheStartLineSaysUnsafe(@TempDir Path data) throws Exception {
        try (Kit kit = Kit.start(KitConfig.forTests(data).withSandbox(SandboxPolicy.PLAIN))) {
            assertThat(kit.sandboxSummary()).startsWith("PLAIN (UNSAFE)");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(kit.url() + "health")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = new ObjectMapper().readTree(health.body());
            assertThat(json.path("status").asText()).isEqualTo("degraded");
            assertThat(json.path("grader").path("status").asText()).isEqualTo("degraded");
            assertThat(json.path("grader").path("sandbox").asText()).isEqualTo("plain");
            assertThat(health.statusCode()).isEqualTo(503);
            // the sandbox's work directory sits in the data directory, private to the kit's user
            Path work = kit.config().graderDir();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work))).isEqualTo("rwx------");
        }
    }
}
