package org.roomctl.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.testkit.Ports;

/**
 * Benchmark 6: the room agent as it runs in production (its jar, its own JVM) for one room and
 * for 50 rooms in one process, each room with a codec, camera, document camera and display
 * simulated in this process: time from start to every room online, resident memory once
 * settled, and CPU while idle (status checks only).
 */
final class AgentFootprint {
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(30);

    private AgentFootprint() {}

    static void run(Brokers.Broker broker, PrintStream out) throws Exception {
        Path jar = agentJar();
        out.println();
        out.println("6. Room agent footprint (" + jar + ", broker " + broker.name() + ")");
        out.println("   rooms  heap flags   start->online  all devices up  RSS settled   CPU idle (of one core)");
        for (int rooms : new int[] {1, 50}) {
            for (String heap : new String[] {"-Xmx96m", "(JVM default)"}) {
                measure(jar, broker.uri(), rooms, heap, out);
            }
        }
        out.println("   targets: online in under 2 s, under 128 MB for one room");
    }

    private static Path agentJar() {
        for (String p :
                List.of("room-agent/target/roomctl-room-agent.jar", "../room-agent/target/roomctl-room-agent.jar")) {
            if (Files.isRegularFile(Path.of(p))) {
                return Path.of(p).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no room-agent jar: build first (./roomctl bench builds it)");
    }

    private static void measure(Path jar, String brokerUri, int roomCount, String heap, PrintStream out)
            throws Exception {
        Path dir = Files.createTempDirectory("roomctl-footprint");
        int[] ports = Ports.free(roomCount * 4);
        for (int i = 0; i < roomCount; i++) {
            Files.writeString(
                    dir.resolve("room-" + i + ".yaml"),
                    """
                    id: room-%1$d
                    name: Room %1$d
                    site: Lab
                    devices:
                      - id: codec
                        type: cisco-xapi
                        transport: bridge://127.0.0.1:%2$d?baud=115200
                        uri: sip:room-%1$d@bench.example.org
                      - id: camera
                        type: sony-visca
                        transport: bridge://127.0.0.1:%3$d?baud=9600
                      - id: doccam
                        type: wolfvision
                        transport: tcp://127.0.0.1:%4$d
                      - id: display
                        type: pjlink
                        transport: tcp://127.0.0.1:%5$d
                    """
                            .formatted(i, ports[4 * i], ports[4 * i + 1], ports[4 * i + 2], ports[4 * i + 3]));
        }
        List<RoomConfig> configs = new RoomConfigLoader().loadAll(dir);
        Topics topics = new Topics("footprint-" + UUID.randomUUID().toString().substring(0, 6));
        Set<String> online = ConcurrentHashMap.newKeySet();
        Set<String> devicesUp = ConcurrentHashMap.newKeySet();
        // No bridge settings ports: they could take a port chosen for another device.
        try (Simulators sims = Simulators.start(configs, new SimulatorOptions(false, -1));
                BusClient watcher = new BusClient(BusOptions.to(brokerUri, "footprint-watch-" + UUID.randomUUID()))) {
            watcher.connect().get(10, TimeUnit.SECONDS);
            watcher.subscribe(topics.everyRoom("availability"), 1, m -> {
                        if (m.text().equals("online")) {
                            online.add(m.topic());
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
            watcher.subscribe(topics.everyRoom("state"), 1, m -> {
                        if (!m.text().contains("\"offline\"")) {
                            devicesUp.add(m.topic());
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            if (!heap.startsWith("(")) {
                command.add(heap);
            }
            command.addAll(List.of(
                    "-jar",
                    jar.toString(),
                    "--rooms",
                    dir.toString(),
                    "--broker",
                    brokerUri,
                    "--prefix",
                    topics.prefix(),
                    "--client-id-prefix",
                    topics.prefix() + "-"));
            long t0 = System.nanoTime();
            Process agent = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                double toOnline = waitFor(() -> online.size() >= roomCount, t0);
                double toDevices = waitFor(() -> devicesUp.size() >= roomCount, t0);
                Thread.sleep(SETTLE.toMillis());
                long rss = rssKb(agent.pid());
                long cpu0 = cpuTicks(agent.pid());
                Thread.sleep(IDLE_WINDOW.toMillis());
                long cpu1 = cpuTicks(agent.pid());
                double cpuPercent = (cpu1 - cpu0) / (IDLE_WINDOW.toSeconds() * 100.0) * 100;
                out.printf(
                        "   %5d  %-12s %10.2f s  %12.2f s  %8.1f MB  %8.2f %%%n",
                        roomCount, heap, toOnline, toDevices, rss / 1024.0, cpuPercent);
            } finally {
                agent.destroy();
                agent.waitFor(15, TimeUnit.SECONDS);
                agent.destroyForcibly();
            }
        }
    }

    private static double waitFor(java.util.function.BooleanSupplier done, long t0) throws InterruptedException {
        long deadline = t0 + Duration.ofSeconds(120).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return Double.NaN;
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** utime + stime, in clock ticks (100 a second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
