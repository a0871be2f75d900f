package org.roomctl.fleet.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomctl.fleet.FleetSettings;

class AlertRuleSettingsTest {
    @Test
    void durationsAsPeopleWriteThem() {
        assertThat(AlertRuleSettings.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(AlertRuleSettings.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(AlertRuleSettings.parse(" 1h ")).isEqualTo(Duration.ofHours(1));
        assertThat(AlertRuleSettings.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(AlertRuleSettings.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(AlertRuleSettings.parse("PT3M")).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void unsetKeepsTheDefaults() throws Exception {
        AlertRuleSettings s = AlertRuleSettings.fromEnv(Map.<String, String>of()::get);
        assertThat(s.deviceOfflineAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.agentOfflineAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theEnvironmentSetsTheDelays() throws Exception {
        AlertRuleSettings s = AlertRuleSettings.fromEnv(
                Map.of("ROOMCTL_ALERT_DEVICE_OFFLINE_AFTER", "5m", "ROOMCTL_ALERT_AGENT_OFFLINE_AFTER", "10s")::get);
        assertThat(s.deviceOfflineAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.agentOfflineAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBadValueNamesTheVariable() {
        assertThatThrownBy(() -> AlertRuleSettings.fromEnv(Map.of("ROOMCTL_ALERT_DEVICE_OFFLINE_AFTER", "soon")::get))
                .isInstanceOf(FleetSettings.SettingsException.class)
                .hasMessage("ROOMCTL_ALERT_DEVICE_OFFLINE_AFTER 'soon': not a duration: write it as 90s, 2m, 1h,"
                        + " 500ms or PT2M");
    }
}
