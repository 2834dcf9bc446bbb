package org.m2mkit.web.lti;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.TestDatabase;

/** {@link LtiContract} on PostgreSQL (skipped, with the reason, where PostgreSQL is not installed). */
class LtiOnPostgresIT extends LtiContract {

    @RegisterExtension
    static final RunningKit KIT = RunningKit.with(c -> c.withDatabase(
            TestDatabase.POSTGRESQL.newUrl(Path.of("unused")), TestDatabase.POSTGRESQL.login()));

    LtiOnPostgresIT() {
        super(KIT);
    }
}
