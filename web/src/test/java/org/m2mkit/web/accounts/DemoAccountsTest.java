package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoAccountsTest {

    @Test
    void theKeptHashesAreBcryptHashesOfThePrintedPasswords() {
        for (DemoAccounts.Credentials c : DemoAccounts.ALL) {
            assertThat(c.passwordHash()).as(c.username()).startsWith("$2a$10$");
            assertThat(Passwords.matches(c.password(), c.passwordHash())).as(c.username()).isTrue();
            assertThat(Passwords.matches(c.password() + "x", c.passwordHash())).as(c.username()).isFalse();
        }
    }
}
