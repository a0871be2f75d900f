package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XapiDecoderTest {
    private final XapiDecoder decoder = new XapiDecoder();

    private List<XapiRecord> feed(String text) {
        return decoder.feed(text.getBytes(StandardCharsets.UTF_8));
    }

    private static XapiBlock block(XapiRecord r) {
        assertThat(r).isInstanceOf(XapiRecord.Block.class);
        return ((XapiRecord.Block) r).block();
    }

    @Test
    void linesUpToEndMakeOneBlock() {
        List<XapiRecord> out = feed(
                "*s Call 3 Status: Connected\r\n" // a status line
                        + "*s Call 3 Direction: Incoming\r\n" // another
                        + "** end\r\n"); // the block ends
        assertThat(out).hasSize(1);
        assertThat(block(out.get(0)).entries()).hasSize(2);
        assertThat(block(out.get(0)).resultId()).isEmpty();
    }

    @Test
    void nothingIsDeliveredBeforeEnd() {
        assertThat(feed("*s Call 3 Status: Connected\r\n")).isEmpty();
    }

    @Test
    void resultIdLineTagsTheBlock() {
        List<XapiRecord> out = feed("*s Call 3 Status: Connected\r\n" + "** resultId: \"7\"\r\n" + "** end\r\n");
        assertThat(block(out.get(0)).resultId()).contains("7");
    }

    @Test
    void endThenOk() {
        List<XapiRecord> out = feed("** end\r\nOK\r\n"); // xStatus order
        assertThat(out.get(0)).isInstanceOf(XapiRecord.Block.class);
        assertThat(out.get(1)).isEqualTo(new XapiRecord.Terminator(true));
    }

    @Test
    void okThenBlock() {
        List<XapiRecord> out = feed("OK\r\n*r DialResult (status=OK):\r\n*r DialResult CallId: 2\r\n** end\r\n");
        assertThat(out.get(0)).isEqualTo(new XapiRecord.Terminator(true)); // OK first (xCommand order)
        assertThat(block(out.get(1)).resultField("CallId")).contains("2");
    }

    @Test
    void indentedReasonFoldsIntoTheResultAbove() {
        List<XapiRecord> out = feed(
                "*r CallDisconnectResult (status=Error):\r\n" // header
                        + "    Reason: \"No active call\"\r\n" // indented continuation
                        + "** end\r\n");
        XapiBlock b = block(out.get(0));
        assertThat(b.failed()).isTrue();
        assertThat(b.resultField("Reason")).contains("No active call");
    }

    @Test
    void terminatorClosesABlockThatForgotItsEnd() {
        List<XapiRecord> out = feed("*s Call 3 Status: Idle\r\nOK\r\n");
        assertThat(block(out.get(0)).entries()).hasSize(1);
        assertThat(out.get(1)).isEqualTo(new XapiRecord.Terminator(true));
    }

    @Test
    void promptDropsAnUnfinishedBlock() {
        List<XapiRecord> out = feed("*s Call 3 Status: Connected\r\nlogin: ");
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(XapiRecord.Garbage.class);
        assertThat(out.get(1)).isEqualTo(new XapiRecord.LoginPrompt());
        assertThat(block(feed("** end\r\n").get(0)).entries()).isEmpty();
    }

    @Test
    void textBetweenBlockLinesPassesThroughWithoutBreakingTheBlock() {
        List<XapiRecord> out = feed("*s Call 3 Status: Connected\r\nhello\r\n** end\r\n");
        assertThat(out.get(0)).isEqualTo(new XapiRecord.Text("hello"));
        assertThat(block(out.get(1)).entries()).hasSize(1);
    }

    @Test
    void tooLongBlockIsDroppedUpToItsEnd() {
        XapiDecoder small = new XapiDecoder(new XapiLineFramer(), 2);
        List<XapiRecord> out = small.feed(
                ("*s A 1 B: 1\r\n*s A 1 B: 2\r\n*s A 1 B: 3\r\n** end\r\nOK\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(out).hasSize(2);
        assertThat(((XapiRecord.Garbage) out.get(0)).why()).contains("more than 2 lines");
        assertThat(out.get(1)).isEqualTo(new XapiRecord.Terminator(true));
        assertThat(block(small.feed("*s A 1 B: 4\r\n** end\r\n".getBytes(StandardCharsets.UTF_8))
                                .get(0))
                        .entries())
                .hasSize(1);
    }

    @Test
    void overlongLineBecomesGarbageAndDecodingGoesOn() {
        XapiDecoder small = new XapiDecoder(new XapiLineFramer(32), 10);
        List<XapiRecord> out = small.feed(("*s " + "x".repeat(100) + "\r\nOK\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(out.get(0)).isInstanceOf(XapiRecord.Garbage.class);
        assertThat(out.get(1)).isEqualTo(new XapiRecord.Terminator(true));
    }

    @Test
    void blankLinesVanish() {
        assertThat(feed("   \r\n\r\n")).isEmpty();
    }

    @Test
    void emptyBlockIsABlock() {
        assertThat(block(feed("** end\r\n").get(0))).isEqualTo(new XapiBlock(List.of(), Optional.empty()));
    }
}
