package org.roomctl.agent.wolfprot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.roomctl.agent.visca.Bytes;
import org.roomctl.agent.wolfprot.WolfProtFrame.ErrorReply;
import org.roomctl.agent.wolfprot.WolfProtFrame.Message;

/** Replays the recorded exchanges under {@code wire/wolfprot/} through the codec (format: its README). */
class WolfProtWireReplayTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    record Line(int number, boolean sent, byte[] bytes, String meaning) {}

    static Stream<Path> recordings() throws IOException, URISyntaxException {
        Path dir = Path.of(
                WolfProtWireReplayTest.class.getResource("/wire/wolfprot").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void replay(Path recording) throws Exception {
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (Line line : parse(recording)) {
            String where = recording.getFileName() + ":" + line.number();
            if (line.sent()) {
                assertThat(Bytes.hex(build(line.meaning()))).as(where).isEqualTo(Bytes.hex(line.bytes()));
                continue;
            }
            CollectingSink sink = new CollectingSink();
            WolfProtFramer framer = new WolfProtFramer();
            for (byte b : line.bytes()) {
                framer.feed(new byte[] {b}, sink);
            }
            assertThat(sink.frames).as(where).containsExactly(line.bytes());
            assertThat(meaning(WolfProtDecoder.decode(line.bytes()))).as(where).isEqualTo(line.meaning());
            replies.writeBytes(line.bytes());
            expected.add(Bytes.hex(line.bytes()));
        }
        // All the replies in one read come out as the same frames.
        CollectingSink all = new CollectingSink();
        new WolfProtFramer().feed(replies.toByteArray(), all);
        assertThat(all.framesAsHex()).isEqualTo(expected);
    }

    static List<Line> parse(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String raw : Files.readAllLines(file)) {
            number++;
            String text = (raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw).strip();
            if (text.isEmpty()) {
                continue;
            }
            int equals = text.indexOf('=');
            assertThat(equals)
                    .as(file.getFileName() + ":" + number + " needs '= meaning'")
                    .isPositive();
            char direction = text.charAt(0);
            assertThat(direction).as(file.getFileName() + ":" + number).isIn('>', '<');
            byte[] bytes = HexFormat.of().parseHex(text.substring(1, equals).replaceAll("\\s+", ""));
            lines.add(new Line(
                    number, direction == '>', bytes, text.substring(equals + 1).strip()));
        }
        return lines;
    }

    static byte[] build(String meaning) {
        String[] w = meaning.split("\\s+");
        if (meaning.equals("set power on") || meaning.equals("set power off")) {
            return WolfProtCommands.setPower(w[2].equals("on"));
        }
        if (meaning.equals("get power")) {
            return WolfProtCommands.getPower();
        }
        int command = Integer.parseInt(w[1], 16);
        if (w[0].equals("get")) {
            return WolfProtCommands.get(command);
        }
        int[] data = new int[w.length - 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = Integer.parseInt(w[i + 2], 16);
        }
        return WolfProtCommands.set(command, data);
    }

    static String meaning(WolfProtFrame frame) throws WolfProtFormatException {
        String access = frame.access().name().toLowerCase(Locale.ROOT);
        String command = String.format("%02X", frame.command());
        if (frame instanceof ErrorReply e) {
            return "error " + access + " " + command + " " + e.error().description();
        }
        Message m = (Message) frame;
        if (m.access() == WolfProtAccess.GET && m.command() == WolfProtCommands.POWER) {
            return "power " + (WolfProtCommands.power(m) ? "on" : "off");
        }
        if (m.data().length == 0) {
            return access + " " + command + " done";
        }
        return access + " " + command + " " + HEX.formatHex(m.data());
    }
}
