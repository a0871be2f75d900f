package org.roomctl.agent.transport;

/**
 * Moves bytes to and from one device, and nothing else: it knows no protocol. It connects by
 * itself, reconnects with backoff when the link is lost, and reports what happens to its
 * {@link Listener}. No I/O failure ever escapes as an exception.
 */
public interface Transport extends AutoCloseable {

    /** What a transport tells its device. Calls come from the transport's reader thread. */
    interface Listener {
        /** The link is up; bytes can be sent. */
        void connected();

        /** Bytes arrived. The array is the caller's to keep. */
        void received(byte[] bytes);

        /**
         * The link is down (or could not be opened). Called once per loss, not once per retry.
         *
         * @param reason for a person, for example "serial port /dev/ttyUSB0 does not exist"
         */
        void disconnected(String reason);
    }

    /** Starts connecting in the background. Call once. */
    void start(Listener listener);

    /**
     * Sends bytes if the link is up.
     *
     * @return false when the link is down and nothing was sent
     */
    boolean send(byte[] bytes);

    /** Drops the link (if up) and connects again after the backoff, for example after silence. */
    void reconnect(String reason);

    /** Whether the link is up now. */
    boolean isConnected();

    /** Where the bytes go, for logs and status reasons, for example "serial /dev/ttyUSB0 9600 8N1". */
    String description();

    /** Stops for good: closes the link and ends the reader thread. */
    @Override
    void close();
}
