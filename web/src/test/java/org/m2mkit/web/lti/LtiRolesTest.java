package org.m2mkit.web.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.m2mkit.web.accounts.Role;

class LtiRolesTest {

    static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    @Test
    void teachingRolesInTheCourseMakeAnInstructor() {
        for (String role : List.of("Instructor", "Administrator", "ContentDeveloper")) {
            assertThat(LtiRoles.of(List.of(MEMBERSHIP + role))).as(role).isEqualTo(Role.INSTRUCTOR);
        }
        assertThat(LtiRoles.of(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")))
                .isEqualTo(Role.INSTRUCTOR);
        assertThat(LtiRoles.of(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty")))
                .isEqualTo(Role.INSTRUCTOR);
        assertThat(LtiRoles.of(List.of("Instructor"))).as("a short name from an older platform").isEqualTo(Role.INSTRUCTOR);
    }

    @Test
    void learnersMentorsAndPeopleWithoutARoleAreStudents() {
        assertThat(LtiRoles.of(List.of(MEMBERSHIP + "Learner"))).isEqualTo(Role.STUDENT);
        assertThat(LtiRoles.of(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#Learner",
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student"))).isEqualTo(Role.STUDENT);
        assertThat(LtiRoles.of(List.of(MEMBERSHIP + "Mentor"))).isEqualTo(Role.STUDENT);
        assertThat(LtiRoles.of(List.of())).isEqualTo(Role.STUDENT);
        assertThat(LtiRoles.of(List.of("http://example.com/vocab#Instructorish"))).isEqualTo(Role.STUDENT);
    }
}
