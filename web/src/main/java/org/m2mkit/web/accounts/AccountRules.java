package org.m2mkit.web.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What makes a user name, a display name and a password acceptable; each rule answers in words. */
public final class AccountRules {

    public static final int MIN_PASSWORD = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private AccountRules() {}

    /** The problem with a user name, or empty when it is fine. */
    public static Optional<String> usernameProblem(String username) {
        if (username == null || username.isBlank()) {
            return Optional.of("the user name is empty; use 2 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("the user name '" + username + "' is not accepted; use 2 to 64 lower-case letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        return Optional.empty();
    }

    public static Optional<String> displayNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("the name is empty; give the person's name as students should see it");
        }
        if (name.length() > 128) {
            return Optional.of("the name is " + name.length() + " characters long; at most 128 are accepted");
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of("the password is too short; use at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 72) {
            return Optional.of("the password is longer than 72 characters, the most bcrypt can check");
        }
        return Optional.empty();
    }

    /** The role named in a roster or form: student or instructor, any case; empty means student. */
    public static Optional<Role> role(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(Role.STUDENT);
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "student" -> Optional.of(Role.STUDENT);
            case "instructor", "teacher" -> Optional.of(Role.INSTRUCTOR);
            default -> Optional.empty();
        };
    }

    /** A readable random password for a new account, for instance {@code kite-7421-ramp}. */
    public static String newPassword() {
        String[] words = {"amber", "basil", "cedar", "delta", "ember", "fjord", "grove", "haze", "iris", "jade",
            "kite", "lumen", "maple", "nova", "opal", "pixel", "quartz", "ramp", "sonar", "tidal", "umber", "vivid",
            "willow", "xenon", "yarrow", "zephyr"};
        java.security.SecureRandom r = new java.security.SecureRandom();
        return words[r.nextInt(words.length)] + "-" + (1000 + r.nextInt(9000)) + "-" + words[r.nextInt(words.length)];
    }
}
