package org.m2mkit.web.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Work that several kits starting at once on one PostgreSQL database must do one after the other, such as
 * creating the demo accounts or seeding the chapter's question banks: each checks what is there and adds what is
 * missing, which is only right while no other kit does the same. On PostgreSQL it holds a session-level advisory
 * lock (on a connection of its own) while the work runs; H2 has one kit only, so there it just runs.
 */
public final class StartLock {

    /** The lock's key: any number the kit uses for nothing else ("m2mk" in ASCII). */
    private static final long KEY = 0x6d326d6bL;

    private StartLock() {
    }

    /** Runs {@code work} while no other kit on the same database runs work under this lock. */
    public static <T> T hold(DataSource db, Supplier<T> work) {
        try (Connection c = db.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return work.get();
            }
            call(c, "SELECT pg_advisory_lock(?)");
            try {
                return work.get();
            } finally {
                call(c, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the start lock of the database: " + e.getMessage(), e);
        }
    }

    /** {@link #hold} for work without a result. */
    public static void hold(DataSource db, Runnable work) {
        hold(db, () -> {
            work.run();
            return null;
        });
    }

    private static void call(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, KEY);
            st.execute();
        }
    }
}
