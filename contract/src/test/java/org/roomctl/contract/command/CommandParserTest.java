package org.roomctl.contract.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roomctl.contract.ErrorCode;

class CommandParserTest {
    private static Command parse(String payload) throws BadCommandException {
        return CommandParser.parse(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static BadCommandException failure(String payload) {
        try {
            parse(payload);
        } catch (BadCommandException e) {
            return e;
        }
        throw new AssertionError("expected a failure for " + payload);
    }

    @Test
    void jsonCommandWithIdAndArguments() throws Exception {
        Command c = parse("{\"action\":\"camera.recall\",\"preset\":2,\"id\":\"abc\"}");
        assertThat(c.action()).isEqualTo("camera.recall");
        assertThat(c.arguments()).containsExactly(Map.entry("preset", 2));
        assertThat(c.id()).isEqualTo("abc");
    }

    @Test
    void jsonNumericIdBecomesText() throws Exception {
        assertThat(parse("{\"action\":\"room.refresh\",\"id\":17}").id()).isEqualTo("17");
    }

    @Test
    void jsonOnOffAcceptsBooleansAndWords() throws Exception {
        assertThat(parse("{\"action\":\"doccam.power\",\"on\":true}").on()).isTrue();
        assertThat(parse("{\"action\":\"doccam.power\",\"on\":\"off\"}").on()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "doccam on                          | doccam.power  | {on=true}",
                "doccam power off                   | doccam.power  | {on=false}",
                "camera recall 2                    | camera.recall | {preset=2}",
                "camera save 15                     | camera.save   | {preset=15}",
                "call dial sip:x@example.org        | call.dial     | {uri=sip:x@example.org}",
                "dial sip:x@example.org;transport=tls | call.dial   | {uri=sip:x@example.org;transport=tls}",
                "call hangup                        | call.hangup   | {}",
                "hangup                             | call.hangup   | {}",
                "call answer                        | call.answer   | {}",
                "call answer sip:a@b 20             | call.answer   | {uri=sip:a@b, window=20}",
                "camera move up-left 12             | camera.move   | {direction=up-left, speed=12}",
                "camera move right                  | camera.move   | {direction=right}",
                "camera stop                        | camera.stop   | {}",
                "camera zoom in                     | camera.zoom   | {direction=in}",
                "camera zoom out 3                  | camera.zoom   | {direction=out, speed=3}",
                "camera zoom to 8000                | camera.zoom   | {position=8000}",
                "camera home                        | camera.home   | {}",
                "camera power on                    | camera.power  | {on=true}",
                "display on                         | display.power | {on=true}",
                "display input hdmi1                | display.input | {input=hdmi1}",
                "display mute on                    | display.mute  | {on=true}",
                "refresh                            | room.refresh  | {}",
                "room shutdown                      | room.shutdown | {}",
                "CAMERA Recall 3                    | camera.recall | {preset=3}",
            })
    void textForms(String text, String action, String args) throws Exception {
        Command c = parse(text);
        assertThat(c.action()).isEqualTo(action);
        assertThat(c.arguments().toString()).isEqualTo(args);
    }

    @Test
    void textNamedArgumentsAndEnvelope() throws Exception {
        Command c = parse("camera move left speed=5 id=\"tap 42\" device=camera-rear by=panel:room-a");
        assertThat(c.arguments()).containsEntry("direction", "left").containsEntry("speed", 5);
        assertThat(c.id()).isEqualTo("tap 42");
        assertThat(c.device()).isEqualTo("camera-rear");
        assertThat(c.by()).isEqualTo("panel:room-a");
    }

    @Test
    void textQuotedArgument() throws Exception {
        assertThat(parse("call dial \"sip:room b@example.org\"").text("uri")).isEqualTo("sip:room b@example.org");
        assertThat(parse("call dial \"say \\\"hi\\\"\"").text("uri")).isEqualTo("say \"hi\"");
    }

    @Test
    void everyActionHasATextFormThatRoundTrips() throws Exception {
        Map<String, Map<String, Object>> samples = Map.ofEntries(
                Map.entry("call.dial", Map.of("uri", "sip:b@example.org")),
                Map.entry("call.answer", Map.of("uri", "sip:a@example.org", "window", 10)),
                Map.entry("camera.power", Map.of("on", false)),
                Map.entry("camera.recall", Map.of("preset", 4)),
                Map.entry("camera.save", Map.of("preset", 5)),
                Map.entry("camera.move", Map.of("direction", "down-right", "speed", 3)),
                Map.entry("camera.zoom", Map.of("position", 100)),
                Map.entry("doccam.power", Map.of("on", true)),
                Map.entry("display.power", Map.of("on", true)),
                Map.entry("display.input", Map.of("input", "hdmi2")),
                Map.entry("display.mute", Map.of("on", true)));
        for (Action a : Actions.ALL) {
            Command c = Command.of(a.name(), samples.getOrDefault(a.name(), Map.of()))
                    .withId("id-1", null);
            Command back = parse(c.toText());
            assertThat(back).as(c.toText()).isEqualTo(c);
            Command fromJson = CommandParser.parse(org.roomctl.contract.Json.bytes(c.toJson()));
            assertThat(fromJson).isEqualTo(c);
        }
    }

    @Test
    void unknownJsonActionIsUnknownActionWithTheId() {
        BadCommandException e = failure("{\"action\":\"camera.dance\",\"id\":\"x1\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ACTION);
        assertThat(e.id()).isEqualTo("x1");
        assertThat(e.getMessage()).isEqualTo("unknown action 'camera.dance'");
    }

    @Test
    void unknownTextCommandIsUnknownAction() {
        BadCommandException e = failure("make coffee");
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ACTION);
        assertThat(e.getMessage()).contains("unknown command 'make coffee'");
    }

    @Test
    void badArgumentsAreNamedWithUsage() {
        BadCommandException e = failure("camera recall 99 id=r");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.id()).isEqualTo("r");
        assertThat(e.getMessage()).contains("preset must be 0..15, not 99").contains("usage: camera recall <preset>");
        assertThat(failure("camera recall two").getMessage()).contains("preset must be a whole number, not 'two'");
        assertThat(failure("camera move sideways").getMessage()).contains("direction must be one of up, down");
        assertThat(failure("doccam maybe").getMessage()).contains("on must be on or off, not 'maybe'");
        assertThat(failure("camera recall").getMessage()).contains("preset is missing");
    }

    @Test
    void jsonArgumentProblems() {
        assertThat(failure("{\"action\":\"camera.recall\",\"preset\":2.5}").getMessage())
                .contains("whole number");
        assertThat(failure("{\"action\":\"camera.recall\",\"preset\":[2]}").getMessage())
                .contains("preset must be a single value, not a list");
        assertThat(failure("{\"action\":\"camera.recall\",\"presett\":2}").getMessage())
                .contains("camera.recall takes no argument 'presett' (it takes preset)");
        assertThat(failure("{\"action\":\"call.hangup\",\"uri\":\"x\"}").getMessage())
                .contains("(it takes none)");
        assertThat(failure("{\"action\":\"camera.zoom\"}").getMessage()).contains("exactly one of direction, position");
        assertThat(failure("{\"action\":\"camera.zoom\",\"direction\":\"in\",\"position\":3}")
                        .getMessage())
                .contains("exactly one of");
        assertThat(failure("{\"action\":\"room.refresh\",\"device\":\"Bad/Id\"}")
                        .getMessage())
                .contains("not a device id");
    }

    @Test
    void malformedPayloadsAreBadRequests() {
        assertThat(failure("{\"action\":").getMessage()).startsWith("not valid JSON");
        assertThat(failure("[1,2]").code()).isEqualTo(ErrorCode.UNKNOWN_ACTION);
        assertThat(failure("{}").getMessage()).contains("action is missing");
        assertThat(failure("{\"action\":7}").getMessage()).contains("action is missing");
        assertThat(failure("").getMessage()).contains("empty command");
        assertThat(failure("   ").code()).isEqualTo(ErrorCode.UNKNOWN_ACTION);
        assertThat(failure("camera recall 1\ncamera recall 2").getMessage()).contains("one line");
        assertThat(failure("call dial \"unclosed").getMessage()).contains("unclosed quote");
        assertThatThrownBy(() -> CommandParser.parse(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> CommandParser.parse(new byte[CommandParser.MAX_PAYLOAD + 1]))
                .hasMessageContaining("larger than");
        assertThat(failure("{\"action\":\"room.refresh\",\"id\":\"" + "x".repeat(200) + "\"}")
                        .getMessage())
                .contains("id must be text of 1..128 characters");
    }
}
