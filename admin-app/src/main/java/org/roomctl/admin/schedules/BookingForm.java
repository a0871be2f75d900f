package org.roomctl.admin.schedules;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.roomctl.admin.http.Fmt;
import org.roomctl.admin.http.Params;

/**
 * What the booking form holds, as typed: shown again with a refusal so nothing is typed twice.
 *
 * @param caller the calling room's id
 * @param callee the called room's id
 * @param start the start, as the browser's datetime-local field sends it (in the console's zone)
 * @param end the end, likewise
 * @param title what it is for
 */
public record BookingForm(String caller, String callee, String start, String end, String title) {

    static BookingForm of(Context ctx) {
        return new BookingForm(
                orEmpty(Params.optional(ctx, "caller")),
                orEmpty(Params.optional(ctx, "callee")),
                orEmpty(Params.optional(ctx, "start")),
                orEmpty(Params.optional(ctx, "end")),
                orEmpty(Params.optional(ctx, "title")));
    }

    /** An empty form proposing the next quarter hour, for half an hour. */
    static BookingForm blank(Instant now, ZoneId zone) {
        Instant start = now.truncatedTo(ChronoUnit.HOURS);
        while (!start.isAfter(now)) {
            start = start.plus(Duration.ofMinutes(15));
        }
        return new BookingForm("", "", Fmt.input(start, zone), Fmt.input(start.plus(Duration.ofMinutes(30)), zone), "");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
