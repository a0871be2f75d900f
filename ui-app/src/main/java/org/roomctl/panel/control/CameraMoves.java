package org.roomctl.panel.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.roomctl.fleet.panels.Panel;

/**
 * Press-and-hold camera moves: a move or zoom runs while a finger is down and stops when it
 * lifts. Should the lift never arrive (the page closed, the network dropped), the camera is
 * stopped after {@link #MAX_HOLD} anyway: a camera never drifts on by itself.
 */
public final class CameraMoves {
    /** The longest a single press moves the camera. */
    public static final Duration MAX_HOLD = Duration.ofSeconds(6);

    private final RoomCommands commands;
    private final ScheduledExecutorService timer;
    private final Map<String, ScheduledFuture<?>> safetyStops = new ConcurrentHashMap<>();

    public CameraMoves(RoomCommands commands, ScheduledExecutorService timer) {
        this.commands = commands;
        this.timer = timer;
    }

    /** Starts moving: up, down, left or right. */
    public CompletableFuture<Outcome> move(Panel panel, String direction) {
        armSafetyStop(panel);
        return commands.send(panel.room(), "camera.move", Map.of("direction", direction), panel.actor(), "");
    }

    /** Starts zooming in or out. */
    public CompletableFuture<Outcome> zoom(Panel panel, String direction) {
        armSafetyStop(panel);
        return commands.send(panel.room(), "camera.zoom", Map.of("direction", direction), panel.actor(), "");
    }

    /** The finger lifted: stops moving and zooming. */
    public CompletableFuture<Outcome> stop(Panel panel) {
        cancelSafetyStop(panel.room());
        return stopAll(panel.room(), panel.actor());
    }

    private CompletableFuture<Outcome> stopAll(String room, String actor) {
        return commands.send(room, "camera.stop", Map.of(), actor, "")
                .thenCombine(
                        commands.send(room, "camera.zoom", Map.of("direction", "stop"), actor, ""),
                        (a, b) -> a.ok() ? b : a);
    }

    private void armSafetyStop(Panel panel) {
        ScheduledFuture<?> next = timer.schedule(
                () -> stopAll(panel.room(), panel.actor() + " (held too long)"),
                MAX_HOLD.toMillis(),
                TimeUnit.MILLISECONDS);
        ScheduledFuture<?> before = safetyStops.put(panel.room(), next);
        if (before != null) {
            before.cancel(false);
        }
    }

    private void cancelSafetyStop(String room) {
        ScheduledFuture<?> f = safetyStops.remove(room);
        if (f != null) {
            f.cancel(false);
        }
    }
}
