package org.roomctl.agent.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.roomctl.contract.config.SerialLine;

/** A local serial port through jSerialComm: a USB adapter, an on-board UART or a pseudo-terminal. */
public final class SerialPortTransport extends ReconnectingTransport {
    static final int READ_TIMEOUT_MILLIS = 200;
    static final int WRITE_TIMEOUT_MILLIS = 2000;

    private final String path;
    private final SerialLine line;

    public SerialPortTransport(String path, SerialLine line, Backoff backoff) {
        super(backoff);
        this.path = path;
        this.line = line;
    }

    @Override
    public String description() {
        return "serial " + path + " " + line;
    }

    @Override
    protected String threadName() {
        return "serial " + path;
    }

    @Override
    protected Link open() throws IOException {
        // jSerialComm reports a missing device only as an error code; say it plainly.
        if (path.startsWith("/") && !Files.exists(Path.of(path))) {
            throw new IOException("serial port " + path + " does not exist");
        }
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(line.baud(), line.dataBits(), stopBits(line), parity(line));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(
                SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MILLIS,
                WRITE_TIMEOUT_MILLIS);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + ": " + explain(port.getLastErrorCode()));
        }
        return new PortLink(port);
    }

    private static String explain(int errno) {
        return switch (errno) {
            case 2 -> "no such device";
            case 13 -> "permission denied (is this user in the dialout group?)";
            case 16 -> "in use by another program";
            case 6, 19 -> "no such device (unplugged?)";
            default -> "error " + errno;
        };
    }

    private static int stopBits(SerialLine line) {
        return switch (line.stopBits()) {
            case 15 -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case 20 -> SerialPort.TWO_STOP_BITS;
            default -> SerialPort.ONE_STOP_BIT;
        };
    }

    private static int parity(SerialLine line) {
        return switch (line.parity()) {
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
            case NONE -> SerialPort.NO_PARITY;
        };
    }

    private final class PortLink implements Link {
        private final SerialPort port;

        PortLink(SerialPort port) {
            this.port = port;
        }

        @Override
        public int read(byte[] buffer) throws IOException {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                throw new IOException("serial port " + path + " went away");
            }
            return n;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            int written = 0;
            while (written < bytes.length) {
                int n = port.writeBytes(bytes, bytes.length - written, written);
                if (n <= 0) {
                    throw new IOException("serial port " + path + " does not take bytes");
                }
                written += n;
            }
        }

        @Override
        public void close() {
            port.closePort();
        }
    }
}
