package org.roomctl.panel.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionRefusedException;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;
import org.roomctl.fleet.panels.Panel;

/**
 * Calls from a panel: connect its room to another, hang up, end the meeting. Connecting and
 * hanging up go through the fleet's connection logic, so they are recorded in PostgreSQL and the
 * admin console sees them; each answer waits for the room to report what happened.
 */
public final class CallControl {
    private final Fleet fleet;
    private final RoomCommands commands;
    private final RoomWaits waits;
    private final Audit audit;

    public CallControl(Fleet fleet, RoomCommands commands, RoomWaits waits, Audit audit) {
        this.fleet = fleet;
        this.commands = commands;
        this.waits = waits;
        this.audit = audit;
    }

    /**
     * Connects the panel's room to {@code callee}. Done once the room reports the call under way;
     * refused at once with the reason (busy, offline...), or when the connection fails.
     *
     * @param key an idempotency key from the confirm screen: a second tap makes no second call
     */
    public CompletableFuture<Outcome> connect(Panel panel, String callee, String calleeName, String key) {
        String caller = panel.room();
        Connection c;
        try {
            c = fleet.connections().connect(caller, callee, panel.actor(), RequestedVia.PANEL, key);
        } catch (ConnectionRefusedException e) {
            return CompletableFuture.completedFuture(refusal(e));
        }
        audit.record(panel, "panel.connect", callee, Map.of("connection", c.id(), "room", caller));
        if (c.status() == ConnectionStatus.FAILED) {
            return CompletableFuture.completedFuture(failed(c));
        }
        if (c.status() == ConnectionStatus.ENDED) {
            // The same confirm screen tapped again after its call was over.
            return CompletableFuture.completedFuture(
                    Outcome.refused("That call is over: go back and tap the room to call it again"));
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        CompletableFuture<RoomSnapshot> started =
                waits.room(caller, s -> s.online() && !s.call().isIdle(), commands.timeout());
        CompletableFuture<Connection> over =
                waits.connection(c.id(), x -> !x.status().open(), commands.timeout());
        started.thenAccept(
                s -> result.complete(Outcome.done("Calling " + calleeName + "…").then("/room/" + caller)));
        over.thenAccept(x -> result.complete(failed(x)));
        CompletableFuture.allOf(started, over)
                .whenComplete((x, e) -> result.complete(Outcome.noAnswer("The room has not started the call after "
                        + commands.timeout().toSeconds()
                        + " seconds. It may still connect: the home screen shows what the room reports.")));
        return result;
    }

    private static Outcome failed(Connection c) {
        String why = c.failureReason() != null ? c.failureReason() : c.endReason();
        return Outcome.refused("The call did not go through" + (why == null ? "" : ": " + why));
    }

    private static Outcome refusal(ConnectionRefusedException e) {
        return switch (e.reason()) {
            case DATABASE_UNAVAILABLE, BUS_UNAVAILABLE -> Outcome.unavailable(
                    "Cannot connect just now: " + e.getMessage());
            case UNKNOWN_ROOM, SAME_ROOM -> Outcome.badInput("Cannot connect: " + e.getMessage());
            default -> Outcome.refused("Cannot connect: " + e.getMessage());
        };
    }

    /**
     * Hangs up the panel's call: through the connection record when the call is one of ours,
     * otherwise by telling the room's video system. Done once the room reports no call.
     */
    public CompletableFuture<Outcome> hangUp(Panel panel) {
        String room = panel.room();
        Optional<Connection> open = fleet.connections().openFor(room);
        if (open.isPresent()) {
            try {
                fleet.connections().disconnect(open.get().id(), panel.actor());
            } catch (ConnectionRefusedException e) {
                return CompletableFuture.completedFuture(
                        Outcome.unavailable("Cannot hang up just now: " + e.getMessage()));
            }
            audit.record(
                    panel, "panel.hangup", room, Map.of("connection", open.get().id()));
            return waits.room(room, s -> s.call().isIdle(), commands.timeout())
                    .thenApply(s -> Outcome.done("Call ended"))
                    .exceptionally(e -> Outcome.noAnswer("The room has not confirmed the hang-up after "
                            + commands.timeout().toSeconds() + " seconds: try again, or ask for help"));
        }
        boolean inCall = fleet.rooms().room(room).map(s -> !s.call().isIdle()).orElse(false);
        if (!inCall) {
            return CompletableFuture.completedFuture(Outcome.refused("There is no call to hang up"));
        }
        audit.record(panel, "panel.hangup", room, Map.of());
        return commands.send(room, "call.hangup", Map.of(), panel.actor(), "Call ended");
    }

    /** Ends the meeting: hangs up (through the connection record if there is one) and turns everything off. */
    public CompletableFuture<Outcome> endMeeting(Panel panel) {
        String room = panel.room();
        Optional<Connection> open = fleet.connections().openFor(room);
        if (open.isPresent()) {
            try {
                fleet.connections().disconnect(open.get().id(), panel.actor());
            } catch (ConnectionRefusedException e) {
                return CompletableFuture.completedFuture(
                        Outcome.unavailable("Cannot end the meeting just now: " + e.getMessage()));
            }
        }
        audit.record(
                panel,
                "panel.end-meeting",
                room,
                open.isPresent() ? Map.of("connection", open.get().id()) : Map.of());
        return commands.send(
                room,
                "room.shutdown",
                Map.of(),
                panel.actor(),
                "Meeting ended: the call is over and the camera, document camera and display are off");
    }

    /** Asks the AV team for help: the admin console shows it as an alert. */
    public Outcome help(Panel panel, String message) {
        fleet.alerts().help(panel.room(), message, panel.actor());
        return Outcome.done("The AV team has been asked to help. Someone will contact this room soon.");
    }
}
