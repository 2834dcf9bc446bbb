package org.m2mkit.web.accounts;

import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every route names one; a route that names none is for signed-in people only, so a
 * forgotten marking never opens a page to the world.
 */
public enum Access implements RouteRole {
    /** Anyone, signed in or not: the sign-in page, health. */
    ANYONE,
    /** Lesson pages: anyone when the public-lessons setting is on, else signed-in people. */
    LESSONS,
    /**
     * Anyone, and a form post needs no CSRF token: the request carries its own proof, a learning platform's signed
     * LTI message (the platform's page posts it, so it cannot know the kit's token).
     */
    SIGNED_MESSAGE,
    /** Any signed-in person. */
    SIGNED_IN,
    /** Signed-in students only. */
    STUDENT,
    /** Signed-in instructors only. */
    INSTRUCTOR;

    /** Whether {@code account} (null when nobody is signed in) may use a route marked with this. */
    public boolean admits(Account account, boolean publicLessons) {
        return switch (this) {
            case ANYONE, SIGNED_MESSAGE -> true;
            case LESSONS -> publicLessons || account != null;
            case SIGNED_IN -> account != null;
            case STUDENT -> account != null && account.role() == Role.STUDENT;
            case INSTRUCTOR -> account != null && account.role() == Role.INSTRUCTOR;
        };
    }
}
