package org.roomctl.admin.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.roomctl.admin.Console;
import org.roomctl.admin.auth.Role;

/** The audit log: who changed what, and when. */
public final class AuditRoutes {
    static final int LATEST = 300;

    private final Console console;

    public AuditRoutes(Console console) {
        this.console = console;
    }

    public void install(RoutesConfig routes) {
        routes.get("/audit", this::page, Role.VIEWER);
    }

    private void page(Context ctx) {
        console.pages()
                .html(
                        ctx,
                        "audit.jte",
                        console.pages().page(ctx, "Audit log", "audit", null),
                        "entries",
                        console.fleet().audit().latest(LATEST));
    }
}
