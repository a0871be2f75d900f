package org.roomctl.panel.access;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The panel credential's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), Secure when the panel is served over https, and long-lived: renewed on every
 * page, so a panel in daily use never expires, while browsers cap a cookie's life at 400 days.
 */
public final class PanelCookie {
    public static final String NAME = "roomctl_panel";
    static final Duration MAX_AGE = Duration.ofDays(400);

    private PanelCookie() {}

    /** The credential the browser sent, if any. */
    public static String read(Context ctx) {
        String v = ctx.cookie(NAME);
        return v == null || v.isBlank() ? null : v;
    }

    public static void set(Context ctx, String token) {
        add(ctx, token, MAX_AGE.toSeconds());
    }

    public static void clear(Context ctx) {
        add(ctx, "", 0);
    }

    // Added, never set: the CSRF cookie may go out in the same response.
    private static void add(Context ctx, String value, long maxAge) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        NAME + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                                + (secure(ctx) ? "; Secure" : ""));
    }

    /** Over https, directly or behind a proxy that terminates TLS. */
    static boolean secure(Context ctx) {
        return ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
