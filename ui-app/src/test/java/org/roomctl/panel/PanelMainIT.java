package org.roomctl.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.RoomInfo;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.fleet.panels.PanelCredential;
import org.roomctl.fleet.panels.PanelService;
import org.roomctl.schema.Database;

/** The command-line pairing code, against a real database. */
class PanelMainIT {
    @Test
    void aPairingCodeFromTheCommandLineEnrolsAPanelForItsRoom() throws Exception {
        String url = TestDatabases.fresh();
        try (Database db = Database.open(url, null, null, "panel-main-test", 2)) {
            new CatalogStore(db)
                    .saveInfo(
                            new RoomInfo("harbour", "Harbour", "Sydney", "sip:harbour@x", List.of(), List.of(), null),
                            Instant.now());
            Map<String, String> env = Map.of("ROOMCTL_DATABASE_URL", url, "ROOMCTL_PANEL_PORT", "9081");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PanelMain main = new PanelMain(
                    env::get,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(main.run(List.of("pairing-code", "harbour", "--minutes", "5")))
                    .isZero();
            Matcher m = Pattern.compile("Pairing code for harbour: ([A-Z0-9]{4}-[A-Z0-9]{4})")
                    .matcher(out.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(":9081/enrol#" + m.group(1));
            PanelCredential panel = new PanelService(db, Clock.systemUTC()).enrol(m.group(1), "test");
            assertThat(panel.panel().room()).isEqualTo("harbour");

            assertThat(main.run(List.of("pairing-code", "nowhere"))).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("there is no room 'nowhere'; known rooms: harbour");
        }
    }
}
