package org.roomctl.agent.pjlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PjlinkCommandTest {
    private static String wire(PjlinkCommand c, String digest) {
        return new String(c.encode(Optional.ofNullable(digest)), StandardCharsets.US_ASCII);
    }

    @Test
    void commandWithoutAuthentication() {
        assertThat(wire(PjlinkCommands.power(true), null)).isEqualTo("%1POWR 1\r");
    }

    @Test
    void commandWithAuthenticationIsPrefixedByTheDigest() {
        assertThat(wire(PjlinkCommands.powerQuery(), "5d8409bc1c3fa39749434aa3a5c38682"))
                .isEqualTo("5d8409bc1c3fa39749434aa3a5c38682%1POWR ?\r");
    }

    @Test
    void theCommandsOfTheDriver() {
        assertThat(wire(PjlinkCommands.power(false), null)).isEqualTo("%1POWR 0\r");
        assertThat(wire(PjlinkCommands.input("31"), null)).isEqualTo("%1INPT 31\r");
        assertThat(wire(PjlinkCommands.mute(true), null)).isEqualTo("%1AVMT 31\r");
        assertThat(wire(PjlinkCommands.mute(false), null)).isEqualTo("%1AVMT 30\r");
        assertThat(wire(PjlinkCommands.errorQuery(), null)).isEqualTo("%1ERST ?\r");
        assertThat(wire(PjlinkCommands.lampQuery(), null)).isEqualTo("%1LAMP ?\r");
        assertThat(wire(PjlinkCommands.classQuery(), null)).isEqualTo("%1CLSS ?\r");
    }

    @Test
    void commandNameMustBeFourCharacters() {
        assertThatThrownBy(() -> new PjlinkCommand("POW", "1")).hasMessageContaining("4 upper-case");
    }

    @Test
    void parameterMustNotCarryACarriageReturn() {
        assertThatThrownBy(() -> new PjlinkCommand("INPT", "3\r1")).hasMessageContaining("printable ASCII");
    }
}
