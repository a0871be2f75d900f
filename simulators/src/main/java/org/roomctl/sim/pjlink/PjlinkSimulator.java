package org.roomctl.sim.pjlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.roomctl.contract.config.DeviceType;
import org.roomctl.sim.runtime.DeviceSimulator;
import org.roomctl.sim.runtime.DeviceState;
import org.roomctl.sim.runtime.Endpoint;
import org.roomctl.sim.runtime.Faults;
import org.roomctl.sim.transport.TcpListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PJLink display on its TCP port: any number of connections, each a {@link PjlinkSession} over
 * the one {@link PjlinkDisplay}. Connections idle for longer than the idle timeout are closed.
 */
public final class PjlinkSimulator implements DeviceSimulator {
    private static final Logger log = LoggerFactory.getLogger(PjlinkSimulator.class);
    private static final int READ_SLICE_MILLIS = 100;

    private final String room;
    private final String id;
    private final DeviceType type;
    private final PjlinkDisplay display;
    private final String password;
    private final TcpListener listener;
    private final Random random = new SecureRandom();

    /**
     * @param password the display's PJLink password, or null for none
     * @param port the port, 0 for any free one
     */
    public PjlinkSimulator(
            String room, String id, DeviceType type, PjlinkDisplay display, String password, String host, int port) {
        this.room = room;
        this.id = id;
        this.type = type;
        this.display = display;
        this.password = password;
        this.listener = new TcpListener("sim-" + room + "-" + id, host, port, this::serve);
    }

    private void serve(Socket socket) throws IOException {
        PjlinkSession session = new PjlinkSession(display, password, random);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        if (!display.faults().silent()) {
            write(out, session.greeting());
        }
        socket.setSoTimeout(READ_SLICE_MILLIS);
        long lastActivity = System.nanoTime();
        byte[] buffer = new byte[512];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                long idle = display.faults().idleDisconnectMillis();
                if (idle > 0 && System.nanoTime() - lastActivity >= idle * 1_000_000) {
                    log.debug("{}/{}: closing idle connection from {}", room, id, socket.getRemoteSocketAddress());
                    return;
                }
                continue;
            }
            if (n < 0) {
                return;
            }
            if (display.faults().silent()) {
                continue;
            }
            lastActivity = System.nanoTime();
            String replies = session.receive(Arrays.copyOf(buffer, n), lastActivity);
            if (!replies.isEmpty()) {
                write(out, replies);
            }
            if (session.closing()) {
                return;
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public String room() {
        return room;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DeviceType type() {
        return type;
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.tcp(listener.host(), listener.port());
    }

    @Override
    public DeviceState state() {
        return new DeviceState(
                room,
                id,
                type.name(),
                plugged(),
                endpoint(),
                listener.connections().size(),
                faults(),
                display.state(System.nanoTime()));
    }

    @Override
    public Map<String, Object> faults() {
        return new Faults(display.faults()).asMap();
    }

    @Override
    public synchronized void setFaults(Map<String, ?> changes) {
        display.faults(new Faults(display.faults()).with(changes).section(DisplayFaults.class));
        log.info("{}/{} faults now {}", room, id, faults());
    }

    @Override
    public void plug() throws IOException {
        listener.open();
    }

    @Override
    public void unplug() {
        listener.close();
    }

    @Override
    public boolean plugged() {
        return listener.isOpen();
    }

    @Override
    public void press(String button) {
        throw new IllegalArgumentException("the display has no button '" + button + "' in this simulator");
    }

    @Override
    public void powerCycle() {
        log.info("{}/{} power-cycled", room, id);
        display.powerCycle();
        listener.dropConnections();
    }

    @Override
    public void dropConnection() {
        listener.dropConnections();
    }

    @Override
    public void close() {
        listener.close();
    }
}
