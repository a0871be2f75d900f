package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Transport;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.contract.config.Secret;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.contract.config.TransportSpec;

/**
 * Replays the recorded exchanges in {@code src/test/resources/wire/xapi/} through the driver, with
 * an in-memory transport in place of the serial line. Script lines:
 *
 * <pre>
 * # comment                 @ user admin / @ password x   configuration
 * &lt; text    the codec sends text and CRLF         &lt;~ text   ... without a line ending (prompt)
 * &gt; text    the driver must send exactly this line next     &gt;| 500   it sends nothing for 500 ms
 * ! dial sip:x | accept | hangup | acceptFrom x 2000 | refresh     starts an action
 * =&gt; ok | =&gt; 7 | =&gt; error DEVICE_ERROR some message            how the last action ended
 * = status online | = reason text | = call.state connected | = call.peer x | = call absent
 * </pre>
 */
class XapiWireReplayTest {
    static final String[] SCRIPTS = {
        "login-dial-hangup.txt", "incoming-call-accept.txt", "refusals.txt", "login-incorrect.txt"
    };

    static Stream<String> scripts() {
        return Stream.of(SCRIPTS);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void replay(String script) throws IOException {
        List<String> lines = read("/wire/xapi/" + script);
        Map<String, String> settings = new HashMap<>();
        lines.stream()
                .filter(l -> l.startsWith("@ "))
                .map(l -> l.substring(2).split(" ", 2))
                .forEach(kv -> settings.put(kv[0], kv[1]));
        DeviceConfig config = new DeviceConfig(
                "codec",
                DeviceTypes.CISCO_XAPI,
                new TransportSpec.Serial("/dev/ttyUSB0", SerialLine.of(115200)),
                1,
                Optional.empty(),
                Optional.ofNullable(settings.get("user")),
                Optional.ofNullable(settings.get("password")).map(p -> new Secret("CODEC_PASSWORD", p)),
                Duration.ofHours(1), // no periodic checks: the script is the whole conversation
                Duration.ofSeconds(1));
        ScriptedLine line = new ScriptedLine();
        try (DeviceRuntime runtime = new DeviceRuntime(2, Clock.systemUTC());
                XapiCodec codec = new XapiCodec(config, line, runtime)) {
            codec.start();
            CompletableFuture<?> action = null;
            int n = 0;
            for (String l : lines) {
                n++;
                String where = script + ":" + n + ": " + l;
                if (l.isBlank() || l.startsWith("#") || l.startsWith("@ ")) {
                    continue;
                }
                if (l.startsWith("<~ ")) {
                    line.deliver(l.substring(3));
                } else if (l.startsWith("<")) {
                    line.deliver((l.length() > 2 ? l.substring(2) : "") + "\r\n");
                } else if (l.startsWith(">| ")) {
                    assertThat(line.sentWithin(Duration.ofMillis(Long.parseLong(l.substring(3)))))
                            .as(where)
                            .isNull();
                } else if (l.startsWith(">")) {
                    String expected = l.length() > 2 ? l.substring(2) : "";
                    assertThat(line.nextSent()).as(where).isEqualTo(expected);
                } else if (l.startsWith("! ")) {
                    action = start(codec, l.substring(2).split(" "));
                } else if (l.startsWith("=> ")) {
                    expectOutcome(action, l.substring(3), where);
                } else if (l.startsWith("= ")) {
                    String[] kv = l.substring(2).split(" ", 2);
                    await().alias(where)
                            .atMost(Duration.ofSeconds(3))
                            .until(() -> kv[1].equals(observed(codec, kv[0])));
                } else {
                    throw new AssertionError(where + ": not a script line");
                }
            }
        }
    }

    private static CompletableFuture<?> start(XapiCodec codec, String[] words) {
        return switch (words[0]) {
            case "dial" -> codec.dial(words[1]);
            case "accept" -> codec.accept();
            case "hangup" -> codec.hangup();
            case "acceptFrom" -> codec.acceptFrom(words[1], Duration.ofMillis(Long.parseLong(words[2])));
            case "refresh" -> codec.refresh();
            default -> throw new AssertionError("unknown action " + words[0]);
        };
    }

    private static void expectOutcome(CompletableFuture<?> action, String expected, String where) {
        assertThat(action).as(where).isNotNull();
        await().alias(where).atMost(Duration.ofSeconds(3)).until(action::isDone);
        Throwable failure = action.handle((v, e) -> e).join();
        if (expected.startsWith("error ")) {
            String[] parts = expected.split(" ", 3);
            assertThat(failure).as(where).isNotNull();
            DeviceException e = DeviceException.unwrap(failure);
            assertThat(e.code().name()).as(where).isEqualTo(parts[1]);
            if (parts.length > 2) {
                assertThat(e.getMessage()).as(where).contains(parts[2]);
            }
        } else {
            assertThat(failure).as(where).isNull();
            if (!expected.equals("ok")) {
                assertThat(String.valueOf(action.join())).as(where).isEqualTo(expected);
            }
        }
    }

    /** status, reason, or a property path such as call.state ("absent" when not there). */
    private static String observed(XapiCodec codec, String what) {
        if (what.equals("status")) {
            return codec.state().status().wireName();
        }
        if (what.equals("reason")) {
            return String.valueOf(codec.state().reason());
        }
        Object value = codec.state().properties();
        for (String key : what.split("\\.")) {
            value = value instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return value == null ? "absent" : value.toString();
    }

    private static List<String> read(String resource) throws IOException {
        try (InputStream in = XapiWireReplayTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** A serial line in memory: what the driver sends is queued as lines, the script delivers the rest. */
    private static final class ScriptedLine implements Transport {
        private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile Listener listener;
        private volatile boolean open = true;

        @Override
        public void start(Listener listener) {
            this.listener = listener;
            listener.connected();
        }

        void deliver(String text) {
            listener.received(text.getBytes(StandardCharsets.UTF_8));
        }

        String nextSent() {
            try {
                String line = sent.poll(3, TimeUnit.SECONDS);
                return line == null ? "<nothing sent within 3 s>" : line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "<interrupted>";
            }
        }

        /** The next line sent within {@code limit}, or null. */
        String sentWithin(Duration limit) {
            try {
                return sent.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "<interrupted>";
            }
        }

        @Override
        public synchronized boolean send(byte[] bytes) {
            partial.append(new String(bytes, StandardCharsets.UTF_8));
            int end;
            while ((end = partial.indexOf("\n")) >= 0) {
                sent.add(partial.substring(0, end));
                partial.delete(0, end + 1);
            }
            return open;
        }

        @Override
        public void reconnect(String reason) {
            sent.add("<reconnect: " + reason + ">");
        }

        @Override
        public boolean isConnected() {
            return open;
        }

        @Override
        public String description() {
            return "scripted serial line";
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
