package org.roomctl.admin.connections;

import java.time.Duration;
import java.time.Instant;

/**
 * A connection as the console lists it, with the rooms' names and sites.
 *
 * @param id its number
 * @param caller the calling room's id
 * @param callerName its name
 * @param callerSite its site
 * @param callee the called room's id
 * @param calleeName its name
 * @param calleeSite its site
 * @param requestedBy who asked
 * @param via panel, admin, api or schedule
 * @param status requested, dialling, connected, disconnecting, ended or failed
 * @param reason why it failed or how it ended
 * @param requestedAt when it was asked for
 * @param connectedAt when both rooms were in the call (null if never)
 * @param endedAt when it ended or failed (null while open)
 */
public record ConnectionRow(
        long id,
        String caller,
        String callerName,
        String callerSite,
        String callee,
        String calleeName,
        String calleeSite,
        String requestedBy,
        String via,
        String status,
        String reason,
        Instant requestedAt,
        Instant connectedAt,
        Instant endedAt) {

    public boolean open() {
        return endedAt == null;
    }

    /** How long it was (or has been) connected; null if it never was. */
    public Duration connectedFor(Instant now) {
        if (connectedAt == null) {
            return null;
        }
        return Duration.between(connectedAt, endedAt != null ? endedAt : now);
    }
}
