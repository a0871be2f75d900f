package org.roomctl.web;

import io.javalin.http.Context;

/**
 * Headers every page gets: scripts and styles only from this site (no inline script; htmx's
 * inline indicator styles are switched off in each page's htmx config), no framing, no MIME
 * sniffing, no referrer leaking to elsewhere.
 */
public final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {}

    /** An after-handler. */
    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
