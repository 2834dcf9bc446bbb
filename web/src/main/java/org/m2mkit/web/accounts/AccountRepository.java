package org.m2mkit.web.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Accounts in the database. */
public final class AccountRepository {

    private final DataSource db;

    public AccountRepository(DataSource db) {
        this.db = db;
    }

    public Optional<Account> find(String username) {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT id, username, display_name, role, demo FROM account WHERE username = ?")) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Account(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getBoolean(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading account " + username, e);
        }
    }

    public Account create(String username, String displayName, Role role, String password, boolean demo) {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO account (username, display_name, role, "
                     + "password_hash, demo) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
            st.setString(1, username);
            st.setString(2, displayName);
            st.setString(3, role.name());
            st.setString(4, Passwords.hash(password));
            st.setBoolean(5, demo);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return new Account(keys.getLong(1), username, displayName, role, demo);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating account " + username, e);
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
}
