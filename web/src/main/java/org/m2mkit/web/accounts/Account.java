package org.m2mkit.web.accounts;

/** A person who can sign in. The password is kept only as a bcrypt hash. */
public record Account(long id, String username, String displayName, Role role, boolean demo) {}
