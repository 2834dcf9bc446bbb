package org.m2mkit.web.testing;

/**
 * Signs a test's browser in and waits until the browser has left the sign-in page: its address
 * ({@code /sign-in?next=/account}) already ends with the path asked for, so waiting on the path alone can return
 * before the form is sent.
 */
public final class SignIn {

    private SignIn() {
    }

    public static void as(RunningKit running, String username, String password, String path) {
        running.signIn(username, password, path);
        running.waiting(30).until(d -> !d.getCurrentUrl().contains("/sign-in") && d.getCurrentUrl().endsWith(path));
    }
}
