package org.m2mkit.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private KitConfig load(Map<String, String> env, Path file, Map<Setting, String> flags) {
        return new ConfigLoader(env).load(file, flags);
    }

    private Map<Setting, String> freePorts() {
        return Map.of(Setting.PORT, "0", Setting.BROKER_PORT, "0", Setting.DATA, dir.resolve("data").toString());
    }

    @Test
    void defaultsWorkOnALaptop() {
        KitConfig c = load(Map.of(), null, freePorts());
        assertThat(c.bind()).isEqualTo("0.0.0.0");
        assertThat(c.embeddedBroker()).isTrue();
        assertThat(c.brokerBind()).isEqualTo("127.0.0.1");
        assertThat(c.brokerUser()).isNull();
        assertThat(c.demoAccounts()).isTrue();
        assertThat(c.dbUrl()).startsWith("jdbc:h2:file:" + dir.resolve("data").toAbsolutePath());
        assertThat(Setting.PORT.defaultValue()).isEqualTo("7070");
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("kit.properties"),
                "port = 0\nbroker-port = 0\ndemo-accounts = false\nbind = 127.0.0.1\ndata = " + dir.resolve("f") + "\n");
        KitConfig fromFile = load(Map.of(), file, Map.of());
        assertThat(fromFile.demoAccounts()).isFalse();
        assertThat(fromFile.dataDir()).isEqualTo(dir.resolve("f"));

        KitConfig fromEnv = load(Map.of("M2MKIT_DEMO_ACCOUNTS", "yes", "M2MKIT_DATA", dir.resolve("e").toString()),
                file, Map.of());
        assertThat(fromEnv.demoAccounts()).isTrue();
        assertThat(fromEnv.dataDir()).isEqualTo(dir.resolve("e"));

        KitConfig fromFlag = load(Map.of("M2MKIT_DEMO_ACCOUNTS", "yes"), file, Map.of(Setting.DEMO_ACCOUNTS, "off"));
        assertThat(fromFlag.demoAccounts()).isFalse();
    }

    @Test
    void theGradingQueueIsTheDatabaseOnPostgreSqlAndLocalOnH2() {
        assertThat(load(Map.of(), null, freePorts()).sharedQueue()).isFalse();
        Map<Setting, String> pg = new java.util.EnumMap<>(freePorts());
        pg.put(Setting.DB_URL, "jdbc:postgresql://db.example:5432/m2mkit");
        assertThat(load(Map.of(), null, pg).sharedQueue()).isTrue();
        pg.put(Setting.GRADING_QUEUE, "local");
        assertThat(load(Map.of(), null, pg).sharedQueue()).isFalse();
        Map<Setting, String> h2 = new java.util.EnumMap<>(freePorts());
        h2.put(Setting.GRADING_QUEUE, "database");
        assertThatThrownBy(() -> load(Map.of(), null, h2)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("setting 'grading-queue' (from --grading-queue): 'database' needs a PostgreSQL");
        h2.put(Setting.GRADING_QUEUE, "cloud");
        assertThatThrownBy(() -> load(Map.of(), null, h2))
                .hasMessageContaining("'cloud' is not a grading queue; accepted: local, database, or empty");
    }

    @Test
    void aPortThatIsNotANumberNamesTheSettingTheSourceAndTheAcceptedRange() {
        assertThatThrownBy(() -> load(Map.of(), null, Map.of(Setting.PORT, "abc")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting 'port' (from --port): 'abc' is not a port number; accepted: a whole number "
                        + "from 1 to 65535, or 0 for any free port");
        assertThatThrownBy(() -> load(Map.of("M2MKIT_PORT", "70000"), null, Map.of()))
                .hasMessageStartingWith("setting 'port' (from M2MKIT_PORT): '70000' is not a port number");
    }

    @Test
    void aPortInUseIsRefused() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            String port = Integer.toString(taken.getLocalPort());
            assertThatThrownBy(() -> load(Map.of(), null, Map.of(Setting.PORT, port)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("setting 'port' (from --port): '" + port + "' is already in use")
                    .hasMessageContaining("accepted: a free port");
            assertThatThrownBy(() -> load(Map.of(), null, Map.of(Setting.PORT, "0", Setting.BROKER_PORT, port)))
                    .hasMessageContaining("setting 'broker-port' (from --broker-port): '" + port + "' is already in use");
        }
    }

    @Test
    void liveRunsAreSizedFromTheMachineOrGivenAsANumber() {
        assertThat(load(Map.of(), null, freePorts()).liveRuns()).isEqualTo(org.m2mkit.web.labs.LiveLab.defaultMaxRuns());
        assertThat(load(Map.of("M2MKIT_LIVE_RUNS", "12"), null, freePorts()).liveRuns()).isEqualTo(12);
        for (String bad : new String[] {"0", "many", "501", "-3"}) {
            assertThatThrownBy(() -> load(Map.of("M2MKIT_LIVE_RUNS", bad), null, freePorts()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("setting 'live-runs' (from M2MKIT_LIVE_RUNS): '" + bad + "' is neither "
                            + "'auto' nor a whole number from 1 to 500; accepted: auto (sized from this machine: ");
        }
    }

    @Test
    void anUnwritableDataDirectoryIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> load(Map.of(), null, Map.of(Setting.PORT, "0", Setting.DATA, file.resolve("data").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("setting 'data' (from --data)")
                .hasMessageContaining("cannot be created or written (not a directory)")
                .hasMessageContaining("accepted: a directory this user can create and write");
    }

    @Test
    void anUnknownKeyInTheFileListsTheKnownOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("kit.properties"), "prot = 8080\n");
        assertThatThrownBy(() -> load(Map.of(), file, freePorts()))
                .hasMessageContaining("unknown setting 'prot'")
                .hasMessageContaining("accepted: port, bind, data, db-url, db-user, db-password, broker, broker-port, broker-bind, broker-user, broker-password, demo-accounts");
    }

    @Test
    void aMissingNamedConfigurationFileIsRefused() {
        assertThatThrownBy(() -> load(Map.of(), dir.resolve("missing.properties"), freePorts()))
                .hasMessageContaining("configuration file '" + dir.resolve("missing.properties") + "' cannot be read");
    }

    @Test
    void aPostgresqlUrlIsTakenWithItsUserAndAPasswordThatIsNeverShown() {
        var flags = with(Setting.DB_URL, "jdbc:postgresql://db.example:5432/m2mkit");
        flags.put(Setting.DB_USER, "kit");
        KitConfig c = load(Map.of("M2MKIT_DB_PASSWORD", "s3cret-pw"), null, flags);
        assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://db.example:5432/m2mkit");
        assertThat(c.dbLogin().user()).isEqualTo("kit");
        assertThat(c.dbLogin().password()).isEqualTo("s3cret-pw");
        assertThat(c.toString()).doesNotContain("s3cret-pw");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.DB_URL, "jdbc:mysql://h/db?password=s3cret-pw")))
                .hasMessageContaining("setting 'db-url'").hasMessageContaining("jdbc:postgresql://host:port/name")
                .message().doesNotContain("s3cret-pw");
    }

    @Test
    void badDatabaseBrokerAndYesNoValuesAreRefused() {
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.DB_URL, "jdbc:oracle:thin:@x")))
                .hasMessageContaining("setting 'db-url'").hasMessageContaining("accepted: empty");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.BROKER, "mqtt:/nowhere")))
                .hasMessageContaining("setting 'broker'").hasMessageContaining("is not a broker URL");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.BROKER, "tcp://127.0.0.1:1")))
                .hasMessageContaining("setting 'broker'").hasMessageContaining("cannot be reached");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.DEMO_ACCOUNTS, "maybe")))
                .hasMessageContaining("setting 'demo-accounts'").hasMessageContaining("accepted: true or false");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.BIND, "no-such-host.invalid")))
                .hasMessageContaining("setting 'bind'");
    }

    @Test
    void notebookSettingsReachTheEnginesAndAreRangeChecked() {
        KitConfig defaults = load(Map.of(), null, freePorts());
        assertThat(defaults.notebooks().idleTimeout()).hasMinutes(20);
        assertThat(defaults.notebooks().engines().maxEngines()).isEqualTo(60);
        assertThat(defaults.notebooks().engines().evalTimeout()).hasSeconds(3);

        var flags = new java.util.EnumMap<Setting, String>(Setting.class);
        flags.putAll(freePorts());
        flags.put(Setting.NOTEBOOK_ENGINES, "1");
        KitConfig c = load(Map.of("M2MKIT_NOTEBOOK_IDLE_MINUTES", "5", "M2MKIT_NOTEBOOK_TIME_LIMIT", "10"), null,
                flags);
        assertThat(c.notebooks().idleTimeout()).hasMinutes(5);
        assertThat(c.notebooks().engines().evalTimeout()).hasSeconds(10);
        assertThat(c.notebooks().engines().maxEngines()).isEqualTo(1);
        assertThat(c.notebooks().engines().poolSize()).as("never more ready engines than may live").isEqualTo(1);

        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.NOTEBOOK_IDLE_MINUTES, "0")))
                .hasMessage("setting 'notebook-idle-minutes' (from --notebook-idle-minutes): '0' is not a whole "
                        + "number from 1 to 1440; accepted: a whole number from 1 to 1440");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.NOTEBOOK_ENGINES, "lots")))
                .hasMessageContaining("setting 'notebook-engines'").hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.NOTEBOOK_TIME_LIMIT, "121")))
                .hasMessageContaining("setting 'notebook-time-limit'").hasMessageContaining("1 to 120");
    }

    @Test
    void theBrokerAddressAndLoginAreChecked() {
        assertThat(load(Map.of("M2MKIT_BROKER_BIND", "0.0.0.0"), null, freePorts()).brokerBind()).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.BROKER_BIND, "no-such-host.invalid")))
                .hasMessageContaining("setting 'broker-bind' (from --broker-bind): 'no-such-host.invalid' is not a known");
        assertThatThrownBy(() -> load(Map.of(), null, with(Setting.BROKER_USER, "teacher")))
                .hasMessageContaining("setting 'broker-user'").hasMessageContaining("external broker only");
        assertThatThrownBy(() -> load(Map.of("M2MKIT_BROKER_PASSWORD", "s3cret"), null, freePorts()))
                .hasMessageContaining("setting 'broker-password'").hasMessageNotContaining("s3cret");
    }

    private Map<Setting, String> with(Setting s, String value) {
        var flags = new java.util.EnumMap<Setting, String>(Setting.class);
        flags.putAll(freePorts());
        flags.put(s, value);
        return flags;
    }
}
