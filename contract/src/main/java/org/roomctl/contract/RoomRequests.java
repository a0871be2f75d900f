package org.roomctl.contract;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.command.Command;

/**
 * Sends commands to rooms as MQTT 5 requests and reads the rooms' replies: the one way every app
 * asks a room to do something. The request expires at the broker when the asker stops waiting,
 * so a room that comes back later never runs a command nobody waits for any more.
 */
public final class RoomRequests {
    private final BusClient bus;
    private final Topics topics;

    public RoomRequests(BusClient bus, Topics topics) {
        this.bus = bus;
        this.topics = topics;
    }

    /**
     * Sends {@code command} to {@code room}'s command topic.
     *
     * @return the room's reply (ok or not); completes exceptionally when no reply came within
     *     {@code timeout}, or the reply could not be read
     */
    public CompletableFuture<Reply> send(String room, Command command, Duration timeout) {
        BusMessage request = BusMessage.of(topics.command(room), Json.bytes(command.toJson()), 1, false)
                .withExpiry(Math.max(1, timeout.toSeconds()))
                .withContentType("application/json");
        return bus.request(request, timeout).thenApply(reply -> Json.read(reply.payload(), Reply.class));
    }
}
