package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class XapiCommandsTest {
    private static String wire(XapiCommand c, String id) {
        return new String(c.encode(Optional.ofNullable(id)), StandardCharsets.UTF_8);
    }

    @Test
    void dialQuotesTheNumberAndTagsTheRequest() {
        assertThat(wire(XapiCommands.dial("sip:room-b@example.org"), "4"))
                .isEqualTo("xCommand Dial Number: \"sip:room-b@example.org\" | resultId=\"4\"\n");
    }

    @Test
    void acceptNamesTheCallWhenKnown() {
        assertThat(wire(XapiCommands.accept(OptionalInt.of(3)), "1"))
                .isEqualTo("xCommand Call Accept CallId: 3 | resultId=\"1\"\n");
        assertThat(wire(XapiCommands.accept(OptionalInt.empty()), null)).isEqualTo("xCommand Call Accept\n");
    }

    @Test
    void disconnectWithoutCallIdHangsUpAll() {
        assertThat(wire(XapiCommands.disconnect(OptionalInt.empty()), "2"))
                .isEqualTo("xCommand Call Disconnect | resultId=\"2\"\n");
        assertThat(wire(XapiCommands.disconnect(OptionalInt.of(2)), "2"))
                .isEqualTo("xCommand Call Disconnect CallId: 2 | resultId=\"2\"\n");
    }

    @Test
    void statusAndFeedback() {
        assertThat(wire(XapiCommands.callStatus(), "9")).isEqualTo("xStatus Call | resultId=\"9\"\n");
        assertThat(wire(XapiCommands.registerFeedback("/Status/Call"), "1"))
                .isEqualTo("xFeedback Register /Status/Call | resultId=\"1\"\n");
    }

    @Test
    void echoCommandsAreNeverTagged() {
        assertThat(wire(XapiCommands.echoOff(), "1")).isEqualTo("echo off\n");
        assertThat(wire(XapiCommands.preferencesEchoOff(), "1")).isEqualTo("xPreferences Echo Off\n");
    }

    @Test
    void numberWithAQuoteIsRefused() {
        assertThatThrownBy(() -> XapiCommands.dial("a\"b")).hasMessageContaining("'\"'");
    }

    @Test
    void numberWithALineBreakIsRefused() {
        assertThatThrownBy(() -> XapiCommands.dial("a\r\nxCommand Boot")).hasMessageContaining("control character");
    }

    @Test
    void emptyNumberIsRefused() {
        assertThatThrownBy(() -> XapiCommands.dial("  ")).hasMessageContaining("empty");
    }

    @Test
    void loginLineEndsWithLf() {
        assertThat(new String(XapiCommands.loginLine("admin"), StandardCharsets.UTF_8))
                .isEqualTo("admin\n");
    }
}
