package org.m2mkit.web.quizzes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers for the quiz tables: statements with parameters, rows mapped by a lambda, transactions. */
final class Sql {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource db;

    Sql(DataSource db) {
        this.db = db;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    <T> T tx(Work<T> work) {
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
            throw new IllegalStateException("quiz database: " + e.getMessage(), e);
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        return tx(c -> list(c, sql, row, params));
    }

    <T> T one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    int update(String sql, Object... params) {
        return tx(c -> update(c, sql, params));
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    static <T> T one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = list(c, sql, row, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, params);
            return st.executeUpdate();
        }
    }

    static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql, new String[] {"id"})) {
            bind(st, params);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                st.setTimestamp(i + 1, Timestamp.from(t));
            } else {
                st.setObject(i + 1, p);
            }
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
