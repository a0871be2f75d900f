package org.roomctl.agent.room;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.Event;
import org.roomctl.contract.Json;
import org.roomctl.contract.Reply;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.command.BadCommandException;
import org.roomctl.contract.command.Command;
import org.roomctl.contract.command.CommandParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes command messages for one room: reads them, refuses what cannot be read with a reason,
 * never runs an expired one, runs a repeated one (same id, same reply address) only once, and
 * answers each when it is really done: on the MQTT 5 response topic with the request's
 * correlation data, or on the room's reply topic for clients without one.
 */
public final class CommandIntake {
    private static final Logger log = LoggerFactory.getLogger(CommandIntake.class);
    static final int REMEMBERED_COMMANDS = 1000;

    private final String room;
    private final Topics topics;
    private final RoomCommands commands;
    private final Consumer<BusMessage> publish;
    private final Consumer<Event> events;
    private final Executor executor;
    private final Clock clock;
    private final RecentCommands recent = new RecentCommands(REMEMBERED_COMMANDS);

    /**
     * @param publish sends a message on the bus (replies)
     * @param events emits a room event (failed commands)
     * @param executor the room's own thread, where replies are built
     */
    public CommandIntake(
            String room,
            Topics topics,
            RoomCommands commands,
            Consumer<BusMessage> publish,
            Consumer<Event> events,
            Executor executor,
            Clock clock) {
        this.room = room;
        this.topics = topics;
        this.commands = commands;
        this.publish = publish;
        this.events = events;
        this.executor = executor;
        this.clock = clock;
    }

    /** One command message, as received. Never throws. */
    public void accept(BusMessage message) {
        Instant deadline = message.expirySeconds() == null || message.receivedAt() == null
                ? null
                : message.receivedAt().plusSeconds(message.expirySeconds());
        Command command;
        try {
            command = CommandParser.parse(message.payload());
        } catch (BadCommandException e) {
            log.warn("{}: command refused: {} [{}]", room, e.getMessage(), preview(message.payload()));
            Reply reply = Reply.failed(e.id(), room, null, e.code(), e.getMessage());
            answer(message, reply);
            failed(null, e.id(), null, reply.error());
            return;
        }
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        if (command.id() != null) {
            CompletableFuture<Reply> earlier = recent.claim(command.id(), message.responseTopic(), reply);
            if (earlier != null) {
                log.info("{}: command {} seen before, answered again, not run again", room, command.id());
                earlier.thenAcceptAsync(r -> answer(message, r), executor);
                return;
            }
        }
        if (deadline != null && clock.instant().isAfter(deadline)) {
            Reply expired = Reply.failed(
                    command.id(),
                    room,
                    command.action(),
                    ErrorCode.EXPIRED,
                    "the command expired at " + deadline + " before it could run");
            log.info("{}: {} expired, not run", room, command.toText());
            reply.complete(expired);
            answer(message, expired);
            failed(command.action(), command.id(), command.by(), expired.error());
            return;
        }
        log.info("{}: {}{}", room, command.toText(), command.by() == null ? "" : " (by " + command.by() + ")");
        CompletableFuture<Map<String, Object>> run;
        try {
            run = commands.run(command);
        } catch (RuntimeException e) {
            log.error("{}: {} failed", room, command.toText(), e);
            run = CompletableFuture.failedFuture(new DeviceException(ErrorCode.INTERNAL, e.toString()));
        }
        run.whenCompleteAsync(
                (result, error) -> {
                    Reply r;
                    if (error == null) {
                        r = Reply.ok(command.id(), room, command.action(), result);
                    } else {
                        DeviceException why = DeviceException.unwrap(error);
                        r = Reply.failed(command.id(), room, command.action(), why.code(), why.getMessage());
                        log.info("{}: {} failed: {} {}", room, command.toText(), why.code(), why.getMessage());
                        failed(command.action(), command.id(), command.by(), r.error());
                    }
                    reply.complete(r);
                    answer(message, r);
                },
                executor);
    }

    private void answer(BusMessage request, Reply reply) {
        byte[] body = Json.bytes(reply);
        if (request.responseTopic() != null) {
            publish.accept(BusMessage.of(request.responseTopic(), body, 1, false)
                    .withResponse(null, request.correlationData())
                    .withContentType("application/json"));
        } else {
            publish.accept(BusMessage.of(topics.reply(room), body, 1, false).withContentType("application/json"));
        }
    }

    private void failed(String action, String id, String by, Reply.Error error) {
        events.accept(new Event(Event.COMMAND_FAILED, room, clock.instant())
                .with("action", action)
                .with("id", id)
                .with("by", by)
                .with("error", Map.of("code", error.code().wireName(), "message", error.message())));
    }

    private static String preview(byte[] payload) {
        String s = new String(payload, 0, Math.min(payload.length, 120), java.nio.charset.StandardCharsets.UTF_8);
        return s.replaceAll("\\p{Cntrl}", "?") + (payload.length > 120 ? "..." : "");
    }
}
