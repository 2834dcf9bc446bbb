package org.m2mkit.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's configuration table and the example file describe exactly the settings the kit reads. */
class SettingsDocumentedTest {

    static final Path ROOT = Path.of("..");

    @Test
    void theReadmeTableHasOneRowPerSettingWithItsEnvironmentVariableFlagAndDefault() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        long rows = readme.lines().filter(l -> l.startsWith("| `") && l.contains("| `M2MKIT_")).count();
        assertThat(rows).isEqualTo(Setting.values().length);
        for (Setting s : Setting.values()) {
            String dflt = s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
            assertThat(readme).as(s.key()).contains(
                    "| `" + s.key() + "` | `" + s.env() + "` | `" + s.flag() + "` | " + dflt + " | " + s.description());
        }
    }

    @Test
    void theExampleFileNamesEverySettingAndLoadsWhenUncommented() throws IOException {
        Path example = ROOT.resolve("m2mkit.properties.example");
        String text = Files.readString(example);
        for (Setting s : Setting.values()) {
            assertThat(text).as(s.key()).contains("#" + s.key() + " =").contains(s.env()).contains(s.flag());
        }
        // every commented line, uncommented, is a valid configuration apart from ports that may be in use here
        Path dir = Files.createTempDirectory("m2mkit-example");
        String uncommented = text.lines().map(l -> l.matches("#[a-z-]+ =.*") ? l.substring(1) : l)
                .map(l -> l.startsWith("port =") ? "port = 0" : l.startsWith("broker-port =") ? "broker-port = 0" : l)
                .map(l -> l.startsWith("data =") ? "data = " + dir.resolve("data") : l)
                .reduce("", (a, b) -> a + b + "\n");
        Path file = Files.writeString(dir.resolve("m2mkit.properties"), uncommented);
        KitConfig config = new ConfigLoader(Map.of()).load(file, Map.of());
        assertThat(config.embeddedBroker()).isTrue();
        assertThat(config.demoAccounts()).isTrue();
    }
}
