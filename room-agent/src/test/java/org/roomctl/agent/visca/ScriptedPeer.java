package org.roomctl.agent.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device end of a real TCP socket, for device tests (VISCA and WolfProt alike). It reads what the
 * driver sends and cuts it into frames; frames with a standing answer (status checks, housekeeping)
 * are answered at once; every other frame is handed to the test, which asserts it with {@link
 * #expect} and answers from its script with {@link #send}. It can fall silent, drop the connection,
 * and accepts the driver's reconnections. Frames are written as upper-case hex, {@code "81 01 FF"}.
 */
public final class ScriptedPeer implements AutoCloseable {
    /** Where the first frame ends in what was received so far. */
    @FunctionalInterface
    public interface Framing {
        /** @return the length of the first whole frame in {@code bytes[0..length)}, or 0 if incomplete */
        int frameLength(byte[] bytes, int length);
    }

    /** VISCA: up to and including FF. */
    public static final Framing VISCA = (bytes, length) -> {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == (byte) 0xFF) {
                return i + 1;
            }
        }
        return 0;
    };

    /** WolfProt requests: header, command, length, data. */
    public static final Framing WOLFPROT = (bytes, length) -> {
        if (length < 3) {
            return 0;
        }
        int total = 3 + (bytes[2] & 0xFF);
        return length >= total ? total : 0;
    };

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ServerSocket server;
    private final Framing framing;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<String> unanswered = new LinkedBlockingQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean silent;
    private volatile Socket connection;
    private final Object writeLock = new Object();

    public ScriptedPeer(Framing framing) throws IOException {
        this.framing = framing;
        this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "scripted peer :" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, answers {@code request} with {@code reply} (one or more frames) by itself. */
    public ScriptedPeer answer(String request, String reply) {
        answers.put(hex(request), hex(reply));
        return this;
    }

    /** Stops answering {@code request} by itself: it goes to the test again. */
    public void forget(String request) {
        answers.remove(hex(request));
    }

    /** A silent peer reads and records, but answers nothing. */
    public void silent(boolean silent) {
        this.silent = silent;
    }

    /** The next frame without a standing answer; fails if none comes within five seconds. */
    public String next() {
        try {
            String frame = unanswered.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                fail("the driver sent nothing (beyond standing questions) within " + WAIT.toSeconds()
                        + " s; all it sent: " + received);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts the next frame without a standing answer. */
    public ScriptedPeer expect(String frame) {
        assertThat(next()).isEqualTo(hex(frame));
        return this;
    }

    /** Asserts that no frame without a standing answer comes within {@code window}. */
    public void expectNothingWithin(Duration window) throws InterruptedException {
        String frame = unanswered.poll(window.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("frame sent too early").isNull();
    }

    /** Writes bytes to the driver, in one write. */
    public ScriptedPeer send(String bytes) {
        write(HexFormat.ofDelimiter(" ").parseHex(hex(bytes)));
        return this;
    }

    /** Writes bytes to the driver one at a time, each flushed on its own (awkward split points). */
    public ScriptedPeer sendByteByByte(String bytes) {
        for (byte b : HexFormat.ofDelimiter(" ").parseHex(hex(bytes))) {
            write(new byte[] {b});
        }
        return this;
    }

    /** How many times the driver sent {@code frame}, on any connection. */
    public int count(String frame) {
        String wanted = hex(frame);
        return (int) received.stream().filter(wanted::equals).count();
    }

    /** Everything the driver sent, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Connections the driver has made. */
    public int connections() {
        return connections.get();
    }

    /** Closes the current connection (the driver should reconnect). */
    public void drop() throws IOException {
        Socket s = connection;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
    }

    private void write(byte[] bytes) {
        Socket s = connection;
        assertThat(s).as("a connection from the driver").isNotNull();
        try {
            synchronized (writeLock) {
                OutputStream out = s.getOutputStream();
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setTcpNoDelay(true);
                connection = s;
                connections.incrementAndGet();
                read(s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                // closed by the driver, the test, or close(): wait for the next connection
            }
        }
    }

    private void read(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[4096];
        int length = 0;
        int n;
        while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
            length += n;
            int frame;
            while ((frame = framing.frameLength(buffer, length)) > 0) {
                handle(HEX.formatHex(buffer, 0, frame), out);
                System.arraycopy(buffer, frame, buffer, 0, length - frame);
                length -= frame;
            }
        }
    }

    private void handle(String frame, OutputStream out) throws IOException {
        received.add(frame);
        if (silent) {
            return;
        }
        String reply = answers.get(frame);
        if (reply == null) {
            unanswered.add(frame);
            return;
        }
        synchronized (writeLock) {
            out.write(HexFormat.ofDelimiter(" ").parseHex(reply));
            out.flush();
        }
    }

    /** Normalises hex written any way ("81 01 ff", "8101FF") to "81 01 FF". */
    static String hex(String hex) {
        String compact = hex.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return HEX.formatHex(HexFormat.of().parseHex(compact));
    }
}
