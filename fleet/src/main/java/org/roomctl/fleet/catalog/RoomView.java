package org.roomctl.fleet.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.roomctl.contract.Json;
import org.roomctl.contract.RoomInfo;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.RoomState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every room as the bus says it is now: the agents' retained info, availability and state,
 * followed live. Each app instance keeps its own (they all see every message). Listeners hear
 * of every change, with the call before and after, on the bus client's dispatch thread.
 */
public final class RoomView {
    private static final Logger log = LoggerFactory.getLogger(RoomView.class);

    /** A room changed. {@code previous} is null the first time the room is heard of. */
    public interface Listener {
        void changed(RoomSnapshot previous, RoomSnapshot current);
    }

    private final Topics topics;
    private final Clock clock;
    private final Map<String, RoomSnapshot> rooms = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public RoomView(Topics topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Subscribes to every room's info, availability and state. */
    public CompletableFuture<Void> follow(BusClient bus) {
        return CompletableFuture.allOf(
                bus.subscribe(topics.everyRoom("info"), 1, this::accept),
                bus.subscribe(topics.everyRoom("availability"), 1, this::accept),
                bus.subscribe(topics.everyRoom("state"), 1, this::accept));
    }

    /** One message from the bus; anything that is not a room's info, availability or state is ignored. */
    public void accept(BusMessage m) {
        Optional<Topics.RoomTopic> t = topics.parse(m.topic());
        if (t.isEmpty()) {
            return;
        }
        String room = t.get().room();
        if (m.payload().length == 0) {
            return; // a cleared retained message
        }
        try {
            switch (t.get().rest()) {
                case "info" -> update(room, s -> s.withInfo(Json.read(m.payload(), RoomInfo.class)));
                case "availability" -> {
                    String a = m.text().trim();
                    if (!a.equals(RoomSnapshot.ONLINE) && !a.equals(RoomSnapshot.OFFLINE)) {
                        log.warn("room {}: availability '{}' is neither online nor offline; ignored", room, a);
                        return;
                    }
                    update(room, s -> s.withAvailability(a, m.receivedAt() != null ? m.receivedAt() : clock.instant()));
                }
                case "state" -> {
                    RoomState state = Json.read(m.payload(), RoomState.class);
                    update(room, s -> newer(s.state(), state) ? s.withState(state) : s);
                }
                default -> {}
            }
        } catch (IllegalArgumentException e) {
            log.warn("room {}: unreadable {} message ignored: {}", room, t.get().rest(), e.getMessage());
        }
    }

    /** A snapshot replaces another only if it is not older (a late retained copy must not win). */
    private static boolean newer(RoomState current, RoomState next) {
        if (current == null || current.timestamp() == null || next.timestamp() == null) {
            return true;
        }
        return !next.timestamp().isBefore(current.timestamp());
    }

    private void update(String room, java.util.function.UnaryOperator<RoomSnapshot> change) {
        RoomSnapshot[] before = new RoomSnapshot[1];
        RoomSnapshot after = rooms.compute(room, (id, s) -> {
            before[0] = s;
            return change.apply(s != null ? s : RoomSnapshot.empty(id, clock.instant()));
        });
        if (!Objects.equals(before[0], after)) {
            for (Listener l : listeners) {
                try {
                    l.changed(before[0], after);
                } catch (RuntimeException e) {
                    log.error("room view listener failed", e);
                }
            }
        }
    }

    public Optional<RoomSnapshot> room(String id) {
        return Optional.ofNullable(rooms.get(id));
    }

    public Collection<RoomSnapshot> rooms() {
        return rooms.values();
    }

    /** Whether two calls are the same call in the same state, for telling call changes from other changes. */
    public static boolean sameCall(CallState a, CallState b) {
        return Objects.equals(a.state(), b.state()) && Objects.equals(a.peer(), b.peer());
    }
}
