package org.roomctl.sim.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.sim.runtime.Endpoint;
import org.roomctl.sim.runtime.StreamTransport;
import org.roomctl.sim.wire.ByteSink;
import org.roomctl.sim.wire.UartResampler;

/**
 * A network serial bridge in front of a simulated serial device, as a Global Caché iTach IP2SL or
 * ser2net in raw mode: the raw TCP port carries the serial bytes unchanged both ways, and an
 * iTach-style settings port ({@link ItachSettings}) reads and sets the bridge's serial speed and
 * parity. When those differ from the device's own line the bytes cross the serial cable garbled,
 * as they do on a real one ({@link UartResampler}).
 */
public final class SerialBridge implements StreamTransport {
    private static final int MAX_SETTINGS_LINE = 256;

    private final TcpStreamServer raw;
    private final TcpListener settingsPort;
    private final SerialLine deviceLine;
    private final ItachSettings settings;

    /**
     * @param settingsPort the settings port, 0 for any free one, negative for none
     * @param deviceLine the simulated device's own serial line; the bridge starts with the same
     */
    public SerialBridge(String name, String host, int port, int settingsPort, SerialLine deviceLine) {
        this.raw = new TcpStreamServer(name, host, port);
        this.settingsPort =
                settingsPort >= 0 ? new TcpListener(name + "-settings", host, settingsPort, this::serveSettings) : null;
        this.deviceLine = deviceLine;
        this.settings = new ItachSettings(deviceLine);
    }

    /** The bridge's current serial settings. */
    public ItachSettings.Settings settings() {
        return settings.settings();
    }

    @Override
    public void open(ByteSink fromClient) throws IOException {
        raw.open(
                data -> fromClient.write(UartResampler.resample(data, settings().line(), deviceLine)));
        if (settingsPort != null) {
            try {
                settingsPort.open();
            } catch (IOException e) {
                raw.close();
                throw e;
            }
        }
    }

    @Override
    public void send(byte[] data) {
        raw.send(UartResampler.resample(data, deviceLine, settings().line()));
    }

    private void serveSettings(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\r' || b == '\n') {
                if (line.size() > 0) {
                    for (String reply : settings.handle(line.toString(StandardCharsets.US_ASCII))) {
                        out.write((reply + "\r").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    line.reset();
                }
            } else if (line.size() < MAX_SETTINGS_LINE) {
                line.write(b);
            }
        }
    }

    @Override
    public void dropClient() {
        raw.dropClient();
    }

    @Override
    public int clients() {
        return raw.clients();
    }

    @Override
    public boolean isOpen() {
        return raw.isOpen();
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.bridge(
                raw.host(),
                raw.port(),
                settingsPort != null ? settingsPort.port() : 0,
                settings().line().toString());
    }

    @Override
    public void close() {
        raw.close();
        if (settingsPort != null) {
            settingsPort.close();
        }
    }
}
