package org.roomctl.agent.wolfprot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.agent.visca.Bytes.bytes;
import static org.roomctl.agent.visca.Bytes.concat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WolfProtFramerTest {
    static final byte[] POWER_IS_ON = bytes(
            0x00, // GET reply
            0x30, // power
            0x01, // one data byte
            0x01); // on
    static final byte[] POWER_SET = bytes(
            0x01, // SET reply
            0x30, // power
            0x00); // no data: done
    static final byte[] INVALID_PARAMETER = bytes(
            0x81, // error reply to a SET
            0x30, // power
            0x03); // error 3: invalid parameter

    final WolfProtFramer framer = new WolfProtFramer();
    final CollectingSink sink = new CollectingSink();

    @Test
    void oneFrameInOneRead() {
        framer.feed(POWER_IS_ON, sink);

        assertThat(sink.frames).containsExactly(POWER_IS_ON);
        assertThat(sink.garbage).isEmpty();
        assertThat(framer.partial()).isFalse();
    }

    @Test
    void anErrorReplyHasNoLengthByte() {
        framer.feed(INVALID_PARAMETER, sink);

        assertThat(sink.frames).containsExactly(INVALID_PARAMETER);
    }

    @Test
    void oneFrameOneByteAtATime() {
        for (byte b : POWER_IS_ON) {
            framer.feed(new byte[] {b}, sink);
        }

        assertThat(sink.frames).containsExactly(POWER_IS_ON);
    }

    @Test
    void severalFramesInOneRead() {
        framer.feed(concat(POWER_SET, POWER_IS_ON, INVALID_PARAMETER), sink);

        assertThat(sink.frames).containsExactly(POWER_SET, POWER_IS_ON, INVALID_PARAMETER);
    }

    @Test
    void framesSplitAtEveryPointComeOutWhole() {
        byte[] stream = concat(POWER_SET, INVALID_PARAMETER, POWER_IS_ON);
        for (int split = 1; split < stream.length; split++) {
            WolfProtFramer f = new WolfProtFramer();
            CollectingSink s = new CollectingSink();
            f.feed(Arrays.copyOfRange(stream, 0, split), s);
            f.feed(Arrays.copyOfRange(stream, split, stream.length), s);

            assertThat(s.frames).as("split at %d", split).containsExactly(POWER_SET, INVALID_PARAMETER, POWER_IS_ON);
        }
    }

    @Test
    void aTwoByteCommand() {
        byte[] frame = bytes(
                0x08, // GET reply, two-byte command
                0x12, 0x34, // command 1234
                0x01, // one data byte
                0x05);
        framer.feed(frame, sink);

        assertThat(sink.frames).containsExactly(frame);
    }

    @Test
    void aTwoByteLength() {
        byte[] frame = bytes(
                0x04, // GET reply, two-byte length
                0x30, // command
                0x00, 0x02, // two data bytes
                0xAA, 0xBB);
        framer.feed(frame, sink);

        assertThat(sink.frames).containsExactly(frame);
    }

    @Test
    void anErrorReplyWithATwoByteCommand() {
        byte[] frame = bytes(
                0x89, // error reply to a SET, two-byte command
                0x12, 0x34, // command 1234
                0x09); // busy
        framer.feed(frame, sink);

        assertThat(sink.frames).containsExactly(frame);
    }

    @Test
    void bytesThatCannotBeAHeaderAreSkipped() {
        framer.feed(bytes(0x42, 0x10, 0x20, 0x02, 0xFF), sink); // bits 02, 10, 20, 40 are never set
        framer.feed(POWER_IS_ON, sink);

        assertThat(sink.frames).containsExactly(POWER_IS_ON);
        assertThat(sink.garbage)
                .singleElement()
                .asString()
                .contains("skipped 5 bytes 42 10 20 02 FF", "42 cannot start a frame");
    }

    @Test
    void theLongestFrameIsKept() {
        byte[] data = new byte[255];
        byte[] frame = concat(
                bytes(
                        0x08, // GET reply, two-byte command
                        0x12, 0x34, // command
                        0xFF), // 255 data bytes
                data);
        assertThat(frame).hasSize(WolfProtFramer.MAX_FRAME);

        framer.feed(frame, sink);

        assertThat(sink.frames).containsExactly(frame);
    }

    @Test
    void aHeaderDeclaringMoreThanTheMaximumIsSkippedAndWhatFollowsScannedAgain() {
        framer.feed(
                bytes(
                        0x05, // SET reply, two-byte length
                        0x30, // command
                        0xFF, 0xFF),
                sink); // 65535 data bytes: impossible
        framer.feed(POWER_SET, sink);

        assertThat(sink.frames).containsExactly(POWER_SET);
        assertThat(sink.garbage)
                .singleElement()
                .asString()
                .contains("skipped 4 bytes 05 30 FF FF", "declaring 65539 bytes, more than the 259-byte maximum");
    }

    @Test
    void resetForgetsAPartialFrame() {
        framer.feed(bytes(0x00, 0x30, 0x05, 0x01), sink); // four of five data bytes missing
        assertThat(framer.partial()).isTrue();

        assertThat(framer.reset()).isEqualTo(4);
        framer.feed(POWER_IS_ON, sink);

        assertThat(sink.frames).containsExactly(POWER_IS_ON);
    }
}
