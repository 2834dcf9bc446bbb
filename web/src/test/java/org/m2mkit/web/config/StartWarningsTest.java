package org.m2mkit.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartWarningsTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownVariableIsNamedWithTheClosestKnownOnesAndKnownOnesPassQuietly() {
        assertThat(StartWarnings.unknownVariables(Map.of("M2MKIT_NOTEBOOK_ENGINE", "5", "M2MKIT_PORT", "1",
                "M2MKIT_JAVA_OPTS", "-Xmx1g", "PATH", "/bin")))
                .containsExactly("warning: the environment variable M2MKIT_NOTEBOOK_ENGINE is not a setting of the kit "
                        + "and is ignored; did you mean M2MKIT_NOTEBOOK_ENGINES?");
        assertThat(StartWarnings.closest("M2MKIT_DATA_DIR", StartWarnings.known())).first().isEqualTo("M2MKIT_DATA");
    }

    @Test
    void demoAccountsWarnOnlyWhenTheKitIsReachableFromOtherMachines() {
        KitConfig local = KitConfig.forTests(dir);
        assertThat(StartWarnings.of(local, Map.of())).isEmpty();
        KitConfig open = new ConfigLoader(Map.of()).load(null, Map.of(Setting.PORT, "0", Setting.BROKER_PORT, "0",
                Setting.BIND, "0.0.0.0", Setting.DATA, dir.resolve("data").toString()));
        assertThat(StartWarnings.of(open, Map.of())).singleElement().asString().startsWith("warning: the demo accounts");
        assertThat(StartWarnings.of(open.withDemoAccounts(false), Map.of())).isEmpty();
    }
}
