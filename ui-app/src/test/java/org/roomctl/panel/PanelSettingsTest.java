package org.roomctl.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomctl.fleet.FleetSettings;

class PanelSettingsTest {
    private static final String DB = "jdbc:postgresql://db.example.org/roomctl";

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("ROOMCTL_DATABASE_URL", DB));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsListenOnEveryAddressOnPort8081() throws Exception {
        PanelSettings s = PanelSettings.fromEnv(env()::get);
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.port()).isEqualTo(8081);
        assertThat(s.commandTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.fleet().databaseUrl()).isEqualTo(DB);
        assertThat(s.fleet().instance()).startsWith("panel-");
    }

    @Test
    void givenValuesAreTaken() throws Exception {
        PanelSettings s = PanelSettings.fromEnv(env(
                "ROOMCTL_PANEL_HOST", "127.0.0.1",
                "ROOMCTL_PANEL_PORT", "9000",
                "ROOMCTL_PANEL_COMMAND_TIMEOUT", "3")::get);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.commandTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aBadSettingIsNamed() {
        assertThatThrownBy(() -> PanelSettings.fromEnv(env("ROOMCTL_PANEL_PORT", "eighty")::get))
                .isInstanceOf(FleetSettings.SettingsException.class)
                .hasMessage("ROOMCTL_PANEL_PORT 'eighty' must be a whole number from 1 to 65535");
        assertThatThrownBy(() -> PanelSettings.fromEnv(env("ROOMCTL_PANEL_PORT", "70000")::get))
                .hasMessageContaining("ROOMCTL_PANEL_PORT '70000'");
        assertThatThrownBy(() -> PanelSettings.fromEnv(env("ROOMCTL_PANEL_COMMAND_TIMEOUT", "0")::get))
                .hasMessage("ROOMCTL_PANEL_COMMAND_TIMEOUT '0' must be a whole number from 1 to 120");
        assertThatThrownBy(() -> PanelSettings.fromEnv(env("ROOMCTL_PANEL_HOST", "my host")::get))
                .hasMessage("ROOMCTL_PANEL_HOST 'my host' is not a host name or address");
        assertThatThrownBy(() -> PanelSettings.fromEnv(Map.<String, String>of()::get))
                .hasMessageContaining("ROOMCTL_DATABASE_URL is not set");
    }

    private record Run(int status, String out, String err) {}

    private static Run main(Map<String, String> env, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new PanelMain(
                        env::get,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryVariable() throws Exception {
        Run r = main(Map.of(), "--help");
        assertThat(r.status()).isZero();
        for (FleetSettings.Variable v : PanelSettings.variables()) {
            assertThat(r.out()).contains(v.name());
        }
        assertThat(r.out()).contains("pairing-code ROOM [--minutes N]", "/enrol#CODE", "(default 8081)");
    }

    @Test
    void aBadSettingStopsStartUpNamingTheVariable() throws Exception {
        Run r = main(env("ROOMCTL_PANEL_PORT", "eighty"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("ROOMCTL_PANEL_PORT 'eighty'");
        Run noDb = main(Map.of());
        assertThat(noDb.status()).isEqualTo(2);
        assertThat(noDb.err()).contains("ROOMCTL_DATABASE_URL is not set");
    }

    @Test
    void badArgumentsAreNamed() throws Exception {
        assertThat(main(env(), "serve-forever").err()).contains("unknown command 'serve-forever'");
        assertThat(main(env(), "pairing-code").err()).contains("which room?");
        Run minutes = main(env(), "pairing-code", "room-a", "--minutes", "0");
        assertThat(minutes.status()).isEqualTo(2);
        assertThat(minutes.err()).contains("--minutes must be a whole number from 1 to 10080 (a week), not '0'");
        assertThat(main(env(), "pairing-code", "room-a", "room-b").err()).contains("unexpected 'room-b'");
    }
}
