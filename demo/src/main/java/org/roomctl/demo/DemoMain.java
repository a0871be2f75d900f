package org.roomctl.demo;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.roomctl.admin.AdminApp;
import org.roomctl.admin.AdminSettings;
import org.roomctl.agent.AgentSettings;
import org.roomctl.agent.RoomAgent;
import org.roomctl.agent.device.DeviceDrivers;
import org.roomctl.agent.room.Room;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.config.ConfigException;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.contract.config.Variables;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.embedded.EmbeddedBroker;
import org.roomctl.embedded.EmbeddedDatabase;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetOptions;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.panel.PanelApp;
import org.roomctl.panel.PanelSettings;
import org.roomctl.schema.Database;
import org.roomctl.sim.DemoSecrets;
import org.roomctl.sim.EndpointTable;
import org.roomctl.sim.SimulatorOptions;
import org.roomctl.sim.Simulators;
import org.roomctl.sim.http.StateServer;

/**
 * {@code roomctl demo}: the whole system in one process on embedded defaults, so that a machine
 * with only a JDK runs it: an MQTT 5 broker, PostgreSQL, the simulated devices of every room, the
 * room agent serving them, the admin console and the touch panel (each app with its own bus
 * connection, as separate instances would have). Ctrl-C stops it all.
 */
public final class DemoMain {
    private final DemoOptions options;
    private final PrintStream out;
    private final List<AutoCloseable> running = new ArrayList<>();
    private static final String ADMIN_USER = "admin";
    private static final Duration PAIRING_LIFETIME = Duration.ofHours(24);
    private String brokerUri;
    private String databaseUrl;
    private Database database;
    private String adminPassword;
    private final Map<String, String> pairingCodes = new LinkedHashMap<>();
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
        List<RoomConfig> rooms = step("1/7", "reading room configs from " + options.configs(), this::loadRooms);
        step(
                "2/7",
                options.mqttUri() == null
                        ? "MQTT 5 broker (embedded HiveMQ CE) on " + options.mqttHost() + ":" + options.mqttPort()
                        : "MQTT broker " + options.mqttUri(),
                this::startBroker);
        step(
                "3/7",
                options.databaseUrl() == null
                        ? "PostgreSQL (embedded) on 127.0.0.1:" + options.databasePort() + ", data in "
                                + options.runDir().resolve("postgres")
                        : "PostgreSQL " + redact(options.databaseUrl()),
                this::startDatabase);
        step("4/7", "simulated devices for " + rooms.size() + " rooms", () -> startSimulators(rooms));
        step("5/7", "room agent for " + rooms.size() + " rooms", () -> startAgent(rooms));
        step(
                "6/7",
                "admin console on http://" + options.webHost() + ":" + options.adminPort(),
                this::startAdminConsole);
        step(
                "7/7",
                "touch panel on http://" + options.webHost() + ":" + options.panelPort(),
                () -> startTouchPanel(rooms));
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

    private Void startDatabase() throws StartException {
        if (options.databaseUrl() != null) {
            databaseUrl = options.databaseUrl();
        } else {
            requireFree(
                    "127.0.0.1",
                    options.databasePort(),
                    "the embedded PostgreSQL",
                    "--db-port N for another port, or --database jdbc:postgresql://host:port/db to use that database");
            EmbeddedDatabase pg = EmbeddedDatabase.start(options.runDir().resolve("postgres"), options.databasePort());
            running.add(pg);
            databaseUrl = pg.createDatabase("roomctl");
        }
        database = Database.open(databaseUrl, null, null, "demo", 12);
        running.add(database);
        return null;
    }

    /** One app instance's fleet: its own bus connection, the demo's database. */
    private Fleet fleet(String instance) {
        Fleet fleet = Fleet.start(
                database,
                BusOptions.to(brokerUri, instance),
                new Topics(Topics.DEFAULT_PREFIX),
                instance,
                Clock.systemUTC(),
                FleetOptions.defaults());
        running.add(fleet);
        return fleet;
    }

    private Void startAdminConsole() throws Exception {
        requireFree(options.webHost(), options.adminPort(), "the admin console", "--admin-port N");
        adminPassword = adminPassword();
        AdminSettings settings = AdminSettings.defaults().withBootstrap(ADMIN_USER, adminPassword);
        AdminApp admin = AdminApp.create(fleet("demo-admin"), settings, Clock.systemUTC());
        running.add(admin);
        admin.start(options.webHost(), options.adminPort());
        return null;
    }

    private Void startTouchPanel(List<RoomConfig> rooms) throws Exception {
        requireFree(options.webHost(), options.panelPort(), "the touch panel", "--panel-port N");
        Fleet fleet = fleet("demo-panel");
        FleetSettings where = new FleetSettings(
                databaseUrl, null, null, brokerUri, null, null, null, Topics.DEFAULT_PREFIX, "demo-panel");
        PanelSettings settings = new PanelSettings(
                where, options.webHost(), options.panelPort(), Duration.ofSeconds(10), Duration.ofSeconds(15));
        Javalin panel = PanelApp.create(fleet, settings, Clock.systemUTC());
        running.add(panel::stop);
        panel.start(options.webHost(), options.panelPort());
        // Pairing codes are for rooms in the catalog, which fills from the agents' announcements.
        List<String> ids = rooms.stream().map(RoomConfig::id).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline
                && !fleet.catalog().rooms().stream()
                        .map(CatalogRoom::id)
                        .toList()
                        .containsAll(ids)) {
            Thread.sleep(100);
        }
        for (String room : ids) {
            pairingCodes.put(
                    room,
                    fleet.panels().issueCode(room, "demo", PAIRING_LIFETIME).code());
        }
        return null;
    }

    /**
     * The demo admin's password: made once and kept beside the demo's database (which keeps the
     * user), so every run prints the one that works.
     */
    private String adminPassword() throws IOException {
        Path file = options.runDir().resolve("admin-password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String alphabet = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder pw = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            pw.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, pw + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the directory's permissions
        }
        return pw.toString();
    }

    /** How a browser on this machine reaches the web apps. */
    private String webUrl(int port) {
        String host = options.webHost();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
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
        out.println("Database: " + redact(databaseUrl));
        out.println();
        out.print(EndpointTable.format(simulators));
        out.println();
        out.println("Admin console: " + webUrl(options.adminPort()) + "/");
        out.println("  sign in as '" + ADMIN_USER + "' with password " + adminPassword + "  (kept in "
                + options.runDir().resolve("admin-password") + ")");
        out.println("Touch panels: open a room's link to make that browser the room's panel (each link enrols one");
        out.println("browser, within " + PAIRING_LIFETIME.toHours()
                + " hours; the code after '#' never reaches a server log):");
        int width = rooms.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        for (RoomConfig r : rooms) {
            out.printf(
                    "  %-" + width + "s  %s/enrol#%s%n", r.id(), webUrl(options.panelPort()), pairingCodes.get(r.id()));
        }
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
