package org.roomctl.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.roomctl.contract.Json;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.state.RoomState;

/**
 * A plain MQTT subscriber, the baseline a page's live stream is measured against: it waits for
 * the next message on a topic that passes a test and gets the time it arrived. It keeps every
 * room's latest state too, for waiting until rooms settle.
 */
final class BusWatch implements AutoCloseable {
    private record Watch(String topic, Predicate<BusMessage> test, CompletableFuture<Long> arrived) {}

    private final BusClient bus;
    private final List<Watch> watches = new ArrayList<>();
    private final Map<String, RoomState> latest = new ConcurrentHashMap<>();

    /** Connects and subscribes to {@code filter} (the states of the rooms watched). */
    BusWatch(String brokerUri, String filter) throws Exception {
        bus = new BusClient(BusOptions.to(brokerUri, "bench-watch-" + UUID.randomUUID()));
        bus.connect().get(10, TimeUnit.SECONDS);
        bus.subscribe(filter, 1, this::arrived).get(10, TimeUnit.SECONDS);
    }

    private void arrived(BusMessage m) {
        long now = System.nanoTime();
        if (m.topic().endsWith("/state") && m.payload().length > 0) {
            try {
                RoomState s = Json.read(m.payload(), RoomState.class);
                latest.put(s.room(), s);
            } catch (IllegalArgumentException e) {
                // not a room state: nothing to keep
            }
        }
        List<Watch> hit = new ArrayList<>();
        synchronized (watches) {
            watches.removeIf(w -> {
                if (w.topic().equals(m.topic()) && w.test().test(m)) {
                    hit.add(w);
                    return true;
                }
                return false;
            });
        }
        hit.forEach(w -> w.arrived().complete(now));
    }

    /** Completes with the arrival (System.nanoTime) of the next message on {@code topic} passing {@code test}. */
    CompletableFuture<Long> next(String topic, Predicate<BusMessage> test) {
        Watch w = new Watch(topic, test, new CompletableFuture<>());
        synchronized (watches) {
            watches.add(w);
        }
        return w.arrived();
    }

    /** The room's latest state as published, or null. */
    RoomState state(String room) {
        return latest.get(room);
    }

    /** Waits until {@code ready} holds, at most {@code timeout}. */
    static void await(Duration timeout, String what, java.util.function.BooleanSupplier ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        bus.close();
    }
}
