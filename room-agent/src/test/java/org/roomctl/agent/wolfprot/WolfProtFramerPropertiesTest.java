package org.roomctl.agent.wolfprot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.agent.visca.Bytes.concat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random bytes through the framer and decoder. WolfProt has no terminator, so a garbage byte that
 * looks like a header may swallow what follows until the framer is reset (the device does that when
 * an answer does not come); garbage that cannot start a frame is skipped at once.
 */
class WolfProtFramerPropertiesTest {

    @Property
    void noBytesMakeTheFramerThrowAndEveryFrameItCutsDecodes(@ForAll @Size(max = 600) byte[] noise) throws Exception {
        CollectingSink sink = new CollectingSink();
        new WolfProtFramer().feed(noise, sink);

        for (byte[] frame : sink.frames) {
            assertThat(frame.length).isBetween(3, WolfProtFramer.MAX_FRAME);
            WolfProtDecoder.decode(frame); // the framer and the decoder agree on every frame
        }
    }

    @Property
    void garbageThatCannotStartAFrameIsSkipped(@ForAll("nonHeaders") byte[] garbage, @ForAll("replies") byte[] reply)
            throws Exception {
        CollectingSink sink = new CollectingSink();
        new WolfProtFramer().feed(concat(garbage, reply), sink);

        assertThat(sink.framesAsHex()).containsExactly(org.roomctl.agent.visca.Bytes.hex(reply));
        assertThat(WolfProtDecoder.decode(reply)).isNotNull();
    }

    @Property
    void afterAnyGarbageAndAResetAValidReplyIsDecoded(
            @ForAll @Size(max = 300) byte[] garbage, @ForAll("replies") byte[] reply) {
        WolfProtFramer framer = new WolfProtFramer();
        CollectingSink sink = new CollectingSink();
        framer.feed(garbage, sink);
        framer.reset();
        sink.frames.clear();
        framer.feed(reply, sink);

        assertThat(sink.frames).containsExactly(reply);
    }

    @Property
    void howTheBytesAreSplitDoesNotMatter(
            @ForAll @Size(max = 300) byte[] stream, @ForAll @IntRange(min = 1, max = 20) int piece) {
        CollectingSink whole = new CollectingSink();
        new WolfProtFramer().feed(stream, whole);

        CollectingSink pieces = new CollectingSink();
        WolfProtFramer framer = new WolfProtFramer();
        for (int from = 0; from < stream.length; from += piece) {
            framer.feed(Arrays.copyOfRange(stream, from, Math.min(stream.length, from + piece)), pieces);
        }

        assertThat(pieces.framesAsHex()).isEqualTo(whole.framesAsHex());
    }

    /** Bytes with a bit set that no WolfProt header sets. */
    @Provide
    Arbitrary<byte[]> nonHeaders() {
        return Arbitraries.integers()
                .between(0, 255)
                .filter(b -> !WolfProtHeader.valid(b))
                .list()
                .ofMaxSize(50)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) (int) list.get(i);
                    }
                    return bytes;
                });
    }

    /** Well-formed replies: GET replies with data, SET replies, error replies. */
    @Provide
    Arbitrary<byte[]> replies() {
        Arbitrary<Integer> command = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<byte[]> message = Combinators.combine(
                        Arbitraries.of(WolfProtAccess.class),
                        command,
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(255))
                .as((access, c, data) -> WolfProtDecoder.encode(new WolfProtFrame.Message(access, c, data)));
        Arbitrary<byte[]> error = Combinators.combine(
                        Arbitraries.of(0x80, 0x81),
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(1, 11))
                .as((header, c, number) -> new byte[] {(byte) (int) header, (byte) (int) c, (byte) (int) number});
        return Arbitraries.oneOf(message, error);
    }
}
