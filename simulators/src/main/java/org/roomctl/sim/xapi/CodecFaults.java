package org.roomctl.sim.xapi;

/**
 * A simulated codec's switchable behaviour.
 *
 * @param loginRequired the terminal asks {@code login:}/{@code Password:} before taking commands;
 *     turning it on logs the session out
 * @param echo the terminal echoes what it receives (the controller normally turns this off)
 * @param okFirst replies print {@code OK} before the block instead of after {@code ** end}, as
 *     some firmware does
 * @param ringTimeoutMillis how long an outgoing call rings before it fails with RemoteNoAnswer
 * @param unknownUriFailMillis how long dialling an address nobody has takes to fail
 */
public record CodecFaults(
        boolean loginRequired, boolean echo, boolean okFirst, long ringTimeoutMillis, long unknownUriFailMillis) {

    public static final long DEFAULT_RING_TIMEOUT_MILLIS = 30_000;
    public static final long DEFAULT_UNKNOWN_URI_FAIL_MILLIS = 2_000;

    public CodecFaults {
        if (ringTimeoutMillis < 0 || unknownUriFailMillis < 0) {
            throw new IllegalArgumentException("ringTimeoutMillis and unknownUriFailMillis must not be negative");
        }
    }

    /** A codec as it powers up: echo on, login if it has a password. */
    public static CodecFaults initial(boolean loginRequired) {
        return new CodecFaults(
                loginRequired, true, false, DEFAULT_RING_TIMEOUT_MILLIS, DEFAULT_UNKNOWN_URI_FAIL_MILLIS);
    }
}
