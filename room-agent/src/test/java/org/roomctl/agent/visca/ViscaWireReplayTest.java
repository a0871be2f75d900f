package org.roomctl.agent.visca;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.roomctl.agent.visca.ViscaReply.Ack;
import org.roomctl.agent.visca.ViscaReply.AddressSet;
import org.roomctl.agent.visca.ViscaReply.Completion;
import org.roomctl.agent.visca.ViscaReply.ErrorReply;
import org.roomctl.agent.visca.ViscaReply.IfClearEcho;
import org.roomctl.agent.visca.ViscaReply.InquiryData;
import org.roomctl.agent.visca.ViscaReply.NetworkChange;

/** Replays the recorded exchanges under {@code wire/visca/} through the codec (format: its README). */
class ViscaWireReplayTest {

    record Line(int number, boolean sent, byte[] bytes, String meaning, int camera) {}

    static Stream<Path> recordings() throws IOException, URISyntaxException {
        Path dir = Path.of(ViscaWireReplayTest.class.getResource("/wire/visca").toURI());
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
        List<Line> lines = parse(recording);
        String lastInquiry = null;
        ByteArrayBuilder replies = new ByteArrayBuilder();
        List<byte[]> expectedPackets = new ArrayList<>();
        for (Line line : lines) {
            String where = recording.getFileName() + ":" + line.number();
            if (line.sent()) {
                assertThat(Bytes.hex(build(line.meaning(), line.camera())))
                        .as(where)
                        .isEqualTo(Bytes.hex(line.bytes()));
                if (line.meaning().endsWith("inquiry")) {
                    lastInquiry = line.meaning();
                }
            } else {
                CollectingSink sink = new CollectingSink();
                ViscaFramer framer = new ViscaFramer();
                for (byte b : line.bytes()) {
                    framer.feed(new byte[] {b}, sink);
                }
                assertThat(sink.packets).as(where).containsExactly(line.bytes());
                assertThat(sink.garbage).as(where).isEmpty();
                ViscaReply reply = ViscaReplyDecoder.decode(line.bytes());
                assertThat(reply.camera()).as(where + " sender").isIn(0, line.camera());
                assertThat(meaning(reply, lastInquiry)).as(where).isEqualTo(line.meaning());
                replies.add(line.bytes());
                expectedPackets.add(line.bytes());
            }
        }
        // All the replies in one read come out as the same packets.
        CollectingSink all = new CollectingSink();
        new ViscaFramer().feed(replies.toArray(), all);
        assertThat(all.packets).containsExactlyElementsOf(expectedPackets);
    }

    // ---- the recording format ----

    static List<Line> parse(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        int camera = 1;
        int number = 0;
        for (String raw : Files.readAllLines(file)) {
            number++;
            String text = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            text = text.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("@camera")) {
                camera = Integer.parseInt(text.substring("@camera".length()).strip());
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
                    number, direction == '>', bytes, text.substring(equals + 1).strip(), camera));
        }
        return lines;
    }

    /** Builds the command the words name. */
    static byte[] build(String meaning, int camera) {
        ViscaCommands c = new ViscaCommands(camera);
        String[] w = meaning.split("\\s+");
        return switch (meaning.replaceAll("[-\\d ]+$", "").strip()) {
            case "address set" -> ViscaCommands.addressSet();
            case "if-clear broadcast" -> ViscaCommands.ifClearBroadcast();
            case "if-clear" -> c.ifClear();
            case "cancel" -> c.cancel(n(w[1]));
            case "version inquiry" -> c.versionInquiry();
            case "power on" -> c.powerOn();
            case "power standby" -> c.powerStandby();
            case "power inquiry" -> c.powerInquiry();
            case "zoom stop" -> c.zoomStop();
            case "zoom tele" -> w.length == 3 ? c.zoomTele(n(w[2])) : c.zoomTele();
            case "zoom wide" -> w.length == 3 ? c.zoomWide(n(w[2])) : c.zoomWide();
            case "zoom direct" -> c.zoomDirect(n(w[2]));
            case "zoom inquiry" -> c.zoomPositionInquiry();
            case "drive up",
                    "drive down",
                    "drive left",
                    "drive right",
                    "drive up-left",
                    "drive up-right",
                    "drive down-left",
                    "drive down-right",
                    "drive stop" -> c.panTiltDrive(
                    PanTiltDrive.valueOf(w[1].toUpperCase(Locale.ROOT).replace('-', '_')), n(w[2]), n(w[3]));
            case "absolute" -> c.absolutePosition(n(w[1]), n(w[2]), n(w[3]), n(w[4]));
            case "relative" -> c.relativePosition(n(w[1]), n(w[2]), n(w[3]), n(w[4]));
            case "home" -> c.home();
            case "pan-tilt reset" -> c.panTiltReset();
            case "pan-tilt inquiry" -> c.panTiltPositionInquiry();
            case "preset reset" -> c.presetReset(n(w[2]));
            case "preset set" -> c.presetSet(n(w[2]));
            case "preset recall" -> c.presetRecall(n(w[2]));
            default -> throw new AssertionError("unknown command in a recording: " + meaning);
        };
    }

    /** What a reply means, in the words of the recordings. */
    static String meaning(ViscaReply reply, String lastInquiry) throws ViscaFormatException {
        if (reply instanceof Ack a) {
            return "ack " + a.socket();
        }
        if (reply instanceof Completion c) {
            return "completion " + c.socket();
        }
        if (reply instanceof ErrorReply e) {
            return "error " + e.error().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + e.socket();
        }
        if (reply instanceof NetworkChange) {
            return "network change";
        }
        if (reply instanceof AddressSet a) {
            return "address set " + a.nextAddress();
        }
        if (reply instanceof IfClearEcho) {
            return "if-clear echo";
        }
        byte[] data = ((InquiryData) reply).data();
        return switch (String.valueOf(lastInquiry)) {
            case "power inquiry" -> "power " + ViscaInquiries.power(data).property();
            case "zoom inquiry" -> "zoom " + ViscaInquiries.zoomPosition(data);
            case "pan-tilt inquiry" -> {
                ViscaInquiries.PanTilt p = ViscaInquiries.panTiltPosition(data);
                yield "pan-tilt " + p.pan() + " " + p.tilt();
            }
            case "version inquiry" -> {
                ViscaInquiries.Version v = ViscaInquiries.version(data);
                yield String.format("version %04X %04X %04X %d", v.vendor(), v.model(), v.rom(), v.sockets());
            }
            default -> throw new AssertionError("inquiry data after " + lastInquiry + ": " + reply);
        };
    }

    private static int n(String word) {
        return Integer.parseInt(word);
    }

    /** Collects byte arrays. */
    static final class ByteArrayBuilder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void add(byte[] bytes) {
            out.writeBytes(bytes);
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
