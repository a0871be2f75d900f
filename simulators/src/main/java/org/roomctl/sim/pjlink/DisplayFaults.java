package org.roomctl.sim.pjlink;

/**
 * A PJLink display's switchable behaviour.
 *
 * @param warmUpMillis how long switching on takes (power status 3); meanwhile power, input and
 *     mute commands answer ERR3
 * @param coolDownMillis how long switching off takes (power status 2), likewise
 * @param deviceFailure the display has failed: power, input, mute and lamp commands answer ERR4
 *     and the error status reports it
 * @param idleDisconnectMillis a connection without a command for this long is closed, as real
 *     PJLink devices do after about 30 s; 0 keeps idle connections open
 * @param silent the display accepts connections but neither greets nor answers
 * @param errorStatus what {@code ERST ?} reports: six digits for fan, lamp, temperature, cover,
 *     filter and other (0 ok, 1 warning, 2 error)
 */
public record DisplayFaults(
        long warmUpMillis,
        long coolDownMillis,
        boolean deviceFailure,
        long idleDisconnectMillis,
        boolean silent,
        String errorStatus) {

    public static final DisplayFaults NONE = new DisplayFaults(2_000, 1_000, false, 30_000, false, "000000");

    public DisplayFaults {
        if (warmUpMillis < 0 || coolDownMillis < 0 || idleDisconnectMillis < 0) {
            throw new IllegalArgumentException(
                    "warmUpMillis, coolDownMillis and idleDisconnectMillis must not be negative");
        }
        if (errorStatus == null || !errorStatus.matches("[012]{6}")) {
            throw new IllegalArgumentException("errorStatus must be six digits 0, 1 or 2, not " + errorStatus);
        }
    }
}
