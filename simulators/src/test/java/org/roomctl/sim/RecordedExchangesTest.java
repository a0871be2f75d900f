package org.roomctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roomctl.sim.callnet.CallNetwork;
import org.roomctl.sim.pjlink.PjlinkDisplay;
import org.roomctl.sim.pjlink.PjlinkSession;
import org.roomctl.sim.runtime.ManualContext;
import org.roomctl.sim.runtime.StreamDevice;
import org.roomctl.sim.visca.ViscaDevice;
import org.roomctl.sim.wolfprot.WolfProtDevice;
import org.roomctl.sim.xapi.XapiCodec;

/**
 * Whole sessions per device type, recorded in {@code src/test/resources/exchanges}, replayed
 * against the protocol cores. Each file reads as a wire trace a driver author can check against:
 * {@code > } what is sent, {@code < } what comes back, {@code @ ms} the clock.
 */
class RecordedExchangesTest {
    /** A device as the replay sees it: what it says on connecting, and its answer to bytes at a time. */
    private record Replayable(byte[] greeting, BiFunction<byte[], Long, byte[]> receive) {
        static Replayable of(StreamDevice<?> device) {
            return new Replayable(new byte[0], (data, now) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(device.advance(now));
                out.writeBytes(device.receive(data, now));
                return out.toByteArray();
            });
        }
    }

    private static Replayable device(String type) {
        return switch (type) {
            case "sony-visca" -> Replayable.of(new ViscaDevice(1));
            case "wolfvision" -> Replayable.of(new WolfProtDevice());
            case "cisco-xapi" -> {
                XapiCodec codec =
                        new XapiCodec("Room", "sip:room@rooms.example.org", "admin", null, false, new CallNetwork());
                codec.attach(new ManualContext());
                yield Replayable.of(codec);
            }
            case "pjlink" -> {
                PjlinkSession session = new PjlinkSession(new PjlinkDisplay("Display"), null, new Random(1));
                yield new Replayable(
                        session.greeting().getBytes(StandardCharsets.US_ASCII),
                        (data, now) -> session.receive(data, now).getBytes(StandardCharsets.US_ASCII));
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sony-visca", "wolfvision", "cisco-xapi", "pjlink"})
    void replays(String type) throws IOException {
        Replayable device = device(type);
        boolean binary = type.equals("sony-visca") || type.equals("wolfvision");
        long now = 0;
        byte[] answer = device.greeting();
        String sent = "(connect)";
        int lineNumber = 0;
        for (String line : read(type)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String value = line.substring(2);
            switch (line.charAt(0)) {
                case '@' -> now = Long.parseLong(value.strip()) * 1_000_000;
                case '>' -> {
                    sent = value;
                    answer = device.receive().apply(decode(value, binary), now);
                }
                case '<' -> assertThat(show(answer, binary))
                        .as("%s.exchange line %d, the answer to %s", type, lineNumber, sent)
                        .isEqualTo(show(decode(value, binary), binary));
                default -> throw new IllegalArgumentException(type + ".exchange line " + lineNumber + ": " + line);
            }
        }
    }

    private static String[] read(String type) throws IOException {
        try (InputStream in = RecordedExchangesTest.class.getResourceAsStream("/exchanges/" + type + ".exchange")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        }
    }

    private static byte[] decode(String value, boolean binary) {
        return binary
                ? Hex.bytes(value.strip())
                : value.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String show(byte[] bytes, boolean binary) {
        return binary ? Hex.of(bytes) : new String(bytes, StandardCharsets.UTF_8);
    }
}
