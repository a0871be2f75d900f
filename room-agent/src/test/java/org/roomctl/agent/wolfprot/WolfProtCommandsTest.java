package org.roomctl.agent.wolfprot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roomctl.agent.visca.Bytes.bytes;

import org.junit.jupiter.api.Test;
import org.roomctl.agent.wolfprot.WolfProtFrame.Message;

class WolfProtCommandsTest {

    @Test
    void setPower() {
        assertThat(WolfProtCommands.setPower(true))
                .isEqualTo(bytes(
                        0x01, // SET
                        0x30, // power
                        0x01, // one data byte
                        0x01)); // on
        assertThat(WolfProtCommands.setPower(false)).isEqualTo(bytes(0x01, 0x30, 0x01, /* off */ 0x00));
    }

    @Test
    void getPower() {
        assertThat(WolfProtCommands.getPower())
                .isEqualTo(bytes(
                        0x00, // GET
                        0x30, // power
                        0x00)); // no data
    }

    @Test
    void anyCommand() {
        assertThat(WolfProtCommands.set(0x11, 0x01)).isEqualTo(bytes(0x01, 0x11, 0x01, 0x01));
        assertThat(WolfProtCommands.get(0x11)).isEqualTo(bytes(0x00, 0x11, 0x00));
    }

    @Test
    void readsThePowerReply() throws Exception {
        assertThat(WolfProtCommands.power(new Message(WolfProtAccess.GET, 0x30, bytes(0x01))))
                .isTrue();
        assertThat(WolfProtCommands.power(new Message(WolfProtAccess.GET, 0x30, bytes(0x00))))
                .isFalse();
    }

    @Test
    void refusesAMalformedPowerReply() {
        assertThatThrownBy(() -> WolfProtCommands.power(new Message(WolfProtAccess.GET, 0x30, bytes(0x02))))
                .isInstanceOf(WolfProtFormatException.class)
                .hasMessage("power reply must carry one byte, 00 (off) or 01 (on), got 02");
        assertThatThrownBy(() -> WolfProtCommands.power(new Message(WolfProtAccess.GET, 0x30, new byte[0])))
                .hasMessageEndingWith("got none");
        assertThatThrownBy(() -> WolfProtCommands.power(new Message(WolfProtAccess.SET, 0x30, new byte[0])))
                .hasMessageStartingWith("not a power reply");
    }
}
