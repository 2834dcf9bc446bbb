package org.m2mkit.web.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.m2mkit.content.ContentCheck;
import org.m2mkit.content.ContentLoader;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;

/** The chapter's links to graded labs name labs of the registry: a registered lab needs no list elsewhere. */
class LabLinksTest {

    @Test
    void everyLinkToAGradedLabNamesARegisteredLab() {
        Set<String> ids = Labs.all().stream().map(Lab::id).collect(Collectors.toSet());
        assertThat(ids).contains("gateway", "protocol", "standards");
        assertThat(ContentCheck.problems(ContentLoader.load(), ids)).isEmpty();
    }
}
