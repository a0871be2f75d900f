package org.roomctl.admin.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.roomctl.admin.Console;
import org.roomctl.admin.http.ErrorResponses;
import org.roomctl.admin.http.Problem;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.web.Csrf;

/**
 * Signing in and out. The login form is an ordinary form (it works without script), protected
 * against CSRF like every other; a wrong password re-renders it with the reason.
 */
public final class LoginRoutes {
    private final Console console;
    private final LoginThrottle throttle;

    public LoginRoutes(Console console, LoginThrottle throttle) {
        this.console = console;
        this.throttle = throttle;
    }

    public void install(RoutesConfig routes) {
        routes.get("/login", this::form, Access.ANYONE);
        routes.post("/login", this::login, Access.ANYONE);
        routes.post("/logout", this::logout, Role.VIEWER);
    }

    private void form(Context ctx) {
        ctx.html(render(ctx, null, "", safeNext(ctx.queryParam("next"))));
    }

    private String render(Context ctx, String message, String name, String next) {
        return console.pages()
                .templates()
                .render(
                        "login.jte",
                        Map.of(
                                "csrf",
                                Csrf.token(ctx),
                                "message",
                                message == null ? "" : message,
                                "name",
                                name == null ? "" : name,
                                "next",
                                next));
    }

    private void login(Context ctx) {
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        String next = safeNext(ctx.formParam("next"));
        ErrorResponses.showErrorsIn(ctx, message -> render(ctx, message, name, next));
        String address = clientAddress(ctx);
        Instant blocked = throttle.blockedUntil(address);
        if (blocked != null) {
            throw Problem.tooManyRequests(
                    "too many failed sign-ins from this address; try again in " + wait(blocked) + " (or ask an admin)");
        }
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            throw Problem.badRequest("enter your user name and password");
        }
        Users.Login result = console.users().login(name, password.toCharArray());
        AuditLog audit = console.fleet().audit();
        if (result instanceof Users.Login.Ok ok) {
            throttle.succeeded(address);
            String token = console.sessions().open(ok.user().id(), address + " " + ctx.userAgent());
            ctx.res()
                    .addHeader(
                            "Set-Cookie",
                            sessionCookie(ctx, token, console.sessions().maxLifetime()));
            audit.record("user:" + ok.user().name(), "user.login", null, Map.of("address", address));
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        if (result instanceof Users.Login.Locked locked) {
            throw Problem.tooManyRequests("too many wrong passwords for this user; try again in " + wait(locked.until())
                    + " (or ask an admin to set a new password)");
        }
        throttle.failed(address);
        audit.record("anonymous", "user.login.failed", name.strip(), Map.of("address", address));
        throw Problem.unauthenticated("wrong user name or password");
    }

    private String wait(Instant until) {
        long s = Math.max(1, Duration.between(console.clock().instant(), until).toSeconds());
        return s < 120 ? s + " seconds" : (s / 60) + " minutes";
    }

    private void logout(Context ctx) {
        Principal who = Gatekeeper.principal(ctx);
        console.sessions().revoke(who.sessionHash());
        console.fleet().audit().record(who.actor(), "user.logout", null, null);
        ctx.res().addHeader("Set-Cookie", sessionCookie(ctx, "", Duration.ZERO));
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.header("HX-Redirect", "/login");
        } else {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        }
    }

    /**
     * Where a sign-in comes from, for the per-address throttle. Behind a reverse proxy or load
     * balancer every request comes from the proxy; the proxy appends the client's address to
     * {@code X-Forwarded-For}, and its last entry is the one the nearest proxy saw. (Without a
     * proxy a client could send the header to change its apparent address; the per-user lock
     * still holds then.)
     */
    static String clientAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].trim();
        }
        return ctx.ip();
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over https. */
    static String sessionCookie(Context ctx, String token, Duration maxAge) {
        boolean https = ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return Gatekeeper.SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + maxAge.toSeconds() + (https ? "; Secure" : "");
    }

    /** Where to go after signing in: a path of this site only, never another site. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.startsWith("/login")
                || next.contains("\r")
                || next.contains("\n")) {
            return "/fleet";
        }
        return next;
    }
}
