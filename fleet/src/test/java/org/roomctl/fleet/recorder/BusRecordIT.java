package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
}
