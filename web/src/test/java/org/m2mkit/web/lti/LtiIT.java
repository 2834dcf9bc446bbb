package org.m2mkit.web.lti;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;

/** {@link LtiContract} on the kit's default H2 database. */
class LtiIT extends LtiContract {

    @RegisterExtension
    static final RunningKit KIT = new RunningKit();

    LtiIT() {
        super(KIT);
    }
}
