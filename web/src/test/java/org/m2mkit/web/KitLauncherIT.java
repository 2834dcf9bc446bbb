package org.m2mkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged kit as a teacher starts it: {@code java -jar m2mkit.jar serve ...} in its own process, spoken to over
 * HTTP, stopped like Ctrl-C; and the one-line answers with a non-zero exit for a teacher's mistakes.
 */
class KitLauncherIT {

    static final Path JAR = Path.of("target", "m2mkit.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private Process launch(String... args) throws IOException {
        return launch(java.util.Map.of(), args);
    }

    private Process launch(java.util.Map<String, String> env, String... args) throws IOException {
        assertThat(JAR).as("the packaged kit (built by the package phase)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    private record Ended(int status, List<String> lines) {
    }

    private Ended runToEnd(String... args) throws Exception {
        Process p = launch(args);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the kit ended").isTrue();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        return new Ended(p.exitValue(), lines);
    }

    @Test
    void servesTheHomePageAndHealthThenStopsCleanly() throws Exception {
        Path data = dir.resolve("data");
        Process kit = launch("serve", "--port", "0", "--bind", "127.0.0.1", "--broker-port", "0",
                "--data", data.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(kit.getInputStream(), StandardCharsets.UTF_8));
            List<String> banner = new ArrayList<>();
            String url = null;
            Pattern open = Pattern.compile("Open:\\s+(http://\\S+)");
            for (String line; url == null && (line = out.readLine()) != null; ) {
                banner.add(line);
                Matcher m = open.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertThat(url).as("the banner names the URL: " + banner).isNotNull();
            for (String line; (line = out.readLine()) != null && !line.startsWith("Press Ctrl-C"); ) {
                banner.add(line);
            }
            assertThat(String.join("\n", banner)).contains("MQTT broker: tcp://")
                    .contains("user 'instructor'").contains("user 'student'");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("<pre class=\"mermaid\">");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"database\"").contains("\"broker\"").contains("\"grader\"");
            assertThat(Files.list(data).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("m2mkit"));
        } finally {
            kit.destroy(); // SIGTERM, as Ctrl-C or a service manager would
            assertThat(kit.waitFor(30, TimeUnit.SECONDS)).as("the kit stopped on SIGTERM").isTrue();
        }
        // the JVM ends on the signal once the shutdown hook has closed the kit: 128 + SIGTERM (15), every time
        assertThat(kit.exitValue()).isEqualTo(143);
    }

    @Test
    void warnsOfMistypedVariablesAndOfDemoAccountsReachableFromOtherMachines() throws Exception {
        Process kit = launch(java.util.Map.of("M2MKIT_DEMO_ACCOUNT", "false", "M2MKIT_PROT", "8080"),
                "serve", "--port", "0", "--bind", "0.0.0.0", "--broker-port", "0", "--data",
                dir.resolve("data").toString());
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(kit.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null && !line.startsWith("Press Ctrl-C"); ) {
                lines.add(line);
            }
        } finally {
            kit.destroy();
            assertThat(kit.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lines).as(String.join("\n", lines))
                .anySatisfy(l -> assertThat(l).startsWith("warning: the environment variable M2MKIT_DEMO_ACCOUNT ")
                        .contains("did you mean M2MKIT_DEMO_ACCOUNTS"))
                .anySatisfy(l -> assertThat(l).startsWith("warning: the environment variable M2MKIT_PROT ")
                        .contains("M2MKIT_PORT"))
                .anySatisfy(l -> assertThat(l).startsWith("warning: the demo accounts").contains("0.0.0.0")
                        .contains("--demo-accounts false"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("data")))).isEqualTo("rwx------");
    }

    @Test
    void aBadPortIsOneLineAndExitStatus2() throws Exception {
        Ended e = runToEnd("serve", "--port", "abc", "--data", dir.resolve("d").toString());
        assertThat(e.status()).isEqualTo(2);
        assertThat(e.lines()).singleElement().asString().startsWith("m2mkit: setting 'port' (from --port): 'abc'")
                .contains("accepted");
    }

    @Test
    void aPortInUseIsOneLineAndExitStatus2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Ended e = runToEnd("serve", "--bind", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()),
                    "--broker-port", "0", "--data", dir.resolve("d").toString());
            assertThat(e.status()).isEqualTo(2);
            assertThat(e.lines()).singleElement().asString().startsWith("m2mkit: setting 'port'")
                    .contains(String.valueOf(taken.getLocalPort())).contains("in use");
        }
    }

    @Test
    void anUnwritableDataDirectoryIsOneLineAndExitStatus2() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Ended e = runToEnd("serve", "--port", "0", "--data", file.resolve("data").toString());
        assertThat(e.status()).isEqualTo(2);
        assertThat(e.lines()).singleElement().asString().startsWith("m2mkit: setting 'data'");
    }

    @Test
    void anUnreachableExternalBrokerIsOneLineAndExitStatus2() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Ended e = runToEnd("serve", "--port", "0", "--data", dir.resolve("d").toString(),
                "--broker", "tcp://127.0.0.1:" + closed);
        assertThat(e.status()).isEqualTo(2);
        assertThat(e.lines()).singleElement().asString().startsWith("m2mkit: setting 'broker'");
    }
}
