package org.m2mkit.grader.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.m2mkit.grader.gateway.GatewayLab;
import org.m2mkit.grader.protocol.ProtocolLab;
import org.m2mkit.grader.standards.StandardsCases;
import org.m2mkit.grader.standards.StandardsLab;
import org.m2mkit.labs.UserError;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A starter kit compiles, and its visible tests (run here with the JUnit Platform, as {@code mvn test} would)
 * pass with the reference solution in place of the skeleton and fail with the skeleton.
 */
class StarterKitTest {
    @TempDir
    Path dir;

    @Test
    void gatewayKitPassesWithTheReferenceAndFailsWithTheSkeleton() throws Exception {
        StarterKit.write(GatewayLab.LAB, dir);
        assertThat(dir.resolve("README.md")).content().contains("mvn test");
        assertThat(dir.resolve("src/main/java/org/m2mkit/labs/api/Gateway.java")).exists();

        TestExecutionSummary skeleton = runTests(dir, "student.VisibleGatewayTest");
        assertThat(skeleton.getTestsFoundCount()).isEqualTo(15);
        assertThat(skeleton.getTestsSucceededCount()).isZero();

        useReference(dir, "gateway/ReferenceGateway.java", "MyGateway");
        TestExecutionSummary reference = runTests(dir, "student.VisibleGatewayTest");
        assertThat(reference.getFailures()).isEmpty();
        assertThat(reference.getTestsSucceededCount()).isEqualTo(15);
    }

    @Test
    void protocolKitPassesWithTheReference() throws Exception {
        StarterKit.write(ProtocolLab.LAB, dir);
        useReference(dir, "protocol/ReferenceProtocolAdvisor.java", "MyAdvisor");
        TestExecutionSummary reference = runTests(dir, "student.VisibleScenariosTest");
        assertThat(reference.getFailures()).isEmpty();
        // one test per visible scenario of the bank
        assertThat(reference.getTestsSucceededCount()).isEqualTo(
                org.m2mkit.grader.protocol.ScenarioBank.load().stream().filter(b -> b.visible()).count());
    }

    @Test
    void standardsKitHoldsItsContractAndPassesWithTheReference() throws Exception {
        StarterKit.write(StandardsLab.LAB, dir);
        assertThat(dir.resolve("src/main/java/org/m2mkit/grader/standards/api/MeterBridge.java")).exists();
        assertThat(dir.resolve("src/main/java/org/m2mkit/labs/api/Gateway.java")).exists();
        assertThat(dir.resolve("README.md")).content().contains("src/main/java/org/m2mkit/grader/standards/api")
                .contains("--lab standards");

        TestExecutionSummary skeleton = runTests(dir, "student.VisibleBridgeTest");
        assertThat(skeleton.getTestsFoundCount()).isEqualTo(StandardsCases.all().stream().filter(c -> c.visible()).count());
        assertThat(skeleton.getTestsSucceededCount()).isZero();

        String text = Files.readString(Path.of("src/main/java/org/m2mkit/grader/standards/ReferenceBridge.java"))
                .replaceFirst("package org\\.m2mkit\\.grader\\.standards;", "package student;")
                .replaceAll("\\bReferenceBridge\\b", "MyBridge");
        Files.writeString(dir.resolve("src/main/java/student/MyBridge.java"), text);
        TestExecutionSummary reference = runTests(dir, "student.VisibleBridgeTest");
        assertThat(reference.getFailures()).isEmpty();
        assertThat(reference.getTestsSucceededCount()).isEqualTo(skeleton.getTestsFoundCount());
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> StarterKit.write(GatewayLab.LAB, dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("is not empty");
    }

    private static void useReference(Path kit, String file, String className) throws IOException {
        String text = Files.readString(Path.of("../labs/src/main/java/org/m2mkit/labs").resolve(file))
                .replaceFirst("package org\\.m2mkit\\.labs\\.\\w+;", "package student;")
                .replaceAll("\\bReference(Gateway|ProtocolAdvisor)\\b", className);
        Files.writeString(kit.resolve("src/main/java/student/" + className + ".java"), text);
    }

    private static TestExecutionSummary runTests(Path kit, String testClass) throws Exception {
        Path out = kit.resolve("target/classes");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none"));
        try (Stream<Path> s = Files.walk(kit.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("kit compiles").isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, StarterKitTest.class.getClassLoader())) {
            Thread current = Thread.currentThread();
            ClassLoader before = current.getContextClassLoader();
            current.setContextClassLoader(loader);
            try {
                Launcher launcher = LauncherFactory.create();
                SummaryGeneratingListener listener = new SummaryGeneratingListener();
                launcher.execute(request().selectors(selectClass(loader.loadClass(testClass))).build(), listener);
                return listener.getSummary();
            } finally {
                current.setContextClassLoader(before);
            }
        }
    }
}
