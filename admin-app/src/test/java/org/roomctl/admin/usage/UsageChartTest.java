package org.roomctl.admin.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageChartTest {
    @Test
    void aBarPerDayAsHighAsItsCalls() {
        LocalDate from = LocalDate.parse("2026-03-02"); // a Monday
        List<Usage.Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(new Usage.Day(from.plusDays(i), i == 2 ? 10 : 5, i == 2 ? 2 : 0));
        }
        String svg = UsageChart.perDay(new Usage(from, from.plusDays(6), days, List.of()));
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg.split("<g class=\"day\"", -1)).hasSize(8);
        assertThat(svg).contains("<title>2026-03-04: 10 connected, 2 failed</title>");
        assertThat(svg.split("class=\"bar failed\"", -1)).hasSize(2); // one day had failures
        assertThat(svg).contains(">Mar 2<");
    }

    @Test
    void roomNamesAreEscaped() {
        String svg = UsageChart.perRoom(List.of(new Usage.RoomCalls("x", "<Boardroom & Co>", 3, 40)));
        assertThat(svg).contains("&lt;Boardroom &amp; Co&gt;").doesNotContain("<Boardroom");
    }

    @Test
    void axisStepsAreRound() {
        assertThat(UsageChart.niceStep(4)).isEqualTo(1);
        assertThat(UsageChart.niceStep(23)).isEqualTo(5);
        assertThat(UsageChart.niceStep(180)).isEqualTo(50);
    }
}
