package org.roomctl.sim.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.sim.Hex;
import org.roomctl.sim.TcpClient;

class TcpStreamServerIT {
    private final ReceivedBytes received = new ReceivedBytes();
    private TcpStreamServer server;

    @BeforeEach
    void open() throws IOException {
        server = new TcpStreamServer("test-tcp", "127.0.0.1", 0);
        server.open(received);
    }

    @AfterEach
    void close() {
        server.close();
    }

    private TcpClient connect() throws IOException {
        TcpClient client = TcpClient.connect("127.0.0.1", server.port());
        await().atMost(Duration.ofSeconds(2)).until(() -> server.clients() >= 1);
        return client;
    }

    @Test
    void bytesTravelUnchangedBothWays() throws IOException {
        try (TcpClient client = connect()) {
            client.write(Hex.bytes("00 0D 0A FF"));
            await().atMost(Duration.ofSeconds(2)).until(() -> received.all().length == 4);
            assertThat(Hex.of(received.all())).isEqualTo("00 0D 0A FF");
            server.send(Hex.bytes("01 30 00"));
            assertThat(Hex.of(client.read(3, Duration.ofSeconds(2)))).isEqualTo("01 30 00");
        }
    }

    @Test
    void aNewClientReplacesTheOldOne() throws IOException {
        try (TcpClient first = connect();
                TcpClient second = TcpClient.connect("127.0.0.1", server.port())) {
            assertThat(first.closedByPeer(Duration.ofSeconds(2))).isTrue();
            await().atMost(Duration.ofSeconds(2)).until(() -> server.clients() == 1);
            server.send(new byte[] {7});
            assertThat(second.read(1, Duration.ofSeconds(2))).containsExactly(7);
        }
    }

    @Test
    void droppingTheClientClosesItButKeepsListening() throws IOException {
        try (TcpClient client = connect()) {
            server.dropClient();
            assertThat(client.closedByPeer(Duration.ofSeconds(2))).isTrue();
        }
        try (TcpClient again = connect()) {
            again.write(new byte[] {1});
            await().atMost(Duration.ofSeconds(2)).until(() -> received.all().length == 1);
        }
    }

    @Test
    void closingStopsListeningAndOpeningListensOnTheSamePortAgain() throws IOException {
        int port = server.port();
        server.close();
        assertThatThrownBy(() -> TcpClient.connect("127.0.0.1", port)).isInstanceOf(ConnectException.class);
        server.open(received);
        assertThat(server.port()).isEqualTo(port);
        try (TcpClient client = connect()) {
            client.write(new byte[] {1});
            await().atMost(Duration.ofSeconds(2)).until(() -> received.all().length == 1);
        }
    }
}
