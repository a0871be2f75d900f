package org.roomctl.embedded;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker inside this JVM (HiveMQ Community Edition): QoS 1 and 2, retained messages,
 * last wills, message expiry, shared subscriptions, subscription identifiers. It keeps its state
 * in memory, so a restart is a broker that lost everything, as the agents must survive. For the
 * demo and the tests; production uses any MQTT 5 broker.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /**
     * QoS 1 and 2 messages the broker queues for a subscriber (or a shared subscription's group)
     * that does not acknowledge them yet. HiveMQ's default of 1000 drops messages as soon as a
     * consumer pauses for a moment at a high rate, as the bus recorder does while its database is
     * away; like the deployed Mosquitto, the embedded broker holds far more.
     */
    public static final int MAX_QUEUED_MESSAGES = 200_000;

    private final String host;
    private final int port;
    private final Path home;
    private final boolean ownHome;
    private EmbeddedHiveMQ hive;

    private EmbeddedBroker(String host, int port, Path home, boolean ownHome) {
        this.host = host;
        this.port = port;
        this.home = home;
        this.ownHome = ownHome;
    }

    /** A broker on 127.0.0.1 at a free port, in a temporary directory removed on close. */
    public static EmbeddedBroker onFreePort() {
        try {
            return new EmbeddedBroker("127.0.0.1", freePort(), Files.createTempDirectory("roomctl-broker"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the broker", e);
        }
    }

    /** A broker on {@code host:port}, keeping its files under {@code home}. */
    public static EmbeddedBroker on(String host, int port, Path home) {
        return new EmbeddedBroker(host, port, home, false);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts the broker and waits until it listens.
     *
     * @throws IllegalStateException saying why it could not start (for example, the port is in use)
     */
    public synchronized EmbeddedBroker start() {
        if (hive != null) {
            return this;
        }
        try {
            Path conf = Files.createDirectories(home.resolve("conf"));
            Path data = Files.createDirectories(home.resolve("data"));
            Path extensions = Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config());
            EmbeddedHiveMQ started = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withoutLoggingBootstrap()
                    .build();
            started.start().join();
            hive = started;
            log.info("MQTT broker (HiveMQ CE, embedded) listening on {}", uri());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the broker's files in " + home + ": " + e.getMessage(), e);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(
                    "the MQTT broker could not start on " + host + ":" + port + ": " + cause.getMessage(), cause);
        }
    }

    private String config() {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                        </queued-messages>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """
                .formatted(port, host, MAX_QUEUED_MESSAGES);
    }

    /** Stops the broker; it can be started again (empty) with {@link #start()}. */
    public synchronized void stop() {
        if (hive == null) {
            return;
        }
        try {
            hive.stop().join();
            hive.close();
        } catch (Exception e) {
            log.debug("broker stop: {}", e.toString());
        } finally {
            hive = null;
        }
    }

    public boolean isRunning() {
        return hive != null;
    }

    /** For clients: {@code tcp://127.0.0.1:PORT}. */
    public String uri() {
        return "tcp://" + host + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
        if (ownHome) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.debug("cannot remove {}: {}", home, e.toString());
            }
        }
    }
}
