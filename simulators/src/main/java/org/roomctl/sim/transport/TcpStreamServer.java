package org.roomctl.sim.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import org.roomctl.sim.runtime.Endpoint;
import org.roomctl.sim.runtime.StreamTransport;
import org.roomctl.sim.wire.ByteSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device byte stream on a TCP port, one client at a time: a new connection replaces the old
 * one, as on a serial server whose previous user went away without closing.
 */
public final class TcpStreamServer implements StreamTransport {
    private static final Logger log = LoggerFactory.getLogger(TcpStreamServer.class);

    private final TcpListener listener;
    private final String name;
    private volatile ByteSink fromClient;
    private Socket client;

    public TcpStreamServer(String name, String host, int port) {
        this.name = name;
        this.listener = new TcpListener(name, host, port, this::accepted, this::serve);
    }

    @Override
    public void open(ByteSink fromClient) throws IOException {
        this.fromClient = fromClient;
        listener.open();
    }

    /** In the order connections arrive: the newest becomes the client, the one before is closed. */
    private void accepted(Socket socket) {
        Socket previous;
        synchronized (this) {
            previous = client;
            client = socket;
        }
        if (previous != null) {
            log.debug(
                    "{}: new client {} replaces {}",
                    name,
                    socket.getRemoteSocketAddress(),
                    previous.getRemoteSocketAddress());
            TcpListener.closeQuietly(previous);
        }
    }

    private void serve(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    fromClient.write(Arrays.copyOf(buffer, n));
                }
            }
        } finally {
            synchronized (this) {
                if (client == socket) {
                    client = null;
                }
            }
        }
    }

    @Override
    public void send(byte[] data) {
        Socket target;
        synchronized (this) {
            target = client;
        }
        if (target == null) {
            return;
        }
        try {
            OutputStream out = target.getOutputStream();
            synchronized (target) {
                out.write(data);
                out.flush();
            }
        } catch (IOException e) {
            log.debug("{}: lost client while sending: {}", name, e.getMessage());
            TcpListener.closeQuietly(target);
        }
    }

    @Override
    public void dropClient() {
        listener.dropConnections();
    }

    @Override
    public int clients() {
        return listener.connections().size();
    }

    @Override
    public boolean isOpen() {
        return listener.isOpen();
    }

    /** The port listened on. */
    public int port() {
        return listener.port();
    }

    public String host() {
        return listener.host();
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.tcp(listener.host(), listener.port());
    }

    @Override
    public void close() {
        listener.close();
    }
}
