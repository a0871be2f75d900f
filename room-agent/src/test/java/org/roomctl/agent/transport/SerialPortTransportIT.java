package org.roomctl.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomctl.contract.config.SerialLine;

class SerialPortTransportIT {
    @TempDir
    Path dir;

    @Test
    void missingPortIsOfflineWithAReasonNotAnException() throws Exception {
        String path = dir.resolve("ttyUSB-not-plugged").toString();
        RecordingListener listener = new RecordingListener();
        try (SerialPortTransport t = new SerialPortTransport(
                path,
                SerialLine.of(9600),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(50), RandomGenerator.of("L64X128MixRandom")))) {
            t.start(listener);
            await().until(() -> !listener.events.isEmpty());
            Thread.sleep(200);
            assertThat(listener.events).containsExactly("disconnected: serial port " + path + " does not exist");
            assertThat(t.send(new byte[] {(byte) 0x81})).isFalse();
            assertThat(t.description()).isEqualTo("serial " + path + " 9600 8N1");
        }
    }
}
