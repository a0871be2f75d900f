package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XapiLineFramerTest {
    private final List<String> lines = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private final XapiLineFramer.Sink sink = new XapiLineFramer.Sink() {
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
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void crEndsALine() {
        new XapiLineFramer().feed(ascii("OK\r"), sink); // "OK", CR
        assertThat(lines).containsExactly("OK");
    }

    @Test
    void lfEndsALine() {
        new XapiLineFramer().feed(ascii("OK\n"), sink); // "OK", LF
        assertThat(lines).containsExactly("OK");
    }

    @Test
    void crlfEndsOneLineNotTwo() {
        new XapiLineFramer().feed(ascii("** end\r\nOK\r\n"), sink); // two lines, each CRLF
        assertThat(lines).containsExactly("** end", "OK");
    }

    @Test
    void emptyLinesAreSkipped() {
        new XapiLineFramer().feed(ascii("\r\n\r\nOK\r\n\n"), sink); // blank lines around "OK"
        assertThat(lines).containsExactly("OK");
    }

    @Test
    void aLineWithoutItsEndingIsHeldBack() {
        XapiLineFramer framer = new XapiLineFramer();
        framer.feed(ascii("*s Call 3 Status: Conn"), sink); // half a status line
        assertThat(lines).isEmpty();
        framer.feed(ascii("ected\r\n"), sink); // the rest and CRLF
        assertThat(lines).containsExactly("*s Call 3 Status: Connected");
    }

    @Test
    void oneByteAtATimeGivesTheSameLines() {
        XapiLineFramer framer = new XapiLineFramer();
        for (byte b : ascii("*s Call 3 Status: Ringing\r\n** end\r\nOK\r\n")) {
            framer.feed(new byte[] {b}, sink);
        }
        assertThat(lines).containsExactly("*s Call 3 Status: Ringing", "** end", "OK");
    }

    @Test
    void severalLinesInOneRead() {
        new XapiLineFramer().feed(ascii("OK\r\n*r DialResult (status=OK):\r\n** end\r\n"), sink);
        assertThat(lines).containsExactly("OK", "*r DialResult (status=OK):", "** end");
    }

    @Test
    void loginPromptArrivesWithoutLineEnding() {
        new XapiLineFramer().feed(ascii("login: "), sink); // prompt, a space, no line ending
        assertThat(lines).containsExactly("login:");
    }

    @Test
    void hostNamedLoginPromptIsAPromptToo() {
        new XapiLineFramer().feed(ascii("codec-a login: "), sink); // "<host> login: "
        assertThat(lines).containsExactly("codec-a login:");
    }

    @Test
    void passwordPromptArrivesWithoutLineEnding() {
        new XapiLineFramer().feed(ascii("Password: "), sink);
        assertThat(lines).containsExactly("Password:");
    }

    @Test
    void promptSplitInTheMiddleIsFoundWhenComplete() {
        XapiLineFramer framer = new XapiLineFramer();
        framer.feed(ascii("Pass"), sink); // not a prompt yet
        assertThat(lines).isEmpty();
        framer.feed(ascii("word:"), sink); // now it is
        assertThat(lines).containsExactly("Password:");
    }

    @Test
    void textThatMerelyEndsInLoginColonIsNotAPrompt() {
        new XapiLineFramer().feed(ascii("*s Call 3 DisplayName: \"login:"), sink); // inside a value
        assertThat(lines).isEmpty();
    }

    @Test
    void overlongLineIsDroppedAndTheNextLineStillDecodes() {
        XapiLineFramer framer = new XapiLineFramer(16);
        framer.feed(ascii("*s " + "x".repeat(40) + "\r\n"), sink); // 43 bytes > 16
        framer.feed(ascii("OK\r\n"), sink);
        assertThat(lines).containsExactly("OK");
        assertThat(dropped).singleElement().asString().contains("43 bytes").contains("16-byte maximum");
    }

    @Test
    void lineOfExactlyTheMaximumIsKept() {
        new XapiLineFramer(16).feed(ascii("x".repeat(16) + "\n"), sink);
        assertThat(lines).containsExactly("x".repeat(16));
    }

    @Test
    void multiByteCharacterSplitAcrossReadsIsDecoded() {
        XapiLineFramer framer = new XapiLineFramer();
        byte[] name = ascii("*s Call 1 DisplayName: \"Zoë\"\n");
        int split = 27; // between the two bytes of ë (bytes 26, 27)
        framer.feed(java.util.Arrays.copyOfRange(name, 0, split), sink);
        framer.feed(java.util.Arrays.copyOfRange(name, split, name.length), sink);
        assertThat(lines).containsExactly("*s Call 1 DisplayName: \"Zoë\"");
    }

    @Test
    void resetForgetsAPartialLine() {
        XapiLineFramer framer = new XapiLineFramer();
        framer.feed(ascii("*s Call 3 Sta"), sink);
        framer.reset();
        framer.feed(ascii("OK\r\n"), sink);
        assertThat(lines).containsExactly("OK");
    }
}
