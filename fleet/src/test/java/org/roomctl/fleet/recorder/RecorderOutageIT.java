package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.embedded.EmbeddedBroker;
import org.roomctl.embedded.EmbeddedDatabase;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.schema.Database;

/**
 * The database goes away and comes back, a recorder stops with messages it could not write, a
 * message is delivered again: every QoS 1 message is stored, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecorderOutageIT {
    private EmbeddedBroker broker;

    @BeforeAll
    void startBroker() {
        broker = EmbeddedBroker.onFreePort().start();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    /** A PostgreSQL that can be stopped and started again on the same port with the same data. */
    private static final class StoppableDatabase implements AutoCloseable {
        final Path dir;
        final int port;
        EmbeddedDatabase pg;

        StoppableDatabase() throws Exception {
            dir = Files.createTempDirectory("roomctl-recorder-outage");
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            pg = EmbeddedDatabase.start(dir, port);
        }

        String url() {
            return pg.jdbcUrl("postgres");
        }

        void stop() {
            pg.close();
            pg = null;
        }

        void start() {
            pg = EmbeddedDatabase.start(dir, port);
        }

        @Override
        public void close() throws Exception {
            if (pg != null) {
                pg.close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<BusMessage> events(RecorderRig rig, String kind, int n) {
        List<BusMessage> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(RecorderRig.text(rig.topics.events("room-b") + "/" + kind + "/" + i, kind + " " + i, 1, false));
        }
        return list;
    }

    @Test
    void aDatabaseOutageLosesNothingAndDuplicatesNothing() throws Exception {
        try (StoppableDatabase pg = new StoppableDatabase();
                RecorderRig rig = new RecorderRig(broker);
                Database db = Database.open(pg.url(), null, null, "outage", 4)) {
            BusRecorder recorder = rig.recorder(db.dataSource(), "outage-recorder", RecorderRig.QUICK);
            int n = 3000;
            CompletableFuture<Void> publishing = rig.publishSteadily(events(rig, "outage", n), 6);

            Thread.sleep(1500);
            pg.stop();
            await().atMost(Duration.ofSeconds(15)).until(() -> recorder.health().failing());
            assertThat(recorder.health().problem()).startsWith("cannot write the bus record");
            Thread.sleep(2000); // publishing goes on while the database is down
            assertThat(recorder.health().pending()).isPositive();
            pg.start();

            publishing.get(60, TimeUnit.SECONDS);
            rig.awaitCount(db.dataSource(), n, Duration.ofSeconds(60));
            Thread.sleep(500);
            assertThat(rig.rows(db.dataSource())).hasSize(n); // rows() fails on two rows for one message
            RecorderHealth h = recorder.health();
            assertThat(h.failing()).isFalse();
            assertThat(h.lastError()).isNotNull();
            assertThat(h.pending()).isZero();
        }
    }

    @Test
    void messagesHeldDuringAnOutageAreNotAcknowledgedSoARestartStillStoresThem() throws Exception {
        try (StoppableDatabase pg = new StoppableDatabase();
                RecorderRig rig = new RecorderRig(broker);
                Database db = Database.open(pg.url(), null, null, "restart", 4)) {
            BusRecorder first = rig.recorder(db.dataSource(), "restart-recorder", RecorderRig.QUICK);
            rig.publishAll(events(rig, "before", 200));
            rig.awaitCount(db.dataSource(), 200, Duration.ofSeconds(20));

            pg.stop();
            rig.publishAll(events(rig, "during", 500));
            await().atMost(Duration.ofSeconds(15)).until(() -> first.health().pending() > 0);
            first.close(); // it cannot write them: it stops without acknowledging them
            pg.start();

            BusRecorder second = rig.recorder(db.dataSource(), "restart-recorder", RecorderRig.QUICK);
            rig.awaitCount(db.dataSource(), 700, Duration.ofSeconds(30));
            Thread.sleep(500);
            assertThat(rig.rows(db.dataSource())).hasSize(700);
            assertThat(second.health().recorded()).isEqualTo(500);
        }
    }

    @Test
    void aMessageDeliveredAgainIsStoredOnce() throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(), null, null, "redelivery", 4);
                RecorderRig rig = new RecorderRig(broker)) {
            RecorderSettings oneConnection = RecorderRig.QUICK.withConnections(1);
            BusRecorder first = rig.recorder(db.dataSource(), "redelivery-recorder", oneConnection);
            long written;
            try (Connection lock = db.dataSource().getConnection();
                    Statement s = lock.createStatement()) {
                // Hold the recorder's insert until it has stopped: it commits, but never acknowledges.
                lock.setAutoCommit(false);
                s.execute("LOCK TABLE bus_message IN EXCLUSIVE MODE");
                rig.publishAll(events(rig, "again", 100));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> first.health().pending() > 0);
                Thread.sleep(300);
                first.close();
                lock.commit();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.countMine(db.dataSource()) > 0);
            Thread.sleep(500);
            written = rig.countMine(db.dataSource());

            // The broker delivers everything unacknowledged again to the same session.
            BusRecorder second = rig.recorder(db.dataSource(), "redelivery-recorder", oneConnection);
            rig.awaitCount(db.dataSource(), 100, Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> second.health().recorded() + second.health().duplicates() >= 100);
            assertThat(rig.rows(db.dataSource())).hasSize(100);
            assertThat(second.health().duplicates()).isEqualTo(written);
            assertThat(second.health().recorded()).isEqualTo(100 - written);
        }
    }
}
