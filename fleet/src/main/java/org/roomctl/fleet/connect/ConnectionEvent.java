package org.roomctl.fleet.connect;

import java.time.Instant;

/**
 * One transition of a connection, as recorded.
 *
 * @param connectionId the connection
 * @param at when
 * @param from the status before (null for the first)
 * @param to the status after
 * @param detail what happened, in words
 * @param instance the app instance that recorded it
 */
public record ConnectionEvent(
        long connectionId, Instant at, ConnectionStatus from, ConnectionStatus to, String detail, String instance) {}
