package org.roomctl.admin;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetOptions;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.schema.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code roomctl-admin}: runs the admin console alone, from the runnable jar, with its settings
 * from the environment ({@code --help} lists them); or runs a subcommand ({@link AdminCli}). Exit
 * status 2 for a bad setting (the message names the variable) or bad arguments, 1 when the
 * database cannot be reached.
 */
public final class AdminMain {
    private AdminMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "roomctl-admin-logback.xml");
        }
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(AdminCli.usage());
            return;
        }
        if (!arguments.isEmpty()) {
            AdminCli cli = new AdminCli(
                    System::getenv,
                    AdminCli.standard(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))),
                    System.out,
                    System.err);
            System.exit(cli.run(arguments));
            return;
        }
        FleetSettings fleetSettings;
        FleetOptions options;
        AdminSettings settings;
        try {
            fleetSettings = FleetSettings.fromEnv("admin", System::getenv);
            options = FleetOptions.fromEnv(System::getenv);
            settings = AdminSettings.fromEnv(System::getenv);
        } catch (FleetSettings.SettingsException e) {
            System.err.println("roomctl-admin: " + e.getMessage());
            System.exit(AdminCli.USAGE);
            return;
        }
        Logger log = LoggerFactory.getLogger(AdminMain.class);
        Fleet fleet;
        try {
            fleet = Fleet.open(fleetSettings, options, "admin-app", 10);
        } catch (DatabaseUnavailableException | java.io.IOException e) {
            System.err.println("roomctl-admin: " + e.getMessage());
            System.exit(AdminCli.FAILED);
            return;
        }
        AdminApp app = AdminApp.create(fleet, settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            fleet.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        app.start(settings.host(), settings.port());
        log.info("admin console on http://{}:{}/ (instance {})", settings.host(), app.port(), fleetSettings.instance());
        if (app.console().users().count() == 0) {
            log.warn("there is no user yet: create the first admin with 'roomctl-admin user add NAME --role admin'"
                    + " or ROOMCTL_ADMIN_BOOTSTRAP_USER and ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD");
        }
        stopped.await();
    }
}
