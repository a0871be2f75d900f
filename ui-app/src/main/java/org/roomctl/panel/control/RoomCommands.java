package org.roomctl.panel.control;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.roomctl.contract.RoomRequests;
import org.roomctl.contract.command.BadCommandException;
import org.roomctl.contract.command.Command;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.panel.view.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a room's device commands as MQTT 5 requests and turns the room's answer into words. An
 * answer means the device did it (or could not): the agent replies once it really has. The
 * command expires when the panel stops waiting, so a late one never runs behind someone's back.
 */
public final class RoomCommands {
    private static final Logger log = LoggerFactory.getLogger(RoomCommands.class);

    private final Fleet fleet;
    private final RoomRequests requests;
    private final Duration timeout;

    public RoomCommands(Fleet fleet, Duration timeout) {
        this.fleet = fleet;
        this.requests = new RoomRequests(fleet.bus(), fleet.topics());
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends {@code action} to {@code room} and completes with what happened (never exceptionally).
     *
     * @param actor who asked, for the room's log and the bus record
     * @param done what to say when the room answers that it is done
     */
    public CompletableFuture<Outcome> send(
            String room, String action, Map<String, ?> arguments, String actor, String done) {
        if (!fleet.bus().isConnected()) {
            return CompletableFuture.completedFuture(Outcome.unavailable(Words.busDown()));
        }
        if (!fleet.rooms().room(room).map(RoomSnapshot::online).orElse(false)) {
            return CompletableFuture.completedFuture(Outcome.unavailable(Words.roomOffline()));
        }
        Command command;
        try {
            command = Command.of(action, arguments).withId("panel-" + UUID.randomUUID(), actor);
        } catch (BadCommandException e) {
            return CompletableFuture.completedFuture(Outcome.badInput("That is not a valid choice: " + e.getMessage()));
        }
        String role = action.substring(0, action.indexOf('.'));
        return requests.send(room, command, timeout).handle((reply, e) -> {
            if (e != null) {
                log.info("{} in {}: no answer ({})", action, room, e.getMessage());
                return Outcome.noAnswer(Words.noAnswer(timeout));
            }
            if (reply.ok()) {
                return Outcome.done(done);
            }
            log.info("{} in {} refused: {}", action, room, reply.error());
            return Outcome.refused(Words.failure(
                    role,
                    reply.error() == null ? null : reply.error().code(),
                    reply.error() == null ? null : reply.error().message()));
        });
    }
}
