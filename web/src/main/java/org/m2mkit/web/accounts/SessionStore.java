package org.m2mkit.web.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.m2mkit.web.db.Sql;

/** Signed-in sessions in the database: random tokens for the browser, their hashes in the table. */
public final class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;
    private final Duration lifetime;

    public SessionStore(DataSource db, Duration lifetime) {
        this.sql = new Sql(db);
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
        sql.update("INSERT INTO web_session (token_hash, account_id, expires_at) VALUES (?, ?, ?)", hash(token),
                accountId, Instant.now().plus(lifetime));
        return token;
    }

    /** The account of a live session; an unknown or expired token gives empty. */
    public Optional<Account> account(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(sql.one("SELECT a.id, a.username, a.display_name, a.role, a.demo "
                + "FROM web_session s JOIN account a ON a.id = s.account_id "
                + "WHERE s.token_hash = ? AND s.expires_at > ? AND NOT a.disabled", AccountRepository::account, hash(token), Instant.now()));
    }

    /** Ends one session (sign out). */
    public void close(String token) {
        if (token == null) {
            return;
        }
        sql.update("DELETE FROM web_session WHERE token_hash = ?", hash(token));
    }

    /** Ends every session of an account except the one given (after a password change). */
    public void closeOthers(long accountId, String keepToken) {
        sql.update("DELETE FROM web_session WHERE account_id = ? AND token_hash <> ?", accountId,
                keepToken == null ? "" : hash(keepToken));
    }

    /** Forgets expired sessions. */
    public int purgeExpired() {
        return sql.update("DELETE FROM web_session WHERE expires_at <= ?", Instant.now());
    }

    /** The SHA-256 of a token in hex: what the database keeps of it. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
