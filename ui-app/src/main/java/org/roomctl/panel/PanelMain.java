package org.roomctl.panel;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.FleetSettings.SettingsException;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.fleet.panels.PairingCode;
import org.roomctl.fleet.panels.PanelService;
import org.roomctl.schema.Database;
import org.roomctl.schema.DatabaseUnavailableException;

/**
 * {@code roomctl-ui-app}: runs the touch panel, or issues a pairing code for a room.
 *
 * <pre>
 * java -jar roomctl-ui-app.jar                               serve the panel
 * java -jar roomctl-ui-app.jar pairing-code ROOM [--minutes N]  print a code to enrol a panel for ROOM
 * java -jar roomctl-ui-app.jar --help
 * </pre>
 *
 * Settings come from the environment ({@code --help} lists them). Exit status 2 for a bad setting
 * or argument (the message names it), 1 when the database or the broker cannot be used.
 */
public final class PanelMain {
    private PanelMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "roomctl-panel-logback.xml");
        }
        List<String> a = List.of(args);
        if (a.contains("--help") || a.contains("-h")) {
            System.out.print(usage());
            return;
        }
        int status = a.isEmpty()
                ? serve()
                : a.get(0).equals("pairing-code")
                        ? pairingCode(a, System.out)
                        : usageError("unknown command '" + a.get(0) + "'");
        if (status != 0) {
            System.exit(status);
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder(
                """
                usage: roomctl-ui-app                                 serve the touch panel
                       roomctl-ui-app pairing-code ROOM [--minutes N]  print a pairing code for ROOM (default 15 minutes)

                A panel is enrolled by opening /enrol on it and typing the code, or by opening the
                pairing link /enrol#CODE (the code after '#' never reaches the server or its logs).

                Environment:
                """);
        for (FleetSettings.Variable v : PanelSettings.variables()) {
            sb.append(String.format(
                    "  %-32s %s%s%n", v.name(), v.help(), v.dflt() == null ? "" : " (default " + v.dflt() + ")"));
        }
        return sb.toString();
    }

    private static int usageError(String message) {
        System.err.println("roomctl-ui-app: " + message);
        System.err.print(usage());
        return 2;
    }

    private static PanelSettings settings() {
        try {
            return PanelSettings.fromEnv(System::getenv);
        } catch (SettingsException e) {
            System.err.println("roomctl-ui-app: " + e.getMessage());
            return null;
        }
    }

    private static int serve() throws InterruptedException {
        PanelSettings settings = settings();
        if (settings == null) {
            return 2;
        }
        FleetSettings f = settings.fleet();
        Database database;
        Fleet fleet;
        try {
            database = Database.open(f.databaseUrl(), f.databaseUser(), f.databasePassword(), "panel", 8);
            fleet = Fleet.start(
                    database,
                    f.busOptions(),
                    f.topics(),
                    f.instance(),
                    Clock.systemUTC(),
                    ConnectionSettings.defaults());
        } catch (DatabaseUnavailableException | java.io.IOException e) {
            System.err.println("roomctl-ui-app: " + e.getMessage());
            return 1;
        }
        Javalin app;
        try {
            app = PanelApp.create(fleet, settings, Clock.systemUTC()).start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            System.err.println("roomctl-ui-app: cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + org.roomctl.contract.Errors.rootMessage(e));
            fleet.close();
            database.close();
            return 1;
        }
        System.out.printf(
                "roomctl-ui-app: touch panel on http://%s:%d/ (instance %s)%n",
                settings.host(), app.port(), f.instance());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.stop();
                            fleet.close();
                            database.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        stopped.await();
        return 0;
    }

    /** {@code pairing-code ROOM [--minutes N]}: prints a fresh code; needs the database only. */
    static int pairingCode(List<String> args, PrintStream out) {
        String room = null;
        int minutes = (int) PanelService.DEFAULT_CODE_LIFETIME.toMinutes();
        for (int i = 1; i < args.size(); i++) {
            String x = args.get(i);
            if (x.equals("--minutes")) {
                if (i + 1 >= args.size()) {
                    return usageError("--minutes needs a number of minutes");
                }
                try {
                    minutes = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    minutes = -1;
                }
                if (minutes < 1 || minutes > 7 * 24 * 60) {
                    return usageError(
                            "--minutes must be a whole number from 1 to 10080 (a week), not '" + args.get(i) + "'");
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
                Database.open(f.databaseUrl(), f.databaseUser(), f.databasePassword(), "panel-cli", 1)) {
            PanelService panels = new PanelService(database, Clock.systemUTC());
            PairingCode code;
            try {
                code = panels.issueCode(
                        room,
                        "command line (" + System.getProperty("user.name") + "@" + host() + ")",
                        Duration.ofMinutes(minutes));
            } catch (IllegalArgumentException e) {
                List<String> known = new org.roomctl.fleet.catalog.CatalogStore(database)
                        .rooms().stream().map(CatalogRoom::id).toList();
                System.err.println("roomctl-ui-app: " + e.getMessage()
                        + (known.isEmpty()
                                ? "; the catalog has no rooms yet (they join when their agent announces them to a running app)"
                                : "; known rooms: " + String.join(", ", known)));
                return 2;
            }
            out.printf("Pairing code for %s: %s (valid until %s)%n", code.room(), code.code(), code.expiresAt());
            out.printf(
                    "Type it on the panel at /enrol, or open the pairing link http://%s:%d/enrol#%s%n",
                    host(), settings.port(), code.code());
            return 0;
        } catch (DatabaseUnavailableException e) {
            System.err.println("roomctl-ui-app: " + e.getMessage());
            return 1;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
