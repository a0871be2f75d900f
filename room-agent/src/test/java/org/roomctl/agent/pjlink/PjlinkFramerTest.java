package org.roomctl.agent.pjlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PjlinkFramerTest {
    private final List<String> lines = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private final PjlinkFramer.Sink sink = new PjlinkFramer.Sink() {
        @Override
        public void line(String text) {
            lines.add(text);
        }

        @Override
        public void dropped(String why) {
            dropped.add(why);
        }
    };

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void crEndsAReply() {
        new PjlinkFramer().feed(ascii("%1POWR=1\r"), sink); // reply, CR
        assertThat(lines).containsExactly("%1POWR=1");
    }

    @Test
    void lfAndCrlfAreAcceptedToo() {
        new PjlinkFramer().feed(ascii("%1POWR=1\n%1INPT=31\r\n"), sink);
        assertThat(lines).containsExactly("%1POWR=1", "%1INPT=31");
    }

    @Test
    void replySplitAtEveryByte() {
        PjlinkFramer framer = new PjlinkFramer();
        for (byte b : ascii("PJLINK 1 498e4a67\r%1POWR=OK\r")) {
            framer.feed(new byte[] {b}, sink);
        }
        assertThat(lines).containsExactly("PJLINK 1 498e4a67", "%1POWR=OK");
    }

    @Test
    void repliesMergedInOneRead() {
        new PjlinkFramer().feed(ascii("%1POWR=OK\r%1POWR=3\r%1ERST=000000\r"), sink);
        assertThat(lines).containsExactly("%1POWR=OK", "%1POWR=3", "%1ERST=000000");
    }

    @Test
    void partialReplyWaitsForItsCr() {
        PjlinkFramer framer = new PjlinkFramer();
        framer.feed(ascii("%1PO"), sink);
        assertThat(lines).isEmpty();
        framer.feed(ascii("WR=1\r"), sink);
        assertThat(lines).containsExactly("%1POWR=1");
    }

    @Test
    void overlongLineIsDroppedAndTheNextReplyDecodes() {
        PjlinkFramer framer = new PjlinkFramer(16);
        framer.feed(ascii("x".repeat(40) + "\r%1POWR=0\r"), sink);
        assertThat(lines).containsExactly("%1POWR=0");
        assertThat(dropped).singleElement().asString().contains("40 bytes").contains("16-byte maximum");
    }
}
