package org.roomctl.agent.device;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A video-conference codec. Properties it reports: {@code call}, a map with {@code state}
 * (idle, dialling, ringing, connecting, connected, disconnecting, onhold...), {@code direction}
 * (incoming/outgoing), {@code peer} (the remote URI), {@code callId} and {@code since} (ISO
 * instant the call reached its state); {@code call.state} is "idle" when there is no call, and
 * then {@code call.endCause} says how the last call ended when the codec told (its CauseType,
 * such as {@code LocalDisconnect}: hung up in this room).
 */
public interface Codec extends Device {

    /** Dials {@code uri}. Completes with the codec's call id once the codec has accepted the dial. */
    CompletableFuture<Integer> dial(String uri);

    /** Accepts the call ringing now. Fails (DEVICE_ERROR) if nothing is ringing. */
    CompletableFuture<Void> accept();

    /**
     * Accepts a call from {@code uri}: at once if it is ringing, otherwise when it starts ringing
     * within {@code window}. Completes when accepted; fails with TIMEOUT if no such call rang in
     * time. A later arm replaces an earlier one.
     */
    CompletableFuture<Void> acceptFrom(String uri, Duration window);

    /** Hangs up every call. Completes when the codec has confirmed. */
    CompletableFuture<Void> hangup();
}
