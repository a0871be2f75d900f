package org.roomctl.agent.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Raw TCP: a network protocol such as PJLink, or serial bytes through a raw serial bridge (iTach
 * IP2SL, ser2net raw mode). TCP_NODELAY is set: these protocols send small frames and wait for
 * the answer, the worst case for Nagle's algorithm.
 */
public final class TcpTransport extends ReconnectingTransport {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofMillis(200);

    private final String host;
    private final int port;
    private final String description;

    /**
     * @param host the device or bridge
     * @param port its port
     * @param what what is at the other end, for the description ("tcp" or "bridge")
     */
    public TcpTransport(String host, int port, String what, Backoff backoff) {
        super(backoff);
        this.host = host;
        this.port = port;
        this.description = what + " " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    protected String threadName() {
        return description;
    }

    @Override
    protected Link open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            return new SocketLink(socket);
        } catch (IOException e) {
            socket.close();
            throw new IOException(explain(e), e);
        }
    }

    private String explain(IOException e) {
        String where = host + ":" + port;
        if (e instanceof UnknownHostException) {
            return "unknown host " + host;
        }
        if (e instanceof ConnectException) {
            return "connection refused by " + where;
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer from " + where + " within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to " + where;
        }
        return "cannot connect to " + where + ": " + e.getMessage();
    }

    private final class SocketLink implements Link {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        SocketLink(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public int read(byte[] buffer) throws IOException {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("connection closed by " + host + ":" + port);
                }
                return n;
            } catch (SocketTimeoutException e) {
                return 0;
            }
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing left to do
            }
        }
    }
}
