package org.m2mkit.web.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.m2mkit.web.db.Sql;

/**
 * The kit's own RSA key pairs (2048 bits, RS256), kept in the database so every node of the kit signs with the same
 * key: generated on first use, rotated on the instructor's request. A rotated key stays in the published key set
 * for {@link #GRACE} so that platforms holding its tokens, or a cached key set, are not cut off.
 */
final class ToolKeys {

    static final Duration GRACE = Duration.ofDays(2);

    /** A key as the instructor page lists it. */
    public record KeyInfo(String kid, Instant createdAt, Instant retiredAt) {
        public boolean current() {
            return retiredAt == null;
        }
    }

    private final Sql sql;

    ToolKeys(DataSource db) {
        this.sql = new Sql(db);
    }

    /** The key that signs now; the first call on a new kit generates it. */
    RSAKey current() {
        RSAKey key = newest();
        if (key == null) {
            insert(generate());
            key = newest();
        }
        return key;
    }

    private RSAKey newest() {
        String jwk = sql.one("SELECT private_jwk FROM lti_tool_key WHERE retired_at IS NULL "
                + "ORDER BY created_at DESC, kid FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1));
        return jwk == null ? null : parse(jwk);
    }

    /** A new current key; the old ones are retired and stay published for {@link #GRACE}. */
    void rotate() {
        RSAKey next = generate();
        Instant now = Instant.now();
        sql.tx(c -> {
            Sql.update(c, "UPDATE lti_tool_key SET retired_at = ? WHERE retired_at IS NULL", now);
            Sql.update(c, "DELETE FROM lti_tool_key WHERE retired_at < ?", now.minus(GRACE));
            Sql.update(c, "INSERT INTO lti_tool_key (kid, private_jwk, created_at) VALUES (?, ?, ?)", next.getKeyID(),
                    next.toJSONString(), now.plusMillis(1));
            return null;
        });
    }

    /** The public halves of the current key and of the keys still in their grace period. */
    JWKSet publicKeys() {
        current();
        List<RSAKey> keys = sql.list("SELECT private_jwk FROM lti_tool_key WHERE retired_at IS NULL OR retired_at > ? "
                + "ORDER BY created_at DESC", rs -> parse(rs.getString(1)).toPublicJWK(), Instant.now().minus(GRACE));
        return new JWKSet(List.copyOf(keys));
    }

    List<KeyInfo> list() {
        current();
        return sql.list("SELECT kid, created_at, retired_at FROM lti_tool_key WHERE retired_at IS NULL "
                + "OR retired_at > ? ORDER BY created_at DESC", rs -> new KeyInfo(rs.getString(1),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "retired_at")), Instant.now().minus(GRACE));
    }

    /** Signs {@code claims} with the current key (RS256, its {@code kid} in the header). */
    String sign(JWTClaimsSet claims) {
        RSAKey key = current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the kit's LTI key could not sign: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private void insert(RSAKey key) {
        sql.update("INSERT INTO lti_tool_key (kid, private_jwk, created_at) VALUES (?, ?, ?)", key.getKeyID(),
                key.toJSONString(), Instant.now());
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key generator in this Java runtime", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored LTI key is not readable: " + e.getMessage(), e);
        }
    }
}
