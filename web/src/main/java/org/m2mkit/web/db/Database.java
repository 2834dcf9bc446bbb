package org.m2mkit.web.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.m2mkit.labs.UserError;

/**
 * The kit's database, H2 or PostgreSQL: a connection pool and the schema, brought up to date by Flyway at start.
 * The migrations under {@code db/migration} run on both; on PostgreSQL those under {@code db/postgresql} run
 * first (they name the H2 column types the migrations use).
 */
public final class Database implements AutoCloseable {

    /** The user of the H2 file database, which H2 creates with the database. */
    static final String H2_USER = "m2mkit";

    private final HikariDataSource pool;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Opens the database at {@code jdbcUrl} as the kit's H2 user and applies the migrations. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, DbLogin.NONE);
    }

    /** Opens the database at {@code jdbcUrl} and applies the migrations under {@code db/migration}. */
    public static Database open(String jdbcUrl, DbLogin login) {
        Database db = connect(jdbcUrl, login);
        db.migrate();
        return db;
    }

    /** A pool of connections to {@code jdbcUrl}, before {@link #migrate}: no connection is made yet. */
    public static Database connect(String jdbcUrl) {
        return connect(jdbcUrl, DbLogin.NONE);
    }

    /** A pool of connections to {@code jdbcUrl}, before {@link #migrate}: no connection is made yet. */
    public static Database connect(String jdbcUrl, DbLogin login) {
        HikariDataSource pool = new HikariDataSource(); // without a configuration it connects at first use
        pool.setPoolName("m2mkit-db");
        pool.setJdbcUrl(jdbcUrl);
        if (isH2(jdbcUrl)) {
            pool.setUsername(login.user().isEmpty() ? H2_USER : login.user());
            pool.setPassword(login.password());
        } else {
            if (!login.user().isEmpty()) {
                pool.setUsername(login.user());
            }
            if (!login.password().isEmpty()) {
                pool.setPassword(login.password());
            }
        }
        pool.setMaximumPoolSize(16);
        pool.setMinimumIdle(2);
        return new Database(pool, jdbcUrl);
    }

    static boolean isH2(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /**
     * Brings the schema up to date with the migrations under {@code db/migration}. A database whose history
     * already ends, successfully, at {@link #LATEST_VERSION} is left as it is without starting Flyway, which on
     * two cores saves a few hundred milliseconds of every start after the first.
     */
    public void migrate() {
        if (upToDate()) {
            return;
        }
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations(locations(url))
                    .load()
                    .migrate();
        } catch (RuntimeException e) { // Flyway's, or the pool's when the database does not let the kit in
            pool.close();
            throw new UserError("the database at " + printable(url) + " cannot be opened or migrated: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** Where the migrations for the database at {@code jdbcUrl} are. */
    public static String[] locations(String jdbcUrl) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (!isH2(jdbcUrl)) {
            locations.add("classpath:db/postgresql");
        }
        return locations.toArray(String[]::new);
    }

    /** The URL with any password in it (PostgreSQL URLs may carry one) replaced by stars. */
    public static String printable(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The newest migration under {@code db/migration} ({@code DatabaseTest} keeps the two in step). */
    static final String LATEST_VERSION = "36";

    /** True when every recorded migration succeeded and the newest one is {@link #LATEST_VERSION}. */
    boolean upToDate() {
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
        } catch (SQLException | RuntimeException e) {
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
        pool.close();
    }
}
