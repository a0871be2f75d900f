package org.roomctl.admin.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {
    @Test
    void quotesWhatNeedsQuotingAndDisarmsFormulas() {
        assertThat(CsvExport.cell("plain")).isEqualTo("plain");
        assertThat(CsvExport.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvExport.cell("+1")).isEqualTo("'+1");
        assertThat(CsvExport.cell(null)).isEmpty();
    }

    @Test
    void oneLinePerConnectionWithItsDuration() {
        Instant t = Instant.parse("2026-03-01T09:00:00Z");
        ConnectionRow r = new ConnectionRow(
                7,
                "room-a",
                "Room A",
                "Sydney",
                "room-b",
                "Room B, upstairs",
                "Sydney",
                "user:olive",
                "admin",
                "ended",
                "disconnected by user:olive",
                t,
                t.plusSeconds(5),
                t.plusSeconds(65));
        List<String> lines =
                CsvExport.csv(List.of(r), t.plusSeconds(100)).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(CsvExport.HEADER);
        assertThat(lines.get(1))
                .isEqualTo(
                        "7,room-a,Room A,Sydney,room-b,\"Room B, upstairs\",Sydney,user:olive,admin,ended,"
                                + "disconnected by user:olive,2026-03-01T09:00:00Z,2026-03-01T09:00:05Z,2026-03-01T09:01:05Z,60");
    }
}
