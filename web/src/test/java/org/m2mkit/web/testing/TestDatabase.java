package org.m2mkit.web.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.m2mkit.web.config.ConfigLoader;
import org.m2mkit.web.config.KitConfig;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.db.DbLogin;

/**
 * The databases the kit runs on, for tests that run on each: {@code @ParameterizedClass @EnumSource(TestDatabase.class)}.
 * H2 is a file database in the test's folder; PostgreSQL a new database on the JVM's {@link PostgresServer}, and
 * a test on it is skipped, with the reason, where PostgreSQL is not installed.
 */
public enum TestDatabase {
    H2, POSTGRESQL;

    /** The URL of a new, empty database of this kind (H2: in {@code dir}). */
    public String newUrl(Path dir) {
        if (this == H2) {
            return ConfigLoader.defaultDbUrl(dir);
        }
        Assumptions.assumeTrue(PostgresServer.unavailable() == null, PostgresServer::unavailable);
        return PostgresServer.shared().newDatabase();
    }

    public DbLogin login() {
        return this == H2 ? DbLogin.NONE : PostgresServer.LOGIN;
    }

    /** A new database of this kind with the kit's schema. */
    public Database open(Path dir) {
        return Database.open(newUrl(dir), login());
    }

    /** The test configuration of a kit ({@link KitConfig#forTests}) on a new database of this kind. */
    public KitConfig kitConfig(Path dataDir) {
        return KitConfig.forTests(dataDir).withDatabase(newUrl(dataDir), login());
    }
}
