package org.roomctl.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.roomctl.agent.AgentSettings;
import org.roomctl.agent.RoomAgent;
import org.roomctl.agent.device.DeviceDrivers;
import org.roomctl.contract.Json;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.testkit.Ports;

/**
 * Benchmarks 1 and 2: a command's round trip (MQTT 5 request, the room agent, a simulated VISCA
 * camera behind a TCP serial bridge, ACK and completion, the reply) beside the bare broker round
 * trip (a trivial responder on the same broker), interleaved in blocks so noise hits both alike.
 * With {@code wire}, the simulated line runs at 9600 baud in both directions and the overhead
 * above the bytes' wire time is reported.
 */
final class CommandRoundTrip {
    /** zoom in/out: 6 bytes out, ACK (3) and completion (3) back. */
    static final int BYTES_ON_THE_WIRE = 12;

    static final double WIRE_MS_9600 = BYTES_ON_THE_WIRE * 10 / 9600.0 * 1000;

    private CommandRoundTrip() {}

    static void run(String brokerName, String brokerUri, int commands, boolean wire, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("roomctl-bench");
        int cameraPort = Ports.free(1)[0];
        Files.writeString(
                dir.resolve("bench-room.yaml"),
                """
                id: bench-room
                name: Bench
                site: Lab
                devices:
                  - id: camera
                    type: sony-visca
                    transport: bridge://127.0.0.1:%d?baud=9600
                """
                        .formatted(cameraPort));
        List<RoomConfig> rooms = new RoomConfigLoader().loadAll(dir);
        Topics topics = new Topics("bench-" + UUID.randomUUID().toString().substring(0, 6));
        try (Simulators sims = Simulators.start(rooms, new SimulatorOptions(false, -1))) {
            sims.device("bench-room", "camera").setFaults(Map.of("moveTimeScale", 0, "pacing", wire));
            AgentSettings settings =
                    new AgentSettings(dir, brokerUri, null, null, null, topics.prefix(), "bench-agent-", false);
            try (RoomAgent agent = RoomAgent.create(settings, rooms, new DeviceDrivers());
                    BusClient responder =
                            new BusClient(BusOptions.to(brokerUri, "bench-responder-" + UUID.randomUUID()));
                    BusClient client = new BusClient(BusOptions.to(brokerUri, "bench-client-" + UUID.randomUUID()))) {
                agent.start();
                responder.connect().get(10, TimeUnit.SECONDS);
                client.connect().get(10, TimeUnit.SECONDS);
                byte[] pong = "{\"ok\":true}".getBytes();
                responder
                        .subscribe(
                                "bench/bare",
                                1,
                                m -> responder.publish(BusMessage.of(m.responseTopic(), pong, 1, false)
                                        .withResponse(null, m.correlationData())))
                        .get(10, TimeUnit.SECONDS);
                awaitOnline(agent);

                Latencies bare = new Latencies();
                Latencies room = new Latencies();
                int warmUp = Math.min(300, commands / 4);
                measure(client, topics, warmUp, new Latencies(), new Latencies(), wire);
                int block = 100;
                for (int done = 0; done < commands; done += block) {
                    measure(client, topics, Math.min(block, commands - done), bare, room, wire);
                }
                report(brokerName, wire, bare, room, out);
            }
        }
    }

    private static void awaitOnline(RoomAgent agent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean ready = agent.rooms().get(0).busConnected()
                    && agent.rooms().get(0).devices().all().stream()
                            .allMatch(d -> d.state().status() == org.roomctl.contract.state.DeviceStatus.ONLINE);
            if (ready) {
                Thread.sleep(500);
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the benchmark room did not come online");
    }

    private static void measure(BusClient client, Topics topics, int n, Latencies bare, Latencies room, boolean wire)
            throws Exception {
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            client.request(BusMessage.of("bench/bare", "ping", 1, false), Duration.ofSeconds(10))
                    .get(15, TimeUnit.SECONDS);
            bare.add(System.nanoTime() - t0);
        }
        for (int i = 0; i < n; i++) {
            String command = i % 2 == 0 ? "camera zoom in" : "camera zoom out";
            long t0 = System.nanoTime();
            BusMessage reply = client.request(
                            BusMessage.of(topics.command("bench-room"), command, 1, false), Duration.ofSeconds(10))
                    .get(15, TimeUnit.SECONDS);
            room.add(System.nanoTime() - t0);
            if (!Json.mapper().readTree(reply.payload()).path("ok").asBoolean()) {
                throw new IllegalStateException("the room refused: " + reply.text());
            }
            if (wire) {
                Thread.sleep(20); // the driver's own traffic settles before the next command
            }
        }
    }

    private static void report(String broker, boolean wire, Latencies bare, Latencies room, PrintStream out) {
        out.println();
        out.println(
                wire
                        ? "2. Command round trip at wire speed (9600 baud both ways), " + broker
                        : "1. Command round trip, " + broker);
        out.println("   bare broker round trip:  " + bare.summary());
        out.println("   room command round trip: " + room.summary());
        if (!wire) {
            double ratio = room.percentile(99) / bare.percentile(99);
            out.printf(
                    "   ratio p99 room/bare: %.2fx (target: at most 2x) -> %s%n", ratio, ratio <= 2 ? "met" : "MISSED");
            out.printf("   ratio p50 room/bare: %.2fx%n", room.percentile(50) / bare.percentile(50));
        } else {
            out.printf("   wire time of the %d bytes exchanged: %.2f ms%n", BYTES_ON_THE_WIRE, WIRE_MS_9600);
            double p50 = room.percentile(50) - WIRE_MS_9600;
            double p99 = room.percentile(99) - WIRE_MS_9600;
            out.printf(
                    "   overhead above the wire: p50 %.2f ms, p99 %.2f ms (target: p99 at most 5 ms) -> %s%n",
                    p50, p99, p99 <= 5 ? "met" : "MISSED");
            out.printf(
                    "   ratio p99 room/wire time: %.2fx; bare broker p99 for scale: %.2f ms%n",
                    room.percentile(99) / WIRE_MS_9600, bare.percentile(99));
        }
    }
}
