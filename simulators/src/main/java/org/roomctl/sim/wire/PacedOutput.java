package org.roomctl.sim.wire;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.roomctl.contract.config.SerialLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One direction of a serial line: bytes go through in order, and while pacing is on no faster
 * than the line carries them (each byte is handed on when its last bit would have arrived). A
 * device has one for what it sends and one for what it receives. Runs its own thread so that a
 * device keeps reading while it sends.
 */
public final class PacedOutput implements ByteSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PacedOutput.class);
    private static final byte[] STOP = new byte[0];

    private final ByteSink next;
    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile SerialLine line;
    private long wireFreeAt = Long.MIN_VALUE;

    /**
     * @param threadName names the transmitter thread
     * @param line the line to pace at, or null for no pacing (a network link)
     * @param next where the bytes go
     */
    public PacedOutput(String threadName, SerialLine line, ByteSink next) {
        this.line = line;
        this.next = next;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Paces at {@code line} from now on; null sends at once. */
    public void paceAt(SerialLine line) {
        this.line = line;
    }

    @Override
    public void write(byte[] data) {
        if (data.length > 0) {
            queue.add(data);
        }
    }

    private void run() {
        try {
            while (true) {
                byte[] data = queue.take();
                if (data == STOP) {
                    return;
                }
                SerialLine paceAt = line;
                if (paceAt == null) {
                    next.write(data);
                } else {
                    transmit(data, paceAt);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("transmitter {} failed", thread.getName(), e);
        }
    }

    private void transmit(byte[] data, SerialLine paceAt) throws InterruptedException {
        long start = Math.max(System.nanoTime(), wireFreeAt);
        int sent = 0;
        while (sent < data.length) {
            long now = System.nanoTime();
            int due = sent;
            while (due < data.length && start + paceAt.wireNanos(due + 1) <= now) {
                due++;
            }
            if (due > sent) {
                next.write(Arrays.copyOfRange(data, sent, due));
                sent = due;
            } else {
                LockSupport.parkNanos(start + paceAt.wireNanos(sent + 1) - now);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
        wireFreeAt = start + paceAt.wireNanos(data.length);
    }

    /** Stops the transmitter; bytes not yet sent are lost, as when a device is switched off. */
    @Override
    public void close() {
        queue.clear();
        queue.add(STOP);
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
