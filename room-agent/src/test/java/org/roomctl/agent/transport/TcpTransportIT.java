package org.roomctl.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpTransportIT {
    private static final Backoff FAST =
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), RandomGenerator.of("L64X128MixRandom"));
    private final RecordingListener listener = new RecordingListener();
    private TcpTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    private static ServerSocket server() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @Test
    void movesBytesBothWaysUnchanged() throws Exception {
        try (ServerSocket server = server()) {
            transport = new TcpTransport("127.0.0.1", server.getLocalPort(), "bridge", FAST);
            transport.start(listener);
            try (Socket peer = server.accept()) {
                await().until(transport::isConnected);
                byte[] all = new byte[256];
                for (int i = 0; i < 256; i++) {
                    all[i] = (byte) i;
                }
                assertThat(transport.send(all)).isTrue();
                assertThat(peer.getInputStream().readNBytes(256)).isEqualTo(all);

                peer.getOutputStream().write(all);
                await().until(() -> listener.bytes().length == 256);
                assertThat(listener.bytes()).isEqualTo(all);
            }
        }
        assertThat(listener.events).first().isEqualTo("connected");
        assertThat(transport.description()).startsWith("bridge 127.0.0.1:");
    }

    @Test
    void refusedConnectionIsReportedOnceWithAReason() throws Exception {
        int port;
        try (ServerSocket s = server()) {
            port = s.getLocalPort();
        }
        transport = new TcpTransport("127.0.0.1", port, "tcp", FAST);
        transport.start(listener);
        await().until(() -> listener.count("disconnected") > 0);
        Thread.sleep(300); // several retries happen meanwhile
        assertThat(listener.events).containsExactly("disconnected: connection refused by 127.0.0.1:" + port);
        assertThat(transport.send(new byte[] {1})).isFalse();
    }

    @Test
    void reconnectsByItselfWhenTheDeviceComesBack() throws Exception {
        int port;
        try (ServerSocket s = server()) {
            port = s.getLocalPort();
        }
        transport = new TcpTransport("127.0.0.1", port, "tcp", FAST);
        transport.start(listener);
        await().until(() -> listener.count("disconnected") == 1);
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                Socket peer = server.accept()) {
            await().until(transport::isConnected);
            assertThat(listener.events).last().isEqualTo("connected");
        }
    }

    @Test
    void deviceClosingTheConnectionIsALossAndAReconnect() throws Exception {
        try (ServerSocket server = server()) {
            transport = new TcpTransport("127.0.0.1", server.getLocalPort(), "tcp", FAST);
            transport.start(listener);
            server.accept().close();
            await().until(() -> listener.count("disconnected") == 1);
            assertThat(listener.events.get(1)).startsWith("disconnected: connection closed by 127.0.0.1:");
            try (Socket again = server.accept()) {
                await().until(() -> listener.count("connected") == 2);
            }
        }
    }

    @Test
    void reconnectOnRequestGivesTheReason() throws Exception {
        try (ServerSocket server = server()) {
            transport = new TcpTransport("127.0.0.1", server.getLocalPort(), "tcp", FAST);
            transport.start(listener);
            try (Socket first = server.accept()) {
                await().until(transport::isConnected);
                transport.reconnect("device stopped answering");
                InputStream in = first.getInputStream();
                assertThat(in.read()).isEqualTo(-1); // we closed it
                try (Socket second = server.accept()) {
                    await().until(() -> listener.count("connected") == 2);
                }
            }
        }
        assertThat(listener.events).contains("disconnected: device stopped answering");
    }

    @Test
    void closeEndsTheReaderThread() throws Exception {
        try (ServerSocket server = server()) {
            transport = new TcpTransport("127.0.0.1", server.getLocalPort(), "tcp", FAST);
            transport.start(listener);
            try (Socket peer = server.accept()) {
                await().until(transport::isConnected);
                transport.close();
                assertThat(peer.getInputStream().read()).isEqualTo(-1);
            }
        }
        String name = transport.description();
        await().atMost(Duration.ofSeconds(3)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(name)));
        assertThat(transport.isConnected()).isFalse();
    }

    @Test
    void unknownHostIsNamed() {
        transport = new TcpTransport("no-such-host.invalid", 4999, "bridge", FAST);
        transport.start(listener);
        await().until(() -> listener.count("disconnected") > 0);
        assertThat(listener.events.get(0)).isEqualTo("disconnected: unknown host no-such-host.invalid");
    }

    @Test
    void aListenerBugDoesNotStopTheReader() throws Exception {
        try (ServerSocket server = server()) {
            transport = new TcpTransport("127.0.0.1", server.getLocalPort(), "tcp", FAST);
            RecordingListener inner = new RecordingListener();
            transport.start(new Transport.Listener() {
                boolean thrown;

                @Override
                public void connected() {
                    inner.connected();
                }

                @Override
                public void received(byte[] bytes) {
                    if (!thrown) {
                        thrown = true;
                        throw new IllegalStateException("bug in a driver");
                    }
                    inner.received(bytes);
                }

                @Override
                public void disconnected(String reason) {
                    inner.disconnected(reason);
                }
            });
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write(1);
                peer.getOutputStream().flush();
                Thread.sleep(100);
                peer.getOutputStream().write(2);
                await().until(() -> inner.bytes().length == 1);
                assertThat(inner.bytes()).containsExactly(2);
                assertThat(transport.isConnected()).isTrue();
            }
        }
    }
}
