package org.roomctl.agent.simit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.roomctl.agent.device.Device;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Transport;
import org.roomctl.agent.transport.Transports;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.runtime.DeviceSimulator;
import org.roomctl.sim.runtime.Endpoint;

/**
 * The rooms of {@code src/test/resources/simit/} simulated for real, and real drivers pointed at
 * them, as the agent would build them: {@code new Driver(config, Transports.open(transport),
 * runtime)}. Serial ports are pseudo-terminals whose links live in a temporary directory; ports are
 * free ones chosen here (with the bridge's settings port, port + 1000, free too).
 *
 * <p>Closing stops the drivers, the runtime and the simulators, and then checks that the test left
 * nothing behind: no ERROR in the log, no reader, transmitter or device thread still running, no
 * pseudo-terminal link.
 */
final class SimRig implements AutoCloseable {
    static final Path CONFIGS = Path.of("src/test/resources/simit");

    /** The secrets the simulated devices are configured with; a driver can be given others. */
    static final Map<String, String> SECRETS =
            Map.of("CODEC_PASSWORD", "open-sesame", "DISPLAY_PASSWORD", "lamp-post-42");

    /** Threads of transports, simulators and device runtimes: none may outlive the rig. */
    private static final List<String> OWN_THREADS = List.of("sim-", "serial ", "bridge ", "tcp ", "device-");

    /** A driver's constructor: what {@code DeviceDrivers} registers for each type. */
    @FunctionalInterface
    interface Driver<T extends Device> {
        T create(DeviceConfig config, Transport transport, DeviceRuntime runtime);
    }

    final LogWatch log = new LogWatch();
    private final Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
    private final Path tty;
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    private final List<RoomConfig> rooms;
    private final Simulators sims;
    private final DeviceRuntime runtime = DeviceRuntime.create();
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    private SimRig(String configs) throws Exception {
        tty = Files.createTempDirectory("roomctl-simit-tty");
        variables.put("TTY", tty.toString());
        variables.putAll(SECRETS);
        try {
            rooms = new RoomConfigLoader(this::variable).loadAll(CONFIGS.resolve(configs));
            sims = Simulators.start(rooms, SimulatorOptions.defaults());
        } catch (Exception | AssertionError e) {
            runtime.close();
            log.close();
            deleteTty();
            throw e;
        }
    }

    /** Starts the simulators of one config file, or of every file in a directory, under {@link #CONFIGS}. */
    static SimRig start(String configs) throws Exception {
        return new SimRig(configs);
    }

    /** Config variables: the given ones, and a free port for any {@code *_PORT} asked for. */
    private String variable(String name) {
        return variables.computeIfAbsent(name, n -> n.endsWith("_PORT") ? Integer.toString(freePort()) : null);
    }

    RoomConfig room(String roomId) {
        return rooms.stream()
                .filter(r -> r.id().equals(roomId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no room " + roomId));
    }

    /** A device's config as its room file gives it. */
    DeviceConfig config(String roomId, String deviceId) {
        return room(roomId).device(deviceId).orElseThrow();
    }

    /**
     * A device's config as its room file gives it when some variables are set otherwise: the same
     * device configured with, say, a wrong password.
     */
    DeviceConfig config(String roomId, String deviceId, Map<String, String> overrides) throws Exception {
        Map<String, String> changed = new HashMap<>(variables);
        changed.putAll(overrides);
        return new RoomConfigLoader(changed::get)
                .load(room(roomId).source())
                .device(deviceId)
                .orElseThrow();
    }

    DeviceSimulator sim(String roomId, String deviceId) {
        return sims.device(roomId, deviceId);
    }

    /** Builds the driver for {@code config} on the transport its config names, and starts it. */
    <T extends Device> Driven<T> drive(DeviceConfig config, Driver<T> driver) {
        T device = driver.create(config, Transports.open(config.transport()), runtime);
        opened.add(device);
        Driven<T> driven = new Driven<>(device);
        device.start();
        return driven;
    }

    /** A bare transport to a simulated device, for a test to type at it (a device with no driver). */
    RawLine raw(DeviceConfig config) {
        RawLine line = new RawLine(Transports.open(config.transport()));
        opened.add(line);
        return line;
    }

    /** One command line to a serial bridge's iTach settings port; returns its one-line answer. */
    static String itach(Endpoint bridge, String command) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(bridge.host(), bridge.settingsPort()), 2000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder reply = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\r') {
                reply.append((char) b);
            }
            return reply.toString();
        }
    }

    /** A free loopback port whose neighbour 1000 up (a bridge's settings port) is free too. */
    private static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (port + SimulatorOptions.DEFAULT_BRIDGE_SETTINGS_PORT_OFFSET > 65535) {
                    continue;
                }
                try (ServerSocket settings = new ServerSocket(
                        port + SimulatorOptions.DEFAULT_BRIDGE_SETTINGS_PORT_OFFSET,
                        1,
                        InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port with a free settings port beside it");
    }

    /** Stops everything, then checks that nothing was left behind and nothing logged an ERROR. */
    @Override
    public void close() throws IOException {
        List<Throwable> problems = new ArrayList<>();
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                problems.add(e);
            }
        }
        runtime.close();
        sims.close();
        log.close();
        try {
            await().alias("threads of drivers and simulators ended")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> leftoverThreads().isEmpty());
        } catch (AssertionError e) {
            problems.add(new AssertionError("threads left running: " + leftoverThreads()));
        }
        try (Stream<Path> left = Files.list(tty)) {
            List<Path> links = left.toList();
            if (!links.isEmpty()) {
                problems.add(new AssertionError("pseudo-terminal links left behind: " + links));
            }
        }
        deleteTty();
        if (!log.errors().isEmpty()) {
            problems.add(new AssertionError("ERROR logged: " + String.join("\n", log.errors())));
        }
        if (!problems.isEmpty()) {
            AssertionError failed = new AssertionError("the rig did not close cleanly: " + problems.get(0));
            problems.forEach(failed::addSuppressed);
            throw failed;
        }
    }

    private List<String> leftoverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threadsBefore.contains(t))
                .map(Thread::getName)
                .filter(n -> OWN_THREADS.stream().anyMatch(n::startsWith))
                .sorted()
                .toList();
    }

    private void deleteTty() throws IOException {
        try (Stream<Path> files = Files.walk(tty)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
