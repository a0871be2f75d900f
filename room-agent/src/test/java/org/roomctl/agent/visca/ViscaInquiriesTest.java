package org.roomctl.agent.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roomctl.agent.visca.Bytes.bytes;

import org.junit.jupiter.api.Test;

class ViscaInquiriesTest {

    @Test
    void power() throws Exception {
        assertThat(ViscaInquiries.power(bytes(0x02))).isEqualTo(ViscaPower.ON);
        assertThat(ViscaInquiries.power(bytes(0x03))).isEqualTo(ViscaPower.STANDBY);
    }

    @Test
    void anUnknownPowerState() {
        assertThatThrownBy(() -> ViscaInquiries.power(bytes(0x04)))
                .isInstanceOf(ViscaFormatException.class)
                .hasMessage("power answer 04 is neither 02 (on) nor 03 (standby)");
    }

    @Test
    void zoomPosition() throws Exception {
        assertThat(ViscaInquiries.zoomPosition(bytes(0x04, 0x00, 0x00, 0x00))) // 4000 hex: full tele
                .isEqualTo(16384);
    }

    @Test
    void panTiltPositionsAreSigned() throws Exception {
        assertThat(ViscaInquiries.panTiltPosition(bytes(
                        0x0F, 0x0F, 0x0F, 0x0F, // pan FFFF = -1
                        0x00, 0x01, 0x02, 0x03))) // tilt 0123
                .isEqualTo(new ViscaInquiries.PanTilt(-1, 0x123));
    }

    @Test
    void version() throws Exception {
        assertThat(ViscaInquiries.version(bytes(
                        0x00, 0x01, // vendor: Sony
                        0x05, 0x19, // model
                        0x01, 0x20, // ROM version
                        0x02))) // two sockets
                .isEqualTo(new ViscaInquiries.Version(0x0001, 0x0519, 0x0120, 2));
    }

    @Test
    void aByteThatIsNoNibble() {
        assertThatThrownBy(() -> ViscaInquiries.zoomPosition(bytes(0x00, 0x1A, 0x00, 0x00)))
                .hasMessage("byte 1 (1A) of 00 1A 00 00 is not a nibble 00..0F");
    }

    @Test
    void theWrongNumberOfBytes() {
        assertThatThrownBy(() -> ViscaInquiries.zoomPosition(bytes(0x00, 0x01, 0x02)))
                .hasMessage("zoom position answer (0p 0q 0r 0s) must carry 4 bytes, got 3: 00 01 02");
        assertThatThrownBy(() -> ViscaInquiries.panTiltPosition(new byte[4]))
                .hasMessageContaining("must carry 8 bytes, got 4");
    }
}
