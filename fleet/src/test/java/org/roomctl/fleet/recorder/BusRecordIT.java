package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.embedded.EmbeddedBroker;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.schema.Database;

/** The recorder on a real broker and a real PostgreSQL: what is published is stored once, as it was. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusRecordIT {
    private EmbeddedBroker broker;

    @BeforeAll
    void startBroker() {
        broker = EmbeddedBroker.onFreePort().start();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    private static Database freshDatabase(String name) {
        return Database.open(TestDatabases.fresh(), null, null, name, 4);
    }

    @Test
    void aBurstIsStoredExactlyOnceAsPublished() throws Exception {
        try (Database db = freshDatabase("burst");
                RecorderRig rig = new RecorderRig(broker)) {
            BusRecorder recorder = rig.recorder(db.dataSource(), "burst-recorder", RecorderRig.QUICK);
            int n = 5000;
            Random random = new Random(42);
            List<BusMessage> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String topic = rig.topics.room("room-" + (i % 5)) + "/burst/" + i;
                byte[] payload;
                if (i % 4 == 0) {
                    payload = new byte[1 + random.nextInt(300)];
                    random.nextBytes(payload);
                    payload[0] = (byte) 0xFF; // never UTF-8
                } else {
                    payload = ("message " + i + " \u00fcn\u00efc\u00f6d\u00e9 \ud83c\udfa5")
                            .getBytes(StandardCharsets.UTF_8);
                }
                sent.add(BusMessage.of(topic, payload, i % 2, i % 3 == 0));
            }
            rig.publishAll(sent);
            rig.awaitCount(db.dataSource(), n, Duration.ofSeconds(60));
            Thread.sleep(300); // anything extra would show now

            Map<String, RecorderRig.Row> rows = rig.rows(db.dataSource());
            assertThat(rows).hasSize(n);
            for (int i = 0; i < n; i++) {
                BusMessage m = sent.get(i);
                RecorderRig.Row row = rows.get(m.topic());
                assertThat(row).as(m.topic()).isNotNull();
                assertThat(row.payload()).as(m.topic()).isEqualTo(m.payload());
                assertThat(row.text())
                        .as(m.topic())
                        .isEqualTo(i % 4 == 0 ? null : new String(m.payload(), StandardCharsets.UTF_8));
                assertThat(row.qos()).as(m.topic()).isEqualTo(m.qos());
                assertThat(row.retained()).as(m.topic()).isEqualTo(m.retained());
                assertThat(row.roomId()).as(m.topic()).isEqualTo("room-" + (i % 5));
                assertThat(row.msgId()).as(m.topic()).isNotBlank();
            }
            RecorderHealth h = recorder.health();
            assertThat(h.recorded()).isEqualTo(n);
            assertThat(h.pending()).isZero();
            assertThat(h.batches()).isBetween(1L, (long) n / 2);
            assertThat(h.lastCommitAt()).isNotNull();
            assertThat(h.problem()).isNull();
        }
    }

    @Test
    void twoInstancesInOneGroupShareTheWorkAndStoreEachMessageOnce() throws Exception {
        try (Database db = freshDatabase("shared");
                RecorderRig rig = new RecorderRig(broker)) {
            BusRecorder a = rig.recorder(db.dataSource(), "shared-recorder-a", RecorderRig.QUICK);
            BusRecorder b = rig.recorder(db.dataSource(), "shared-recorder-b", RecorderRig.QUICK);
            int n = 200;
            List<BusMessage> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(RecorderRig.text(rig.topics.events("room-a") + "/" + i, "event " + i, 1, false));
            }
            // At the pace of a quiet bus. HiveMQ sends a group one window of messages at a
            // time and offers the next to whichever member asks first, which under a steady
            // load is the member that just acknowledged; when the group is idle, any member.
            rig.publishSteadily(sent, 4).get(30, TimeUnit.SECONDS);
            rig.awaitCount(db.dataSource(), n, Duration.ofSeconds(30));
            Thread.sleep(300);

            assertThat(rig.rows(db.dataSource())).hasSize(n);
            assertThat(a.health().recorded()).as("first instance's share").isPositive();
            assertThat(b.health().recorded()).as("second instance's share").isPositive();
            assertThat(a.health().recorded() + b.health().recorded()).isEqualTo(n);
            assertThat(a.health().duplicates() + b.health().duplicates()).isZero();
        }
    }

    @Test
    void retentionDeletesOldRowsAndKeepsNewOnes() throws Exception {
        try (Database db = freshDatabase("retention");
                RecorderRig rig = new RecorderRig(broker)) {
            String prefix = rig.topics.prefix();
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO bus_message (received_at, topic, payload, qos, retained, dedupe_key)"
                        + " SELECT now() - interval '2 hours', '" + prefix
                        + "/old/' || g, '\\x00', 1, false, 'old-' || g"
                        + " FROM generate_series(1, 130) g");
                s.executeUpdate("INSERT INTO bus_message (received_at, topic, payload, qos, retained, dedupe_key)"
                        + " SELECT now() - interval '50 minutes', '" + prefix + "/recent/' || g, '\\x00', 1, false,"
                        + " 'recent-' || g FROM generate_series(1, 5) g");
            }
            BusRecorder recorder = rig.recorder(
                    db.dataSource(),
                    "retention-recorder",
                    RecorderRig.QUICK.withRetention(Duration.ofHours(1)).withPurge(Duration.ofMillis(300), 40));
            List<BusMessage> fresh = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                fresh.add(RecorderRig.text(prefix + "/new/" + i, "new " + i, 1, false));
            }
            rig.publishAll(fresh);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> RecorderRig.count(db.dataSource(), "topic LIKE '" + prefix + "/old/%'") == 0);
            rig.awaitCount(db.dataSource(), 25, Duration.ofSeconds(20));
            assertThat(RecorderRig.count(db.dataSource(), "topic LIKE '" + prefix + "/recent/%'"))
                    .isEqualTo(5);
            assertThat(RecorderRig.count(db.dataSource(), "topic LIKE '" + prefix + "/new/%'"))
                    .isEqualTo(20);
            // 130 rows, 40 a transaction: four transactions.
            assertThat(recorder.health().purged()).isEqualTo(130);
        }
    }

    @Test
    void anythingAtAllIsRecordedWithoutHarm() throws Exception {
        try (Database db = freshDatabase("garbage");
                RecorderRig rig = new RecorderRig(broker);
                AnonymousPublisher operator = new AnonymousPublisher(broker.uri())) {
            BusRecorder recorder = rig.recorder(db.dataSource(), "garbage-recorder", RecorderRig.QUICK);
            String room = rig.topics.room("room-a");
            Random random = new Random(7);
            byte[] binary = new byte[1000];
            random.nextBytes(binary);
            byte[] bigAscii = "x".repeat(2 << 20).getBytes(StandardCharsets.UTF_8);
            byte[] bigText = "\u00e9t\u00e9 ".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            String longTopic = room + "/x/" + "a".repeat(3000);
            Map<String, byte[]> payloads = new LinkedHashMap<>();
            payloads.put(room + "/binary", binary);
            payloads.put(room + "/invalid-utf8", new byte[] {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1});
            payloads.put(room + "/nul", "abc\0def".getBytes(StandardCharsets.UTF_8));
            payloads.put(room + "/empty", new byte[0]);
            payloads.put(room + "/big-ascii", bigAscii);
            payloads.put(room + "/big-text", bigText);
            payloads.put(longTopic, "long topic".getBytes(StandardCharsets.UTF_8));
            payloads.put(rig.topics.prefix() + "/rooms/Room A/state", "{}".getBytes(StandardCharsets.UTF_8));
            payloads.put(rig.topics.prefix() + "/rooms//state", "{}".getBytes(StandardCharsets.UTF_8));
            payloads.put(
                    rig.topics.prefix() + "/\u00fcn\u00efc\u00f6de/\ud83d\ude00",
                    "\ud83d\ude00".getBytes(StandardCharsets.UTF_8));
            List<BusMessage> sent = new ArrayList<>();
            payloads.forEach((topic, payload) -> sent.add(BusMessage.of(topic, payload, 1, false)));
            sent.add(new BusMessage(
                    room + "/huge-msg-id",
                    "x".getBytes(StandardCharsets.UTF_8),
                    1,
                    false,
                    false,
                    null,
                    null,
                    null,
                    null,
                    Map.of(BusClient.MESSAGE_ID, "m".repeat(5000)),
                    null,
                    0));
            rig.publishAll(sent);
            // An operator's messages, without msg-id: the same one twice is one message.
            operator.publish(room + "/command", "camera recall 2", Map.of("by", "operator"), "text/plain");
            operator.publish(room + "/command", "camera recall 2", Map.of("by", "operator"), "text/plain");
            operator.publish(room + "/command-2", "camera recall 3", Map.of(), null);

            int expected = sent.size() + 2;
            rig.awaitCount(db.dataSource(), expected, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.health().duplicates() == 1);
            Map<String, RecorderRig.Row> rows = rig.rows(db.dataSource());
            assertThat(rows).hasSize(expected);

            for (BusMessage m : sent) {
                String stored = m.topic().equals(longTopic)
                        ? rows.keySet().stream()
                                .filter(t -> t.startsWith(room + "/x/"))
                                .findFirst()
                                .orElseThrow()
                        : m.topic();
                assertThat(rows.get(stored).payload()).as(m.topic()).isEqualTo(m.payload());
            }
            assertThat(rows.get(room + "/binary").text()).isNull();
            assertThat(rows.get(room + "/invalid-utf8").text()).isNull();
            assertThat(rows.get(room + "/nul").text()).isNull();
            assertThat(rows.get(room + "/empty").text()).isEmpty();
            assertThat(rows.get(room + "/big-ascii").text())
                    .as("over 1 MiB: bytes only")
                    .isNull();
            assertThat(rows.get(room + "/big-text").text()).isEqualTo(new String(bigText, StandardCharsets.UTF_8));
            assertThat(rows.get(rig.topics.prefix() + "/rooms/Room A/state").roomId())
                    .isNull();
            assertThat(rows.get(rig.topics.prefix() + "/rooms//state").roomId()).isNull();
            assertThat(rows.get(room + "/binary").roomId()).isEqualTo("room-a");
            String cut = rows.keySet().stream()
                    .filter(t -> t.startsWith(room + "/x/"))
                    .findFirst()
                    .orElseThrow();
            assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RecordRow.MAX_TOPIC_BYTES);
            assertThat(cut).endsWith("\u2026");
            assertThat(RecorderRig.count(db.dataSource(), "properties ->> 'fullTopic' = '" + longTopic + "'"))
                    .isEqualTo(1);
            assertThat(rows.get(room + "/command").msgId()).isNull();
            assertThat(RecorderRig.count(
                            db.dataSource(),
                            "topic = '" + room + "/command' AND properties -> 'userProperties' ->> 'by' = 'operator'"
                                    + " AND properties ->> 'contentType' = 'text/plain'"))
                    .isEqualTo(1);

            RecorderHealth h = recorder.health();
            assertThat(h.rejected()).isZero();
            assertThat(h.problem()).isNull();
            // And it goes on recording.
            rig.publishAll(List.of(RecorderRig.text(room + "/after", "still here", 1, false)));
            rig.awaitCount(db.dataSource(), expected + 1, Duration.ofSeconds(10));
        }
    }
}
