package org.roomctl.sim.runtime;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import org.roomctl.contract.config.DeviceType;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.sim.wire.LineNoise;
import org.roomctl.sim.wire.LinkFaults;
import org.roomctl.sim.wire.PacedOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link StreamDevice} core on its own thread behind a {@link StreamTransport}: bytes from
 * the client, timers and messages from other devices are all handled on that one thread, so the
 * core needs no locks. Between core and transport sit the wire's faults (silence, and noise on
 * what the device sends) and the transmitter, paced at the serial line's speed when the device
 * has one. Setting the faults again restarts the noise from its seed, so damage repeats.
 */
public final class StreamDeviceSimulator<F extends Record> implements DeviceSimulator {
    private static final Logger log = LoggerFactory.getLogger(StreamDeviceSimulator.class);

    private final String room;
    private final String id;
    private final DeviceType type;
    private final StreamDevice<F> core;
    private final StreamTransport transport;
    private final SerialLine line;
    private final ScheduledExecutorService thread;
    private final PacedOutput transmitter;
    /** The line's other direction: what the controller sends reaches the device at the line's speed too. */
    private final PacedOutput receiver;

    private final Class<F> faultsType;

    // Touched on the device thread only, except link (volatile, replaced whole).
    private volatile LinkFaults link = LinkFaults.NONE;
    private volatile boolean closed;
    private boolean pluggedBefore;
    private LineNoise noise;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;

    /**
     * @param line the serial line the device talks on, or null for a network device (no pacing)
     */
    @SuppressWarnings("unchecked")
    public StreamDeviceSimulator(
            String room, String id, DeviceType type, StreamDevice<F> core, StreamTransport transport, SerialLine line) {
        this.room = room;
        this.id = id;
        this.type = type;
        this.core = core;
        this.transport = transport;
        this.line = line;
        this.faultsType = (Class<F>) core.faults().getClass();
        this.noise = LineNoise.of(LinkFaults.NONE);
        String name = "sim-" + room + "-" + id;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.transmitter = new PacedOutput(name + "-tx", line, transport::send);
        this.receiver = new PacedOutput(name + "-rx", line, this::received);
        try {
            core.attach(this::post);
        } catch (RuntimeException e) {
            thread.shutdownNow();
            transmitter.close();
            receiver.close();
            throw e;
        }
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
        return transport.endpoint();
    }

    private void fromClient(byte[] data) {
        receiver.write(data);
    }

    /** Bytes from the controller, as they come off the line (paced, when the line is). */
    private void received(byte[] data) {
        post(now -> link.silent() ? StreamDevice.NOTHING : core.receive(data, now));
    }

    private void post(LongFunction<byte[]> work) {
        try {
            thread.execute(() -> run(work));
        } catch (RejectedExecutionException e) {
            log.debug("{}/{} is closed; dropped work", room, id);
        }
    }

    private void run(LongFunction<byte[]> work) {
        try {
            send(work.apply(System.nanoTime()));
        } catch (RuntimeException e) {
            log.error("{}/{}: simulator bug while handling input", room, id, e);
        }
    }

    private void send(byte[] data) {
        scheduleWakeUp();
        if (data.length == 0 || link.silent()) {
            return;
        }
        byte[] leaving = noise.apply(data);
        if (leaving.length > 0) {
            transmitter.write(leaving);
        }
    }

    private void scheduleWakeUp() {
        OptionalLong next = core.nextDeadline();
        if (wakeUp != null && !wakeUp.isDone() && next.isPresent() && next.getAsLong() == wakeUpAt) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
        if (next.isPresent() && !thread.isShutdown()) {
            wakeUpAt = next.getAsLong();
            long delay = Math.max(0, wakeUpAt - System.nanoTime());
            wakeUp = thread.schedule(() -> run(core::advance), delay, TimeUnit.NANOSECONDS);
        }
    }

    private <T> T onDeviceThread(Callable<T> work) {
        try {
            return thread.submit(work).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(room + "/" + id + " did not answer in 5 s", e);
        }
    }

    @Override
    public DeviceState state() {
        record Snapshot(Object device, Map<String, Object> faults) {}
        Snapshot s = onDeviceThread(() ->
                new Snapshot(core.state(System.nanoTime()), currentFaults().asMap()));
        return new DeviceState(
                room, id, type.name(), plugged(), endpoint(), transport.clients(), s.faults(), s.device());
    }

    /** The wire's faults and the core's, as the core has them now (a codec's echo changes under its client). */
    private Faults currentFaults() {
        return new Faults(link, core.faults());
    }

    @Override
    public Map<String, Object> faults() {
        return onDeviceThread(() -> currentFaults().asMap());
    }

    @Override
    public void setFaults(Map<String, ?> changes) {
        Map<String, Object> now = onDeviceThread(() -> {
            Faults updated = currentFaults().with(changes);
            link = updated.section(LinkFaults.class);
            noise = LineNoise.of(link);
            transmitter.paceAt(link.pacing() ? line : null);
            receiver.paceAt(link.pacing() ? line : null);
            core.faults(updated.section(faultsType));
            scheduleWakeUp();
            return updated.asMap();
        });
        log.info("{}/{} faults now {}", room, id, now);
    }

    @Override
    public synchronized void plug() throws IOException {
        if (closed) {
            throw new IllegalStateException(room + "/" + id + " is closed");
        }
        if (!transport.isOpen()) {
            transport.open(this::fromClient);
            // the first time is start-up, which the runner's table reports
            if (pluggedBefore) {
                log.info("{}/{} plugged in: {}", room, id, transport.endpoint().describe());
            } else {
                log.debug("{}/{} listening: {}", room, id, transport.endpoint().describe());
            }
            pluggedBefore = true;
        }
    }

    @Override
    public synchronized void unplug() {
        if (transport.isOpen()) {
            transport.close();
            log.info("{}/{} unplugged", room, id);
        }
    }

    @Override
    public boolean plugged() {
        return transport.isOpen();
    }

    @Override
    public void powerCycle() {
        log.info("{}/{} power-cycled", room, id);
        post(core::powerCycle);
    }

    @Override
    public void press(String button) {
        log.info("{}/{}: someone presses {}", room, id, button);
        java.util.concurrent.CompletableFuture<Void> pressed = new java.util.concurrent.CompletableFuture<>();
        post(now -> {
            try {
                byte[] out = core.press(button, now);
                pressed.complete(null);
                return out;
            } catch (IllegalArgumentException e) {
                pressed.completeExceptionally(e);
                return StreamDevice.NOTHING;
            }
        });
        try {
            pressed.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (IllegalArgumentException) e.getCause();
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new IllegalStateException(room + "/" + id + " did not take the button press", e);
        }
    }

    @Override
    public void dropConnection() {
        log.info("{}/{} dropping its client", room, id);
        transport.dropClient();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            transport.close();
        }
        try {
            onDeviceThread(() -> {
                core.detach();
                return null;
            });
        } catch (IllegalStateException e) {
            log.debug("{}/{} did not detach cleanly: {}", room, id, e.getMessage());
        }
        thread.shutdownNow();
        transmitter.close();
        receiver.close();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
