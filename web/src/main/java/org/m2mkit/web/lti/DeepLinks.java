package org.m2mkit.web.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.m2mkit.web.accounts.SessionStore;
import org.m2mkit.web.db.Sql;

/**
 * Deep Linking 2.0: a platform's {@code LtiDeepLinkingRequest} waits here while the instructor picks a kit page;
 * the choice goes back as a {@code LtiDeepLinkingResponse} signed with the kit's key, holding one
 * {@code ltiResourceLink} whose custom parameter names the page and, for a lab or a quiz, a line item for the grade
 * book.
 */
final class DeepLinks {

    static final Duration LIFETIME = Duration.ofHours(1);
    /** The grade book column's maximum for a lab or quiz; scores are sent with their own maximum and scaled. */
    static final double SCORE_MAXIMUM = 100;

    /** A request waiting for the instructor's choice. */
    record Request(String id, long accountId, long platformId, String deploymentId, String returnUrl, String data) {}

    /** The signed answer and where the browser posts it. */
    record Response(String returnUrl, String jwt) {}

    private final Sql sql;
    private final Platforms platforms;
    private final ToolKeys keys;

    DeepLinks(DataSource db, Platforms platforms, ToolKeys keys) {
        this.sql = new Sql(db);
        this.platforms = platforms;
        this.keys = keys;
    }

    /** Keeps a deep-linking launch until the instructor has chosen; returns its id for the picker's address. */
    static String open(Connection c, long accountId, Launches.Launch launch) throws SQLException {
        Map<String, Object> settings = launch.object(Claims.DEEP_LINKING_SETTINGS);
        String id = SessionStore.newToken();
        String data = launch.string(settings, "data");
        Sql.update(c, "INSERT INTO lti_deep_link (id, account_id, platform_id, deployment_id, return_url, data, "
                + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, accountId, launch.platform().id(),
                launch.deploymentId(), launch.string(settings, "deep_link_return_url"),
                data != null && data.length() <= 4000 ? data : null, Instant.now().plus(LIFETIME));
        return id;
    }

    /** The open request {@code id} of the account, or null. */
    Request find(String id, long accountId) {
        return sql.one("SELECT id, account_id, platform_id, deployment_id, return_url, data FROM lti_deep_link "
                + "WHERE id = ? AND account_id = ? AND used_at IS NULL AND expires_at > ?", rs -> new Request(
                rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                id, accountId, Instant.now());
    }

    /** Answers the request with {@code target}; the request is used up. */
    Response answer(Request request, Targets.Target target, String launchUrl) {
        if (sql.update("UPDATE lti_deep_link SET used_at = ? WHERE id = ? AND used_at IS NULL", Instant.now(),
                request.id()) != 1) {
            return null;
        }
        Platform platform = platforms.find(request.platformId()).orElseThrow();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", target.title());
        item.put("text", target.kind() + " of the M2M Lab Kit");
        item.put("url", launchUrl);
        item.put("custom", Map.of(Claims.CUSTOM_TARGET, target.path()));
        if (target.graded()) {
            item.put("lineItem", Map.of("scoreMaximum", SCORE_MAXIMUM, "label", target.title(),
                    "resourceId", target.path()));
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(platform.clientId())
                .audience(platform.issuer()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).claim("nonce", UUID.randomUUID().toString())
                .claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_RESPONSE).claim(Claims.VERSION, Claims.VERSION_13)
                .claim(Claims.DEPLOYMENT_ID, request.deploymentId()).claim(Claims.CONTENT_ITEMS, List.of(item));
        if (request.data() != null) {
            claims.claim(Claims.DL_DATA, request.data());
        }
        return new Response(request.returnUrl(), keys.sign(claims.build()));
    }
}
