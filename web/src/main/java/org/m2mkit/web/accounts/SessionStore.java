package org.m2mkit.web.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/** Signed-in sessions in the database: random tokens for the browser, their hashes in the table. */
public final class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource db;
    private final Duration lifetime;

    public SessionStore(DataSource db, Duration lifetime) {
        this.db = db;
        this.lifetime = lifetime;
    }

    /** A new random token, URL-safe, 256 bits. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Opens a session for the account and returns the token the browser keeps. */
    public String open(long accountId) {
        String token = newToken();
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "INSERT INTO web_session (token_hash, account_id, expires_at) VALUES (?, ?, ?)")) {
            st.setString(1, hash(token));
            st.setLong(2, accountId);
            st.setTimestamp(3, Timestamp.from(Instant.now().plus(lifetime)));
            st.executeUpdate();
            return token;
        } catch (SQLException e) {
            throw new IllegalStateException("opening a session", e);
        }
    }

    /** The account of a live session; an unknown or expired token gives empty. */
    public Optional<Account> account(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT a.id, a.username, a.display_name, a.role, a.demo "
                     + "FROM web_session s JOIN account a ON a.id = s.account_id "
                     + "WHERE s.token_hash = ? AND s.expires_at > ? AND NOT a.disabled")) {
            st.setString(1, hash(token));
            st.setTimestamp(2, Timestamp.from(Instant.now()));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(AccountRepository.account(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a session", e);
        }
    }

    /** Ends one session (sign out). */
    public void close(String token) {
        if (token == null) {
            return;
        }
        update("DELETE FROM web_session WHERE token_hash = ?", ps -> ps.setString(1, hash(token)));
    }

    /** Ends every session of an account except the one given (after a password change). */
    public void closeOthers(long accountId, String keepToken) {
        update("DELETE FROM web_session WHERE account_id = ? AND token_hash <> ?", ps -> {
            ps.setLong(1, accountId);
            ps.setString(2, keepToken == null ? "" : hash(keepToken));
        });
    }

    /** Forgets expired sessions. */
    public int purgeExpired() {
        return update("DELETE FROM web_session WHERE expires_at <= ?",
                ps -> ps.setTimestamp(1, Timestamp.from(Instant.now())));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating sessions", e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
