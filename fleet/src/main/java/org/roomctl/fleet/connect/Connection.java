package org.roomctl.fleet.connect;

import java.time.Duration;
import java.time.Instant;

/**
 * A connection between two rooms: the caller dials the callee.
 *
 * @param id its number
 * @param caller the room that dials
 * @param callee the room that is called
 * @param requestedBy who asked (a user name, a panel, an API token, a schedule)
 * @param via where they asked
 * @param idempotencyKey the key the request carried, if any
 * @param status where it is now
 * @param failureReason why it failed (failed connections only)
 * @param endReason how it ended (ended connections)
 * @param requestedAt when it was asked for
 * @param dialledAt when the dial was sent
 * @param connectedAt when both rooms were in the call
 * @param endedAt when it ended or failed
 */
public record Connection(
        long id,
        String caller,
        String callee,
        String requestedBy,
        RequestedVia via,
        String idempotencyKey,
        ConnectionStatus status,
        String failureReason,
        String endReason,
        Instant requestedAt,
        Instant dialledAt,
        Instant connectedAt,
        Instant endedAt) {

    public boolean involves(String room) {
        return caller.equals(room) || callee.equals(room);
    }

    public String other(String room) {
        return caller.equals(room) ? callee : caller;
    }

    /** How long it has been (or was) connected; zero if it never was. */
    public Duration connectedFor(Instant now) {
        if (connectedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(connectedAt, endedAt != null ? endedAt : now);
    }
}
