package org.roomctl.admin.auth;

import java.time.Instant;

/**
 * A credential for automation.
 *
 * @param id its number
 * @param name what it is for (unique among valid tokens)
 * @param role what it may do
 * @param createdAt when it was issued
 * @param createdBy who issued it
 * @param lastUsedAt when it was last used (to the minute; null if never)
 * @param revokedAt when it was revoked (null while valid)
 * @param revokedBy who revoked it
 */
public record ApiToken(
        long id,
        String name,
        Role role,
        Instant createdAt,
        String createdBy,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {
    public boolean revoked() {
        return revokedAt != null;
    }

    /**
     * A token just issued: {@code secret} is shown once and never stored.
     *
     * @param token the token's record
     * @param secret what to send as {@code Authorization: Bearer}
     */
    public record Issued(ApiToken token, String secret) {}
}
