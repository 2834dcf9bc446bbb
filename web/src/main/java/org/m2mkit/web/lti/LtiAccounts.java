package org.m2mkit.web.lti;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.m2mkit.web.accounts.Account;
import org.m2mkit.web.accounts.AccountRepository;
import org.m2mkit.web.accounts.AccountRules;
import org.m2mkit.web.accounts.Role;
import org.m2mkit.web.db.Sql;

/**
 * The kit accounts of a platform's users, linked by the platform's issuer and the user's {@code sub}: made on the
 * first launch (or roster pull) with the name and role the platform gives, a user name derived from the email or
 * name, and a made-up password (people who come from the platform sign in through it). The role follows what the
 * platform says at each launch and roster pull.
 */
final class LtiAccounts {

    /** A platform user as a launch or a roster names them. */
    record PlatformUser(String issuer, String subject, String name, String email, Role role) {}

    private final Sql sql;
    private final AccountRepository accounts;

    LtiAccounts(DataSource db, AccountRepository accounts) {
        this.sql = new Sql(db);
        this.accounts = accounts;
    }

    Optional<Account> linked(String issuer, String subject) {
        Long id = sql.one("SELECT account_id FROM lti_account WHERE issuer = ? AND subject = ?", rs -> rs.getLong(1),
                issuer, subject);
        return id == null ? Optional.empty() : accounts.find(id);
    }

    /** The linked account, or a new one made and linked in the same transaction. */
    Account linkOrCreate(Connection c, PlatformUser user) throws SQLException {
        Long id = Sql.one(c, "SELECT account_id FROM lti_account WHERE issuer = ? AND subject = ?",
                rs -> rs.getLong(1), user.issuer(), user.subject());
        if (id != null) {
            // the platform's word on the role holds: a teaching assistant added to the course later teaches here too
            Sql.update(c, "UPDATE account SET role = ? WHERE id = ? AND role <> ?", user.role().name(), id,
                    user.role().name());
            return Sql.one(c, "SELECT id, username, display_name, role, demo FROM account WHERE id = ?",
                    rs -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Role.valueOf(rs.getString(4)), rs.getBoolean(5)), id);
        }
        String username = freeUsername(c, user);
        String name = displayName(user);
        long created = Sql.insert(c, "INSERT INTO account (username, display_name, role, password_hash, demo) "
                + "VALUES (?, ?, ?, ?, FALSE)", username, name, user.role().name(),
                org.m2mkit.web.accounts.Passwords.hash(AccountRules.newPassword()));
        Sql.update(c, "INSERT INTO lti_account (issuer, subject, account_id, email) VALUES (?, ?, ?, ?)",
                user.issuer(), user.subject(), created, user.email());
        return new Account(created, username, name, user.role(), false);
    }

    Account account(long id) {
        return accounts.find(id).orElseThrow(() -> new LaunchRefused("Account removed", "The account of this launch "
                + "was removed meanwhile. Start the activity again from your course."));
    }

    /** Whether the account may not sign in (an instructor disabled it). */
    static boolean disabled(Connection c, long accountId) throws SQLException {
        Boolean d = Sql.one(c, "SELECT disabled FROM account WHERE id = ?", rs -> rs.getBoolean(1), accountId);
        return d != null && d;
    }

    static String displayName(PlatformUser user) {
        String name = user.name() != null ? user.name().strip() : user.email() != null ? user.email() : "";
        if (name.isEmpty()) {
            name = "Course member " + user.subject();
        }
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    /** A user name the account rules accept and nobody has: from the email's local part, else the name. */
    private static String freeUsername(Connection c, PlatformUser user) throws SQLException {
        String base = slug(user.email() != null && user.email().contains("@")
                ? user.email().substring(0, user.email().indexOf('@')) : user.name());
        if (base.length() < 2 || AccountRules.usernameProblem(base).isPresent()) {
            base = "lms-" + slug(user.subject());
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        if (base.length() < 2 || AccountRules.usernameProblem(base).isPresent()) {
            base = "lms-user";
        }
        String candidate = base;
        for (int n = 2; taken(c, candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(Connection c, String username) throws SQLException {
        return Sql.one(c, "SELECT id FROM account WHERE username = ?", rs -> rs.getLong(1), username) != null;
    }

    private static String slug(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", ".").replaceAll("^[._-]+|[._-]+$", "");
        return s;
    }
}
