package org.m2mkit.web.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.m2mkit.web.db.Sql;

/** Accounts in the database. Passwords are kept as bcrypt hashes only. */
public final class AccountRepository {

    private static final String COLUMNS = "id, username, display_name, role, demo";

    /** A new account before it is stored. */
    public record NewAccount(String username, String displayName, Role role, String password) {}

    private final Sql sql;

    public AccountRepository(DataSource db) {
        this.sql = new Sql(db);
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getBoolean(5));
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(sql.one("SELECT " + COLUMNS + " FROM account WHERE username = ?",
                AccountRepository::account, username));
    }

    public Optional<Account> find(long id) {
        return Optional.ofNullable(sql.one("SELECT " + COLUMNS + " FROM account WHERE id = ?",
                AccountRepository::account, id));
    }

    /** Every account, instructors first, then by user name. */
    public List<Account> list() {
        return sql.list("SELECT " + COLUMNS + " FROM account"
                + " ORDER BY CASE role WHEN 'INSTRUCTOR' THEN 0 ELSE 1 END, username", AccountRepository::account);
    }

    public Account create(String username, String displayName, Role role, String password, boolean demo) {
        return createAll(List.of(new NewAccount(username, displayName, role, password)), demo).get(0);
    }

    /** Creates an account whose password is already hashed with bcrypt. */
    Account createWithHash(String username, String displayName, Role role, String passwordHash, boolean demo) {
        return insert(List.of(new NewAccount(username, displayName, role, null)), demo, a -> passwordHash).get(0);
    }

    /** Creates all the accounts in one transaction: all of them or, on any failure, none. */
    public List<Account> createAll(List<NewAccount> accounts, boolean demo) {
        return insert(accounts, demo, a -> Passwords.hash(a.password()));
    }

    private List<Account> insert(List<NewAccount> accounts, boolean demo, Function<NewAccount, String> hash) {
        return sql.tx(c -> {
            List<Account> created = new ArrayList<>();
            for (NewAccount a : accounts) {
                long id = Sql.insert(c, "INSERT INTO account (username, display_name, role, password_hash, demo) "
                        + "VALUES (?, ?, ?, ?, ?)", a.username(), a.displayName(), a.role().name(), hash.apply(a), demo);
                created.add(new Account(id, a.username(), a.displayName(), a.role(), demo));
            }
            return created;
        });
    }

    /** The account when the password is right, else empty. */
    public Optional<Account> authenticate(String username, String password) {
        String hash = sql.one("SELECT password_hash FROM account WHERE username = ? AND NOT disabled", rs -> rs.getString(1), username);
        return hash != null && Passwords.matches(password, hash) ? find(username) : Optional.empty();
    }

    /**
     * Lets the demo accounts sign in again ({@code on}), or stops them and ends their sessions; returns how many
     * demo accounts there are.
     */
    int enableDemo(boolean on) {
        return sql.tx(c -> {
            int n = Sql.update(c, "UPDATE account SET disabled = ? WHERE demo", !on);
            if (!on) {
                Sql.update(c, "DELETE FROM web_session WHERE account_id IN (SELECT id FROM account WHERE demo)");
            }
            return n;
        });
    }

    /** Sets the password the person chose; a one-time password they had is gone with it. */
    public void changePassword(long accountId, String newPassword) {
        setPassword(accountId, newPassword, false);
    }

    /**
     * Gives {@code accountId} a made-up one-time password, to hand over once: it signs in, and then the person
     * must choose a new one before anything else.
     *
     * @return the one-time password
     */
    public String resetPassword(long accountId) {
        String oneTime = AccountRules.newPassword();
        setPassword(accountId, oneTime, true);
        return oneTime;
    }

    private void setPassword(long accountId, String password, boolean oneTime) {
        if (sql.update("UPDATE account SET password_hash = ?, must_change_password = ? WHERE id = ?",
                Passwords.hash(password), oneTime, accountId) != 1) {
            throw new IllegalArgumentException("there is no account " + accountId);
        }
    }

    /** Whether the person signed in with a one-time password and has not chosen their own yet. */
    public boolean mustChangePassword(long accountId) {
        Boolean must = sql.one("SELECT must_change_password FROM account WHERE id = ?", rs -> rs.getBoolean(1),
                accountId);
        return must != null && must;
    }
}
