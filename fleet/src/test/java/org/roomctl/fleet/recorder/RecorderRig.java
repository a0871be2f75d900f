package org.roomctl.fleet.recorder;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.embedded.EmbeddedBroker;

/** A broker, recorders on it, a publisher, and the rows they wrote; everything closed at the end. */
final class RecorderRig implements AutoCloseable {
    /** Quick retries and a quick purge, so that tests take seconds. */
    static final RecorderSettings QUICK = RecorderSettings.defaults()
            .withRetry(Duration.ofMillis(50), Duration.ofMillis(500))
            .withGroup("test-recorders");

    final EmbeddedBroker broker;
    final Topics topics = new Topics("rec-" + UUID.randomUUID().toString().substring(0, 8));
    final BusClient publisher;
    private final List<AutoCloseable> open = new ArrayList<>();

    RecorderRig(EmbeddedBroker broker) throws Exception {
        this.broker = broker;
        this.publisher = new BusClient(BusOptions.to(broker.uri(), "rec-publisher-" + UUID.randomUUID()));
        open.add(publisher);
        publisher.connect().get(10, TimeUnit.SECONDS);
    }

    /** A recorder with the client id {@code name}, subscribed when this returns. */
    BusRecorder recorder(DataSource db, String name, RecorderSettings settings) throws Exception {
        BusRecorder r = BusRecorder.start(db, BusOptions.to(broker.uri(), name), topics, settings, Clock.systemUTC());
        open.add(r);
        r.subscribed().get(10, TimeUnit.SECONDS);
        return r;
    }

    /** Publishes and waits until the broker has them all (QoS 1) or they were sent (QoS 0). */
    void publishAll(List<BusMessage> messages) throws Exception {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (BusMessage m : messages) {
            sent.add(publisher.publish(m));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    /** Publishes {@code messages} evenly over {@code seconds}, in the background. */
    CompletableFuture<Void> publishSteadily(List<BusMessage> messages, double seconds) {
        return CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                long wait = start + (long) (seconds * 1e9 * i / messages.size()) - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                sent.add(publisher.publish(messages.get(i)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        });
    }

    static BusMessage text(String topic, String payload, int qos, boolean retained) {
        return BusMessage.of(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    /** A stored row, as the tests compare them. */
    record Row(String topic, String roomId, byte[] payload, String text, int qos, boolean retained, String msgId) {}

    /** Every row under this rig's prefix, by topic (topics are unique in these tests). */
    Map<String, Row> rows(DataSource db) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT topic, room_id, payload, payload_text, qos, retained,"
                        + " properties -> 'userProperties' ->> 'msg-id' FROM bus_message"
                        + " WHERE topic LIKE ? ORDER BY id")) {
            s.setString(1, topics.prefix() + "/%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Row row = new Row(
                            r.getString(1),
                            r.getString(2),
                            r.getBytes(3),
                            r.getString(4),
                            r.getInt(5),
                            r.getBoolean(6),
                            r.getString(7));
                    if (rows.put(row.topic(), row) != null) {
                        throw new AssertionError("two rows for " + row.topic());
                    }
                }
            }
        }
        return rows;
    }

    static long count(DataSource db, String where) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM bus_message WHERE " + where);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    long countMine(DataSource db) throws SQLException {
        return count(db, "topic LIKE '" + topics.prefix() + "/%'");
    }

    void awaitCount(DataSource db, long n, Duration atMost) {
        // The pool may still be reconnecting after an outage: keep asking.
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> countMine(db) >= n);
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
