package org.roomctl.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.roomctl.embedded.EmbeddedBroker;
import org.roomctl.testkit.Ports;

/**
 * The brokers a benchmark runs on: the embedded HiveMQ (the demo's), and a Mosquitto of our own
 * configured as deploy/ ships it (set_tcp_nodelay true) when Mosquitto is installed.
 */
final class Brokers implements AutoCloseable {
    record Broker(String name, String uri) {}

    private final List<AutoCloseable> running = new ArrayList<>();
    final List<Broker> brokers = new ArrayList<>();

    /**
     * Starts the brokers named in {@code -Dbrokers} ({@code hivemq}, {@code mosquitto}; both by
     * default, Mosquitto only where it is installed).
     */
    static Brokers start() throws Exception {
        List<String> wanted =
                List.of(System.getProperty("brokers", "hivemq,mosquitto").split(","));
        for (String name : wanted) {
            if (!name.equals("hivemq") && !name.equals("mosquitto")) {
                throw new IllegalArgumentException(
                        "-Dbrokers: no broker '" + name + "'; the brokers are hivemq, mosquitto");
            }
        }
        Brokers b = new Brokers();
        if (wanted.contains("hivemq")) {
            EmbeddedBroker hive = EmbeddedBroker.onFreePort().start();
            b.running.add(hive);
            b.brokers.add(new Broker("HiveMQ CE 2025.5 (embedded)", hive.uri()));
        }
        Path mosquitto = Path.of("/usr/sbin/mosquitto");
        if (wanted.contains("mosquitto") && !Files.isExecutable(mosquitto)) {
            System.out.println("(no " + mosquitto + ": the benchmarks run without Mosquitto)");
        } else if (wanted.contains("mosquitto")) {
            int port = Ports.free(1)[0];
            Path dir = Files.createTempDirectory("roomctl-bench-mosquitto");
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(
                    conf,
                    "listener " + port + " 127.0.0.1\nallow_anonymous true\nset_tcp_nodelay true\n"
                            + "persistence false\nmax_inflight_messages 1000\nmax_queued_messages 200000\nlog_dest none\n");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
            Process p = new ProcessBuilder(mosquitto.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            b.running.add(p::destroy);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!listening(port) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            b.brokers.add(new Broker("Mosquitto (set_tcp_nodelay true)", "tcp://127.0.0.1:" + port));
        }
        return b;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 100);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
