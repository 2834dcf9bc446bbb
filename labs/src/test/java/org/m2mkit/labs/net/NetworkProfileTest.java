package org.m2mkit.labs.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.m2mkit.labs.UserError;

class NetworkProfileTest {

    @Test
    void findsProfilesByKeyAndCommonNames() {
        assertThat(NetworkProfile.byName("lte-m")).isSameAs(NetworkProfile.LTE_M);
        assertThat(NetworkProfile.byName("NB_IoT")).isSameAs(NetworkProfile.NB_IOT);
        assertThat(NetworkProfile.byName("lte")).isSameAs(NetworkProfile.LTE_4G);
        assertThat(NetworkProfile.byName("gprs")).isSameAs(NetworkProfile.GPRS_2G);
        assertThat(NetworkProfile.byName("5g")).isSameAs(NetworkProfile.NR_5G);
    }

    @Test
    void anUnknownProfileIsAOneLineUserErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> NetworkProfile.byName("6g")).isInstanceOf(UserError.class)
                .hasMessage("unknown network profile '6g'; use one of local, ethernet, wifi, 2g, 3g, 4g, lte-m, nb-iot, 5g");
    }

    @Test
    void slowerTechnologiesNeedLongerTimeouts() {
        assertThat(NetworkProfile.NB_IOT.roundTripAllowanceMs()).isGreaterThan(NetworkProfile.GPRS_2G.roundTripAllowanceMs());
        assertThat(NetworkProfile.GPRS_2G.roundTripAllowanceMs()).isGreaterThan(NetworkProfile.LTE_M.roundTripAllowanceMs());
        assertThat(NetworkProfile.LOCAL.isLocal()).isTrue();
        assertThat(NetworkProfile.ETHERNET.isLocal()).isFalse();
    }
}
