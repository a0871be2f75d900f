package org.roomctl.panel.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.connect.Connection;

/**
 * Waits for a room to report something (its call started, its call ended) or for a connection to
 * move on, so an answer to a person says what the room really did. A wait that times out
 * completes exceptionally with a {@link java.util.concurrent.TimeoutException}.
 */
public final class RoomWaits {
    private record Waiter<T>(String key, Predicate<T> until, CompletableFuture<T> result) {}

    private final Fleet fleet;
    private final List<Waiter<RoomSnapshot>> rooms = new CopyOnWriteArrayList<>();
    private final List<Waiter<Connection>> connections = new CopyOnWriteArrayList<>();

    public RoomWaits(Fleet fleet) {
        this.fleet = fleet;
        fleet.rooms().addListener((before, now) -> check(rooms, now.id(), now));
        fleet.connections().addListener(c -> check(connections, Long.toString(c.id()), c));
    }

    /** Completes with the room's snapshot once {@code until} holds for it (at once if it does now). */
    public CompletableFuture<RoomSnapshot> room(String room, Predicate<RoomSnapshot> until, Duration timeout) {
        Waiter<RoomSnapshot> w = add(rooms, room, until, timeout);
        fleet.rooms().room(room).ifPresent(s -> check(rooms, room, s));
        return w.result();
    }

    /**
     * Completes with the connection once {@code until} holds for it. Hears the transitions this
     * app instance records (the connections it dialled) and checks the database once at the start.
     */
    public CompletableFuture<Connection> connection(long id, Predicate<Connection> until, Duration timeout) {
        Waiter<Connection> w = add(connections, Long.toString(id), until, timeout);
        fleet.connections().find(id).ifPresent(c -> check(connections, Long.toString(id), c));
        return w.result();
    }

    private static <T> Waiter<T> add(List<Waiter<T>> list, String key, Predicate<T> until, Duration timeout) {
        Waiter<T> w = new Waiter<>(key, until, new CompletableFuture<>());
        list.add(w);
        w.result().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((x, e) -> list.remove(w));
        return w;
    }

    private static <T> void check(List<Waiter<T>> list, String key, T value) {
        for (Waiter<T> w : list) {
            if (w.key().equals(key) && !w.result().isDone() && w.until().test(value)) {
                w.result().complete(value);
            }
        }
    }
}
