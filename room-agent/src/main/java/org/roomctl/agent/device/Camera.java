package org.roomctl.agent.device;

import java.util.concurrent.CompletableFuture;

/**
 * A PTZ camera. Properties it reports: {@code power} ("on"/"standby"), {@code zoom} (0..16384),
 * {@code pan}, {@code tilt} (device units), {@code preset} (the last recalled or saved, if known).
 */
public interface Camera extends Device {
    enum Direction {
        UP,
        DOWN,
        LEFT,
        RIGHT,
        UP_LEFT,
        UP_RIGHT,
        DOWN_LEFT,
        DOWN_RIGHT
    }

    enum Zoom {
        IN,
        OUT,
        STOP
    }

    /** Number of presets (0 .. PRESETS-1). */
    int PRESETS = 16;

    CompletableFuture<Void> power(boolean on);

    /**
     * Zooms in or out until stopped, or stops.
     *
     * @param speed 0 (slowest) .. 7, or -1 for the camera's standard speed
     */
    CompletableFuture<Void> zoom(Zoom zoom, int speed);

    /** Zooms to an absolute position, 0 (wide) .. 16384 (tele). Completes when there. */
    CompletableFuture<Void> zoomTo(int position);

    /**
     * Starts moving until {@link #stop()}.
     *
     * @param speed 1 (slowest) .. 24 for pan; tilt is clamped to its own maximum
     */
    CompletableFuture<Void> move(Direction direction, int speed);

    /** Stops a pan/tilt move. */
    CompletableFuture<Void> stop();

    /** Moves to the home position. Completes when there. */
    CompletableFuture<Void> home();

    /** Moves to a stored preset, 0..15. Completes when the move has ended. */
    CompletableFuture<Void> recall(int preset);

    /** Stores the current position as a preset, 0..15. */
    CompletableFuture<Void> save(int preset);
}
