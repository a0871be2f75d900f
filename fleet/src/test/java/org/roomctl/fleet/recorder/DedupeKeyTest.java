package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;

class DedupeKeyTest {
    private static BusMessage message(
            String topic, String payload, boolean retained, Long expiry, int qos, Map<String, String> user) {
        return new BusMessage(
                topic,
                payload.getBytes(StandardCharsets.UTF_8),
                qos,
                retained,
                false,
                expiry,
                null,
                null,
                null,
                user,
                Instant.now(),
                1);
    }

    @Test
    void aMessageWithAnIdIsKnownByTopicAndId() {
        Map<String, String> id = Map.of(BusClient.MESSAGE_ID, "AAAA");
        String key = DedupeKey.of(message("roomctl/a", "x", false, null, 1, id));
        assertThat(key).startsWith("id:").hasSize(3 + 43);
        // Delivered again: a duplicate flag, another QoS, less expiry left, even other content.
        assertThat(DedupeKey.of(message("roomctl/a", "y", true, 10L, 0, id))).isEqualTo(key);
        assertThat(DedupeKey.of(message("roomctl/b", "x", false, null, 1, id)))
                .as("another topic")
                .isNotEqualTo(key);
        assertThat(DedupeKey.of(message("roomctl/a", "x", false, null, 1, Map.of(BusClient.MESSAGE_ID, "BBBB"))))
                .isNotEqualTo(key);
        assertThat(DedupeKey.of(
                        message("roomctl/a", "x", false, null, 1, Map.of(BusClient.MESSAGE_ID, "m".repeat(9000)))))
                .hasSize(3 + 43);
    }

    @Test
    void aMessageWithoutAnIdIsKnownByItsContent() {
        String key = DedupeKey.of(message("roomctl/a", "x", false, 30L, 1, Map.of("by", "me")));
        assertThat(key).startsWith("content:");
        // Redelivered: the broker has counted the expiry down, the grant may differ.
        assertThat(DedupeKey.of(message("roomctl/a", "x", false, 12L, 0, Map.of("by", "me"))))
                .isEqualTo(key);
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("b", "2");
        ordered.put("a", "1");
        assertThat(DedupeKey.of(message("roomctl/a", "x", false, null, 1, ordered)))
                .isEqualTo(DedupeKey.of(message("roomctl/a", "x", false, null, 1, Map.of("a", "1", "b", "2"))));
        assertThat(DedupeKey.of(message("roomctl/a", "y", false, 30L, 1, Map.of("by", "me"))))
                .isNotEqualTo(key);
        assertThat(DedupeKey.of(message("roomctl/a", "x", true, 30L, 1, Map.of("by", "me"))))
                .isNotEqualTo(key);
        assertThat(DedupeKey.of(message("roomctl/a", "x", false, 30L, 1, Map.of("by", "you"))))
                .isNotEqualTo(key);
        assertThat(DedupeKey.of(message("roomctl/a", "x", false, 30L, 1, Map.of())))
                .isNotEqualTo(key);
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        assertThat(DedupeKey.of(message("roomctl/ab", "c", false, null, 1, Map.of())))
                .isNotEqualTo(DedupeKey.of(message("roomctl/a", "bc", false, null, 1, Map.of())));
    }
}
