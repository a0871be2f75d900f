package org.roomctl.admin.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roomctl.fleet.schedule.ShutdownRun;
import org.roomctl.fleet.schedule.SiteShutdown;

/** When a site's shutdown runs next, as its row shows it. */
class ShutdownRowTest {
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    /** 2026-03-02 15:00 in Sydney (AEDT, UTC+11). */
    private static final Instant AFTERNOON = Instant.parse("2026-03-02T04:00:00Z");

    private static SiteShutdown at(String time, boolean enabled, Instant updatedAt) {
        return new SiteShutdown(1, "Sydney", LocalTime.parse(time), SYDNEY, enabled, "a", updatedAt, "a", updatedAt);
    }

    @Test
    void laterTodayWhenItsTimeIsStillToCome() {
        var s = at("19:00", true, AFTERNOON.minusSeconds(86_400));
        assertThat(ShutdownRow.nextRun(s, List.of(), AFTERNOON)).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void tomorrowWhenTodaysTimeHasPassed() {
        var s = at("07:00", true, AFTERNOON.minusSeconds(86_400));
        assertThat(ShutdownRow.nextRun(s, List.of(), AFTERNOON)).isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
    }

    @Test
    void tomorrowWhenTodayHasRunAlreadyAndTheTimeWasMovedLater() {
        var s = at("19:00", true, AFTERNOON.minusSeconds(60));
        assertThat(ShutdownRow.nextRun(s, List.of(LocalDate.of(2026, 3, 2)), AFTERNOON))
                .isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void aTimeTheClocksSkipRunsLaterByTheGap() {
        // 2026-10-04 02:30 does not happen in Sydney: clocks go from 02:00 to 03:00.
        Instant night = Instant.parse("2026-10-03T12:00:00Z"); // 22:00 on the 3rd, AEST
        var s = at("02:30", true, night.minusSeconds(86_400));
        assertThat(ShutdownRow.nextRun(s, List.of(), night)).isEqualTo(Instant.parse("2026-10-03T16:30:00Z"));
    }

    @Test
    void noneWhenDisabled() {
        assertThat(ShutdownRow.nextRun(at("19:00", false, AFTERNOON.minusSeconds(86_400)), List.of(), AFTERNOON))
                .isNull();
    }

    @Test
    void aRunIsSummedUpByOutcome() {
        Instant t = AFTERNOON;
        var run = new ShutdownRun(
                1,
                1L,
                "Sydney",
                LocalDate.of(2026, 3, 2),
                t,
                ShutdownRun.DONE,
                "i",
                t,
                t,
                "",
                List.of(
                        new ShutdownRun.Room("a", "ok", null, null, t),
                        new ShutdownRun.Room("b", "skipped", "in booking 3", 3L, t),
                        new ShutdownRun.Room("c", "ok", null, null, t)));
        assertThat(ShutdownRow.summary(run)).isEqualTo("2 ok, 1 skipped");
    }
}
