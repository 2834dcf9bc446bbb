package org.m2mkit.web.accounts;

/** What a signed-in person may do. */
public enum Role { STUDENT, INSTRUCTOR }
