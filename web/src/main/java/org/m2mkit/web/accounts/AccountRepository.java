package org.m2mkit.web.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Accounts in the database. Passwords are kept as bcrypt hashes only. */
public final class AccountRepository {

    private static final String COLUMNS = "id, username, display_name, role, demo";

    /** A new account before it is stored. */
    public record NewAccount(String username, String displayName, Role role, String password) {}

    private final DataSource db;

    public AccountRepository(DataSource db) {
        this.db = db;
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getBoolean(5));
    }

    public Optional<Account> find(String username) {
        return one("SELECT " + COLUMNS + " FROM account WHERE username = ?", username);
    }

    public Optional<Account> find(long id) {
        return one("SELECT " + COLUMNS + " FROM account WHERE id = ?", id);
    }

    private Optional<Account> one(String sql, Object key) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading account " + key, e);
        }
    }

    /** Every account, instructors first, then by user name. */
    public List<Account> list() {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM account ORDER BY role DESC, username");
             ResultSet rs = st.executeQuery()) {
            List<Account> all = new ArrayList<>();
            while (rs.next()) {
                all.add(account(rs));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("listing accounts", e);
        }
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

    private List<Account> insert(List<NewAccount> accounts, boolean demo,
                                 java.util.function.Function<NewAccount, String> hash) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO account (username, display_name, role, "
                    + "password_hash, demo) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
                List<Account> created = new ArrayList<>();
                for (NewAccount a : accounts) {
                    st.setString(1, a.username());
                    st.setString(2, a.displayName());
                    st.setString(3, a.role().name());
                    st.setString(4, hash.apply(a));
                    st.setBoolean(5, demo);
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        created.add(new Account(keys.getLong(1), a.username(), a.displayName(), a.role(), demo));
                    }
                }
                c.commit();
                return created;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating accounts", e);
        }
    }

    /** The account when the password is right, else empty. */
    public Optional<Account> authenticate(String username, String password) {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT password_hash FROM account WHERE username = ?")) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && Passwords.matches(password, rs.getString(1))) {
                    return find(username);
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("checking the password of " + username, e);
        }
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
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "UPDATE account SET password_hash = ?, must_change_password = ? WHERE id = ?")) {
            st.setString(1, Passwords.hash(password));
            st.setBoolean(2, oneTime);
            st.setLong(3, accountId);
            if (st.executeUpdate() != 1) {
                throw new IllegalArgumentException("there is no account " + accountId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("changing a password", e);
        }
    }

    /** Whether the person signed in with a one-time password and has not chosen their own yet. */
    public boolean mustChangePassword(long accountId) {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT must_change_password FROM account WHERE id = ?")) {
            st.setLong(1, accountId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading account " + accountId, e);
        }
    }
}
