package org.roomctl.fleet.connect;

import java.time.Duration;

/**
 * Timing of connections.
 *
 * @param answerWindow how long the called room waits for the call to ring before it gives up
 * @param dialTimeout how long a connection may take from the dial to both rooms in the call
 * @param hangupTimeout how long the rooms may take to confirm a hang-up
 * @param requestTimeout how long a room agent may take to answer a command
 * @param sweepInterval how often open connections are checked against the rooms
 * @param claimGrace how long a requested connection may wait for its instance to dial before
 *     another instance dials it
 */
public record ConnectionSettings(
        Duration answerWindow,
        Duration dialTimeout,
        Duration hangupTimeout,
        Duration requestTimeout,
        Duration sweepInterval,
        Duration claimGrace) {

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(
                Duration.ofSeconds(30),
                Duration.ofSeconds(45),
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }
}
