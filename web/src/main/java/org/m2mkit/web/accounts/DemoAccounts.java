package org.m2mkit.web.accounts;

import java.util.List;

/**
 * The two demo accounts a teacher can try the kit with. Their passwords are printed at start; a teacher who
 * puts the kit on a shared server turns them off with {@code demo-accounts = false}.
 */
public final class DemoAccounts {

    /**
     * A demo sign-in as printed at start.
     *
     * @param passwordHash the password's bcrypt hash, made once and kept here: the passwords are public (printed
     *                     at every start), and hashing them at each first start cost half a second of it
     */
    public record Credentials(String username, String password, Role role, String passwordHash) {}

    public static final List<Credentials> ALL = List.of(
            new Credentials("instructor", "m2m-instructor", Role.INSTRUCTOR,
                    "$2a$10$S7wvPuMFh5qc.Ed6XUR9qeSQTWGj9ICSHiffZhM/W8jEnvIRhkE02"),
            new Credentials("student", "m2m-student", Role.STUDENT,
                    "$2a$10$m2AasaOq.ZoK24h.Ugzsh.gnsDWbPL.EyU962EaDPfzxfkgF74gEK"));

    private DemoAccounts() {}

    /**
     * With {@code on}, creates the demo accounts that do not exist yet and lets disabled ones sign in again, and
     * returns all of them; without, disables the existing ones (they cannot sign in, their sessions end) and
     * returns none.
     */
    public static List<Credentials> apply(AccountRepository accounts, boolean on) {
        if (!on) {
            accounts.enableDemo(false);
            return List.of();
        }
        for (Credentials c : ALL) {
            if (accounts.find(c.username()).isEmpty()) {
                String name = c.role() == Role.INSTRUCTOR ? "Demo Instructor" : "Demo Student";
                accounts.createWithHash(c.username(), name, c.role(), c.passwordHash(), true);
            }
        }
        accounts.enableDemo(true);
        return ALL;
    }
}
