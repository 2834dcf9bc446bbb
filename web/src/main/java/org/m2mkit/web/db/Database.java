package org.m2mkit.web.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcConnectionPool;
import org.m2mkit.labs.UserError;

/** The kit's database: a connection pool and the schema, brought up to date by Flyway at start. */
public final class Database implements AutoCloseable {

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens the database at {@code jdbcUrl} and applies the migrations under {@code db/migration}. */
    public static Database open(String jdbcUrl) {
        Database db = connect(jdbcUrl);
        db.migrate(jdbcUrl);
        return db;
    }

    /** A pool of connections to {@code jdbcUrl}, before {@link #migrate}: no connection is made yet. */
    public static Database connect(String jdbcUrl) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "m2mkit", "");
        pool.setMaxConnections(16);
        return new Database(pool);
    }

    /**
     * Brings the schema up to date with the migrations under {@code db/migration}. A database whose history
     * already ends, successfully, at {@link #LATEST_VERSION} is left as it is without starting Flyway, which on
     * two cores saves a few hundred milliseconds of every start after the first.
     */
    public void migrate(String jdbcUrl) {
        if (upToDate()) {
            return;
        }
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new UserError("the database at " + jdbcUrl + " cannot be opened or migrated: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** The newest migration under {@code db/migration} ({@code DatabaseTest} keeps the two in step). */
    static final String LATEST_VERSION = "32";

    /** True when every recorded migration succeeded and the newest one is {@link #LATEST_VERSION}. */
    private boolean upToDate() {
        try (Connection c = pool.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            String newest = null;
            while (rs.next()) {
                String version = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return false;
                }
                if (version != null && (newest == null || compare(version, newest) > 0)) {
                    newest = version;
                }
            }
            return LATEST_VERSION.equals(newest);
        } catch (SQLException | FlywayException e) {
            return false; // no history yet (a new database), or one this check does not read: Flyway decides
        }
    }

    /** Compares version numbers such as {@code 30} and {@code 1.2} as Flyway orders migrations. */
    static int compare(String a, String b) {
        return MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b));
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** True when a connection answers a trivial query within a second. */
    public boolean healthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
