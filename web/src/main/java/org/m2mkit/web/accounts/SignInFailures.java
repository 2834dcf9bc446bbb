package org.m2mkit.web.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.m2mkit.web.db.CountedBucket;
import org.m2mkit.web.db.Sql;

/**
 * The {@code sign_in_failure} table: wrong passwords given to any of the kits on one database, one row per limit
 * they count against, keyed by the SHA-256 of the limit's name (which holds a user name and an address). Rows
 * older than {@link #KEPT} no longer matter to any limit and are removed as new ones arrive.
 */
final class SignInFailures {

    static final Duration KEPT = Duration.ofHours(1);

    private final Sql sql;

    SignInFailures(DataSource db) {
        this.sql = new Sql(db);
    }

    /** How long until the limit named {@code key} allows another password, counted from its rows. */
    Duration untilOne(String key, CountedBucket bucket, Instant now) {
        return bucket.untilOne(bucket.tokens(sql.list("SELECT failed_at FROM sign_in_failure WHERE limit_key = ? "
                + "AND failed_at >= ? ORDER BY failed_at, id", rs -> Sql.instant(rs, "failed_at"), hash(key),
                now.minus(KEPT)), now));
    }

    /** Counts a wrong password against the limit of the user name at the address, and of the address. */
    void failed(String userKey, String addressKey, Instant now) {
        sql.tx(c -> {
            Sql.update(c, "DELETE FROM sign_in_failure WHERE failed_at < ?", now.minus(KEPT));
            Sql.update(c, "INSERT INTO sign_in_failure (limit_key, failed_at) VALUES (?, ?)", hash(userKey), now);
            return Sql.update(c, "INSERT INTO sign_in_failure (limit_key, failed_at) VALUES (?, ?)",
                    hash(addressKey), now);
        });
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
