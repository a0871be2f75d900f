package org.roomctl.agent.visca;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.roomctl.agent.device.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands running on the camera's sockets, each waiting for its completion or error. Confined
 * to the device's executor.
 */
final class ViscaSockets {
    private static final Logger log = LoggerFactory.getLogger(ViscaSockets.class);

    private record Running(String what, CompletableFuture<Void> done) {}

    private final Map<Integer, Running> running = new HashMap<>();

    /** The camera acknowledged {@code what} on {@code socket}; {@code done} completes with it. */
    void started(int socket, String what, CompletableFuture<Void> done) {
        Running before = running.put(socket, new Running(what, done));
        if (before != null && !before.done.isDone()) {
            before.done.completeExceptionally(DeviceException.error(before.what + ": the camera reused socket " + socket
                    + " for another command without reporting this one's completion"));
        }
    }

    /** Whether a command of ours waits for its completion on {@code socket}. */
    boolean busy(int socket) {
        Running r = running.get(socket);
        return r != null && !r.done.isDone();
    }

    /**
     * The command on {@code socket} has finished.
     *
     * @return false when no command of ours was running there
     */
    boolean completed(int socket) {
        Running r = running.remove(socket);
        if (r == null) {
            return false;
        }
        if (!r.done.complete(null)) {
            log.debug("{}: completed on socket {} after it had given up", r.what, socket);
        }
        return true;
    }

    /**
     * The command on {@code socket} failed.
     *
     * @return false when no command of ours was running there
     */
    boolean failed(int socket, ViscaError error) {
        Running r = running.remove(socket);
        if (r == null) {
            return false;
        }
        r.done.completeExceptionally(ViscaFailures.of(error, r.what));
        return true;
    }

    /** Fails every running command: the link is gone or the camera's buffers were cleared. */
    void failAll(DeviceException why) {
        running.values().forEach(r -> r.done.completeExceptionally(why));
        running.clear();
    }
}
