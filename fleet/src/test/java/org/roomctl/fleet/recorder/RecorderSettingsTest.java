package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecorderSettingsTest {
    @Test
    void onByDefaultKeepingTwoWeeks() throws Exception {
        RecorderSettings s = RecorderSettings.fromEnv(Map.<String, String>of()::get);
        assertThat(s.enabled()).isTrue();
        assertThat(s.group()).isEqualTo("roomctl-recorder");
        assertThat(s.retention()).isEqualTo(Duration.ofDays(14));
        assertThat(s).isEqualTo(RecorderSettings.defaults());
    }

    @Test
    void theEnvironmentSetsRetentionGroupAndSwitch() throws Exception {
        RecorderSettings s = RecorderSettings.fromEnv(Map.of(
                "ROOMCTL_BUS_RETENTION", "30d",
                "ROOMCTL_BUS_RECORDER_GROUP", "site-a",
                "ROOMCTL_BUS_RECORDER", "off")::get);
        assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(s.group()).isEqualTo("site-a");
        assertThat(s.enabled()).isFalse();
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertThat(RecorderSettings.parseDuration("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(RecorderSettings.parseDuration(" 90m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(RecorderSettings.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(RecorderSettings.parseDuration("7D")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> RecorderSettings.parseDuration("0d")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> RecorderSettings.parseDuration("2 weeks"))
                .hasMessageContaining("'2 weeks' is not a duration");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> RecorderSettings.fromEnv(Map.of("ROOMCTL_BUS_RETENTION", "forever")::get))
                .isInstanceOf(org.roomctl.fleet.FleetSettings.SettingsException.class)
                .hasMessageStartingWith("ROOMCTL_BUS_RETENTION 'forever' is not a duration");
        assertThatThrownBy(() -> RecorderSettings.fromEnv(Map.of("ROOMCTL_BUS_RECORDER", "maybe")::get))
                .hasMessage("ROOMCTL_BUS_RECORDER 'maybe' must be on or off");
        assertThatThrownBy(() -> RecorderSettings.fromEnv(Map.of("ROOMCTL_BUS_RECORDER_GROUP", "a/b")::get))
                .hasMessageStartingWith("ROOMCTL_BUS_RECORDER_GROUP 'a/b' may hold only");
        assertThatThrownBy(() -> RecorderSettings.defaults().withBatch(0, Duration.ofMillis(50)))
                .hasMessageContaining("batchSize must be positive");
    }
}
