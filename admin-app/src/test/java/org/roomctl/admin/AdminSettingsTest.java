package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomctl.fleet.FleetSettings.SettingsException;

class AdminSettingsTest {
    private static AdminSettings read(Map<String, String> env) throws SettingsException {
        return AdminSettings.fromEnv(env::get);
    }

    @Test
    void defaultsNeedNothingAndHaveNoPassword() throws Exception {
        AdminSettings s = read(Map.of());
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.bootstrapUser()).isNull();
        assertThat(s.bootstrapPassword()).isNull();
        assertThat(s.sessionIdle()).isEqualTo(Duration.ofHours(8));
        assertThat(s.sessionMax()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void everythingCanBeSet() throws Exception {
        AdminSettings s = read(Map.of(
                "ROOMCTL_ADMIN_HOST", "127.0.0.1",
                "ROOMCTL_ADMIN_PORT", "9090",
                "ROOMCTL_ADMIN_BOOTSTRAP_USER", "root",
                "ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD", "a long first password",
                "ROOMCTL_ADMIN_SESSION_IDLE_MINUTES", "30",
                "ROOMCTL_ADMIN_SESSION_MAX_HOURS", "12",
                "ROOMCTL_ADMIN_TIME_ZONE", "Australia/Sydney"));
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.bootstrapUser()).isEqualTo("root");
        assertThat(s.bootstrapPassword()).isEqualTo("a long first password");
        assertThat(s.sessionIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
    }

    @Test
    void aBadSettingIsNamed() {
        assertThatThrownBy(() -> read(Map.of("ROOMCTL_ADMIN_PORT", "0")))
                .hasMessageContaining("ROOMCTL_ADMIN_PORT '0' must be a port number from 1 to 65535");
        assertThatThrownBy(() -> read(Map.of("ROOMCTL_ADMIN_HOST", "a host")))
                .hasMessageContaining("ROOMCTL_ADMIN_HOST");
        assertThatThrownBy(() -> read(Map.of("ROOMCTL_ADMIN_TIME_ZONE", "Mars/Olympus")))
                .hasMessageContaining("ROOMCTL_ADMIN_TIME_ZONE 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> read(
                        Map.of("ROOMCTL_ADMIN_SESSION_IDLE_MINUTES", "600", "ROOMCTL_ADMIN_SESSION_MAX_HOURS", "2")))
                .hasMessageContaining("ROOMCTL_ADMIN_SESSION_IDLE_MINUTES (600) must not be longer");
    }

    @Test
    void theFirstAdminNeedsBothNameAndAGoodPassword() {
        assertThatThrownBy(() -> read(Map.of("ROOMCTL_ADMIN_BOOTSTRAP_USER", "root")))
                .hasMessageContaining(
                        "ROOMCTL_ADMIN_BOOTSTRAP_USER is set but ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD is not");
        assertThatThrownBy(() -> read(Map.of("ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD", "a long first password")))
                .hasMessageContaining(
                        "ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD is set but ROOMCTL_ADMIN_BOOTSTRAP_USER is not");
        assertThatThrownBy(() -> read(
                        Map.of("ROOMCTL_ADMIN_BOOTSTRAP_USER", "root", "ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD", "admin")))
                .hasMessageContaining("ROOMCTL_ADMIN_BOOTSTRAP_PASSWORD is too short");
    }
}
