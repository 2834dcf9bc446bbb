package org.m2mkit.web.db;

/**
 * Who the kit signs in to its database as. Either part may be empty: the H2 file database then uses the kit's
 * own user, PostgreSQL whatever the URL or the driver's defaults say. The password never appears in text.
 */
public record DbLogin(String user, String password) {

    /** No user or password given. */
    public static final DbLogin NONE = new DbLogin("", "");

    public DbLogin {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "DbLogin[user=" + user + ", password=" + (password.isEmpty() ? "(none)" : "(hidden)") + "]";
    }
}
