package org.roomctl.sim.transport;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The master side of a Linux pseudo-terminal, in raw mode: a client opening the slave
 * ({@link #slavePath()}) sees a serial port whose bytes travel unchanged both ways.
 *
 * <p>Reads use {@code poll()} with a timeout, so a reader thread can notice that it should stop.
 * While no client has the slave open the kernel reports a hang-up ({@code POLLHUP}, and
 * {@code EIO} from {@code read}); that is a normal state here, reported as {@link #NO_CLIENT}.
 * Not thread-safe for closing: close only after the reader has stopped.
 */
public final class PseudoTerminal implements AutoCloseable {
    /** What {@link #read} returns while nobody has the slave side open. */
    public static final int NO_CLIENT = -1;

    private static final LibC C = LibC.INSTANCE;

    private final int master;
    private final Path slavePath;
    private volatile boolean closed;

    private PseudoTerminal(int master, Path slavePath) {
        this.master = master;
        this.slavePath = slavePath;
    }

    /** Creates a pseudo-terminal pair and puts it in raw mode (no echo, no translation, 8 bit). */
    public static PseudoTerminal open() throws IOException {
        int fd;
        try {
            fd = C.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK);
        } catch (LastErrorException e) {
            throw new IOException("posix_openpt failed: errno " + e.getErrorCode(), e);
        }
        try {
            C.grantpt(fd);
            C.unlockpt(fd);
            byte[] name = new byte[128];
            int rc = C.ptsname_r(fd, name, name.length);
            if (rc != 0) {
                throw new IOException("ptsname_r failed: error " + rc);
            }
            int len = 0;
            while (len < name.length && name[len] != 0) {
                len++;
            }
            Memory termios = new Memory(LibC.TERMIOS_SIZE);
            termios.clear();
            C.tcgetattr(fd, termios);
            C.cfmakeraw(termios);
            C.tcsetattr(fd, LibC.TCSANOW, termios);
            Path slave = Path.of(new String(name, 0, len, StandardCharsets.US_ASCII));
            // Until the slave has been opened once the master reports no hang-up, so bytes written
            // then would wait for the first client. Opening and closing it puts the pair in the
            // "nobody listening" state a closed serial port has.
            closeQuietly(C.open(slave.toString(), LibC.O_RDWR | LibC.O_NOCTTY));
            return new PseudoTerminal(fd, slave);
        } catch (LastErrorException | IOException e) {
            closeQuietly(fd);
            throw e instanceof IOException io ? io : new IOException("cannot set up the pseudo-terminal", e);
        }
    }

    /** The slave device a client opens, for example {@code /dev/pts/4}. */
    public Path slavePath() {
        return slavePath;
    }

    /** Whether a client has the slave side open now. */
    public boolean clientPresent() {
        return (poll((short) 0, 0) & LibC.POLLHUP) == 0;
    }

    /**
     * Reads what the client wrote, waiting at most {@code timeoutMillis}.
     *
     * @return the number of bytes read, 0 when nothing arrived in time, or {@link #NO_CLIENT}
     */
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        short revents = poll(LibC.POLLIN, timeoutMillis);
        if ((revents & LibC.POLLIN) == 0) {
            return (revents & LibC.POLLHUP) != 0 ? NO_CLIENT : 0;
        }
        try {
            return (int) C.read(master, buffer, buffer.length);
        } catch (LastErrorException e) {
            return switch (e.getErrorCode()) {
                case LibC.EIO -> NO_CLIENT;
                case LibC.EAGAIN, LibC.EINTR -> 0;
                default -> throw new IOException("read from " + slavePath + " failed: errno " + e.getErrorCode(), e);
            };
        }
    }

    /**
     * Sends bytes to the client. Like a UART with nobody listening, bytes written while no client
     * has the port open, or that the client's full buffer cannot take, are lost.
     *
     * @return the number of bytes the client's side accepted
     */
    public synchronized int write(byte[] data) throws IOException {
        if (closed || !clientPresent()) {
            return 0;
        }
        int done = 0;
        while (done < data.length) {
            byte[] rest = done == 0 ? data : Arrays.copyOfRange(data, done, data.length);
            try {
                long n = C.write(master, rest, rest.length);
                done += (int) n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == LibC.EAGAIN || e.getErrorCode() == LibC.EIO) {
                    return done;
                }
                throw new IOException("write to " + slavePath + " failed: errno " + e.getErrorCode(), e);
            }
        }
        return done;
    }

    private short poll(short events, int timeoutMillis) {
        // struct pollfd { int fd; short events; short revents; }; one per call, so a writer
        // checking for a client never waits for the reader's poll.
        Memory pollFd = new Memory(8);
        pollFd.setInt(0, master);
        pollFd.setShort(4, events);
        pollFd.setShort(6, (short) 0);
        try {
            int n = C.poll(pollFd, 1, timeoutMillis);
            return n > 0 ? pollFd.getShort(6) : 0;
        } catch (LastErrorException e) {
            return 0; // EINTR: as if nothing happened
        }
    }

    /** Closes the master: the slave disappears and a client still holding it sees a hang-up. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(master);
        }
    }

    private static void closeQuietly(int fd) {
        try {
            C.close(fd);
        } catch (LastErrorException ignored) {
            // nothing more to do for a descriptor that is going away
        }
    }
}
