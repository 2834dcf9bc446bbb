package org.m2mkit.web.accounts;

import java.util.List;

/**
 * The two demo accounts a teacher can try the kit with. Their passwords are printed at start; a teacher who
 * puts the kit on a shared server turns them off with {@code demo-accounts = false}.
 */
public final class DemoAccounts {

    /** A demo sign-in as printed at start. */
    public record Credentials(String username, String password, Role role) {}

    public static final List<Credentials> ALL = List.of(
            new Credentials("instructor", "m2m-instructor", Role.INSTRUCTOR),
            new Credentials("student", "m2m-student", Role.STUDENT));

    private DemoAccounts() {}

    /** Creates the demo accounts that do not exist yet; returns all of them. */
    public static List<Credentials> ensure(AccountRepository accounts) {
        for (Credentials c : ALL) {
            if (accounts.find(c.username()).isEmpty()) {
                String name = c.role() == Role.INSTRUCTOR ? "Demo Instructor" : "Demo Student";
                accounts.create(c.username(), name, c.role(), c.password(), true);
            }
        }
        return ALL;
    }
}
