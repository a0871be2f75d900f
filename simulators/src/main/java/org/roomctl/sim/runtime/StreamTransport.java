package org.roomctl.sim.runtime;

import java.io.IOException;
import org.roomctl.sim.wire.ByteSink;

/**
 * Carries one device's byte stream to and from its client, knowing nothing of the protocol. Opening
 * is plugging the cable in; closing is pulling it out. A transport can be opened again after it
 * was closed.
 */
public interface StreamTransport extends AutoCloseable {
    /** Starts listening; bytes from the client go to {@code fromClient}, on the transport's thread. */
    void open(ByteSink fromClient) throws IOException;

    /** Sends bytes to the client; they are lost when there is none. */
    void send(byte[] data);

    /** Closes the client's connection now; the transport keeps listening. */
    void dropClient();

    /** How many clients are connected now. */
    int clients();

    boolean isOpen();

    Endpoint endpoint();

    /** Stops listening and drops the client. */
    @Override
    void close();
}
