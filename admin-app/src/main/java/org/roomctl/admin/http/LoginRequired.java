package org.roomctl.admin.http;

/** A page was asked for without a valid session: the browser is sent to the login page. */
public final class LoginRequired extends Problem {
    public LoginRequired() {
        super(401, "unauthenticated", "sign in first");
    }
}
