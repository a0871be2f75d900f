package org.roomctl.fleet.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteShutdownTest {
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private static SiteShutdown at(String time, Instant updatedAt) {
        return new SiteShutdown(1, "Sydney", LocalTime.parse(time), SYDNEY, true, "x", updatedAt, "x", updatedAt);
    }

    @Test
    void dueAtTheLocalTimeInTheSitesZone() {
        // 19:00 in Sydney in (southern) summer is 08:00 UTC (AEDT, +11).
        SiteShutdown s = at("19:00", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.dueOn(LocalDate.parse("2026-01-15"))).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
        // and 09:00 UTC in winter (AEST, +10)
        assertThat(s.dueOn(LocalDate.parse("2026-07-15"))).isEqualTo(Instant.parse("2026-07-15T09:00:00Z"));
    }

    @Test
    void notDueBeforeItsTimeDueAfterItAndYesterdayToo() {
        SiteShutdown s = at("19:00", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.daysDue(Instant.parse("2026-01-15T07:59:59Z"))).containsExactly(LocalDate.parse("2026-01-14"));
        assertThat(s.daysDue(Instant.parse("2026-01-15T08:00:00Z")))
                .containsExactly(LocalDate.parse("2026-01-14"), LocalDate.parse("2026-01-15"));
    }

    @Test
    void aTimeThatPassedBeforeItWasSetIsNotDue() {
        // Made at 20:00 Sydney time for 19:00: not today, tomorrow.
        Instant made = Instant.parse("2026-01-15T09:00:00Z");
        SiteShutdown s = at("19:00", made);
        assertThat(s.daysDue(made.plusSeconds(60))).isEmpty();
        assertThat(s.daysDue(Instant.parse("2026-01-16T08:00:00Z"))).containsExactly(LocalDate.parse("2026-01-16"));
    }

    @Test
    void aTimeTheClocksSkipIsMovedLaterByTheGap() {
        // Sydney skips 02:00-03:00 on 2026-10-04.
        SiteShutdown s = at("02:30", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.dueOn(LocalDate.parse("2026-10-04"))).isEqualTo(Instant.parse("2026-10-03T16:30:00Z"));
    }
}
