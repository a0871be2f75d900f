package org.roomctl.fleet.connect;

import static org.roomctl.schema.jooq.Tables.CONNECTION;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.exception.DataAccessException;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.Errors;
import org.roomctl.contract.Json;
import org.roomctl.contract.Reply;
import org.roomctl.contract.RoomRequests;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.command.BadCommandException;
import org.roomctl.contract.command.Command;
import org.roomctl.contract.state.CallState;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.catalog.RoomView;
import org.roomctl.schema.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects rooms and follows their connections, the one logic both apps use.
 *
 * <p>{@link #connect} refuses at once, with a reason, a connection that cannot work (a room
 * unknown, disabled, offline or busy); otherwise it records the connection (the database
 * refuses a room in two) and sends, as MQTT 5 requests, {@code call.answer} for the caller's
 * address to the callee and {@code call.dial} of the callee's address to the caller. From then on
 * the connection follows the replies and the rooms' retained state: requested, dialling,
 * connected, ended; or failed with the reason, in which case whichever side did connect is hung
 * up.
 *
 * <p>Several instances may run: each sees every room change and tries each transition, but a
 * transition is a compare-and-set in the database, so one records it and only that one acts on
 * it (hangs up, announces it). Only the instance that claims a dial sends it. A periodic sweep
 * checks every open connection against the rooms, dials connections whose instance died before
 * dialling, and times out what took too long: so an instance that restarts picks up the open
 * connections and reconciles them.
 */
