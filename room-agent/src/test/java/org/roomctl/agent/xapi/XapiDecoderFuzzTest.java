package org.roomctl.agent.xapi;

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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class XapiDecoderFuzzTest {
    private static final byte[] VALID = ("\r\n*s Call 3 Status: Connected\r\n** resultId: \"42\"\r\n** end\r\nOK\r\n")
            .getBytes(StandardCharsets.UTF_8);

    @Property(tries = 500)
    void randomBytesNeverThrow(@ForAll @Size(max = 3000) byte[] noise, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        XapiDecoder decoder = new XapiDecoder(new XapiLineFramer(256), 50);
        feedInChunks(decoder, noise, chunk);
    }

    @Property(tries = 500)
    void validReplyIsDecodedAfterGarbage(
            @ForAll("noise") byte[] noise, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        XapiDecoder decoder = new XapiDecoder(new XapiLineFramer(256), 50);
        feedInChunks(decoder, noise, chunk);
        List<XapiRecord> out = feedInChunks(decoder, VALID, chunk);
        List<XapiBlock> blocks = out.stream()
                .filter(r -> r instanceof XapiRecord.Block)
                .map(r -> ((XapiRecord.Block) r).block())
                .toList();
        assertThat(blocks).isNotEmpty();
        XapiBlock last = blocks.get(blocks.size() - 1);
        assertThat(last.resultId()).contains("42");
        assertThat(last.entries()).anySatisfy(e -> assertThat(e.path()).containsExactly("Call", "3"));
        assertThat(out.get(out.size() - 1)).isEqualTo(new XapiRecord.Terminator(true));
    }

    /** Random bytes, biased towards the characters that matter to the framer and parser. */
    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<Byte> interesting = Arbitraries.of(
                        "*", "s", "r", "e", " ", ":", "\"", "(", ")", "=", "\r", "\n", "login:", "OK")
                .map(s -> (byte) s.charAt(0));
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, any), net.jqwik.api.Tuple.of(1, interesting))
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

    private static List<XapiRecord> feedInChunks(XapiDecoder decoder, byte[] bytes, int chunk) {
        List<XapiRecord> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            out.addAll(decoder.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
        }
        return out;
    }
}
