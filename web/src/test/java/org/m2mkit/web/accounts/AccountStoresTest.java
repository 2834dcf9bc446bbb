package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.testing.TestDatabase;

/** Accounts and signed-in sessions on a real database: H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AccountStoresTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    Database db;
    AccountRepository accounts;

    @BeforeEach
    void open() {
        db = database.open(dir);
        accounts = new AccountRepository(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void accountsAreFoundByNameAndIdListedAndSignInWithTheirPassword() {
        Account ada = accounts.create("ada", "Ada L.", Role.STUDENT, "pw-ada-123", false);
        Account teacher = accounts.create("teacher", "Teacher", Role.INSTRUCTOR, "pw-teacher-1", true);
        assertThat(accounts.find("ada")).contains(ada);
        assertThat(accounts.find(teacher.id())).contains(teacher);
        assertThat(accounts.find("nobody")).isEmpty();
        assertThat(accounts.list()).containsExactly(teacher, ada);
        assertThat(teacher.demo()).isTrue();

        assertThat(accounts.authenticate("ada", "pw-ada-123")).contains(ada);
        assertThat(accounts.authenticate("ada", "wrong")).isEmpty();
        assertThat(accounts.authenticate("nobody", "pw-ada-123")).isEmpty();
        accounts.changePassword(ada.id(), "new-pw-ada-1");
        assertThat(accounts.authenticate("ada", "pw-ada-123")).isEmpty();
        assertThat(accounts.authenticate("ada", "new-pw-ada-1")).contains(ada);

        Account hashed = accounts.createWithHash("bob", "Bob", Role.STUDENT, Passwords.hash("pw-bob-1234"), false);
        assertThat(accounts.authenticate("bob", "pw-bob-1234")).contains(hashed);
    }

    @Test
    void aRosterIsStoredWholeOrNotAtAll() {
        accounts.create("ada", "Ada", Role.STUDENT, "pw-ada-123", false);
        assertThatThrownBy(() -> accounts.createAll(List.of(
                new AccountRepository.NewAccount("bob", "Bob", Role.STUDENT, "pw-bob-1234"),
                new AccountRepository.NewAccount("ada", "Ada again", Role.STUDENT, "pw-ada-456")), false))
                .isInstanceOf(IllegalStateException.class);
        assertThat(accounts.find("bob")).isEmpty();
        List<Account> created = accounts.createAll(List.of(
                new AccountRepository.NewAccount("bob", "Bob", Role.STUDENT, "pw-bob-1234"),
                new AccountRepository.NewAccount("cy", "Cy", Role.STUDENT, "pw-cy-12345")), false);
        assertThat(created).extracting(Account::username).containsExactly("bob", "cy");
        assertThat(created.get(0).id()).isNotEqualTo(created.get(1).id());
        assertThat(accounts.find("cy")).contains(created.get(1));
    }

    @Test
    void sessionsOpenEndAndExpire() {
        Account ada = accounts.create("ada", "Ada", Role.STUDENT, "pw-ada-123", false);
        SessionStore sessions = new SessionStore(db.dataSource(), Duration.ofDays(14));
        String first = sessions.open(ada.id());
        String second = sessions.open(ada.id());
        assertThat(sessions.account(first)).contains(ada);
        assertThat(sessions.account("not-a-token")).isEmpty();
        assertThat(sessions.account(null)).isEmpty();

        sessions.closeOthers(ada.id(), second);
        assertThat(sessions.account(first)).isEmpty();
        assertThat(sessions.account(second)).contains(ada);
        sessions.close(second);
        assertThat(sessions.account(second)).isEmpty();

        SessionStore expired = new SessionStore(db.dataSource(), Duration.ofMinutes(-1));
        String old = expired.open(ada.id());
        String live = sessions.open(ada.id());
        assertThat(expired.account(old)).isEmpty();
        assertThat(sessions.purgeExpired()).isEqualTo(1);
        assertThat(sessions.account(live)).contains(ada);
    }
}
