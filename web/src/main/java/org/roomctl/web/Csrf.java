package org.roomctl.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Protection against cross-site request forgery, without server-side state (so several app
 * instances behind a load balancer need nothing shared for it):
 *
 * <ol>
 *   <li>a browser that says where a request comes from ({@code Sec-Fetch-Site}, {@code Origin})
 *       must say it comes from this site;
 *   <li>every state-changing request carries a token ({@code X-CSRF-Token} header, or a
 *       {@code _csrf} form field) equal to the one in the {@code roomctl_csrf} cookie, which only
 *       this site's pages can read back (it is HttpOnly, SameSite=Strict; the page gets the token
 *       rendered into it).
 * </ol>
 */
public final class Csrf {
    public static final String COOKIE = "roomctl_csrf";
    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /** The token for this browser, setting the cookie the first time. Render it into the page. */
    public static String token(Context ctx) {
        String token = ctx.attribute(COOKIE);
        if (token != null) {
            return token;
        }
        token = ctx.cookie(COOKIE);
        if (token == null || token.length() < 20) {
            byte[] b = new byte[24];
            RANDOM.nextBytes(b);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            // Added, not set: another cookie (a panel's credential) may go out in the same response.
            ctx.res()
                    .addHeader(
                            "Set-Cookie",
                            COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                                    + (ctx.scheme().equals("https") ? "; Secure" : ""));
        }
        ctx.attribute(COOKIE, token);
        return token;
    }

    /**
     * A before-handler: refuses a state-changing request that is cross-site or lacks the token.
     *
     * @throws ForbiddenResponse saying which check failed
     */
    public static void check(Context ctx) {
        if (SAFE.contains(ctx.method())) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ForbiddenResponse("refused: the request came from another site (" + site + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameHost(origin, ctx.host())) {
            throw new ForbiddenResponse("refused: the request came from " + origin);
        }
        String cookie = ctx.cookie(COOKIE);
        String sent = ctx.header(HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(FIELD);
        }
        if (cookie == null
                || sent == null
                || !MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenResponse(
                    "refused: the form is out of date or came from elsewhere (missing or wrong CSRF token); reload the page");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI o = URI.create(origin);
            String originHost = o.getPort() > 0 ? o.getHost() + ":" + o.getPort() : o.getHost();
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
