package org.roomctl.panel.routes;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;

/** Reading what a button sent, and saying in words what is wrong with it. */
final class Inputs {
    private Inputs() {}

    /** {@code on} or {@code off}, as the boolean the command takes. */
    static boolean onOff(Context ctx) {
        String v = value(ctx, "on");
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new BadRequestResponse("Say 'on' or 'off', not '" + shorten(v) + "'");
        };
    }

    /** One of {@code allowed}, or a 400 saying which are. */
    static String oneOf(Context ctx, String name, List<String> allowed, String what) {
        String v = value(ctx, name);
        if (!allowed.contains(v)) {
            throw new BadRequestResponse("Choose one of the " + what + " shown, not '" + shorten(v) + "'");
        }
        return v;
    }

    /** A whole number from {@code min} to {@code max}, or a 400 saying so. */
    static int number(Context ctx, String name, int min, int max, String what) {
        String v = value(ctx, name);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadRequestResponse("Choose " + what + " " + min + " to " + max + ", not '" + shorten(v) + "'");
    }

    private static String value(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    static String shorten(String v) {
        return v.length() > 20 ? v.substring(0, 20) + "…" : v;
    }
}