public final class ConnectionService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);
    private static final EnumSet<ConnectionStatus> BEFORE_CONNECTED =
            EnumSet.of(ConnectionStatus.REQUESTED, ConnectionStatus.DIALLING);

    private final ConnectionStore store;
    private final CatalogStore catalog;
    private final RoomView view;
    private final BusClient bus;
    private final Topics topics;
    private final RoomRequests requests;
    private final Clock clock;
    private final ConnectionSettings settings;
    private final ScheduledThreadPoolExecutor worker;
    private final List<Consumer<Connection>> listeners = new CopyOnWriteArrayList<>();
    private String lastSweepFailure;
    /** How long to wait for a codec to say how a call ended before blaming the first room out. */
    static final Duration CAUSE_GRACE = Duration.ofMillis(1500);

    private record FirstOut(String room, Instant at) {}

    /** Connected connections with one room out of the call, and which was out first (worker thread only). */
    private final Map<Long, FirstOut> firstOut = new java.util.HashMap<>();

    public ConnectionService(
            ConnectionStore store,
            CatalogStore catalog,
            RoomView view,
            BusClient bus,
            Topics topics,
            Clock clock,
            ConnectionSettings settings) {
        this.store = store;
        this.catalog = catalog;
        this.view = view;
        this.bus = bus;
        this.topics = topics;
        this.requests = new RoomRequests(bus, topics);
        this.clock = clock;
        this.settings = settings;
        this.worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "connections");
            t.setDaemon(true);
            return t;
        });
    }

    /** Follows the rooms and starts the sweep (which also reconciles what is open now). */
    public void start() {
        view.addListener(this::roomChanged);
        long every = settings.sweepInterval().toMillis();
        worker.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Hears of every transition this instance records (other instances' come over the bus). */
    public void addListener(Consumer<Connection> listener) {
        listeners.add(listener);
    }

    // ---- asking ----

    /**
     * Connects {@code caller} to {@code callee}: refuses at once if that cannot work, otherwise
     * records it and starts dialling. Returns without waiting for the call.
     *
     * @param key an idempotency key: asking again with it returns the same connection
     * @throws ConnectionRefusedException with the reason in words
     */
    public Connection connect(String caller, String callee, String requestedBy, RequestedVia via, String key)
            throws ConnectionRefusedException {
        if (caller.equals(callee)) {
            throw new ConnectionRefusedException(
                    ConnectionRefusedException.Reason.SAME_ROOM, "a room cannot call itself");
        }
        try {
            if (key != null) {
                Optional<Connection> earlier = store.findByKey(key);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            RoomSnapshot a = usable(caller);
            RoomSnapshot b = usable(callee);
            Connection c;
            try {
                c = store.create(caller, callee, requestedBy, via, key, clock.instant());
            } catch (ConnectionStore.RoomTakenException e) {
                throw new ConnectionRefusedException(
                        ConnectionRefusedException.Reason.BUSY,
                        name(caller) + " or " + name(callee) + " is already being connected to another room");
            } catch (ConnectionStore.DuplicateKeyException e) {
                return store.findByKey(key).orElseThrow();
            }
            log.info(
                    "connection {}: {} -> {} requested by {} ({})",
                    c.id(),
                    caller,
                    callee,
                    requestedBy,
                    via.wireName());
            announce(c, null);
            Optional<Connection> claimed = store.claimDial(c.id(), clock.instant());
            if (claimed.isPresent()) {
                announce(claimed.get(), ConnectionStatus.REQUESTED);
                worker.execute(() -> dial(claimed.get(), a, b));
                return claimed.get();
            }
            return store.find(c.id()).orElse(c);
        } catch (DataAccessException | DatabaseUnavailableException e) {
            throw databaseDown(e);
        }
    }

    /**
     * Hangs up both rooms of a connection; it ends once both report no call.
     *
     * @return the connection now (disconnecting, or already ended)
     * @throws ConnectionRefusedException if there is no such connection or the database is down
     */
    public Connection disconnect(long id, String requestedBy) throws ConnectionRefusedException {
        try {
            Connection c = store.find(id)
                    .orElseThrow(() -> new ConnectionRefusedException(
                            ConnectionRefusedException.Reason.NOT_FOUND, "there is no connection " + id));
            if (!c.status().open() || c.status() == ConnectionStatus.DISCONNECTING) {
                return c;
            }
            Optional<Connection> d = store.transition(
                    id,
                    EnumSet.of(ConnectionStatus.REQUESTED, ConnectionStatus.DIALLING, ConnectionStatus.CONNECTED),
                    ConnectionStatus.DISCONNECTING,
                    "by " + requestedBy,
                    clock.instant(),
                    u -> {});
            if (d.isEmpty()) {
                return store.find(id).orElse(c);
            }
            log.info("connection {}: disconnect requested by {}", id, requestedBy);
            announce(d.get(), c.status());
            worker.execute(() -> {
                hangUp(d.get().caller(), d.get());
                hangUp(d.get().callee(), d.get());
                evaluate(d.get());
            });
            return d.get();
        } catch (DataAccessException | DatabaseUnavailableException e) {
            throw databaseDown(e);
        }
    }

    public Optional<Connection> find(long id) {
        return store.find(id);
    }

    /** The open connection holding {@code room}, if any. */
    public Optional<Connection> openFor(String room) {
        return store.open(room).stream().findFirst();
    }

    public List<ConnectionEvent> events(long id) {
        return store.events(id);
    }

    /** A room that can take part in a new connection, or the reason it cannot. */
    private RoomSnapshot usable(String room) throws ConnectionRefusedException {
        CatalogRoom entry = catalog.room(room)
                .orElseThrow(() -> new ConnectionRefusedException(
                        ConnectionRefusedException.Reason.UNKNOWN_ROOM, "there is no room '" + room + "'"));
        if (!entry.enabled()) {
            throw new ConnectionRefusedException(
                    ConnectionRefusedException.Reason.DISABLED, entry.name() + " is disabled by an administrator");
        }
        RoomSnapshot s = view.room(room).orElse(null);
        if (s == null || !s.online()) {
            throw new ConnectionRefusedException(
                    ConnectionRefusedException.Reason.OFFLINE,
                    entry.name() + " is offline: its room agent is not connected");
        }
        if (s.codecUri() == null) {
            throw new ConnectionRefusedException(
                    ConnectionRefusedException.Reason.NO_CODEC, entry.name() + " has no video codec to call with");
        }
        if (!s.codecOnline()) {
            String why = s.codec() == null ? "not reported yet" : s.codec().reason();
            throw new ConnectionRefusedException(
                    ConnectionRefusedException.Reason.OFFLINE, entry.name() + "'s video codec is offline: " + why);
        }
        CallState call = s.call();
        if (!call.isIdle()) {
            throw new ConnectionRefusedException(
                    ConnectionRefusedException.Reason.BUSY, entry.name() + " is busy: " + describe(call));
        }
        Optional<Connection> open = store.open(room).stream().findFirst();
        if (open.isPresent()) {
            throw new ConnectionRefusedException(
                    ConnectionRefusedException.Reason.BUSY,
                    entry.name() + " is busy: being connected to "
                            + name(open.get().other(room)));
        }
        return s;
    }

    private String describe(CallState call) {
        String peer = call.peer() == null ? "" : " with " + call.peer();
        return switch (call.state()) {
            case CallState.CONNECTED -> "in a call" + peer;
            case "ringing" -> "a call is ringing" + peer;
            default -> "a call is " + call.state() + peer;
        };
    }

    private String name(String room) {
        try {
            return catalog.room(room).map(CatalogRoom::name).orElse(room);
        } catch (DataAccessException e) {
            return room;
        }
    }

    private static ConnectionRefusedException databaseDown(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return new ConnectionRefusedException(
                ConnectionRefusedException.Reason.DATABASE_UNAVAILABLE,
                "the database is unavailable, so nothing was changed: " + t.getMessage(),
                e);
    }

    // ---- dialling ----

    private void dial(Connection c, RoomSnapshot caller, RoomSnapshot callee) {
        long window = settings.answerWindow().toSeconds();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("uri", caller.codecUri());
        answer.put("window", window);
        request(c, c.callee(), "call.answer", answer, settings.answerWindow().plus(settings.requestTimeout()))
                .whenCompleteAsync((reply, e) -> answered(c, reply, e), worker);
        request(c, c.caller(), "call.dial", Map.of("uri", callee.codecUri()), settings.requestTimeout())
                .whenCompleteAsync((reply, e) -> dialled(c, reply, e), worker);
    }

    private void dialled(Connection c, Reply reply, Throwable e) {
        if (e != null) {
            fail(c, name(c.caller()) + "'s room agent did not answer the dial request: " + Errors.rootMessage(e));
        } else if (!reply.ok()) {
            fail(
                    c,
                    name(c.caller()) + " could not dial " + name(c.callee()) + ": "
                            + reply.error().message());
        }
    }

    private void answered(Connection c, Reply reply, Throwable e) {
        if (e != null) {
            fail(c, name(c.callee()) + "'s room agent did not answer: " + Errors.rootMessage(e));
        } else if (!reply.ok()) {
            fail(
                    c,
                    reply.error().code() == ErrorCode.TIMEOUT
                            ? "the call from " + name(c.caller()) + " did not reach " + name(c.callee()) + " within "
                                    + settings.answerWindow().toSeconds() + " s"
                            : name(c.callee()) + " could not answer: "
                                    + reply.error().message());
        }
    }

    /** Sends a command as an MQTT 5 request that expires when we stop waiting for it. */
    private CompletableFuture<Reply> request(
            Connection c, String room, String action, Map<String, Object> args, Duration timeout) {
        Command command;
        try {
            command = Command.of(action, args).withId("connection-" + c.id() + "-" + action, "connection:" + c.id());
        } catch (BadCommandException e) {
            return CompletableFuture.failedFuture(e);
        }
        return requests.send(room, command, timeout);
    }

    private void hangUp(String room, Connection c) {
        request(c, room, "call.hangup", Map.of(), settings.requestTimeout()).whenComplete((reply, e) -> {
            if (e != null || !reply.ok()) {
                log.info(
                        "connection {}: hang-up in {} not confirmed: {}",
                        c.id(),
                        room,
                        e != null ? Errors.rootMessage(e) : reply.error().message());
            }
        });
    }

    private void fail(Connection c, String reason) {
        try {
            Optional<Connection> failed = store.transition(
                    c.id(),
                    BEFORE_CONNECTED,
                    ConnectionStatus.FAILED,
                    reason,
                    clock.instant(),
                    u -> u.set(CONNECTION.FAILURE_REASON, reason));
            failed.ifPresent(f -> {
                log.info("connection {}: failed: {}", c.id(), reason);
                announce(f, null);
                // Whatever side did connect (or is ringing) is hung up.
                hangUp(f.caller(), f);
                hangUp(f.callee(), f);
            });
        } catch (DataAccessException | DatabaseUnavailableException e) {
            log.warn("connection {}: could not record the failure ({}); the sweep will", c.id(), Errors.rootMessage(e));
        }
    }

    // ---- following ----

    private void roomChanged(RoomSnapshot previous, RoomSnapshot current) {
        boolean callChanged = previous == null || !RoomView.sameCall(previous.call(), current.call());
        boolean availabilityChanged =
                previous == null || !previous.availability().equals(current.availability());
        if (callChanged || availabilityChanged) {
            CallState before = previous == null ? null : previous.call();
            Instant seen = clock.instant();
            worker.execute(() -> roomMoved(current.id(), before, current, seen));
        }
    }

    /** @param seen when this instance heard of the change (it may be handled a little later) */
    private void roomMoved(String room, CallState before, RoomSnapshot now, Instant seen) {
        try {
            for (Connection c : store.open(room)) {
                if (c.status() == ConnectionStatus.DIALLING
                        && before != null
                        && !before.isIdle()
                        && now.call().isIdle()
                        && (c.dialledAt() == null || !seen.isBefore(c.dialledAt()))) {
                    // A call that was under way in this room is gone before both were connected.
                    // (A call that ended before this connection dialled was an earlier one: a room
                    // connected again right after a hang-up hears of that hang-up late sometimes.)
                    fail(
                            c,
                            "the call did not go through: " + name(room) + " left the call while "
                                    + (room.equals(c.caller()) ? "calling" : "being called"));
                    continue;
                }
                evaluate(c);
            }
        } catch (DataAccessException | DatabaseUnavailableException e) {
            log.warn("connections: cannot check {} after its change ({}); the sweep will", room, Errors.rootMessage(e));
        }
    }

    /** Moves a connection on according to what the rooms say now. */
    private void evaluate(Connection c) {
        RoomSnapshot a = view.room(c.caller()).orElse(null);
        RoomSnapshot b = view.room(c.callee()).orElse(null);
        Instant now = clock.instant();
        switch (c.status()) {
            case DIALLING -> {
                if (inCallWith(a, b) && inCallWith(b, a)) {
                    store.transition(
                                    c.id(),
                                    EnumSet.of(ConnectionStatus.DIALLING),
                                    ConnectionStatus.CONNECTED,
                                    "both rooms in the call",
                                    now,
                                    u -> u.set(CONNECTION.CONNECTED_AT, now))
                            .ifPresent(x -> {
                                log.info("connection {}: connected", c.id());
                                announce(x, ConnectionStatus.DIALLING);
                            });
                } else if (offline(a) || offline(b)) {
                    fail(c, name(offline(a) ? c.caller() : c.callee()) + " went offline while connecting");
                }
            }
            case CONNECTED -> {
                boolean aOut = a != null && a.online() && !inCallWith(a, b);
                boolean bOut = b != null && b.online() && !inCallWith(b, a);
                if (!aOut && !bOut) {
                    firstOut.remove(c.id());
                    return;
                }
                String who = whoHungUp(c, a, b, aOut, now);
                if (who == null) {
                    return; // wait for the other room, or for the codec to say why
                }
                firstOut.remove(c.id());
                String reason = "hung up in " + name(who);
                store.transition(
                                c.id(),
                                EnumSet.of(ConnectionStatus.CONNECTED),
                                ConnectionStatus.ENDED,
                                reason,
                                now,
                                u -> u.set(CONNECTION.END_REASON, reason))
                        .ifPresent(x -> {
                            log.info("connection {}: ended: {}", c.id(), reason);
                            announce(x, ConnectionStatus.CONNECTED);
                            String other = x.other(who);
                            if (!view.room(other).map(r -> r.call().isIdle()).orElse(true)) {
                                hangUp(other, x);
                            }
                        });
            }
            case DISCONNECTING -> {
                if (idle(a) && idle(b)) {
                    String reason = "disconnected "
                            + store.events(c.id()).stream()
                                    .filter(e -> e.to() == ConnectionStatus.DISCONNECTING)
                                    .map(ConnectionEvent::detail)
                                    .findFirst()
                                    .orElse("");
                    store.transition(
                                    c.id(),
                                    EnumSet.of(ConnectionStatus.DISCONNECTING),
                                    ConnectionStatus.ENDED,
                                    reason.trim(),
                                    now,
                                    u -> u.set(CONNECTION.END_REASON, reason.trim()))
                            .ifPresent(x -> {
                                log.info("connection {}: ended: {}", c.id(), reason.trim());
                                announce(x, ConnectionStatus.DISCONNECTING);
                            });
                }
            }
            default -> {}
        }
    }

    /**
     * Which room ended a connected call, or null to wait. Codecs usually drop a call on both
     * sides at once and say how it ended a moment after saying it ended: so the room whose codec
     * says it hung up (or whose peer did) is believed; without that, the decision waits until
     * both rooms are out of the call or a short grace passes, then blames the first one out.
     */
    private String whoHungUp(Connection c, RoomSnapshot a, RoomSnapshot b, boolean aOut, Instant now) {
        if (a != null && a.call().endedHere() || b != null && b.call().endedThere()) {
            return c.caller();
        }
        if (b != null && b.call().endedHere() || a != null && a.call().endedThere()) {
            return c.callee();
        }
        // No codec has said why yet. Its cause often follows the state that shows the call gone
        // (even when both rooms are out already), so give it a moment before blaming the room
        // heard of first; the sweep comes back to it.
        FirstOut seen = firstOut.computeIfAbsent(c.id(), id -> new FirstOut(aOut ? c.caller() : c.callee(), now));
        return seen.at().plus(CAUSE_GRACE).isBefore(now) ? seen.room() : null;
    }

    private static boolean inCallWith(RoomSnapshot x, RoomSnapshot y) {
        return x != null
                && y != null
                && CallState.CONNECTED.equals(x.call().state())
                && CallAddresses.same(x.call().peer(), y.codecUri());
    }

    private static boolean idle(RoomSnapshot x) {
        return x != null && x.call().isIdle();
    }

    private static boolean offline(RoomSnapshot x) {
        return x == null || RoomSnapshot.OFFLINE.equals(x.availability());
    }

    /** Every open connection, against the rooms and the clock. */
    void sweep() {
        try {
            Instant now = clock.instant();
            for (Connection c : store.open((String) null)) {
                switch (c.status()) {
                    case REQUESTED -> {
                        if (c.requestedAt().plus(settings.claimGrace()).isBefore(now)) {
                            // Its instance did not dial it (it stopped?): this one does.
                            store.claimDial(c.id(), now).ifPresent(d -> {
                                announce(d, ConnectionStatus.REQUESTED);
                                Optional<RoomSnapshot> a = view.room(d.caller());
                                Optional<RoomSnapshot> b = view.room(d.callee());
                                if (a.isPresent()
                                        && b.isPresent()
                                        && a.get().codecUri() != null
                                        && b.get().codecUri() != null) {
                                    dial(d, a.get(), b.get());
                                } else {
                                    fail(d, "the rooms' addresses are not known to this app");
                                }
                            });
                        }
                    }
                    case DIALLING -> {
                        Instant since = c.dialledAt() != null ? c.dialledAt() : c.requestedAt();
                        if (since.plus(settings.dialTimeout()).isBefore(now)) {
                            fail(
                                    c,
                                    "no answer: the rooms were not both in the call within "
                                            + settings.dialTimeout().toSeconds() + " s");
                        } else {
                            evaluate(c);
                        }
                    }
                    case DISCONNECTING -> {
                        evaluate(c);
                        Optional<Connection> still =
                                store.find(c.id()).filter(x -> x.status() == ConnectionStatus.DISCONNECTING);
                        if (still.isPresent() && updatedBefore(c.id(), now.minus(settings.hangupTimeout()))) {
                            String reason = "the rooms did not confirm the hang-up within "
                                    + settings.hangupTimeout().toSeconds() + " s";
                            store.transition(
                                            c.id(),
                                            EnumSet.of(ConnectionStatus.DISCONNECTING),
                                            ConnectionStatus.ENDED,
                                            reason,
                                            now,
                                            u -> u.set(CONNECTION.END_REASON, reason))
                                    .ifPresent(x -> announce(x, ConnectionStatus.DISCONNECTING));
                        }
                    }
                    default -> evaluate(c);
                }
            }
            if (lastSweepFailure != null) {
                log.info("connections: database reachable again");
                lastSweepFailure = null;
            }
        } catch (DataAccessException | DatabaseUnavailableException e) {
            String reason = Errors.rootMessage(e);
            if (!reason.equals(lastSweepFailure)) {
                log.warn("connections: cannot check open connections: {}", reason);
                lastSweepFailure = reason;
            }
        } catch (RuntimeException e) {
            log.error("connections: sweep failed", e);
        }
    }

    private boolean updatedBefore(long id, Instant when) {
        return store.events(id).stream()
                .filter(e -> e.to() == ConnectionStatus.DISCONNECTING)
                .anyMatch(e -> e.at().isBefore(when));
    }

    // ---- announcing ----

    /** Tells local listeners and, over the bus, every app instance. */
    private void announce(Connection c, ConnectionStatus from) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", c.id());
        event.put("caller", c.caller());
        event.put("callee", c.callee());
        event.put("status", c.status().wireName());
        if (from != null) {
            event.put("from", from.wireName());
        }
        if (c.failureReason() != null) {
            event.put("reason", c.failureReason());
        } else if (c.endReason() != null) {
            event.put("reason", c.endReason());
        }
        event.put("requestedBy", c.requestedBy());
        event.put("at", clock.instant().toString());
        bus.publish(BusMessage.of(topics.connectionEvents(), Json.bytes(event), 1, false)
                        .withContentType("application/json"))
                .exceptionally(e -> {
                    log.debug("connection {}: event not published: {}", c.id(), e.getMessage());
                    return null;
                });
        for (Consumer<Connection> l : listeners) {
            try {
                l.accept(c);
            } catch (RuntimeException e) {
                log.error("connection listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
