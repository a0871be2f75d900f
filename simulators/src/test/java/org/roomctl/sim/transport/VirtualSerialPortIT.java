package org.roomctl.sim.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.sim.Hex;
import org.roomctl.sim.SerialClient;

class VirtualSerialPortIT {
    /** The bytes a careless serial layer would eat or translate: NUL, CR, LF, XON, XOFF, DEL, FF. */
    private static final byte[] AWKWARD = Hex.bytes("00 0D 0A 11 13 7F FF");

    @TempDir
    Path dir;

    private VirtualSerialPort port;
    private final ReceivedBytes received = new ReceivedBytes();

    private VirtualSerialPort open(Path link) throws IOException {
        port = new VirtualSerialPort("test-port", link, SerialLine.of(9600));
        port.open(received);
        return port;
    }

    @AfterEach
    void close() {
        if (port != null) {
            port.close();
        }
    }

    @Test
    void bytesTravelUnchangedBothWays() throws IOException {
        Path link = dir.resolve("camera");
        open(link);
        try (SerialClient client = SerialClient.open(link, 9600)) {
            client.write(AWKWARD);
            await().atMost(Duration.ofSeconds(2)).until(() -> received.all().length == AWKWARD.length);
            assertThat(Hex.of(received.all())).isEqualTo(Hex.of(AWKWARD));

            port.send(AWKWARD);
            assertThat(Hex.of(client.read(AWKWARD.length, Duration.ofSeconds(2))))
                    .isEqualTo(Hex.of(AWKWARD));
        }
    }

    @Test
    void theLinkPointsAtThePseudoTerminalAndItsDirectoriesAreMade() throws IOException {
        Path link = dir.resolve("a/b/camera");
        open(link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link).toString()).startsWith("/dev/pts/");
        assertThat(port.endpoint().device())
                .isEqualTo(Files.readSymbolicLink(link).toString());
    }

    @Test
    void aClientCanCloseAndOpenThePortAgain() throws IOException {
        Path link = dir.resolve("camera");
        open(link);
        try (SerialClient client = SerialClient.open(link, 9600)) {
            client.write(new byte[] {1});
            await().atMost(Duration.ofSeconds(2)).until(() -> received.all().length == 1);
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> port.clients() == 0);
        try (SerialClient client = SerialClient.open(link, 9600)) {
            await().atMost(Duration.ofSeconds(2)).until(() -> port.clients() == 1);
            client.write(new byte[] {2});
            await().atMost(Duration.ofSeconds(2)).until(() -> received.all().length == 2);
            port.send(new byte[] {3});
            assertThat(client.read(1, Duration.ofSeconds(2))).containsExactly(3);
        }
    }

    @Test
    void bytesSentWhileNobodyHasThePortOpenAreLost() throws IOException {
        Path link = dir.resolve("camera");
        open(link);
        port.send(new byte[] {1, 2, 3});
        try (SerialClient client = SerialClient.open(link, 9600)) {
            assertThat(client.drain(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void closingRemovesTheLinkAndOpeningBringsItBack() throws IOException {
        Path link = dir.resolve("camera");
        open(link);
        port.close();
        assertThat(link).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(port.isOpen()).isFalse();

        port.open(received);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        try (SerialClient client = SerialClient.open(link, 9600)) {
            client.write(new byte[] {9});
            await().atMost(Duration.ofSeconds(2)).until(() -> received.all().length == 1);
        }
    }

    @Test
    void closingStopsTheReaderThread() throws IOException {
        open(dir.resolve("camera"));
        assertThat(readerAlive()).isTrue();
        port.close();
        assertThat(readerAlive()).isFalse();
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("test-port-pty") && t.isAlive());
    }

    @Test
    void aStaleLinkIsReplaced() throws IOException {
        Path link = dir.resolve("camera");
        Files.createSymbolicLink(link, Path.of("/dev/pts/nonexistent"));
        open(link);
        assertThat(Files.readSymbolicLink(link).toString()).isNotEqualTo("/dev/pts/nonexistent");
    }

    @Test
    void aFileThatIsNotALinkIsLeftAlone() throws IOException {
        Path file = dir.resolve("camera");
        Files.writeString(file, "mine");
        port = new VirtualSerialPort("test-port", file, SerialLine.of(9600));
        assertThatThrownBy(() -> port.open(received))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a symbolic link");
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(port.isOpen()).isFalse();
    }
}
