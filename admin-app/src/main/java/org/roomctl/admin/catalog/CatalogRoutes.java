package org.roomctl.admin.catalog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Role;
import org.roomctl.admin.http.ErrorResponses;
import org.roomctl.admin.http.Page;
import org.roomctl.admin.http.Params;
import org.roomctl.admin.http.Problem;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.panels.PairingCode;
import org.roomctl.fleet.panels.PanelService;

/**
 * The catalog: rooms' names and sites as people see them, enabling and disabling rooms, and the
 * touch panels bound to them (pairing codes, panels).
 */
public final class CatalogRoutes {
    private final Console console;

    public CatalogRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/catalog", this::page, Role.VIEWER);
        routes.post("/catalog/rooms/{id}", this::edit, Role.ADMIN);
        routes.post("/catalog/rooms/{id}/enabled", this::enabled, Role.ADMIN);
        routes.post("/catalog/rooms/{id}/pairing-codes", this::issueCode, Role.ADMIN);
        routes.post("/catalog/rooms/{id}/pairing-codes/revoke", this::revokeCodes, Role.ADMIN);
        routes.post("/catalog/panels/{id}/revoke", this::revokePanel, Role.ADMIN);
    }

    private void page(Context ctx) {
        Page page = console.pages().page(ctx, "Catalog", "catalog", null);
        console.pages()
                .html(
                        ctx,
                        "catalog.jte",
                        page,
                        "rooms",
                        console.fleet().catalog().rooms(),
                        "codes",
                        console.pendingCodes().all(),
                        "panels",
                        console.fleet().panels().panels(null));
    }

    private CatalogRoom existing(Context ctx) {
        String id = ctx.pathParam("id");
        return console.fleet().catalog().room(id).orElseThrow(() -> Problem.notFound("there is no room '" + id + "'"));
    }

    private String row(Context ctx, CatalogRoom room, String message, boolean ok) {
        return console.pages()
                .render(
                        "catalog/room.jte",
                        console.pages().page(ctx, "", "", null),
                        "room",
                        room,
                        "message",
                        message,
                        "ok",
                        ok,
                        "code",
                        null);
    }

    private void changed() {
        console.catalogCache().refresh();
        console.live().catalogChanged();
    }

    private void edit(Context ctx) {
        CatalogRoom room = existing(ctx);
        ErrorResponses.showErrorsIn(ctx, message -> row(ctx, room, message, false));
        String name = Params.optional(ctx, "name");
        String site = Params.optional(ctx, "site");
        if (name != null && name.length() > 80 || site != null && site.length() > 80) {
            throw Problem.badRequest("a name or site may have at most 80 characters");
        }
        // The announced name or site again means no override.
        console.fleet()
                .catalog()
                .editDisplay(
                        room.id(),
                        name == null || name.equals(room.announcedName()) ? null : name,
                        site == null || site.equals(room.announcedSite()) ? null : site);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", name == null ? room.announcedName() : name);
        detail.put("site", site == null ? room.announcedSite() : site);
        console.audit(ctx, "catalog.edit", room.id(), detail);
        changed();
        ctx.html(row(ctx, existing(ctx), "saved", true));
    }

    private void enabled(Context ctx) {
        CatalogRoom room = existing(ctx);
        ErrorResponses.showErrorsIn(ctx, message -> row(ctx, room, message, false));
        String value = Params.required(ctx, "enabled", "enabled (true or false)");
        if (!value.equals("true") && !value.equals("false")) {
            throw Problem.badRequest("enabled must be true or false, not '" + value + "'");
        }
        boolean enabled = Boolean.parseBoolean(value);
        console.fleet().catalog().setEnabled(room.id(), enabled);
        console.audit(ctx, enabled ? "catalog.enable" : "catalog.disable", room.id(), null);
        changed();
        ctx.html(row(ctx, existing(ctx), enabled ? "enabled" : "disabled: it cannot be connected", true));
    }

    private void issueCode(Context ctx) {
        CatalogRoom room = existing(ctx);
        ErrorResponses.showErrorsIn(ctx, message -> row(ctx, room, message, false));
        Integer minutes = Params.integer(ctx, "minutes", 1, 24 * 60, "the lifetime in minutes");
        PairingCode code = console.fleet()
                .panels()
                .issueCode(
                        room.id(),
                        Console.actor(ctx),
                        minutes == null ? PanelService.DEFAULT_CODE_LIFETIME : java.time.Duration.ofMinutes(minutes));
        console.audit(
                ctx,
                "panel.code.issue",
                room.id(),
                Map.of("expiresAt", code.expiresAt().toString()));
        ctx.html(console.pages()
                .render(
                        "catalog/room.jte",
                        console.pages().page(ctx, "", "", null),
                        "room",
                        room,
                        "message",
                        "",
                        "ok",
                        true,
                        "code",
                        code));
    }

    private void revokeCodes(Context ctx) {
        CatalogRoom room = existing(ctx);
        int n = console.pendingCodes().revoke(room.id());
        console.audit(ctx, "panel.code.revoke", room.id(), Map.of("codes", n));
        ctx.html(row(ctx, room, n == 0 ? "no pending codes" : n + " pending code(s) revoked", true));
    }

    private void revokePanel(Context ctx) {
        long id = Params.id(ctx, "id");
        if (!console.fleet().panels().revoke(id, Console.actor(ctx))) {
            throw Problem.notFound("there is no valid panel " + id);
        }
        console.audit(ctx, "panel.revoke", Long.toString(id), null);
        console.pages()
                .html(ctx, "flash.jte", null, "ok", true, "message", "panel " + id + " revoked; reload to see it");
    }
}
