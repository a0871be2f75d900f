package org.roomctl.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorsMainTest {
    @Test
    void defaultsToRoomConfigsAndPort17000() {
        SimulatorsMain.Arguments a = SimulatorsMain.Arguments.parse();
        assertThat(a).isEqualTo(new SimulatorsMain.Arguments(Path.of("room-configs"), "127.0.0.1", 17000, false));
    }

    @Test
    void readsEveryFlag() {
        SimulatorsMain.Arguments a =
                SimulatorsMain.Arguments.parse("--configs", "/etc/rooms", "--http", "0.0.0.0:8080", "--any-free-port");
        assertThat(a).isEqualTo(new SimulatorsMain.Arguments(Path.of("/etc/rooms"), "0.0.0.0", 8080, true));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> SimulatorsMain.Arguments.parse("--verbose"))
                .hasMessageContaining("unknown argument '--verbose'");
        assertThatThrownBy(() -> SimulatorsMain.Arguments.parse("--http", "8080"))
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> SimulatorsMain.Arguments.parse("--configs")).hasMessageContaining("needs a value");
    }

    @Test
    void unsetPasswordsBecomeDemoAndAreRemembered() {
        DemoSecrets secrets = new DemoSecrets(Map.of("SET_PASSWORD", "real", "OTHER", "x")::get);
        assertThat(secrets.apply("SET_PASSWORD")).isEqualTo("real");
        assertThat(secrets.apply("UNSET_PASSWORD")).isEqualTo("demo");
        assertThat(secrets.apply("OTHER")).isEqualTo("x");
        assertThat(secrets.apply("UNSET_HOST")).isNull();
        assertThat(secrets.assumed()).containsExactly("UNSET_PASSWORD");
    }
}
