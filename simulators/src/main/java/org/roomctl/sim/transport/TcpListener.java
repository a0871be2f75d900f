package org.roomctl.sim.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server socket that hands each connection to a handler on a thread of its own and keeps
 * track of the open connections. It can be closed and opened again; a port chosen by the system
 * (port 0) is kept for later openings.
 */
public final class TcpListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TcpListener.class);

    /** Serves one connection until it ends; the listener closes the socket afterwards. */
    @FunctionalInterface
    public interface ConnectionHandler {
        void serve(Socket socket) throws IOException;
    }

    private final String name;
    private final String host;
    private final Consumer<Socket> onAccept;
    private final ConnectionHandler handler;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private volatile int port;
    private ServerSocket server;
    private Thread acceptor;

    /**
     * @param name names the threads, for example {@code sim-sydney-harbour-display}
     * @param port the port, 0 for any free one
     */
    public TcpListener(String name, String host, int port, ConnectionHandler handler) {
        this(name, host, port, socket -> {}, handler);
    }

    /**
     * @param onAccept called on the accepting thread, in the order connections arrive, before the
     *     connection's own thread starts
     */
    public TcpListener(String name, String host, int port, Consumer<Socket> onAccept, ConnectionHandler handler) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.onAccept = onAccept;
        this.handler = handler;
    }

    public synchronized void open() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        port = s.getLocalPort();
        server = s;
        acceptor = new Thread(() -> acceptLoop(s), name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public synchronized boolean isOpen() {
        return server != null;
    }

    public String host() {
        return host;
    }

    /** The port listened on (after the first opening, the real one). */
    public int port() {
        return port;
    }

    /** The connections open now, oldest first. */
    public List<Socket> connections() {
        return List.copyOf(connections);
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (!s.isClosed()) {
                    log.debug("{}: accept failed: {}", name, e.getMessage());
                }
                continue;
            }
            connections.add(socket);
            log.debug("{}: client {} connected", name, socket.getRemoteSocketAddress());
            onAccept.accept(socket);
            Thread t = new Thread(() -> serve(socket), name + "-conn-" + connectionCount.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        try {
            handler.serve(socket);
        } catch (SocketException e) {
            log.debug("{}: client {} gone: {}", name, socket.getRemoteSocketAddress(), e.getMessage());
        } catch (IOException e) {
            log.debug("{}: client {} failed: {}", name, socket.getRemoteSocketAddress(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("{}: simulator bug serving {}", name, socket.getRemoteSocketAddress(), e);
        } finally {
            closeQuietly(socket);
            connections.remove(socket);
            log.debug("{}: client {} disconnected", name, socket.getRemoteSocketAddress());
        }
    }

    /** Closes every open connection; the listener keeps listening. */
    public void dropConnections() {
        connections.forEach(TcpListener::closeQuietly);
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        Thread waitFor;
        synchronized (this) {
            if (server == null) {
                return;
            }
            closeQuietly(server);
            server = null;
            waitFor = acceptor;
            acceptor = null;
        }
        dropConnections();
        try {
            waitFor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
