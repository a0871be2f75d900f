package org.roomctl.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;

/** A driver's end of a serial port, through jSerialComm, for integration tests. */
public final class SerialClient implements AutoCloseable {
    private final SerialPort port;

    private SerialClient(SerialPort port) {
        this.port = port;
    }

    public static SerialClient open(Path path, int baud) {
        SerialPort port = SerialPort.getCommPort(path.toString());
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        assertThat(port.openPort()).as("open " + path).isTrue();
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        return new SerialClient(port);
    }

    public void write(byte[] data) {
        assertThat(port.writeBytes(data, data.length)).isEqualTo(data.length);
    }

    public void write(String text) {
        write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads until {@code count} bytes have arrived or {@code timeout} passes; returns what arrived. */
    public byte[] read(int count, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long end = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[256];
        while (out.size() < count && System.nanoTime() < end) {
            int n = port.readBytes(buffer, Math.min(buffer.length, count - out.size()));
            if (n > 0) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** Reads until the text read so far contains {@code marker} or {@code timeout} passes. */
    public String readUntil(String marker, Duration timeout) {
        StringBuilder text = new StringBuilder();
        long end = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[256];
        while (!text.toString().contains(marker) && System.nanoTime() < end) {
            int n = port.readBytes(buffer, buffer.length);
            if (n > 0) {
                text.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /** Everything that arrives within {@code quiet}. */
    public byte[] drain(Duration quiet) {
        return read(Integer.MAX_VALUE, quiet);
    }

    @Override
    public void close() {
        port.closePort();
    }
}
