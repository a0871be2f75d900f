package org.roomctl.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetSettingsTest {
    @Test
    void theDatabaseIsRequiredAndNamed() {
        assertThatThrownBy(() -> FleetSettings.fromEnv("admin", Map.<String, String>of()::get))
                .isInstanceOf(FleetSettings.SettingsException.class)
                .hasMessageContaining("ROOMCTL_DATABASE_URL is not set");
        assertThatThrownBy(() -> FleetSettings.fromEnv("admin", Map.of("ROOMCTL_DATABASE_URL", "mysql://x")::get))
                .hasMessageContaining("ROOMCTL_DATABASE_URL 'mysql://x' must be a PostgreSQL JDBC URL");
    }

    @Test
    void defaultsFillWhatIsNotGiven() throws Exception {
        FleetSettings s =
                FleetSettings.fromEnv("panel", Map.of("ROOMCTL_DATABASE_URL", "jdbc:postgresql://db/roomctl")::get);
        assertThat(s.brokerUri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(s.topicPrefix()).isEqualTo("roomctl");
        assertThat(s.instance()).startsWith("panel-").doesNotContain("<");
        assertThat(s.brokerPassword()).isNull();
    }

    @Test
    void aBadBrokerOrInstanceIsNamed() {
        assertThatThrownBy(() -> FleetSettings.fromEnv(
                        "admin",
                        Map.of("ROOMCTL_DATABASE_URL", "jdbc:postgresql://db/r", "ROOMCTL_MQTT_URL", "mqtt://b")::get))
                .hasMessageContaining("ROOMCTL_MQTT_URL 'mqtt://b' must start with tcp:// or ssl://");
        assertThatThrownBy(() -> FleetSettings.fromEnv(
                        "admin",
                        Map.of("ROOMCTL_DATABASE_URL", "jdbc:postgresql://db/r", "ROOMCTL_INSTANCE", "a b")::get))
                .hasMessageContaining("ROOMCTL_INSTANCE 'a b'");
    }
}
