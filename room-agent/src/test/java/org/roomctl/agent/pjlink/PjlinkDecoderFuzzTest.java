package org.roomctl.agent.pjlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PjlinkDecoderFuzzTest {
    private static final byte[] VALID = "\r%1POWR=1\r".getBytes(StandardCharsets.US_ASCII);

    @Property(tries = 500)
    void randomBytesNeverThrow(@ForAll @Size(max = 3000) byte[] noise, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        feedInChunks(new PjlinkDecoder(new PjlinkFramer(64)), noise, chunk);
    }

    @Property(tries = 500)
    void validReplyIsDecodedAfterGarbage(
            @ForAll("noise") byte[] noise, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        PjlinkDecoder decoder = new PjlinkDecoder(new PjlinkFramer(64));
        feedInChunks(decoder, noise, chunk);
        List<PjlinkReply> out = feedInChunks(decoder, VALID, chunk);
        assertThat(out).isNotEmpty();
        assertThat(out.get(out.size() - 1)).isEqualTo(new PjlinkReply.Response('1', "POWR", "1"));
    }

    /** Random bytes, biased towards the characters that matter to PJLink. */
    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<Byte> interesting = Arbitraries.of("%", "1", "=", "P", "J", "E", "R", " ", "\r", "\n")
                .map(s -> (byte) s.charAt(0));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.bytes()), Tuple.of(1, interesting))
                .list()
                .ofMaxSize(2000)
                .map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = list.get(i);
                    }
                    return b;
                });
    }

    private static List<PjlinkReply> feedInChunks(PjlinkDecoder decoder, byte[] bytes, int chunk) {
        List<PjlinkReply> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            out.addAll(decoder.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
        }
        return out;
    }
}
