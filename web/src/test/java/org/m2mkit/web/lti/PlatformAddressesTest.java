package org.m2mkit.web.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The addresses the kit accepts for a platform and reads from its answers. */
class PlatformAddressesTest {

    @Test
    void aPlatformIsReachedOverHttpsOrOnThisMachineOnly() {
        assertThat(Platforms.urlProblem("Access token URL", "https://lms.example.edu/token")).isEmpty();
        assertThat(Platforms.urlProblem("Access token URL", "http://127.0.0.1:8080/token")).isEmpty();
        assertThat(Platforms.urlProblem("Access token URL", "http://localhost/token")).isEmpty();
        assertThat(Platforms.urlProblem("Access token URL", "http://[::1]:9/token")).isEmpty();
        assertThat(Platforms.urlProblem("Access token URL", "http://lms.example.edu/token")).get().asString()
                .contains("Access token URL", "plain http");
        assertThat(Platforms.urlProblem("Access token URL", "http://localhost.evil.example/token")).isPresent();
        assertThat(Platforms.urlProblem("Public keyset URL", "ftp://lms.example.edu/keys")).get().asString()
                .contains("is not an https:// address");
        assertThat(Platforms.urlProblem("Public keyset URL", "lms.example.edu/keys")).isPresent();
        assertThat(Platforms.urlProblem("Public keyset URL", "https://lms.example.edu/k#x")).get().asString()
                .contains("#fragment");
        assertThat(Platforms.urlProblem("Public keyset URL", "")).get().asString().contains("is empty");
    }

    @Test
    void deploymentIdsAreOnePerLineWithoutRepeats() {
        assertThat(Platforms.deployments("1\r\n 2 \n\n1, 3")).containsExactly("1", "2", "3");
    }

    @Test
    void scoresGoToTheLineItemsScoresEndpointKeepingItsQuery() {
        assertThat(ScoreOutbox.scoresUrl("https://lms.example.edu/api/lti/courses/1/line_items/7"))
                .isEqualTo("https://lms.example.edu/api/lti/courses/1/line_items/7/scores");
        assertThat(ScoreOutbox.scoresUrl("https://lms.example.edu/mod/lti/services.php/2/lineitems/5/lineitem?type_id=3"))
                .isEqualTo("https://lms.example.edu/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=3");
    }

    @Test
    void theRosterFollowsTheNextLinkAmongOthers() {
        assertThat(RosterPull.next(List.of("<https://lms/m?p=1>; rel=\"first\", <https://lms/m?p=3>; rel=\"next\""))).isEqualTo("https://lms/m?p=3");
        assertThat(RosterPull.next(List.of("<https://lms/m?p=1>; rel=\"prev\""))).isNull();
        assertThat(RosterPull.next(List.of())).isNull();
    }
}
