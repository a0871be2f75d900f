package org.roomctl.admin.auth;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.roomctl.admin.http.LoginRequired;
import org.roomctl.admin.http.Problem;

/**
 * Who may use which route. Every route declares the least role it needs (or {@link Access#ANYONE});
 * pages authenticate by the session cookie, the API by {@code Authorization: Bearer} (an API
 * token) or, for a browser, the session cookie. A route that declares nothing is refused, so a
 * forgotten declaration fails closed, except the few that the shared web module adds.
 */
public final class Gatekeeper {
    public static final String SESSION_COOKIE = "roomctl_admin_session";
    private static final String PRINCIPAL = "roomctl.principal";
    private static final Set<String> SHARED_PUBLIC_ROUTES = Set.of("/health", "/metrics", "/assets/{name}");

    private final Sessions sessions;
    private final ApiTokens tokens;

    public Gatekeeper(Sessions sessions, ApiTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /** Whether a request is an API call (JSON errors, bearer tokens). */
    public static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /** An API call with a bearer token: no cookie counts for it. */
    public static boolean bearerApiCall(Context ctx) {
        String auth = ctx.header("Authorization");
        return isApi(ctx) && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * API calls that need no CSRF token: those with a bearer token (a browser never adds one to a
     * forged request) and those without the session cookie (nothing ambient to abuse; they are
     * refused as unauthenticated). An API call with the session cookie needs the token.
     */
    public static boolean csrfExempt(Context ctx) {
        return bearerApiCall(ctx) || isApi(ctx) && ctx.cookie(SESSION_COOKIE) == null;
    }

    /** A before-matched handler: authenticates and checks the route's role, or refuses. */
    public void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Access.ANYONE)) {
            return;
        }
        Role needed = roles.stream()
                .filter(Role.class::isInstance)
                .map(Role.class::cast)
                .min(Enum::compareTo)
                .orElse(null);
        if (needed == null) {
            String route = ctx.endpoints().matchedHttpEndpoint() == null
                    ? ctx.path()
                    : ctx.endpoints().matchedHttpEndpoint().path;
            if (SHARED_PUBLIC_ROUTES.contains(route)) {
                return;
            }
            throw Problem.forbidden("this route declares no access rule");
        }
        Principal who = authenticate(ctx)
                .orElseThrow(() -> isApi(ctx)
                        ? Problem.unauthenticated(
                                "send a valid API token as 'Authorization: Bearer <token>', or sign in")
                        : new LoginRequired());
        ctx.attribute(PRINCIPAL, who);
        if (!who.may(needed)) {
            throw Problem.forbidden(who.name() + " is " + article(who.role()) + " "
                    + who.role().wireName() + "; this needs " + article(needed) + " " + needed.wireName());
        }
    }

    private Optional<Principal> authenticate(Context ctx) {
        if (bearerApiCall(ctx)) {
            String bearer = ctx.header("Authorization").substring(7).trim();
            return tokens.authenticate(bearer);
        }
        return sessions.find(ctx.cookie(SESSION_COOKIE));
    }

    /** The principal of a request that passed {@link #check} on a route that needs one. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new LoginRequired();
        }
        return p;
    }

    /** The principal if the request has one (pages anyone may see show who is signed in). */
    public static Optional<Principal> maybePrincipal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    private static String article(Role r) {
        return r == Role.ADMIN || r == Role.OPERATOR ? "an" : "a";
    }
}
