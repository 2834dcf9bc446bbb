package org.m2mkit.web.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
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

    /** Brings the schema up to date with the migrations under {@code db/migration}. */
    public void migrate(String jdbcUrl) {
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
