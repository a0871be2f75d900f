package org.roomctl.admin.rooms;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.roomctl.admin.http.Problem;
import org.roomctl.contract.Reply;
import org.roomctl.contract.RoomRequests;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.command.BadCommandException;
import org.roomctl.contract.command.Command;

/**
 * Sends a command to a room's agent as an MQTT 5 request and waits for its reply (the agent
 * answers when the device has done it). The command expires at the broker if the agent cannot
 * take it in time, so a late one never runs.
 */
public final class RoomCommands {
    private final BusClient bus;
    private final RoomRequests requests;
    private final Duration timeout;

    public RoomCommands(BusClient bus, Topics topics, Duration timeout) {
        this.bus = bus;
        this.requests = new RoomRequests(bus, topics);
        this.timeout = timeout;
    }

    /**
     * Sends {@code action} with {@code arguments} to {@code room} and returns the reply when it
     * was done.
     *
     * @param by who asks, carried in the command for the room's records
     * @throws Problem 400 for a bad command, 502 when the room says it could not, 504 when it
     *     does not answer
     */
    public Reply send(String room, String action, Map<String, ?> arguments, String device, String by) {
        Command command;
        try {
            Map<String, Object> fields = new java.util.LinkedHashMap<>(arguments);
            if (device != null) {
                fields.put("device", device);
            }
            command = Command.of(action, fields).withId("admin-" + UUID.randomUUID(), by);
        } catch (BadCommandException e) {
            throw Problem.badRequest(e.getMessage());
        }
        if (!bus.isConnected()) {
            throw Problem.unavailable("the console is not connected to the bus now; try again shortly");
        }
        Reply reply;
        try {
            reply = requests.send(room, command, timeout).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new Problem(
                        502, "bad_reply", "the room's agent answered something unreadable: " + bad.getMessage());
            }
            throw noReply();
        } catch (TimeoutException e) {
            throw noReply();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problem.unavailable("interrupted");
        }
        if (!reply.ok()) {
            String code = reply.error() == null
                    ? "DEVICE_ERROR"
                    : reply.error().code().wireName();
            String message = reply.error() == null ? "refused" : reply.error().message();
            throw new Problem(502, code.toLowerCase(java.util.Locale.ROOT), "the room says: " + message);
        }
        return reply;
    }

    private Problem noReply() {
        return new Problem(
                504, "no_reply", "the room did not answer within " + timeout.toSeconds() + " s: is its agent online?");
    }
}
