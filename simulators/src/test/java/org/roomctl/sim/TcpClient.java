package org.roomctl.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A driver's end of a TCP connection, for integration tests. */
public final class TcpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    private TcpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        socket.setSoTimeout(50);
    }

    public static TcpClient connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 2000);
        return new TcpClient(socket);
    }

    public void write(byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads until {@code count} bytes arrived, the peer closed, or {@code timeout} passed. */
    public byte[] read(int count, Duration timeout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long end = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[1024];
        while (out.size() < count && System.nanoTime() < end) {
            try {
                int n = in.read(buffer, 0, Math.min(buffer.length, count - out.size()));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                // keep waiting
            }
        }
        return out.toByteArray();
    }

    /** Reads until the text contains {@code marker}, the peer closed, or {@code timeout} passed. */
    public String readUntil(String marker, Duration timeout) throws IOException {
        StringBuilder text = new StringBuilder();
        long end = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[1024];
        while (!text.toString().contains(marker) && System.nanoTime() < end) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                // keep waiting
            }
        }
        return text.toString();
    }

    /** Whether the peer has closed the connection (waits up to {@code timeout} for the end of stream). */
    public boolean closedByPeer(Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[256];
        while (System.nanoTime() < end) {
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // keep waiting
            } catch (IOException e) {
                return true; // reset by peer
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
