package org.roomctl.agent.visca;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.device.RequestQueue;
import org.roomctl.agent.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is outstanding with one camera, and which reply answers what.
 *
 * <p>An ACK does not say which command it acknowledges, and an inquiry's answer does not say which
 * inquiry it answers, so one request at a time is on the wire until its first answer (a command's
 * ACK or error, an inquiry's data or error): a {@link RequestQueue}. An acknowledged command then
 * waits on its socket ({@link ViscaSockets}) for its completion or error while the next request
 * goes out, so two commands can run at once and complete in any order.
 *
 * <p>Confined to the device's executor.
 */
final class ViscaRequests {
    /** Requests that may wait behind the one on the wire. */
    static final int QUEUE_CAPACITY = 16;

    private static final Logger log = LoggerFactory.getLogger(ViscaRequests.class);

    private final RequestQueue<ViscaReply> queue;
    private final ViscaSockets sockets = new ViscaSockets();
    private final DeviceRuntime runtime;
    private final Executor executor;
    private final String device;

    /**
     * @param answerTimeout how long a request on the wire may wait for its first answer
     * @param device the device id, for messages
     */
    ViscaRequests(
            Transport transport, DeviceRuntime runtime, Executor executor, Duration answerTimeout, String device) {
        this.queue = new RequestQueue<>(transport, runtime, executor, answerTimeout, QUEUE_CAPACITY);
        this.runtime = runtime;
        this.executor = executor;
        this.device = device;
    }

    /**
     * Sends a command and follows it to its end: its ACK, then its completion on that socket.
     *
     * @param limit how long the whole command may take, from now
     * @return completes on the completion; fails with the camera's error mapped (BUSY, DEVICE_ERROR),
     *     TIMEOUT, or DEVICE_OFFLINE
     */
    CompletableFuture<Void> command(byte[] bytes, String what, Duration limit) {
        String label = device + ": " + what;
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<ViscaReply> answer = queue.submit(bytes, this::answersCommand, label);
        answer.whenComplete((reply, failure) -> {
            if (failure != null) {
                done.completeExceptionally(DeviceException.unwrap(failure));
            } else if (reply instanceof ViscaReply.Ack ack) {
                sockets.started(ack.socket(), label, done);
            } else if (reply instanceof ViscaReply.ErrorReply error) {
                done.completeExceptionally(ViscaFailures.of(error.error(), label));
            }
        });
        runtime.timeout(done, executor, limit, label + ": not completed within " + limit.toMillis() + " ms");
        // A command given up before it was sent is not sent later.
        done.whenComplete((v, e) -> answer.cancel(false));
        return done;
    }

    /**
     * Sends an inquiry.
     *
     * @return the answer's data (empty for {@code y0 50 FF}); fails with the camera's error mapped,
     *     TIMEOUT, or DEVICE_OFFLINE
     */
    CompletableFuture<byte[]> inquiry(byte[] bytes, String what) {
        String label = device + ": " + what;
        return inquire(bytes, what).thenCompose(reply -> {
            if (reply instanceof ViscaReply.InquiryData data) {
                return CompletableFuture.completedFuture(data.data());
            }
            if (reply instanceof ViscaReply.ErrorReply error) {
                return CompletableFuture.failedFuture(ViscaFailures.of(error.error(), label));
            }
            return CompletableFuture.completedFuture(new byte[0]);
        });
    }

    /** Sends an inquiry; completes with whatever answered it, an error reply included. */
    CompletableFuture<ViscaReply> inquire(byte[] bytes, String what) {
        return queue.submit(bytes, ViscaRequests::answersInquiry, device + ": " + what);
    }

    /** Sends a broadcast; completes with the reply that came back round the chain. */
    CompletableFuture<ViscaReply> broadcast(byte[] bytes, Class<? extends ViscaReply> answer, String what) {
        return queue.submit(bytes, answer::isInstance, device + ": " + what);
    }

    /** A reply from our camera or from the chain: hands it to whatever it answers. */
    void take(ViscaReply reply) {
        if (reply instanceof ViscaReply.Completion c && c.socket() != 0) {
            if (!sockets.completed(c.socket())) {
                log.debug("{}: completion on socket {}, where no command of ours runs: ignored", device, c.socket());
            }
            return;
        }
        if (reply instanceof ViscaReply.ErrorReply e && e.error() == ViscaError.CANCELLED) {
            if (!sockets.failed(e.socket(), e.error())) {
                log.debug("{}: cancellation on socket {}, where no command of ours runs: ignored", device, e.socket());
            }
            return;
        }
        if (queue.offer(reply)) {
            return;
        }
        if (reply instanceof ViscaReply.ErrorReply e && e.socket() != 0 && sockets.failed(e.socket(), e.error())) {
            return;
        }
        log.debug("{}: {} answers nothing we asked: ignored", device, reply);
    }

    /** Fails everything outstanding: what is on the wire, what waits, and what runs on a socket. */
    void failAll(DeviceException why) {
        queue.failAll(why);
        sockets.failAll(why);
    }

    /**
     * A command's first answer is its ACK, or an error: on socket 0 (syntax, buffer full), or on a
     * socket where nothing of ours runs (not executable); an error on a busy socket belongs to the
     * command running there.
     */
    private boolean answersCommand(ViscaReply reply) {
        if (reply instanceof ViscaReply.Ack) {
            return true;
        }
        return reply instanceof ViscaReply.ErrorReply e
                && e.error() != ViscaError.NO_SOCKET
                && (e.socket() == 0 || !sockets.busy(e.socket()));
    }

    /** An inquiry is answered with data, with {@code y0 50 FF}, or with an error on socket 0. */
    private static boolean answersInquiry(ViscaReply reply) {
        return reply instanceof ViscaReply.InquiryData
                || reply instanceof ViscaReply.Completion c && c.socket() == 0
                || reply instanceof ViscaReply.ErrorReply e && e.socket() == 0;
    }
}
