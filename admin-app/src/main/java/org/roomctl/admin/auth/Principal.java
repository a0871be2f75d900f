package org.roomctl.admin.auth;

/**
 * Who is asking: a signed-in user or an API token.
 *
 * @param kind a user (by session) or an API token
 * @param id the user's or token's id
 * @param name the user's or token's name
 * @param role what it may do
 * @param sessionHash the session it came with (users only)
 */
public record Principal(Kind kind, long id, String name, Role role, String sessionHash) {
    public enum Kind {
        USER,
        TOKEN
    }

    /** How it appears in the audit log and on connections: {@code user:alice}, {@code token:nightly}. */
    public String actor() {
        return (kind == Kind.USER ? "user:" : "token:") + name;
    }

    public boolean may(Role needed) {
        return role.includes(needed);
    }
}
