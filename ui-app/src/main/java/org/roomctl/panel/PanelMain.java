package org.roomctl.panel;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.roomctl.contract.Errors;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetOptions;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.FleetSettings.SettingsException;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.fleet.panels.PairingCode;
import org.roomctl.fleet.panels.PanelService;
import org.roomctl.schema.Database;
import org.roomctl.schema.DatabaseUnavailableException;

/**
 * {@code roomctl-ui-app}: runs the touch panel, or issues a pairing code for a room.
 *
 * <pre>
 * java -jar roomctl-ui-app.jar                                  serve the panel
 * java -jar roomctl-ui-app.jar pairing-code ROOM [--minutes N]  print a code to enrol a panel for ROOM
 * java -jar roomctl-ui-app.jar --help
 * </pre>
 *
 * Settings come from the environment ({@code --help} lists them). Exit status 2 for a bad setting
 * or argument (the message names it), 1 when the database or the port cannot be used.
 */
public final class PanelMain {
    private final Function<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    PanelMain(Function<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "roomctl-panel-logback.xml");
        }
        int status = new PanelMain(System::getenv, System.out, System.err).run(List.of(args));
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a command line; serving returns only when the process is stopped. */
    int run(List<String> args) throws InterruptedException {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(usage());
            return 0;
        }
        if (args.isEmpty()) {
            return serve();
        }
        if (args.get(0).equals("pairing-code")) {
            return pairingCode(args.subList(1, args.size()));
        }
        return usageError("unknown command '" + args.get(0) + "'");
    }

    static String usage() {
        StringBuilder sb = new StringBuilder(
                """
                usage: roomctl-ui-app                                  serve the touch panel
                       roomctl-ui-app pairing-code ROOM [--minutes N]  print a pairing code for ROOM (default 15 minutes)

                A panel is enrolled by opening /enrol on it and typing the code, or by opening the
                pairing link /enrol#CODE (what follows '#' never reaches the server or its logs).

                Environment:
                """);
        for (FleetSettings.Variable v : PanelSettings.variables()) {
            sb.append(String.format(
                    "  %-32s %s%s%n", v.name(), v.help(), v.dflt() == null ? "" : " (default " + v.dflt() + ")"));
        }
        return sb.toString();
    }

    private int usageError(String message) {
        err.println("roomctl-ui-app: " + message);
        err.print(usage());
        return 2;
    }

    private PanelSettings settings() {
        try {
            return PanelSettings.fromEnv(env);
        } catch (SettingsException e) {
            err.println("roomctl-ui-app: " + e.getMessage());
            return null;
        }
    }

    private int serve() throws InterruptedException {
        PanelSettings settings = settings();
        if (settings == null) {
            return 2;
        }
        FleetSettings f = settings.fleet();
        Fleet fleet;
        try {
            fleet = Fleet.open(f, FleetOptions.fromEnv(env), "panel", 8);
        } catch (SettingsException e) {
            err.println("roomctl-ui-app: " + e.getMessage());
            return 2;
        } catch (DatabaseUnavailableException e) {
            err.println("roomctl-ui-app: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("roomctl-ui-app: ROOMCTL_MQTT_CA_FILE: " + e.getMessage());
            return 2;
        }
        Javalin app;
        try {
            app = PanelApp.create(fleet, settings, Clock.systemUTC()).start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            err.println("roomctl-ui-app: cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + Errors.rootMessage(e));
            fleet.close();
            return 1;
        }
        out.printf(
                "roomctl-ui-app: touch panel on http://%s:%d/ (instance %s)%n",
                settings.host(), app.port(), f.instance());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.stop();
                            fleet.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        stopped.await();
        return 0;
    }

    /** {@code pairing-code ROOM [--minutes N]}: prints a fresh code; needs the database only. */
    private int pairingCode(List<String> args) {
        String room = null;
        int minutes = (int) PanelService.DEFAULT_CODE_LIFETIME.toMinutes();
        for (int i = 0; i < args.size(); i++) {
            String x = args.get(i);
            if (x.equals("--minutes")) {
                String n = i + 1 < args.size() ? args.get(++i) : "";
                minutes = n.matches("\\d{1,5}") ? Integer.parseInt(n) : -1;
                if (minutes < 1 || minutes > 7 * 24 * 60) {
                    return usageError("--minutes must be a whole number from 1 to 10080 (a week), not '" + n + "'");
                }
            } else if (room == null && !x.startsWith("-")) {
                room = x;
            } else {
                return usageError("pairing-code: unexpected '" + x + "'");
            }
        }
        if (room == null) {
            return usageError("pairing-code: which room? Give its id, for example: pairing-code sydney-harbour");
        }
        PanelSettings settings = settings();
        if (settings == null) {
            return 2;
        }
        FleetSettings f = settings.fleet();
        try (Database database =
                Database.open(f.databaseUrl(), f.databaseUser(), f.databasePassword(), "panel-cli", 2)) {
            PairingCode code;
            try {
                code = new PanelService(database, Clock.systemUTC())
                        .issueCode(
                                room,
                                "command line (" + System.getProperty("user.name") + "@" + host() + ")",
                                Duration.ofMinutes(minutes));
            } catch (IllegalArgumentException e) {
                List<String> known = new CatalogStore(database)
                        .rooms().stream().map(CatalogRoom::id).toList();
                err.println("roomctl-ui-app: " + e.getMessage()
                        + (known.isEmpty()
                                ? "; the catalog has no rooms yet (a room joins it when its agent announces it"
                                        + " while a panel or the admin console runs)"
                                : "; known rooms: " + String.join(", ", known)));
                return 2;
            }
            out.printf("Pairing code for %s: %s (valid until %s)%n", code.room(), code.code(), code.expiresAt());
            out.printf(
                    "Type it on the panel at /enrol, or open the pairing link http://%s:%d/enrol#%s%n",
                    host(), settings.port(), code.code());
            return 0;
        } catch (DatabaseUnavailableException e) {
            err.println("roomctl-ui-app: " + e.getMessage());
            return 1;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
