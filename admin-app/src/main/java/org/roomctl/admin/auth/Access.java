package org.roomctl.admin.auth;

import io.javalin.security.RouteRole;

/** Routes anyone may use without signing in (the login page, the OpenAPI document, styles). */
public enum Access implements RouteRole {
    ANYONE
}
