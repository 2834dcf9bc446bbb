package org.m2mkit.web.lti;

import java.util.Collection;
import java.util.Set;
import org.m2mkit.web.accounts.Role;

/**
 * LTI roles to the kit's two: the context (membership) roles Instructor, Administrator, ContentDeveloper and
 * TeachingAssistant, and the institution and system roles Administrator, Instructor and Faculty, make an instructor;
 * everyone else (Learner, Mentor, no role at all) is a student. Roles come as full URIs ({@code
 * http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor}) or, from older platforms, as short names.
 */
final class LtiRoles {

    private static final Set<String> TEACHING = Set.of("Instructor", "Administrator", "ContentDeveloper",
            "TeachingAssistant", "Faculty", "SysAdmin");
    private static final String VOCAB = "http://purl.imsglobal.org/vocab/lis/v2/";

    private LtiRoles() {}

    static Role of(Collection<String> roles) {
        for (String uri : roles) {
            if (uri == null) {
                continue;
            }
            String name = uri;
            if (uri.startsWith(VOCAB)) {
                String rest = uri.substring(VOCAB.length());
                int hash = rest.indexOf('#');
                if (hash < 0) {
                    continue;
                }
                String vocabulary = rest.substring(0, hash);
                name = rest.substring(hash + 1);
                if (vocabulary.startsWith("membership/")) { // a sub-role: membership/Instructor#TeachingAssistant
                    name = vocabulary.substring("membership/".length());
                }
            }
            if (TEACHING.contains(name)) {
                return Role.INSTRUCTOR;
            }
        }
        return Role.STUDENT;
    }
}
