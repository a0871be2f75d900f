package org.roomctl.fleet.panels;

import java.time.Instant;

/**
 * An enrolled touch panel.
 *
 * @param id its number
 * @param room the room it controls, and the only one
 * @param name what it was called at enrolment (the browser, a label)
 * @param enrolledAt when it was enrolled
 * @param lastSeenAt when it was last used (null if never since enrolment)
 * @param revokedAt when it was revoked (null while valid)
 * @param revokedBy who revoked it
 */
public record Panel(
        long id,
        String room,
        String name,
        Instant enrolledAt,
        Instant lastSeenAt,
        Instant revokedAt,
        String revokedBy) {
    public boolean revoked() {
        return revokedAt != null;
    }

    /** How the panel names itself on the bus and in records: {@code panel:<room>#<id>}. */
    public String actor() {
        return "panel:" + room + "#" + id;
    }
}
