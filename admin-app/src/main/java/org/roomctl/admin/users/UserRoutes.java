package org.roomctl.admin.users;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.ApiToken;
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.admin.auth.Principal;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.auth.User;
import org.roomctl.admin.http.ErrorResponses;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;

/** Users and API tokens (admins), and each user's own account (password, sessions). */
public final class UserRoutes {
    private final Console console;

    public UserRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/users", this::users, Role.ADMIN);
        routes.post("/users", this::add, Role.ADMIN);
        routes.post("/users/{id}/role", this::role, Role.ADMIN);
        routes.post("/users/{id}/password", this::resetPassword, Role.ADMIN);
        routes.post("/users/{id}/disabled", this::disabled, Role.ADMIN);
        routes.post("/users/{id}/sessions/revoke", this::revokeSessions, Role.ADMIN);
        routes.get("/tokens", this::tokens, Role.ADMIN);
        routes.post("/tokens", this::issueToken, Role.ADMIN);
        routes.post("/tokens/{id}/revoke", this::revokeToken, Role.ADMIN);
        routes.get("/account", this::account, Role.VIEWER);
        routes.post("/account/password", this::ownPassword, Role.VIEWER);
    }

    private Page page(Context ctx, String title, String section) {
        return console.pages().page(ctx, title, section, null);
    }

    private void users(Context ctx) {
        console.pages()
                .html(
                        ctx,
                        "users.jte",
                        page(ctx, "Users", "users"),
                        "users",
                        console.users().list(),
                        "message",
                        "",
                        "ok",
                        true);
    }

    private String usersBody(Context ctx, String message, boolean ok) {
        return console.pages()
                .render(
                        "users/body.jte",
                        page(ctx, "", "users"),
                        "users",
                        console.users().list(),
                        "message",
                        message,
                        "ok",
                        ok);
    }

    private void add(Context ctx) {
        ErrorResponses.showErrorsIn(ctx, message -> usersBody(ctx, message, false));
        String name = Params.required(ctx, "name", "the user name");
        Role role = role(Params.required(ctx, "role", "the role"));
        String password = Params.required(ctx, "password", "the password");
        User u = console.users().create(name, role, password.toCharArray(), Console.actor(ctx));
        console.audit(ctx, "user.create", u.name(), Map.of("role", role.wireName()));
        ctx.html(usersBody(ctx, "user " + u.name() + " added as " + role.wireName(), true));
    }

    private static Role role(String value) {
        try {
            return Role.of(value);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private User existing(Context ctx) {
        long id = Params.id(ctx, "id");
        return console.users().find(id).orElseThrow(() -> Problem.notFound("there is no user " + id));
    }

    /** The last enabled admin stays: otherwise nobody could manage users any more. */
    private void keepAnAdmin(User u) {
        if (u.role() == Role.ADMIN && !u.disabled() && console.users().enabledAdmins() <= 1) {
            throw Problem.conflict(u.name() + " is the last admin; make another admin first");
        }
    }

    private void role(Context ctx) {
        ErrorResponses.showErrorsIn(ctx, message -> usersBody(ctx, message, false));
        User u = existing(ctx);
        Role role = role(Params.required(ctx, "role", "the role"));
        if (role != Role.ADMIN) {
            keepAnAdmin(u);
        }
        console.users().setRole(u.id(), role);
        console.audit(ctx, "user.role", u.name(), Map.of("from", u.role().wireName(), "to", role.wireName()));
        ctx.html(usersBody(ctx, u.name() + " is now " + role.wireName(), true));
    }

    private void resetPassword(Context ctx) {
        ErrorResponses.showErrorsIn(ctx, message -> usersBody(ctx, message, false));
        User u = existing(ctx);
        String password = Params.required(ctx, "password", "the new password");
        console.users().setPassword(u.id(), password.toCharArray());
        int ended = console.sessions().revokeAll(u.id(), null);
        console.audit(ctx, "user.password", u.name(), Map.of("sessionsEnded", ended));
        ctx.html(usersBody(ctx, u.name() + " has a new password; " + ended + " session(s) ended", true));
    }

    private void disabled(Context ctx) {
        ErrorResponses.showErrorsIn(ctx, message -> usersBody(ctx, message, false));
        User u = existing(ctx);
        boolean disable = Boolean.parseBoolean(Params.required(ctx, "disabled", "disabled (true or false)"));
        if (disable) {
            keepAnAdmin(u);
        }
        console.users().setDisabled(u.id(), disable);
        int ended = disable ? console.sessions().revokeAll(u.id(), null) : 0;
        console.audit(ctx, disable ? "user.disable" : "user.enable", u.name(), null);
        ctx.html(usersBody(ctx, u.name() + (disable ? " disabled; " + ended + " session(s) ended" : " enabled"), true));
    }

    private void revokeSessions(Context ctx) {
        ErrorResponses.showErrorsIn(ctx, message -> usersBody(ctx, message, false));
        User u = existing(ctx);
        int ended = console.sessions().revokeAll(u.id(), null);
        console.audit(ctx, "user.sessions.revoke", u.name(), Map.of("sessionsEnded", ended));
        ctx.html(usersBody(ctx, ended + " session(s) of " + u.name() + " ended", true));
    }

    private void tokens(Context ctx) {
        console.pages()
                .html(
                        ctx,
                        "tokens.jte",
                        page(ctx, "API tokens", "tokens"),
                        "tokens",
                        console.tokens().list(),
                        "issued",
                        null,
                        "message",
                        "",
                        "ok",
                        true);
    }

    private String tokensBody(Context ctx, ApiToken.Issued issued, String message, boolean ok) {
        return console.pages()
                .render(
                        "tokens/body.jte",
                        page(ctx, "", "tokens"),
                        "tokens",
                        console.tokens().list(),
                        "issued",
                        issued,
                        "message",
                        message,
                        "ok",
                        ok);
    }

    private void issueToken(Context ctx) {
        ErrorResponses.showErrorsIn(ctx, message -> tokensBody(ctx, null, message, false));
        String name = Params.required(ctx, "name", "the token's name");
        Role role = role(Params.required(ctx, "role", "the role"));
        ApiToken.Issued issued = console.tokens().issue(name, role, Console.actor(ctx));
        console.audit(
                ctx,
                "token.issue",
                issued.token().name(),
                Map.of("role", role.wireName(), "id", issued.token().id()));
        ctx.html(tokensBody(ctx, issued, "", true));
    }

    private void revokeToken(Context ctx) {
        ErrorResponses.showErrorsIn(ctx, message -> tokensBody(ctx, null, message, false));
        long id = Params.id(ctx, "id");
        ApiToken t = console.tokens().find(id).orElseThrow(() -> Problem.notFound("there is no token " + id));
        if (!console.tokens().revoke(id, Console.actor(ctx))) {
            throw Problem.conflict("token " + t.name() + " was revoked already");
        }
        console.audit(ctx, "token.revoke", t.name(), Map.of("id", id));
        ctx.html(tokensBody(ctx, null, "token " + t.name() + " revoked", true));
    }

    private void account(Context ctx) {
        Principal me = Gatekeeper.principal(ctx);
        console.pages()
                .html(
                        ctx,
                        "account.jte",
                        page(ctx, "Account", "account"),
                        "sessions",
                        console.sessions().active(me.id()),
                        "message",
                        "",
                        "ok",
                        true);
    }

    private void ownPassword(Context ctx) {
        Principal me = Gatekeeper.principal(ctx);
        ErrorResponses.showErrorsIn(ctx, message -> console.pages()
                .render("account/password.jte", page(ctx, "", "account"), "message", message, "ok", false));
        String current = Params.required(ctx, "current", "your current password");
        String fresh = Params.required(ctx, "password", "the new password");
        if (!fresh.equals(Params.optional(ctx, "repeat"))) {
            throw Problem.badRequest("the new password and its repetition differ");
        }
        if (!console.users().passwordMatches(me.id(), current.toCharArray())) {
            throw Problem.forbidden("your current password is not that");
        }
        console.users().setPassword(me.id(), fresh.toCharArray());
        int ended = console.sessions().revokeAll(me.id(), me.sessionHash());
        console.audit(ctx, "account.password", me.name(), Map.of("otherSessionsEnded", ended));
        ctx.html(console.pages()
                .render(
                        "account/password.jte",
                        page(ctx, "", "account"),
                        "message",
                        "password changed; " + ended + " other session(s) ended",
                        "ok",
                        true));
    }
}
