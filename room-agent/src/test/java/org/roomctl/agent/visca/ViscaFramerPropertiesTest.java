package org.roomctl.agent.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.agent.visca.Bytes.bytes;
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

/** Random bytes through the framer and decoder: nothing escapes, and a terminator brings them back in step. */
class ViscaFramerPropertiesTest {

    @Property
    void noBytesMakeTheFramerOrDecoderThrow(@ForAll @Size(max = 300) byte[] noise) {
        CollectingSink sink = new CollectingSink();
        new ViscaFramer().feed(noise, sink);

        for (byte[] packet : sink.packets) {
            assertThat(packet.length).isBetween(ViscaFramer.MIN_PACKET, ViscaFramer.MAX_PACKET);
            assertThat(packet[0] & 0x80).as("header bit").isNotZero();
            assertThat(packet[packet.length - 1]).isEqualTo((byte) 0xFF);
            assertThat(Arrays.copyOf(packet, packet.length - 1)).doesNotContain((byte) 0xFF);
            decodeOrRefuse(packet);
        }
    }

    @Property
    void afterGarbageAndATerminatorAValidReplyIsDecoded(
            @ForAll @Size(max = 100) byte[] garbage, @ForAll("replies") byte[] reply) throws Exception {
        CollectingSink sink = new CollectingSink();
        new ViscaFramer().feed(concat(garbage, bytes(0xFF), reply), sink);

        assertThat(sink.packets).isNotEmpty();
        assertThat(sink.packets.get(sink.packets.size() - 1)).isEqualTo(reply);
        assertThat(ViscaReplyDecoder.decode(reply).camera()).isBetween(1, 7);
    }

    @Property
    void howTheBytesAreSplitDoesNotMatter(
            @ForAll @Size(max = 200) byte[] stream, @ForAll @IntRange(min = 1, max = 20) int piece) {
        CollectingSink whole = new CollectingSink();
        new ViscaFramer().feed(stream, whole);

        CollectingSink pieces = new CollectingSink();
        ViscaFramer framer = new ViscaFramer();
        for (int from = 0; from < stream.length; from += piece) {
            framer.feed(Arrays.copyOfRange(stream, from, Math.min(stream.length, from + piece)), pieces);
        }

        assertThat(pieces.packetsAsHex()).isEqualTo(whole.packetsAsHex());
        assertThat(pieces.garbage).isEqualTo(whole.garbage);
    }

    /** Well-formed replies from cameras 1..7: ACKs, completions, errors and inquiry answers. */
    @Provide
    Arbitrary<byte[]> replies() {
        Arbitrary<Integer> header = Arbitraries.integers().between(1, 7).map(camera -> (camera + 8) << 4);
        Arbitrary<Integer> socket = Arbitraries.integers().between(1, 2);
        Arbitrary<byte[]> ack = Combinators.combine(header, socket).as((h, s) -> bytes(h, 0x40 | s, 0xFF));
        Arbitrary<byte[]> completion = Combinators.combine(header, socket).as((h, s) -> bytes(h, 0x50 | s, 0xFF));
        Arbitrary<byte[]> error = Combinators.combine(header, socket, Arbitraries.of(ViscaError.class))
                .as((h, s, e) -> bytes(h, 0x60 | s, e.code(), 0xFF));
        Arbitrary<byte[]> answer = Combinators.combine(
                        header,
                        Arbitraries.integers()
                                .between(0, 0x0F)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(13))
                .as((h, nibbles) -> {
                    byte[] packet = new byte[nibbles.size() + 3];
                    packet[0] = (byte) (int) h;
                    packet[1] = 0x50;
                    for (int i = 0; i < nibbles.size(); i++) {
                        packet[i + 2] = (byte) (int) nibbles.get(i);
                    }
                    packet[packet.length - 1] = (byte) 0xFF;
                    return packet;
                });
        return Arbitraries.oneOf(ack, completion, error, answer);
    }

    private static void decodeOrRefuse(byte[] packet) {
        try {
            ViscaReplyDecoder.decode(packet);
        } catch (ViscaFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
