package org.roomctl.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.roomctl.contract.Json;
import org.roomctl.contract.RoomInfo;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.contract.state.RoomState;

/**
 * Stands in for the room agents of a large fleet. Each generated room is a copy of a real room's
 * announcement and state (as a real agent published them) under its own id, name and site: its
 * retained {@code info}, {@code state} and {@code availability}, published as the agent
 * publishes them ({@link Json#bytes} of the contract's records, QoS 1, retained). Then rooms
 * change at a steady rate, each change a new snapshot ({@code seq} + 1, a new timestamp) with
 * one thing a person would see changed: a camera preset recalled, a display input or power
 * switched. The document camera is left to {@link #toggleDoccam}, which the benchmark times.
 * Per-device topics are not published: nothing in the apps reads them.
 */
final class FleetGenerator implements AutoCloseable {
    /** Rooms per site, as in a large organisation's buildings. */
    static final int ROOMS_PER_SITE = 100;

    private final Topics topics;
    private final List<BusClient> agents = new ArrayList<>();
    private final RoomInfo[] infos;
    private final RoomState[] states;
    private final Random random = new Random(42);
    private final ScheduledExecutorService changer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fleet-generator");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong changes = new AtomicLong();

    /**
     * @param template a real room's announcement
     * @param templateState that room's state
     * @param connections MQTT connections to publish on (a real agent has one per room; a few
     *     suffice here, the broker's work is per message)
     */
    FleetGenerator(
            String brokerUri, Topics topics, RoomInfo template, RoomState templateState, int rooms, int connections)
            throws Exception {
        this.topics = topics;
        this.infos = new RoomInfo[rooms];
        this.states = new RoomState[rooms];
        Instant now = Instant.now();
        for (int i = 0; i < rooms; i++) {
            String id = id(i);
            infos[i] = new RoomInfo(
                    id,
                    String.format("Room %04d", i),
                    String.format("Site %02d", i / ROOMS_PER_SITE + 1),
                    "sip:" + id + "@bench.example.org",
                    template.devices(),
                    template.actions(),
                    template.agent());
            Map<String, DeviceState> devices = new LinkedHashMap<>();
            for (DeviceState d : templateState.devices().values()) {
                devices.put(
                        d.id(),
                        new DeviceState(d.id(), d.role(), d.type(), DeviceStatus.ONLINE, null, now, d.properties()));
            }
            states[i] = new RoomState(id, 1, now, CallState.idle(now), devices);
        }
        for (int c = 0; c < connections; c++) {
            BusClient bus = new BusClient(BusOptions.to(brokerUri, "bench-agents-" + c + "-" + UUID.randomUUID()));
            bus.connect().get(10, TimeUnit.SECONDS);
            agents.add(bus);
        }
    }

    static String id(int i) {
        return String.format("fleet-%04d", i);
    }

    /** Every room's info, state and availability online, retained; completes when the broker has them all. */
    CompletableFuture<Void> announce() {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < infos.length; i++) {
            BusClient bus = agent(i);
            RoomState s;
            synchronized (states) {
                s = states[i];
            }
            sent.add(bus.publish(BusMessage.of(topics.info(infos[i].id()), Json.bytes(infos[i]), 1, true)));
            sent.add(bus.publish(BusMessage.of(topics.state(s.room()), Json.bytes(s), 1, true)));
            sent.add(bus.publish(BusMessage.of(topics.availability(infos[i].id()), "online", 1, true)));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    /** Starts changing rooms, {@code perSecond} snapshots a second in all, spread evenly. */
    void changeAt(double perSecond) {
        if (perSecond <= 0) {
            return;
        }
        long periodMicros = Math.max(1, Math.round(1_000_000 / perSecond));
        changer.scheduleAtFixedRate(this::randomChange, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
    }

    long changes() {
        return changes.get();
    }

    private void randomChange() {
        int i = random.nextInt(infos.length);
        int what = random.nextInt(3);
        change(i, d -> switch (what) {
            case 0 -> "camera".equals(d.role()) ? d.withProperties(Map.of("preset", random.nextInt(16))) : d;
            case 1 -> "display".equals(d.role())
                    ? d.withProperties(Map.of("input", "hdmi" + (1 + random.nextInt(3))))
                    : d;
            default -> "display".equals(d.role())
                    ? d.withProperties(
                            Map.of("power", "on".equals(d.properties().get("power")) ? "off" : "on"))
                    : d;
        });
    }

    /**
     * Switches room {@code i}'s document camera on or off and publishes the snapshot.
     *
     * @return the power it reports now, and the snapshot's topic
     */
    String toggleDoccam(int i) {
        String[] now = new String[1];
        change(i, d -> {
            if (!"doccam".equals(d.role())) {
                return d;
            }
            now[0] = "on".equals(d.properties().get("power")) ? "off" : "on";
            return d.withProperties(Map.of("power", now[0]));
        });
        return now[0];
    }

    String doccam(int i) {
        synchronized (states) {
            for (DeviceState d : states[i].devices().values()) {
                if ("doccam".equals(d.role())) {
                    return String.valueOf(d.properties().get("power"));
                }
            }
        }
        return null;
    }

    /** A new snapshot of room {@code i} with its devices changed, published as the agent publishes it. */
    private void change(int i, java.util.function.UnaryOperator<DeviceState> device) {
        // Built and handed to the client under the lock, so a room's snapshots go out in order.
        synchronized (states) {
            RoomState s = states[i];
            Map<String, DeviceState> devices = new LinkedHashMap<>();
            s.devices().forEach((id, d) -> devices.put(id, device.apply(d)));
            RoomState next = new RoomState(s.room(), s.seq() + 1, Instant.now(), s.call(), devices);
            states[i] = next;
            agent(i).publish(BusMessage.of(topics.state(next.room()), Json.bytes(next), 1, true));
        }
        changes.incrementAndGet();
    }

    private BusClient agent(int room) {
        return agents.get(room % agents.size());
    }

    @Override
    public void close() {
        changer.shutdownNow();
        agents.forEach(BusClient::close);
    }
}
