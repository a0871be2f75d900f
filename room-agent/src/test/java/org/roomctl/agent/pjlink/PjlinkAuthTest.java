package org.roomctl.agent.pjlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PjlinkAuthTest {
    @Test
    void digestOfTheSpecificationExample() {
        // printf %s '498e4a67JBMIAProjectorLink' | md5sum  ->  5d8409bc1c3fa39749434aa3a5c38682
        assertThat(PjlinkAuth.digest("498e4a67", "JBMIAProjectorLink")).isEqualTo("5d8409bc1c3fa39749434aa3a5c38682");
    }

    @Test
    void digestOfAnotherPair() {
        // printf %s '1a2b3c4dsecret' | md5sum  ->  145067bcf68d75da15b70e669c329078
        assertThat(PjlinkAuth.digest("1a2b3c4d", "secret")).isEqualTo("145067bcf68d75da15b70e669c329078");
    }

    @Test
    void digestIsLowerCaseHex() {
        assertThat(PjlinkAuth.digest("00000000", "x")).matches("[0-9a-f]{32}");
    }
}
