package org.roomctl.agent.transport;

import java.io.IOException;

/** One open connection: what {@link ReconnectingTransport} needs from a serial port or a socket. */
interface Link extends AutoCloseable {
    /**
     * Reads what is available, waiting at most the link's read timeout.
     *
     * @return bytes read, 0 on timeout
     * @throws IOException when the link is gone; the message is the reason shown to people
     */
    int read(byte[] buffer) throws IOException;

    void write(byte[] bytes) throws IOException;

    @Override
    void close();
}
