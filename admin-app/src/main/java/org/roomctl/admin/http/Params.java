package org.roomctl.admin.http;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Reading request parameters, with a clear {@link Problem} for anything wrong. */
public final class Params {
    private Params() {}

    /** A form field or query parameter, stripped; null when absent or blank. */
    public static String optional(Context ctx, String name) {
        String v = isForm(ctx) ? ctx.formParam(name) : null;
        if (v == null) {
            v = ctx.queryParam(name);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    public static String required(Context ctx, String name, String what) {
        String v = optional(ctx, name);
        if (v == null) {
            throw Problem.badRequest(what + " is missing");
        }
        return v;
    }

    public static long id(Context ctx, String pathParam) {
        try {
            return Long.parseLong(ctx.pathParam(pathParam));
        } catch (NumberFormatException e) {
            throw Problem.notFound("'" + ctx.pathParam(pathParam) + "' is not a number");
        }
    }

    public static Integer integer(Context ctx, String name, int min, int max, String what) {
        String v = optional(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(what + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
        }
    }

    public static Long longValue(Context ctx, String name) {
        String v = optional(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " must be a number, not '" + v + "'");
        }
    }

    /**
     * A time: an ISO instant ({@code 2026-03-01T09:00:00Z}), a local date-time as a browser's
     * datetime-local field sends it, or a date (its start, or with {@code endOfDay} the next day's
     * start), read in {@code zone}.
     */
    public static Instant time(Context ctx, String name, ZoneId zone, boolean endOfDay) {
        String v = optional(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(v).toInstant();
            }
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw Problem.badRequest(
                    name + " '" + v + "' is not a time: use 2026-03-01, 2026-03-01T09:30 or 2026-03-01T09:30:00Z");
        }
    }

    public static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
