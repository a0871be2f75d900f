package org.roomctl.agent.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.agent.transport.Backoff;
import org.roomctl.agent.transport.TcpTransport;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.contract.config.TransportSpec;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;

/** Supervision and command gating of the device base, with a line protocol over a real socket. */
class AbstractDeviceIT {
    /** "?" is answered "!" (a status check); "slow" is never answered; "value" answers "value=N". */
    static final class LineDevice extends AbstractDevice {
        final RequestQueue<String> queue;
        final AtomicInteger refreshes = new AtomicInteger();
        private final StringBuilder line = new StringBuilder();

        LineDevice(DeviceConfig config, TcpTransport transport, DeviceRuntime runtime) {
            super(config, transport, runtime);
            queue = new RequestQueue<>(transport, runtime, executor, config.commandTimeout(), 4);
        }

        @Override
        protected void onConnected() {}

        @Override
        protected void onBytes(byte[] bytes) {
            for (byte b : bytes) {
                if (b == '\n') {
                    String reply = line.toString();
                    line.setLength(0);
                    if (queue.offer(reply)) {
                        heard();
                    }
                } else {
                    line.append((char) b);
                }
            }
        }

        @Override
        protected void onLost(DeviceException why) {
            queue.failAll(why);
        }

        @Override
        protected CompletableFuture<?> check() {
            return queue.submit("?\n".getBytes(), r -> r.equals("!"), "status check");
        }

        @Override
        public CompletableFuture<Void> refresh() {
            refreshes.incrementAndGet();
            return queue.submit("value\n".getBytes(), r -> r.startsWith("value="), "value")
                    .thenAccept(r -> update("value", r.substring(6)));
        }

        CompletableFuture<String> ask(String what) {
            return command(what, () -> queue.submit((what + "\n").getBytes(), r -> true, what));
        }
    }

    /** The device end: answers while {@link #answering} is set. */
    final class Peer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        final AtomicBoolean answering = new AtomicBoolean(true);
        final AtomicInteger connections = new AtomicInteger();
        final Thread thread = new Thread(this::serve, "peer");

        Peer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = s.getOutputStream();
                    String l;
                    while ((l = in.readLine()) != null) {
                        if (!answering.get() || l.equals("slow")) {
                            continue;
                        }
                        String reply = l.equals("?") ? "!" : l.equals("value") ? "value=42" : l + "=ok";
                        out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // next connection
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private final DeviceRuntime runtime = new DeviceRuntime(2, Clock.systemUTC());
    private final List<DeviceState> states = new CopyOnWriteArrayList<>();
    private Peer peer;
    private LineDevice device;

    @BeforeEach
    void start() throws IOException {
        peer = new Peer();
        device = newDevice(peer.server.getLocalPort());
        device.addListener(states::add);
        device.start();
    }

    private LineDevice newDevice(int port) {
        DeviceConfig config = new DeviceConfig(
                "doccam",
                DeviceTypes.WOLFVISION,
                new TransportSpec.Tcp("127.0.0.1", port),
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofMillis(150),
                Duration.ofMillis(300));
        TcpTransport transport = new TcpTransport(
                "127.0.0.1",
                port,
                "tcp",
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), RandomGenerator.of("L64X128MixRandom")));
        return new LineDevice(config, transport, runtime);
    }

    @AfterEach
    void stop() throws IOException {
        device.close();
        peer.close();
        runtime.close();
    }

    @Test
    void onlineOnceItAnswersThenReadOnce() {
        await().until(() -> device.state().status() == DeviceStatus.ONLINE);
        await().until(() -> "42".equals(device.state().properties().get("value")));
        assertThat(device.refreshes).hasValue(1);
        assertThat(states).first().satisfies(s -> {
            assertThat(s.status()).isEqualTo(DeviceStatus.OFFLINE);
            assertThat(s.reason())
                    .startsWith("connected over tcp 127.0.0.1:")
                    .endsWith("waiting for the device to answer");
        });
    }

    @Test
    void silentDeviceGoesOfflineAfterThreeChecksAndComesBackReRead() {
        await().until(() -> device.state().status() == DeviceStatus.ONLINE);
        peer.answering.set(false);
        long before = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> device.state().status() == DeviceStatus.OFFLINE);
        // three checks at 150 ms intervals, each allowed 150 ms: well under two seconds
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(states).anySatisfy(s -> assertThat(s.reason()).isEqualTo("no answer to 3 status checks in a row"));
        await().until(() -> peer.connections.get() >= 2); // the link was re-opened

        peer.answering.set(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> device.state().status() == DeviceStatus.ONLINE);
        await().until(() -> device.refreshes.get() >= 2);
    }

    @Test
    void checksThatNeverReachTheDeviceCountAsMissed() {
        await().until(() -> device.state().status() == DeviceStatus.ONLINE);
        peer.answering.set(false);
        // Fill the queue with commands the silent device never answers: checks are refused BUSY.
        for (int i = 0; i < 5; i++) {
            device.ask("slow");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> device.state().status() == DeviceStatus.OFFLINE);
        assertThat(device.state().reason()).startsWith("no answer to 3 status checks in a row");
    }

    @Test
    void theSilenceReasonSurvivesTheReconnectItCauses() {
        await().until(() -> device.state().status() == DeviceStatus.ONLINE);
        peer.answering.set(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.connections.get() >= 2);
        await().until(() -> device.state().status() == DeviceStatus.OFFLINE
                && device.state().reason() != null);
        // However often the link is reopened, the reason stays the true one.
        for (int i = 0; i < 5; i++) {
            assertThat(device.state().reason()).startsWith("no answer to 3 status checks in a row");
            sleepQuietly(100);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void commandsFailFastWhileOffline() throws Exception {
        await().until(() -> device.state().status() == DeviceStatus.ONLINE);
        peer.close();
        device.transport.reconnect("test pulls the cable");
        await().until(() -> device.state().status() == DeviceStatus.OFFLINE);
        CompletableFuture<String> r = device.ask("power");
        DeviceException e = DeviceException.unwrap(r.handle((v, t) -> t).get());
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        assertThat(e.getMessage()).startsWith("doccam is offline: ");
    }

    @Test
    void unansweredCommandTimesOut() throws Exception {
        await().until(() -> device.state().status() == DeviceStatus.ONLINE);
        assertThat(device.ask("power").get()).isEqualTo("power=ok");
        DeviceException e =
                DeviceException.unwrap(device.ask("slow").handle((v, t) -> t).get());
        assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
    }

    @Test
    void closeStopsEverything() {
        await().until(() -> device.state().status() == DeviceStatus.ONLINE);
        device.close();
        await().until(() -> "stopped".equals(device.state().reason()));
        assertThat(device.state().status()).isEqualTo(DeviceStatus.OFFLINE);
    }
}
