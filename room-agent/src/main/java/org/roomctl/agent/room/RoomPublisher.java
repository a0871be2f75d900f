package org.roomctl.agent.room;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.roomctl.contract.Event;
import org.roomctl.contract.Json;
import org.roomctl.contract.RoomInfo;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.RoomState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a room: its retained info, state snapshot, device states and availability, and its
 * events. Device changes that arrive together are published as one snapshot, at once (no timer):
 * the snapshot is built when the room's thread gets to it. Runs on the room's executor only.
 */
public final class RoomPublisher {
    private static final Logger log = LoggerFactory.getLogger(RoomPublisher.class);
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private final String room;
    private final Topics topics;
    private final BusClient bus;
    private final Executor executor;
    private final Clock clock;
    private final RoomInfo info;
    private final Map<String, DeviceState> devices = new LinkedHashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private boolean flushQueued;
    private long seq;
    private CallState call;

    public RoomPublisher(
            String room,
            Topics topics,
            BusClient bus,
            Executor executor,
            Clock clock,
            RoomInfo info,
            Iterable<DeviceState> initial) {
        this.room = room;
        this.topics = topics;
        this.bus = bus;
        this.executor = executor;
        this.clock = clock;
        this.info = info;
        for (DeviceState d : initial) {
            devices.put(d.id(), d);
            if ("codec".equals(d.role())) {
                call = callOf(d);
            }
        }
    }

    /** The room's last will: what the broker says when the agent dies. */
    public static BusMessage will(Topics topics, String room) {
        return BusMessage.of(topics.availability(room), OFFLINE, 1, true);
    }

    /** A device changed: remember it, emit events for status and call changes, publish soon. */
    public void deviceChanged(DeviceState next) {
        DeviceState previous = devices.put(next.id(), next);
        if (previous != null && previous.status() != next.status()) {
            event(new Event(Event.DEVICE, room, clock.instant())
                    .with("device", next.id())
                    .with("status", next.status().wireName())
                    .with("previous", previous.status().wireName())
                    .with("reason", next.reason()));
        }
        if ("codec".equals(next.role())) {
            CallState nextCall = callOf(next);
            if (!sameCall(call, nextCall)) {
                event(new Event(Event.CALL, room, clock.instant())
                        .with("state", nextCall.state())
                        .with("previous", call == null ? null : call.state())
                        .with("peer", nextCall.peer())
                        .with("direction", nextCall.direction())
                        .with("callId", nextCall.callId()));
            }
            call = nextCall;
        }
        dirty.add(next.id());
        if (!flushQueued) {
            flushQueued = true;
            executor.execute(this::flush);
        }
    }

    private static CallState callOf(DeviceState codec) {
        CallState c = CallState.fromProperty(codec.properties().get("call"));
        return c != null ? c : CallState.idle(codec.since());
    }

    private static boolean sameCall(CallState a, CallState b) {
        return a != null
                && Objects.equals(a.state(), b.state())
                && Objects.equals(a.peer(), b.peer())
                && Objects.equals(a.callId(), b.callId());
    }

    private void flush() {
        flushQueued = false;
        publishState();
        for (String id : dirty) {
            publish(BusMessage.of(topics.deviceState(room, id), Json.bytes(devices.get(id)), 1, true));
        }
        dirty.clear();
    }

    private void publishState() {
        RoomState snapshot = new RoomState(room, ++seq, clock.instant(), call, devices);
        publish(BusMessage.of(topics.state(room), Json.bytes(snapshot), 1, true));
    }

    /** After every (re)connect: info, the whole state, every device, then availability online. */
    public void publishAll() {
        publish(BusMessage.of(topics.info(room), Json.bytes(info), 1, true));
        publishState();
        for (DeviceState d : devices.values()) {
            publish(BusMessage.of(topics.deviceState(room, d.id()), Json.bytes(d), 1, true));
        }
        dirty.clear();
        publish(BusMessage.of(topics.availability(room), ONLINE, 1, true));
    }

    /** On a clean stop, say so (the will covers a crash). */
    public CompletableFuture<Void> offline() {
        return bus.publish(BusMessage.of(topics.availability(room), OFFLINE, 1, true));
    }

    public void event(Event e) {
        publish(BusMessage.of(topics.events(room), Json.bytes(e), 1, false));
    }

    /** The last snapshot's sequence number. */
    public long seq() {
        return seq;
    }

    private void publish(BusMessage m) {
        bus.publish(m).exceptionally(e -> {
            // Not connected: the whole room is published again on reconnect.
            log.debug("{}: not published ({}): {}", room, m.topic(), e.getMessage());
            return null;
        });
    }
}
