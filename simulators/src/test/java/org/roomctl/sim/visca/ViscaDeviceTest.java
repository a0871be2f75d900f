package org.roomctl.sim.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.sim.Hex.bytes;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.roomctl.sim.Hex;

class ViscaDeviceTest {
    private final ViscaDevice device = new ViscaDevice(1);

    @Test
    void aCommandFedOneByteAtATimeIsAnsweredOnce() {
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        for (byte b : bytes("81 01 04 00 02 FF")) {
            replies.writeBytes(device.receive(new byte[] {b}, 0));
        }
        assertThat(Hex.of(replies.toByteArray())).isEqualTo("90 41 FF 90 51 FF");
    }

    @Test
    void twoPacketsInOneReadAreBothAnswered() {
        // power inquiry, then version inquiry
        assertThat(Hex.of(device.receive(bytes("81 09 04 00 FF 81 09 00 02 FF"), 0)))
                .isEqualTo("90 50 02 FF 90 50 00 01 05 19 01 00 02 FF");
    }

    @Test
    void aTooLongPacketGetsALengthErrorAndTheNextPacketIsAnswered() {
        // 17 bytes for camera 1, then a power inquiry
        assertThat(Hex.of(
                        device.receive(bytes("81 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F FF 81 09 04 00 FF"), 0)))
                .isEqualTo("90 60 01 FF 90 50 02 FF");
    }

    @Test
    void garbageIsSkippedAndTheFollowingPacketAnswered() {
        assertThat(Hex.of(device.receive(bytes("00 13 7F 11 FF 81 09 04 00 FF"), 0)))
                .isEqualTo("90 50 02 FF");
    }

    @Test
    void aCompletionDueBeforeNewInputGoesOutFirst() {
        device.receive(bytes("81 01 04 47 01 00 00 00 FF"), 0); // zoom direct: completes later
        long due = device.nextDeadline().orElseThrow();
        assertThat(Hex.of(device.receive(bytes("81 09 04 00 FF"), due + 1))).isEqualTo("90 51 FF 90 50 02 FF");
    }
}
