package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.Json;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;

class RecordRowTest {
    private static final Topics TOPICS = new Topics("roomctl");
    private static final Instant AT = Instant.parse("2026-11-22T10:15:03.120Z");

    private static BusMessage message(String topic, byte[] payload, Map<String, String> user) {
        return new BusMessage(
                topic, payload, 1, true, false, 30L, "replies/me", new byte[] {1, 2}, "application/json", user, AT, 7);
    }

    @Test
    void aRoomMessageBecomesARowWithItsRoomTextAndProperties() throws Exception {
        RecordRow row = RecordRow.of(
                message(
                        "roomctl/rooms/sydney-harbour/state",
                        "{\"seq\":1}".getBytes(StandardCharsets.UTF_8),
                        Map.of(BusClient.MESSAGE_ID, "abc", "by", "agent")),
                TOPICS,
                Instant.EPOCH);
        assertThat(row.receivedAt()).isEqualTo(AT);
        assertThat(row.roomId()).isEqualTo("sydney-harbour");
        assertThat(row.payloadText()).isEqualTo("{\"seq\":1}");
        assertThat(row.qos()).isEqualTo(1);
        assertThat(row.retained()).isTrue();
        Map<?, ?> props = Json.mapper().readValue(row.properties(), Map.class);
        assertThat(props.get("userProperties")).isEqualTo(Map.of("msg-id", "abc", "by", "agent"));
        assertThat(props.get("contentType")).isEqualTo("application/json");
        assertThat(props.get("responseTopic")).isEqualTo("replies/me");
        assertThat(props.get("correlationData")).isEqualTo("AQI=");
        assertThat(props.get("messageExpiryInterval")).isEqualTo(30);
    }

    @Test
    void payloadTextOnlyForUtf8WithoutNul() {
        assertThat(RecordRow.text("h\u00e9llo \ud83d\ude00".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("h\u00e9llo \ud83d\ude00");
        assertThat(RecordRow.text(new byte[0])).isEmpty();
        assertThat(RecordRow.text(new byte[] {(byte) 0xC3, 0x28}))
                .as("invalid sequence")
                .isNull();
        assertThat(RecordRow.text(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
                .as("a surrogate")
                .isNull();
        assertThat(RecordRow.text(new byte[] {(byte) 0xE2, (byte) 0x82}))
                .as("cut short")
                .isNull();
        assertThat(RecordRow.text(new byte[] {'a', 0, 'b'})).as("NUL").isNull();
        assertThat(RecordRow.text(new byte[RecordRow.MAX_TEXT_BYTES + 1]))
                .as("too long")
                .isNull();
    }

    @Test
    void aTopicThatNamesNoValidRoomHasNoRoom() {
        for (String topic : new String[] {
            "roomctl/rooms//state",
            "roomctl/rooms/Room A/state",
            "roomctl/rooms/room-a",
            "roomctl/connections/events",
            "other/rooms/room-a/state",
            "roomctl/rooms/" + "a".repeat(64) + "/state"
        }) {
            assertThat(RecordRow.of(message(topic, new byte[0], Map.of()), TOPICS, AT)
                            .roomId())
                    .as(topic)
                    .isNull();
        }
    }

    @Test
    void aTopicTooLongForItsIndexIsCutAndKeptWholeInTheProperties() throws Exception {
        String topic = "roomctl/rooms/room-a/" + "\u00e9".repeat(1500); // 3000 bytes
        RecordRow row = RecordRow.of(message(topic, new byte[0], Map.of()), TOPICS, AT);
        assertThat(row.topic().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RecordRow.MAX_TOPIC_BYTES);
        assertThat(row.topic()).startsWith("roomctl/rooms/room-a/\u00e9").endsWith("\u2026");
        assertThat(row.roomId()).isEqualTo("room-a");
        assertThat(Json.mapper().readValue(row.properties(), Map.class).get("fullTopic"))
                .isEqualTo(topic);
    }

    @Test
    void nulInStringsIsMendedForPostgresql() {
        RecordRow row = RecordRow.of(message("roomctl/x\0y", new byte[0], Map.of("k\0", "v\0")), TOPICS, AT);
        assertThat(row.topic()).isEqualTo("roomctl/x\uFFFDy");
        assertThat(row.properties()).doesNotContain("\\u0000").contains("k\uFFFD");
    }

    @Test
    void withoutPropertiesThereIsNoJson() {
        RecordRow row = RecordRow.of(BusMessage.of("roomctl/x", "y", 0, false), TOPICS, AT);
        assertThat(row.properties()).isNull();
        assertThat(row.receivedAt()).as("a message without arrival time").isEqualTo(AT);
    }
}
