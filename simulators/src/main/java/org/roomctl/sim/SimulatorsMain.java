package org.roomctl.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.roomctl.contract.config.ConfigException;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;
import org.roomctl.contract.config.Variables;
import org.roomctl.sim.http.StateServer;

/**
 * Runs the simulated devices of every room in a config directory, and the HTTP state server.
 *
 * <pre>
 * java -jar simulators/target/roomctl-simulators-&lt;version&gt;.jar [--configs DIR] [--http HOST:PORT] [--any-free-port]
 * </pre>
 *
 * Prints where each device listens and stops everything (removing the serial port links) on
 * Ctrl-C.
 */
public final class SimulatorsMain {
    static final String USAGE = "usage: roomctl-simulators [--configs DIR] [--http HOST:PORT] [--any-free-port]\n"
            + "  --configs DIR     room configs to simulate (default room-configs)\n"
            + "  --http HOST:PORT  the state and faults API (default 127.0.0.1:17000)\n"
            + "  --any-free-port   listen on free ports instead of the configured ones";

    private SimulatorsMain() {}

    /** The command line, parsed. */
    record Arguments(Path configs, String httpHost, int httpPort, boolean anyFreePort) {
        static Arguments parse(String... args) {
            Path configs = Path.of("room-configs");
            String host = "127.0.0.1";
            int port = 17000;
            boolean anyFreePort = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--configs" -> configs = Path.of(value(args, ++i, "--configs"));
                    case "--http" -> {
                        String hostPort = value(args, ++i, "--http");
                        int colon = hostPort.lastIndexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException("--http takes HOST:PORT, not " + hostPort);
                        }
                        host = hostPort.substring(0, colon);
                        try {
                            port = Integer.parseInt(hostPort.substring(colon + 1));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(
                                    "--http: '" + hostPort.substring(colon + 1) + "' is not a port");
                        }
                    }
                    case "--any-free-port" -> anyFreePort = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            return new Arguments(configs, host, port, anyFreePort);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }

    /** The running simulators and their HTTP server. */
    record Running(Simulators simulators, StateServer http) implements AutoCloseable {
        @Override
        public void close() {
            http.close();
            simulators.close();
        }
    }

    /**
     * Loads the rooms, starts everything and prints where it listens.
     *
     * @param environment resolves {@code ${NAME}} in the configs
     */
    static Running start(Arguments arguments, Function<String, String> environment, PrintStream out)
            throws IOException, ConfigException {
        DemoSecrets secrets = new DemoSecrets(environment);
        List<RoomConfig> rooms = new RoomConfigLoader(secrets).loadAll(arguments.configs());
        SimulatorOptions options =
                arguments.anyFreePort() ? SimulatorOptions.anyFreePorts() : SimulatorOptions.defaults();
        Simulators simulators = Simulators.start(rooms, options);
        StateServer http;
        try {
            http = StateServer.start(simulators, arguments.httpHost(), arguments.httpPort());
        } catch (IOException e) {
            simulators.close();
            throw e;
        }
        out.printf("roomctl simulators: %d rooms from %s%n%n", rooms.size(), arguments.configs());
        out.print(EndpointTable.format(simulators));
        out.printf("%nState and faults: %sstate%n", http.uri());
        if (!secrets.assumed().isEmpty()) {
            out.printf(
                    "Unset password variables, assumed '%s' (the simulators require it): %s%n",
                    DemoSecrets.DEMO_PASSWORD, String.join(", ", secrets.assumed()));
        }
        out.println("Ctrl-C stops.");
        return new Running(simulators, http);
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "roomctl-simulators-logback.xml");
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Running running;
        try {
            running = start(arguments, Variables.ENVIRONMENT, System.out);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("cannot start the simulators: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.close();
                            System.out.println("roomctl simulators stopped.");
                            stopped.countDown();
                        },
                        "sim-shutdown"));
        stopped.await();
    }
}
