package org.m2mkit.web.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Work on one connection in one transaction: all of it is committed, or on any failure none of it. */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} in one transaction; a database failure becomes an IllegalStateException naming {@code what}. */
    public static <T> T run(DataSource db, String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }
}
