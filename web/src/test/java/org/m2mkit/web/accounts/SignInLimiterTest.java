package org.m2mkit.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.m2mkit.web.db.Database;
import org.m2mkit.web.testing.TestDatabase;

/** The wrong-password limit of kits that share one database: what one kit counted, another refuses. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SignInLimiterTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = database.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void wrongPasswordsGivenToOneKitCountOnTheOther() {
        SignInLimiter kitA = SignInLimiter.sharedIn(db.dataSource());
        SignInLimiter kitB = SignInLimiter.sharedIn(db.dataSource());
        for (int i = 0; i < 5; i++) {
            assertThat(kitB.check("Ada", "10.0.0.7")).as("guess " + (i + 1)).isEmpty();
            kitA.failed("ada", "10.0.0.7");
        }
        assertThat(kitB.check("ada", "10.0.0.7")).as("the sixth, on the other kit").isPresent();
        assertThat(kitB.check("ada", "10.0.0.7").getAsLong()).isBetween(1L, 12L);
        assertThat(kitA.check("ada", "10.0.0.8")).as("the same name from elsewhere").isEmpty();
        assertThat(kitB.check("alan", "10.0.0.7")).as("another name from the same address").isEmpty();
    }

    @Test
    void theAddressLimitCountsEveryNameGivenToAnyKit() {
        SignInLimiter kitA = SignInLimiter.sharedIn(db.dataSource());
        SignInLimiter kitB = SignInLimiter.sharedIn(db.dataSource());
        SignInLimiter alone = new SignInLimiter();
        for (int i = 0; i < 30; i++) {
            (i % 2 == 0 ? kitA : kitB).failed("name" + i, "10.0.0.9");
            alone.failed("name" + i, "10.0.0.10");
        }
        assertThat(kitA.check("someone", "10.0.0.9")).isPresent();
        assertThat(kitB.check("someone", "10.0.0.9")).isPresent();
        assertThat(alone.check("someone", "10.0.0.10")).as("one kit's own memory, as before").isPresent();
    }
}
