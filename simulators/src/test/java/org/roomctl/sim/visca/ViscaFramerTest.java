package org.roomctl.sim.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.sim.Hex.bytes;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roomctl.sim.Hex;

class ViscaFramerTest {
    private final ViscaFramer framer = new ViscaFramer();

    private List<String> packets(List<ViscaFramer.Frame> frames) {
        return frames.stream()
                .map(f -> (f.tooLong() ? "too long: " : "") + Hex.of(f.bytes()))
                .toList();
    }

    @Test
    void aPacketEndsAtFF() {
        // 81 = controller to camera 1, 09 04 00 = power inquiry, FF = terminator
        assertThat(packets(framer.feed(bytes("81 09 04 00 FF")))).containsExactly("81 09 04 00 FF");
    }

    @Test
    void twoPacketsInOneRead() {
        assertThat(packets(framer.feed(bytes("81 09 04 00 FF 81 01 04 00 02 FF"))))
                .containsExactly("81 09 04 00 FF", "81 01 04 00 02 FF");
    }

    @Test
    void aPacketFedOneByteAtATimeCompletesOnItsLastByte() {
        List<String> seen = new ArrayList<>();
        for (byte b : bytes("81 01 04 07 02 FF")) {
            seen.addAll(packets(framer.feed(new byte[] {b})));
        }
        assertThat(seen).containsExactly("81 01 04 07 02 FF");
    }

    @Test
    void aPacketSplitAcrossReadsIsJoined() {
        assertThat(framer.feed(bytes("81 01 06"))).isEmpty();
        assertThat(packets(framer.feed(bytes("04 FF 81")))).containsExactly("81 01 06 04 FF");
        assertThat(packets(framer.feed(bytes("09 04 00 FF")))).containsExactly("81 09 04 00 FF");
    }

    @Test
    void sixteenBytesIsTheLongestPacket() {
        // header + 14 data bytes + FF
        String sixteen = "81 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E FF";
        assertThat(packets(framer.feed(bytes(sixteen)))).containsExactly(sixteen);
    }

    @Test
    void aLongerPacketIsReportedTooLongAndTheNextOneStillArrives() {
        // 17 bytes: header + 15 data bytes + FF
        String seventeen = "81 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F FF";
        assertThat(packets(framer.feed(bytes(seventeen + " 81 09 04 00 FF"))))
                .containsExactly("too long: 81 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F", "81 09 04 00 FF");
    }

    @Test
    void garbageUpToAnFFIsAPacketOfItsOwnAndDoesNotSpoilTheNext() {
        assertThat(packets(framer.feed(bytes("00 12 34 FF 81 09 04 00 FF"))))
                .containsExactly("00 12 34 FF", "81 09 04 00 FF");
    }
}
