package org.roomctl.sim.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.sim.runtime.Endpoint;
import org.roomctl.sim.runtime.StreamTransport;
import org.roomctl.sim.wire.ByteSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port a client opens by a stable name: a {@link PseudoTerminal} whose slave
 * ({@code /dev/pts/N}, which changes from run to run) is reached through a symbolic link at the
 * path the room config names. Closing removes the link and the pty, like unplugging a USB adapter;
 * opening again makes a new pty and points the link at it.
 *
 * <p>One reader thread per opening polls the master with a short timeout, so it survives the
 * client closing and reopening the port and stops promptly when the port closes.
 */
public final class VirtualSerialPort implements StreamTransport {
    private static final Logger log = LoggerFactory.getLogger(VirtualSerialPort.class);
    private static final int POLL_MILLIS = 100;
    private static final long NO_CLIENT_PAUSE_MILLIS = 50;

    private final String name;
    private final Path link;
    private final SerialLine line;
    private volatile PseudoTerminal pty;
    private Thread reader;
    private ByteSink fromClient;

    /**
     * @param name names the reader thread
     * @param link where the stable name goes, for example {@code /tmp/roomctl-tty/room-camera}
     * @param line shown in the endpoint (a pty has no speed of its own)
     */
    public VirtualSerialPort(String name, Path link, SerialLine line) {
        this.name = name;
        this.link = link.toAbsolutePath();
        this.line = line;
    }

    @Override
    public synchronized void open(ByteSink fromClient) throws IOException {
        if (pty != null) {
            return;
        }
        PseudoTerminal opened = PseudoTerminal.open();
        try {
            pointLinkAt(opened.slavePath());
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        pty = opened;
        this.fromClient = fromClient;
        reader = new Thread(() -> readLoop(opened, fromClient), name + "-pty");
        reader.setDaemon(true);
        reader.start();
    }

    private void pointLinkAt(Path slave) throws IOException {
        Path parent = link.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.isSymbolicLink(link)) {
            Files.delete(link); // a stale link from an earlier run, or our own previous pty
        } else if (Files.exists(link)) {
            throw new IOException(link + " exists and is not a symbolic link; refusing to replace it");
        }
        Files.createSymbolicLink(link, slave);
    }

    private void readLoop(PseudoTerminal port, ByteSink fromClient) {
        byte[] buffer = new byte[4096];
        boolean hadClient = false;
        while (pty == port) {
            int n;
            try {
                n = port.read(buffer, POLL_MILLIS);
            } catch (IOException e) {
                log.warn("{}: reading {} failed, the port stays open: {}", name, port.slavePath(), e.getMessage());
                n = PseudoTerminal.NO_CLIENT;
            }
            if (n > 0) {
                hadClient = true;
                fromClient.write(Arrays.copyOf(buffer, n));
            } else if (n == PseudoTerminal.NO_CLIENT) {
                if (hadClient) {
                    log.debug("{}: client closed {}", name, link);
                    hadClient = false;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(NO_CLIENT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void send(byte[] data) {
        PseudoTerminal port = pty;
        if (port == null) {
            return;
        }
        try {
            port.write(data);
        } catch (IOException e) {
            log.debug("{}: write to {} failed: {}", name, port.slavePath(), e.getMessage());
        }
    }

    /** A pty cannot close its client's descriptor, so dropping the client is a quick unplug and plug. */
    @Override
    public void dropClient() {
        ByteSink sink;
        synchronized (this) {
            if (pty == null) {
                return;
            }
            sink = fromClient;
        }
        close();
        try {
            open(sink);
        } catch (IOException e) {
            log.warn("{}: could not come back after dropping the client: {}", name, e.getMessage());
        }
    }

    @Override
    public int clients() {
        PseudoTerminal port = pty;
        return port != null && port.clientPresent() ? 1 : 0;
    }

    @Override
    public synchronized boolean isOpen() {
        return pty != null;
    }

    /** The stable name clients open. */
    public Path link() {
        return link;
    }

    @Override
    public Endpoint endpoint() {
        PseudoTerminal port = pty;
        return Endpoint.serial(link.toString(), port != null ? port.slavePath().toString() : null, line.toString());
    }

    @Override
    public void close() {
        PseudoTerminal port;
        Thread waitFor;
        synchronized (this) {
            if (pty == null) {
                return;
            }
            port = pty;
            waitFor = reader;
            pty = null;
            reader = null;
        }
        try {
            waitFor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.close();
        removeLinkTo(port.slavePath());
    }

    private void removeLinkTo(Path slave) {
        try {
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(slave)) {
                Files.delete(link);
            }
        } catch (IOException e) {
            log.debug("{}: could not remove {}: {}", name, link, e.getMessage());
        }
    }
}
