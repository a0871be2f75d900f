package org.roomctl.admin.buslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BusSearchTest {
    private static BusSearch topic(String filter) {
        return new BusSearch(filter, null, null, null, null, null);
    }

    /** The SQL regular expression matches what MQTT matches (checked here with Java's, which agrees on these). */
    private static boolean sqlMatches(String filter, String topic) {
        return Pattern.compile(topic(filter).topicRegex()).matcher(topic).find();
    }

    @Test
    void wildcardsMatchAsInMqtt() {
        assertThat(sqlMatches("roomctl/rooms/+/state", "roomctl/rooms/room-a/state"))
                .isTrue();
        assertThat(sqlMatches("roomctl/rooms/+/state", "roomctl/rooms/room-a/devices/x/state"))
                .isFalse();
        assertThat(sqlMatches("roomctl/rooms/#", "roomctl/rooms/room-a/devices/x/state"))
                .isTrue();
        assertThat(sqlMatches("roomctl/rooms/#", "roomctl/rooms")).isTrue();
        assertThat(sqlMatches("roomctl/rooms/#", "roomctl/roomsx")).isFalse();
        assertThat(sqlMatches("#", "anything/at/all")).isTrue();
        assertThat(sqlMatches("a.b/+", "axb/c")).isFalse(); // '.' is literal
        assertThat(sqlMatches("+/x", "/x")).isTrue(); // '+' matches an empty level too
    }

    @Test
    void malformedFiltersAreRefusedWithTheRule() {
        assertThatThrownBy(() -> topic("a/#/b")).hasMessageContaining("'#' must be a whole level, and the last one");
        assertThatThrownBy(() -> topic("a/b#")).hasMessageContaining("'#'");
        assertThatThrownBy(() -> topic("a/b+/c")).hasMessageContaining("'+' must be a whole level");
    }

    @Test
    void theTailFiltersInMemoryAsTheSearchDoes() {
        BusRow row = new BusRow(
                1,
                Instant.parse("2026-01-01T10:00:00Z"),
                "roomctl/rooms/room-a/state",
                "room-a",
                "{\"Power\":\"on\"}",
                14,
                1,
                true);
        assertThat(topic("roomctl/rooms/+/state").matches(row)).isTrue();
        assertThat(new BusSearch(null, "room-b", null, null, null, null).matches(row))
                .isFalse();
        assertThat(new BusSearch(null, null, null, null, "power", null).matches(row))
                .isTrue();
        assertThat(new BusSearch(null, null, Instant.parse("2026-01-01T10:00:01Z"), null, null, null).matches(row))
                .isFalse();
    }
}
