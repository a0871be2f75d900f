package org.roomctl.agent.device;

import java.util.concurrent.CompletableFuture;

/**
 * A display or projector. Properties it reports: {@code power} ("off", "on", "warming",
 * "cooling"), {@code input} (for example "hdmi1"), {@code mute} (true/false), {@code errors}
 * (a map of what its error status reports, present only when something is not ok).
 */
public interface Display extends Device {
    CompletableFuture<Void> power(boolean on);

    /**
     * Selects an input by name: {@code rgb1}, {@code video1}, {@code hdmi1} (or {@code digital1}),
     * {@code storage1}, {@code network1} (digits 1..9), or a raw PJLink code such as {@code 31}.
     */
    CompletableFuture<Void> input(String input);

    /** Video and audio mute on or off. */
    CompletableFuture<Void> mute(boolean on);
}
