package org.roomctl.agent.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.agent.visca.Bytes.bytes;
import static org.roomctl.agent.visca.Bytes.concat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViscaFramerTest {
    static final byte[] ACK = bytes(
            0x90, // from camera 1 to the controller
            0x41, // ACK, socket 1
            0xFF); // terminator
    static final byte[] ZOOM_ANSWER = bytes(
            0x90, // from camera 1
            0x50, // inquiry answer
            0x01, 0x02, 0x03, 0x04, // zoom position as four nibbles
            0xFF); // terminator

    final ViscaFramer framer = new ViscaFramer();
    final CollectingSink sink = new CollectingSink();

    @BeforeEach
    void noGarbageYet() {
        assertThat(sink.garbage).isEmpty();
    }

    @Test
    void onePacketInOneRead() {
        framer.feed(ACK, sink);

        assertThat(sink.packets).containsExactly(ACK);
        assertThat(sink.garbage).isEmpty();
    }

    @Test
    void onePacketOneByteAtATime() {
        for (byte b : ZOOM_ANSWER) {
            framer.feed(new byte[] {b}, sink);
        }

        assertThat(sink.packets).containsExactly(ZOOM_ANSWER);
    }

    @Test
    void severalPacketsInOneRead() {
        framer.feed(concat(ACK, ZOOM_ANSWER, ACK), sink);

        assertThat(sink.packets).containsExactly(ACK, ZOOM_ANSWER, ACK);
    }

    @Test
    void packetsSplitAtEveryPointComeOutWhole() {
        byte[] stream = concat(ACK, ZOOM_ANSWER);
        for (int split = 1; split < stream.length; split++) {
            ViscaFramer f = new ViscaFramer();
            CollectingSink s = new CollectingSink();
            f.feed(java.util.Arrays.copyOfRange(stream, 0, split), s);
            f.feed(java.util.Arrays.copyOfRange(stream, split, stream.length), s);

            assertThat(s.packets).as("split at %d", split).containsExactly(ACK, ZOOM_ANSWER);
        }
    }

    @Test
    void aSixteenBytePacketIsKept() {
        byte[] longest = bytes(
                0x90, 0x50, // inquiry answer from camera 1
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, // 13 data bytes
                0xFF); // terminator: 16 bytes in all

        framer.feed(longest, sink);

        assertThat(sink.packets).containsExactly(longest);
    }

    @Test
    void aSeventeenBytePacketIsDroppedAndTheNextOneDecoded() {
        byte[] tooLong = bytes(
                0x90, 0x50, // inquiry answer from camera 1
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, // 14 data bytes
                0xFF); // terminator: 17 bytes in all

        framer.feed(concat(tooLong, ACK), sink);

        assertThat(sink.packets).containsExactly(ACK);
        assertThat(sink.garbage).singleElement().asString().contains("dropped 17 bytes", "longer than 16 bytes");
    }

    @Test
    void aLongRunWithoutTerminatorIsDroppedUpToTheNextTerminator() {
        byte[] run = new byte[100];
        java.util.Arrays.fill(run, (byte) 0x90);
        framer.feed(run, sink);
        framer.feed(bytes(0x12, 0xFF), sink); // the end of the run
        framer.feed(ACK, sink);

        assertThat(sink.packets).containsExactly(ACK);
        assertThat(sink.garbage).singleElement().asString().contains("dropped 102 bytes", "...");
    }

    @Test
    void bytesBeforeAHeaderAreSkipped() {
        framer.feed(bytes(0x00, 0x7F, 0x12), sink); // no high bit: not a header
        framer.feed(ACK, sink);

        assertThat(sink.packets).containsExactly(ACK);
        assertThat(sink.garbage).singleElement().asString().contains("dropped 3 bytes 00 7F 12", "no header byte");
    }

    @Test
    void aPacketShorterThanThreeBytesIsGarbage() {
        framer.feed(bytes(0x90, 0xFF), sink); // header and terminator only
        framer.feed(ACK, sink);

        assertThat(sink.packets).containsExactly(ACK);
        assertThat(sink.garbage).singleElement().asString().contains("90 FF", "shorter than 3 bytes");
    }

    @Test
    void aLoneTerminatorIsGarbage() {
        framer.feed(bytes(0xFF), sink);
        framer.feed(ACK, sink);

        assertThat(sink.packets).containsExactly(ACK);
        assertThat(sink.garbage).singleElement().asString().contains("terminator with no packet");
    }

    @Test
    void resetForgetsAPartialPacket() {
        framer.feed(bytes(0x90, 0x50, 0x01), sink); // a packet cut off

        assertThat(framer.reset()).isEqualTo(3);
        framer.feed(ACK, sink);
        assertThat(sink.packets).containsExactly(ACK);
    }
}
