package org.m2mkit.web.lti;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.m2mkit.web.accounts.AccountRules;
import org.m2mkit.web.db.Sql;

/**
 * Names and Role Provisioning Services: reads a course's membership from the platform, page by page (following
 * {@code Link: <...>; rel="next"}), and gives every active member a kit account linked to them, with the name and
 * role the platform gives (the same account a launch would make). All of a pull is stored in one transaction.
 */
final class RosterPull {

    static final String MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel\\s*=\\s*\"?next\"?");
    private static final int MAX_PAGES = 200;

    /** A course launches came from: where its roster is read. */
    public record Course(long platformId, String issuer, String contextId, String title, String membershipsUrl) {}

    /** What a pull did. */
    record Outcome(int created, int linked, int skipped, List<String> problems) {}

    private final Sql sql;
    private final Platforms platforms;
    private final PlatformClient client;
    private final LtiAccounts accounts;

    RosterPull(DataSource db, Platforms platforms, PlatformClient client, LtiAccounts accounts) {
        this.sql = new Sql(db);
        this.platforms = platforms;
        this.client = client;
        this.accounts = accounts;
    }

    List<Course> courses() {
        return sql.list("SELECT c.platform_id, p.issuer, c.context_id, c.title, c.memberships_url FROM lti_context c "
                + "JOIN lti_platform p ON p.id = c.platform_id WHERE c.memberships_url IS NOT NULL "
                + "ORDER BY c.updated_at DESC", rs -> new Course(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)));
    }

    /** Reads the roster of a course and makes or links the accounts. */
    Outcome pull(long platformId, String contextId) throws PlatformClient.CallFailed {
        Course course = courses().stream().filter(c -> c.platformId() == platformId && c.contextId().equals(contextId))
                .findFirst().orElseThrow(() -> new PlatformClient.CallFailed("no launch from that course told the "
                        + "kit where its roster is; launch the kit from the course first", false));
        Platform platform = platforms.find(platformId).orElseThrow();
        String token = client.token(platform, List.of(Claims.SCOPE_MEMBERSHIPS));
        List<LtiAccounts.PlatformUser> members = new ArrayList<>();
        int skipped = 0;
        String url = course.membershipsUrl();
        for (int page = 0; url != null; page++) {
            if (page == MAX_PAGES) {
                throw new PlatformClient.CallFailed("the roster has more than " + MAX_PAGES + " pages", false);
            }
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(PlatformClient.TIMEOUT)
                    .header("Accept", MEMBERSHIP_TYPE).header("Authorization", "Bearer " + token).GET().build(),
                    "the course's membership");
            JsonNode body = PlatformClient.json(r.body());
            if (body == null || !body.path("members").isArray()) {
                throw new PlatformClient.CallFailed("the platform's roster is not a membership container: "
                        + PlatformClient.abbreviate(r.body()), false);
            }
            for (JsonNode m : body.path("members")) {
                String subject = m.path("user_id").asText("");
                String status = m.path("status").asText("Active");
                if (subject.isBlank() || !status.equals("Active")) {
                    skipped++;
                    continue;
                }
                List<String> roles = new ArrayList<>();
                m.path("roles").forEach(role -> roles.add(role.asText()));
                String name = m.hasNonNull("name") ? m.get("name").asText()
                        : (m.path("given_name").asText("") + " " + m.path("family_name").asText("")).strip();
                members.add(new LtiAccounts.PlatformUser(platform.issuer(), subject, name.isBlank() ? null : name,
                        m.hasNonNull("email") ? m.get("email").asText() : null, LtiRoles.of(roles)));
            }
            url = next(r.headers().allValues("Link"));
        }
        List<String> problems = new ArrayList<>();
        members.forEach(u -> AccountRules.displayNameProblem(LtiAccounts.displayName(u))
                .ifPresent(p -> problems.add(u.subject() + ": " + p)));
        if (!problems.isEmpty()) {
            return new Outcome(0, 0, skipped, problems);
        }
        int[] counts = new int[2];
        sql.tx(c -> {
            for (LtiAccounts.PlatformUser u : members) {
                boolean known = accounts.linked(u.issuer(), u.subject()).isPresent();
                accounts.linkOrCreate(c, u);
                counts[known ? 1 : 0]++;
            }
            return null;
        });
        return new Outcome(counts[0], counts[1], skipped, List.of());
    }

    /** The address of the next page from the {@code Link} headers, or null on the last page. */
    static String next(List<String> links) {
        for (String link : links) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
