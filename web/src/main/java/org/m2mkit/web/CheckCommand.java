package org.m2mkit.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.web.app.Kit;
import org.m2mkit.web.config.KitConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code m2mkit check}: starts a throw-away kit (free ports, temporary data directory), asks it for its pages and
 * its health, stops it and says whether everything answered. The launcher also runs it once after a build to
 * record the classes the kit loads, which makes later starts faster.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Start a throw-away copy of the kit on free ports, load its pages and /health, and report.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("m2mkit-check");
        List<String> failures = new ArrayList<>();
        try (Kit kit = Kit.start(KitConfig.forTests(data))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> paths = new ArrayList<>(List.of("/", "/health", "/assets/css/kit.css"));
            ContentLoader.load().lessons().forEach(l -> paths.add("/lessons/" + l.id()));
            for (String path : paths) {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(kit.url() + path.substring(1)))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    failures.add(path + " answered " + r.statusCode());
                }
            }
            out.printf("checked %d pages, the database, the broker and the grader%n", paths.size());
            out.printf("sandbox: %s%n", kit.sandboxSummary());
            if (kit.sandboxSummary().startsWith("NONE")) {
                failures.add("student code is not run: " + kit.sandboxSummary().substring("NONE: ".length()));
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        failures.forEach(f -> spec.commandLine().getErr().println("m2mkit check: " + f));
        out.println(failures.isEmpty() ? "everything answered: the kit is ready" : failures.size() + " problem(s)");
        return failures.isEmpty() ? 0 : 1;
    }
}
