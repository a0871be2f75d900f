package org.roomctl.fleet.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.roomctl.contract.Errors;
import org.roomctl.contract.RoomRequests;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.command.BadCommandException;
import org.roomctl.contract.command.Command;

/**
 * Sends {@code room.shutdown} (hang up, camera, document camera and display off) to a room's
 * agent as an MQTT 5 request, and says in words how it went: null when done, else why not.
 */
final class RoomShutdown {
    private final RoomRequests requests;
    private final Duration timeout;

    RoomShutdown(BusClient bus, Topics topics, Duration timeout) {
        this.requests = new RoomRequests(bus, topics);
        this.timeout = timeout;
    }

    /**
     * @param id the command's id, for the agent's log and the bus record
     * @param by who asks, for the record
     * @return null if the room did it, else the reason it did not
     */
    CompletableFuture<String> send(String room, String roomName, String id, String by) {
        Command command;
        try {
            command = Command.of("room.shutdown", Map.of()).withId(id, by);
        } catch (BadCommandException e) {
            return CompletableFuture.failedFuture(e); // a bug: room.shutdown takes no arguments
        }
        // Expires when we stop waiting: a room that comes back later must not switch off then.
        return requests.send(room, command, timeout).handle((reply, e) -> {
            if (e != null) {
                return roomName + "'s room agent did not answer: " + Errors.rootMessage(e);
            }
            return reply.ok() ? null : reply.error().message();
        });
    }
}
