package org.roomctl.sim.xapi;

import java.util.List;

/**
 * A simulated codec as a test sees it.
 *
 * @param uri its own call address
 * @param loggedIn whether the terminal session takes commands now
 * @param echo whether the terminal echoes input
 * @param autoAnswer {@code xConfiguration Conference AutoAnswer Mode}
 * @param feedback the registered feedback paths
 * @param calls the calls in progress
 * @param lastCommand the last command line it received (never a password)
 */
public record CodecState(
        String uri,
        boolean loggedIn,
        boolean echo,
        boolean autoAnswer,
        List<String> feedback,
        List<CallState> calls,
        String lastCommand) {

    /**
     * One call in progress.
     *
     * @param id the codec's CallId
     * @param status for example {@code Ringing}, {@code Connected}
     * @param direction {@code Incoming} or {@code Outgoing}
     * @param remoteNumber the other side, for example {@code room-b@example.org}
     * @param durationSeconds how long it has been connected
     */
    public record CallState(int id, String status, String direction, String remoteNumber, long durationSeconds) {}

    /** The status of the first call, or {@code Idle}. */
    public String callStatus() {
        return calls.isEmpty() ? CallStatus.Idle.name() : calls.get(0).status();
    }

    /** The other side of the first call, or null. */
    public String peer() {
        return calls.isEmpty() ? null : calls.get(0).remoteNumber();
    }
}
