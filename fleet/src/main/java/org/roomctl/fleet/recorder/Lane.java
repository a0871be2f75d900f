package org.roomctl.fleet.recorder;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;

/**
 * One broker connection of a recorder: a persistent session with manual acknowledgements and the
 * shared subscription. It acknowledges only what arrived on the connection that is up now: after
 * a reconnect the broker sends everything unacknowledged again (possibly with the same packet
 * ids, possibly reusing them for other messages), so acknowledging an earlier delivery could
 * acknowledge a message that is not yet written.
 */
final class Lane implements AutoCloseable {
    /** A message as it arrived, with the lane and connection it came on. */
    record Received(BusMessage message, Lane lane, long connection) {}

    private final BusClient bus;
    private final String filter;
    /** Counts connection losses; written and read on the client's dispatch thread, read by the writer. */
    private volatile long connection;

    private volatile boolean closed;

    Lane(BusOptions options, String filter, Clock clock) {
        this.bus = new BusClient(options, clock);
        this.filter = filter;
        bus.addConnectionListener(new BusClient.ConnectionListener() {
            @Override
            public void connected(boolean reconnect) {}

            @Override
            public void disconnected(String reason) {
                // Runs on the dispatch thread after every message of the lost connection and
                // before any of the next one, so the stamp below tells them apart.
                connection++;
            }
        });
    }

    /** Connects and subscribes (retain flags as published); {@code sink} gets every message. */
    CompletableFuture<Void> start(Consumer<Received> sink) {
        CompletableFuture<Void> subscribed =
                bus.subscribe(filter, 1, true, m -> sink.accept(new Received(m, this, connection)));
        bus.connect();
        return subscribed;
    }

    /** Acknowledges a written message, unless it came on an earlier connection. */
    void ack(Received r) {
        if (!closed && r.connection() == connection && r.message().qos() > 0) {
            bus.ack(r.message());
        }
    }

    boolean connected() {
        return bus.isConnected();
    }

    String clientId() {
        return bus.options().clientId();
    }

    @Override
    public void close() {
        closed = true;
        bus.close();
    }
}
