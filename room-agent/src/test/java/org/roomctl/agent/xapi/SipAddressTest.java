package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipAddressTest {
    @Test
    void sipPrefixIsOptional() {
        assertThat(SipAddress.same("sip:room-a@example.org", "room-a@example.org"))
                .isTrue();
    }

    @Test
    void caseIsIgnored() {
        assertThat(SipAddress.same("SIP:Room-A@Example.ORG", "room-a@example.org"))
                .isTrue();
    }

    @Test
    void quotesAndBlanksAreIgnored() {
        assertThat(SipAddress.same(" \"room-a@example.org\" ", "room-a@example.org"))
                .isTrue();
    }

    @Test
    void differentPartiesDiffer() {
        assertThat(SipAddress.same("room-a@example.org", "room-b@example.org")).isFalse();
    }

    @Test
    void nothingMatchesNothing() {
        assertThat(SipAddress.same(null, "")).isFalse();
    }
}
