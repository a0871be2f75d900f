package org.roomctl.admin.auth;

import java.time.Instant;

/**
 * A console user.
 *
 * @param id its number
 * @param name what they sign in with
 * @param role what they may do
 * @param createdAt when the account was made
 * @param createdBy who made it
 * @param passwordChangedAt when the password was last set
 * @param disabledAt when it was disabled (null while it may sign in)
 * @param lockedUntil no sign-in before then, after too many wrong passwords (null: not locked)
 */
public record User(
        long id,
        String name,
        Role role,
        Instant createdAt,
        String createdBy,
        Instant passwordChangedAt,
        Instant disabledAt,
        Instant lockedUntil) {
    public boolean disabled() {
        return disabledAt != null;
    }
}
