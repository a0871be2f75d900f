package org.roomctl.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.config.SerialLine;

class PacedOutputTest {
    /** Collects bytes and when the last one came. */
    private static final class Arrivals implements ByteSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile long lastAt;

        @Override
        public synchronized void write(byte[] data) {
            bytes.writeBytes(data);
            lastAt = System.nanoTime();
        }

        synchronized int size() {
            return bytes.size();
        }
    }

    @Test
    void aHundredBytesAt9600BaudTakeAbout104Milliseconds() {
        Arrivals arrivals = new Arrivals();
        try (PacedOutput output = new PacedOutput("test-tx", SerialLine.of(9600), arrivals)) {
            long start = System.nanoTime();
            output.write(new byte[100]);
            await().atMost(Duration.ofSeconds(2)).until(() -> arrivals.size() == 100);
            // 100 bytes x 10 bits / 9600 bit/s = 104.2 ms
            assertThat(Duration.ofNanos(arrivals.lastAt - start)).isGreaterThanOrEqualTo(Duration.ofMillis(104));
        }
    }

    @Test
    void withoutALineBytesGoAtOnce() {
        Arrivals arrivals = new Arrivals();
        try (PacedOutput output = new PacedOutput("test-tx", null, arrivals)) {
            long start = System.nanoTime();
            output.write(new byte[1000]);
            await().atMost(Duration.ofSeconds(2)).until(() -> arrivals.size() == 1000);
            // 1000 bytes at 9600 baud would take over a second
            assertThat(Duration.ofNanos(arrivals.lastAt - start)).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void bytesKeepTheirOrderAcrossWrites() {
        Arrivals arrivals = new Arrivals();
        try (PacedOutput output = new PacedOutput("test-tx", SerialLine.of(115200), arrivals)) {
            for (int i = 0; i < 50; i++) {
                output.write(new byte[] {(byte) i});
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> arrivals.size() == 50);
            byte[] all = arrivals.bytes.toByteArray();
            for (int i = 0; i < 50; i++) {
                assertThat(all[i]).isEqualTo((byte) i);
            }
        }
    }

    @Test
    void closingStopsTheThread() {
        PacedOutput output = new PacedOutput("test-tx-close", SerialLine.of(9600), data -> {});
        output.close();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("test-tx-close"));
    }
}
