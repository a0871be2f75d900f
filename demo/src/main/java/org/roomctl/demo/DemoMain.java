package org.roomctl.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.roomctl.agent.AgentSettings;
import org.roomctl.agent.RoomAgent;
import org.roomctl.agent.device.DeviceDrivers;
import org.roomctl.agent.room.Room;
import org.roomctl.contract.Topics;
import org.roomctl.contract.config.ConfigException;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.contract.config.Variables;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.embedded.EmbeddedBroker;
import org.roomctl.sim.DemoSecrets;
import org.roomctl.sim.EndpointTable;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.http.StateServer;

/**
 * {@code roomctl demo}: the whole system in one process on embedded defaults, so that a machine
 * with only a JDK runs it: an MQTT 5 broker, the simulated devices of every room, and the room
 * agent serving them. Ctrl-C stops it all.
 */
public final class DemoMain {
    private final DemoOptions options;
    private final PrintStream out;
    private final List<AutoCloseable> running = new ArrayList<>();
    private String brokerUri;
    private RoomAgent agent;
    private Simulators simulators;
    private StateServer simulatorApi;

    DemoMain(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Why the demo could not start, in words for the person running it. */
    static final class StartException extends Exception {
        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "roomctl-demo-logback.xml");
        }
        if (List.of(args).contains("--help")) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System::getenv);
        } catch (DemoOptions.UsageException e) {
            System.err.println("roomctl demo: " + e.getMessage());
            System.err.print(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        DemoMain demo = new DemoMain(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            demo.close();
                            stopped.countDown();
                        },
                        "demo-shutdown"));
        try {
            demo.start();
        } catch (StartException e) {
            System.err.println();
            System.err.println("roomctl demo: " + e.getMessage());
            System.exit(1);
            return;
        }
        stopped.await();
    }

    /** Starts every part in order, saying what it does; on failure, says what failed. */
    void start() throws StartException {
        out.println("roomctl demo " + RoomAgent.version() + ": starting");
        List<RoomConfig> rooms = step("1/4", "reading room configs from " + options.configs(), this::loadRooms);
        step(
                "2/4",
                options.mqttUri() == null
                        ? "MQTT 5 broker (embedded HiveMQ CE) on " + options.mqttHost() + ":" + options.mqttPort()
                        : "MQTT broker " + options.mqttUri(),
                this::startBroker);
        step("3/4", "simulated devices for " + rooms.size() + " rooms", () -> startSimulators(rooms));
        step("4/4", "room agent for " + rooms.size() + " rooms", () -> startAgent(rooms));
        out.println();
        printWhatToDo(rooms);
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T step(String n, String what, Step<T> body) throws StartException {
        out.printf("  [%s] %s ... ", n, what);
        out.flush();
        long t0 = System.nanoTime();
        try {
            T result = body.run();
            out.printf("ok (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
            return result;
        } catch (StartException e) {
            out.println("FAILED");
            close();
            throw e;
        } catch (Exception e) {
            out.println("FAILED");
            close();
            throw new StartException(what + ": " + e.getMessage(), e);
        }
    }

    /** Variables for the configs: the environment first, then the demo's own defaults. */
    Function<String, String> variables() {
        Path tty = options.runDir().resolve("tty").toAbsolutePath();
        return new DemoSecrets(name -> {
            String v = Variables.ENVIRONMENT.apply(name);
            if (v == null && name.equals("ROOMCTL_TTY_DIR")) {
                return tty.toString();
            }
            return v;
        });
    }

    private List<RoomConfig> loadRooms() throws StartException {
        try {
            return new RoomConfigLoader(variables()).loadAll(options.configs());
        } catch (ConfigException e) {
            throw new StartException("bad room config: " + e.getMessage(), e);
        }
    }

    private Void startBroker() throws StartException {
        if (options.mqttUri() != null) {
            brokerUri = options.mqttUri();
            return null;
        }
        requireFree(
                options.mqttHost(),
                options.mqttPort(),
                "the embedded MQTT broker",
                "--mqtt-port N for another port, or --mqtt tcp://host:port to use that broker");
        try {
            Path home = Files.createDirectories(options.runDir().resolve("broker"));
            EmbeddedBroker broker = EmbeddedBroker.on(options.mqttHost(), options.mqttPort(), home)
                    .start();
            running.add(broker);
            brokerUri = broker.uri();
            return null;
        } catch (IOException | IllegalStateException e) {
            throw new StartException("the MQTT broker: " + e.getMessage(), e);
        }
    }

    private Void startSimulators(List<RoomConfig> rooms) throws StartException {
        requireFree("127.0.0.1", options.simulatorHttpPort(), "the simulators' state API", "--sim-port N");
        try {
            Files.createDirectories(options.runDir().resolve("tty"));
            simulators = Simulators.start(rooms, SimulatorOptions.defaults());
            running.add(simulators);
            simulatorApi = StateServer.start(simulators, "127.0.0.1", options.simulatorHttpPort());
            running.add(simulatorApi);
            return null;
        } catch (IOException e) {
            throw new StartException(
                    "the simulated devices: " + e.getMessage()
                            + " (is another demo or the simulators already running?)",
                    e);
        }
    }

    private Void startAgent(List<RoomConfig> rooms) throws Exception {
        AgentSettings settings = new AgentSettings(
                options.configs(), brokerUri, null, null, null, Topics.DEFAULT_PREFIX, "roomctl-demo-agent-", false);
        agent = RoomAgent.create(settings, rooms, new DeviceDrivers());
        running.add(agent);
        agent.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !allUp()) {
            Thread.sleep(100);
        }
        if (!allUp()) {
            out.println("not every device answered yet:");
            for (Room r : agent.rooms()) {
                r.devices().all().stream()
                        .filter(d -> d.state().status() != DeviceStatus.ONLINE)
                        .forEach(d -> out.printf(
                                "    %s/%s: %s%n", r.id(), d.id(), d.state().reason()));
            }
        }
        return null;
    }

    private boolean allUp() {
        return agent.rooms().stream()
                .allMatch(r -> r.busConnected()
                        && r.devices().all().stream().allMatch(d -> d.state().status() == DeviceStatus.ONLINE));
    }

    private static void requireFree(String host, int port, String what, String hint) throws StartException {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartException(
                    "port " + port + " on " + host + " is in use, so " + what
                            + " cannot listen there. Stop what uses it, or use " + hint + ".",
                    e);
        }
    }

    private void printWhatToDo(List<RoomConfig> rooms) {
        String host = brokerUri.replaceFirst("^\\w+://", "");
        String h = host.substring(0, host.lastIndexOf(':'));
        String p = host.substring(host.lastIndexOf(':') + 1);
        String room = rooms.get(0).id();
        out.println("roomctl is running: " + rooms.size() + " rooms, MQTT broker " + brokerUri);
        out.println();
        out.print(EndpointTable.format(simulators));
        out.println();
        out.println("Watch the bus:");
        out.printf("  mosquitto_sub -h %s -p %s -v -t 'roomctl/#'%n", h, p);
        out.println("Drive a room (the reply comes when the device has done it):");
        out.printf("  mosquitto_rr -h %s -p %s -t roomctl/rooms/%s/command -e replies/me -m 'doccam on'%n", h, p, room);
        out.printf(
                "  mosquitto_rr -h %s -p %s -t roomctl/rooms/%s/command -e replies/me -m 'camera recall 2'%n",
                h, p, room);
        out.println("Simulated devices' state and faults: " + simulatorApi.uri() + "state");
        out.println("The bus contract: docs/mqtt-contract.md");
        out.println();
        out.println("Ctrl-C stops everything.");
    }

    /** Stops everything started so far, in reverse order. */
    synchronized void close() {
        if (running.isEmpty()) {
            return;
        }
        out.println("roomctl demo stopping...");
        for (int i = running.size() - 1; i >= 0; i--) {
            AutoCloseable part = running.get(i);
            try {
                part.close();
            } catch (Throwable e) {
                out.println("  stopping " + part.getClass().getSimpleName() + ": " + e);
            }
        }
        running.clear();
        out.println("roomctl demo stopped.");
        out.flush();
    }
}
