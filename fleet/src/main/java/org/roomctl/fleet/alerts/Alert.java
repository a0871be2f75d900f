package org.roomctl.fleet.alerts;

import java.time.Instant;

/**
 * Something an operator should look at.
 *
 * @param id its number
 * @param kind device_offline, agent_offline, connection_failed or help
 * @param room the room it concerns (null if none)
 * @param device the device it concerns (null if none)
 * @param message what it is, in words
 * @param raisedBy who raised it (a panel, a rule of an app instance)
 * @param raisedAt when
 * @param acknowledgedAt when someone said they are on it
 * @param acknowledgedBy who
 * @param resolvedAt when it was resolved
 * @param resolvedBy who (or the rule that saw it clear)
 */
public record Alert(
        long id,
        String kind,
        String room,
        String device,
        String message,
        String raisedBy,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy) {

    public static final String DEVICE_OFFLINE = "device_offline";
    public static final String AGENT_OFFLINE = "agent_offline";
    public static final String CONNECTION_FAILED = "connection_failed";
    public static final String HELP = "help";

    public boolean open() {
        return resolvedAt == null;
    }
}
