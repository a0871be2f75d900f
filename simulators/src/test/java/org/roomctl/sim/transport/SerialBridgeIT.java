package org.roomctl.sim.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.sim.Hex;
import org.roomctl.sim.TcpClient;

class SerialBridgeIT {
    private final ReceivedBytes atDevice = new ReceivedBytes();
    private SerialBridge bridge;

    @BeforeEach
    void open() throws IOException {
        bridge = new SerialBridge("test-bridge", "127.0.0.1", 0, 0, SerialLine.of(9600));
        bridge.open(atDevice);
    }

    @AfterEach
    void close() {
        bridge.close();
    }

    private TcpClient raw() throws IOException {
        TcpClient client = TcpClient.connect("127.0.0.1", bridge.endpoint().port());
        await().atMost(Duration.ofSeconds(2)).until(() -> bridge.clients() == 1);
        return client;
    }

    private TcpClient settings() throws IOException {
        return TcpClient.connect("127.0.0.1", bridge.endpoint().settingsPort());
    }

    @Test
    void theRawPortCarriesSerialBytesUnchangedBothWays() throws IOException {
        try (TcpClient client = raw()) {
            client.write(Hex.bytes("81 09 04 00 FF"));
            await().atMost(Duration.ofSeconds(2)).until(() -> atDevice.all().length == 5);
            assertThat(Hex.of(atDevice.all())).isEqualTo("81 09 04 00 FF");
            bridge.send(Hex.bytes("90 50 02 FF"));
            assertThat(Hex.of(client.read(4, Duration.ofSeconds(2)))).isEqualTo("90 50 02 FF");
        }
    }

    @Test
    void theSettingsPortReportsTheSerialSettings() throws IOException {
        try (TcpClient client = settings()) {
            client.write("get_SERIAL,1:1\r");
            assertThat(client.readUntil("\r", Duration.ofSeconds(2)))
                    .isEqualTo("SERIAL,1:1,9600,FLOW_NONE,PARITY_NO\r");
        }
    }

    @Test
    void aSpeedTheDeviceDoesNotUseGarblesTheBytes() throws IOException {
        try (TcpClient control = settings();
                TcpClient client = raw()) {
            control.write("set_SERIAL,1:1,115200,FLOW_NONE,PARITY_NO\r");
            assertThat(control.readUntil("\r", Duration.ofSeconds(2)))
                    .isEqualTo("SERIAL,1:1,115200,FLOW_NONE,PARITY_NO\r");
            assertThat(bridge.endpoint().line()).isEqualTo("115200 8N1");

            bridge.send("hello".getBytes());
            byte[] arrived = client.read(100, Duration.ofMillis(300));
            assertThat(arrived).isNotEmpty().isNotEqualTo("hello".getBytes());

            client.write("hello");
            await().atMost(Duration.ofSeconds(2)).until(() -> atDevice.all().length > 0);
            assertThat(atDevice.all()).isNotEqualTo("hello".getBytes());
        }
    }

    @Test
    void settingTheDevicesSpeedAgainMendsTheLine() throws IOException {
        try (TcpClient control = settings();
                TcpClient client = raw()) {
            control.write("set_SERIAL,1:1,19200\r");
            control.readUntil("\r", Duration.ofSeconds(2));
            control.write("set_SERIAL,1:1,9600\r");
            assertThat(control.readUntil("\r", Duration.ofSeconds(2)))
                    .isEqualTo("SERIAL,1:1,9600,FLOW_NONE,PARITY_NO\r");
            bridge.send("hello".getBytes());
            assertThat(client.read(5, Duration.ofSeconds(2))).isEqualTo("hello".getBytes());
        }
    }
}
