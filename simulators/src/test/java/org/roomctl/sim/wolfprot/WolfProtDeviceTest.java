package org.roomctl.sim.wolfprot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.sim.Hex.bytes;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.roomctl.sim.Hex;

class WolfProtDeviceTest {
    private final WolfProtDevice device = new WolfProtDevice();

    private String send(String hex, long now) {
        return Hex.of(device.receive(bytes(hex), now));
    }

    private String send(String hex) {
        return send(hex, 0);
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }

    @Test
    void getPowerAnswersOffAtFirst() {
        // 00 = GET, 30 = power, 00 = no data -> 00 30, 01 data byte, 00 = off
        assertThat(send("00 30 00")).isEqualTo("00 30 01 00");
    }

    @Test
    void setPowerOnIsConfirmedAndGetThenAnswersOn() {
        // 01 = SET, 30 = power, 01 = one data byte, 01 = on -> 01 30 00 (no data)
        assertThat(send("01 30 01 01")).isEqualTo("01 30 00");
        assertThat(send("00 30 00")).isEqualTo("00 30 01 01");
        assertThat(device.state(0).power()).isEqualTo("on");
    }

    @Test
    void setPowerOffSwitchesOff() {
        send("01 30 01 01");
        assertThat(send("01 30 01 00")).isEqualTo("01 30 00");
        assertThat(send("00 30 00")).isEqualTo("00 30 01 00");
    }

    @Test
    void aBadPowerParameterIsError3() {
        // 81 = error reply to a SET, 30 = power, 03 = invalid parameter
        assertThat(send("01 30 01 80")).isEqualTo("81 30 03");
    }

    @Test
    void anUnknownSetCommandIsError2() {
        assertThat(send("01 11 01 01")).isEqualTo("81 11 02");
    }

    @Test
    void anUnknownGetCommandIsError2WithTheGetHeader() {
        assertThat(send("00 11 00")).isEqualTo("80 11 02");
    }

    @Test
    void aSetWithTheWrongLengthIsError4() {
        // two data bytes where power takes one
        assertThat(send("01 30 02 01 01")).isEqualTo("81 30 04");
    }

    @Test
    void aGetWithDataIsError4() {
        assertThat(send("00 30 01 01")).isEqualTo("80 30 04");
    }

    @Test
    void whileSwitchingOnPowerCommandsAreBusy() {
        device.faults(new DocCamFaults(1000));
        assertThat(send("01 30 01 01", 0)).isEqualTo("01 30 00");
        // 09 = busy
        assertThat(send("00 30 00", ms(500))).isEqualTo("80 30 09");
        assertThat(send("01 30 01 00", ms(500))).isEqualTo("81 30 09");
        assertThat(device.state(ms(500)).power()).isEqualTo("switching on");
        assertThat(send("00 30 00", ms(1000))).isEqualTo("00 30 01 01");
    }

    @Test
    void garbageBeforeAMessageIsSkipped() {
        assertThat(send("FF 7E 90 33 00 30 00")).isEqualTo("00 30 01 00");
    }

    @Test
    void aMessageFedOneByteAtATimeIsAnsweredOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes("01 30 01 01")) {
            out.writeBytes(device.receive(new byte[] {b}, 0));
        }
        assertThat(Hex.of(out.toByteArray())).isEqualTo("01 30 00");
    }

    @Test
    void twoMessagesInOneReadAreBothAnswered() {
        assertThat(send("01 30 01 01 00 30 00")).isEqualTo("01 30 00 00 30 01 01");
    }

    @Test
    void aHalfMessageFollowedByAPauseIsDropped() {
        assertThat(send("01 30", 0)).isEmpty();
        // after a pause longer than the inter-byte gap a new message starts
        assertThat(send("00 30 00", ms(300))).isEqualTo("00 30 01 00");
    }

    @Test
    void aLengthBeyondTheLimitIsGarbage() {
        // 01 30 FF would wait for 255 bytes; it is skipped instead
        assertThat(send("01 30 FF 00 30 00")).isEqualTo("00 30 01 00");
    }

    @Test
    void aPowerCycleComesBackSwitchedOff() {
        send("01 30 01 01");
        device.powerCycle(0);
        assertThat(send("00 30 00")).isEqualTo("00 30 01 00");
    }

    @Test
    void lastCommandIsRecorded() {
        send("00 30 00");
        assertThat(device.state(0).lastCommand()).isEqualTo("00 30 00");
    }
}
