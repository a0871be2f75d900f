package org.roomctl.agent.wolfprot;

import java.util.concurrent.CompletableFuture;
import org.roomctl.agent.device.AbstractDevice;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.device.DocumentCamera;
import org.roomctl.agent.device.RequestQueue;
import org.roomctl.agent.transport.Transport;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;

/**
 * A WolfVision document camera speaking WolfProt, over RS-232, a serial bridge or TCP (port
 * 50915): only the transport differs.
 *
 * <p>One request at a time ({@link RequestQueue}); a request is answered by the reply with the same
 * command and access (GET/SET), or by an error reply for it. Error replies fail the command with
 * DEVICE_ERROR naming the error, except "busy" (9) and "buffer full" (5), which fail it with BUSY:
 * the device cannot take the command now. The status check is a power GET.
 *
 * <p>Properties: {@code power} ("on"/"off").
 */
public final class WolfVisionDocCam extends AbstractDevice implements DocumentCamera {
    /** Requests that may wait behind the one on the wire. */
    static final int QUEUE_CAPACITY = 8;

    private final WolfProtFramer framer = new WolfProtFramer();
    private final RequestQueue<WolfProtFrame> queue;
    private final WolfProtFramer.Sink sink = new WolfProtFramer.Sink() {
        @Override
        public void frame(byte[] frame) {
            accept(frame);
        }

        @Override
        public void garbage(String diagnostic) {
            log.debug("{}: garbage on the line: {}", config.id(), diagnostic);
        }
    };

    /**
     * @param config its {@code commandTimeout} is how long a request waits for its answer
     * @param transport moves the bytes (serial port, bridge, TCP, pseudo-terminal)
     */
    public WolfVisionDocCam(DeviceConfig config, Transport transport, DeviceRuntime runtime) {
        super(config, transport, runtime);
        this.queue = new RequestQueue<>(transport, runtime, executor, config.commandTimeout(), QUEUE_CAPACITY);
    }

    // ---- transport events ----

    @Override
    protected void onConnected() {
        // Nothing to set up: the status check that follows at once is the first question.
        framer.reset();
    }

    @Override
    protected void onBytes(byte[] bytes) {
        framer.feed(bytes, sink);
    }

    @Override
    protected void onLost(DeviceException why) {
        queue.failAll(why);
        framer.reset();
    }

    @Override
    protected CompletableFuture<?> check() {
        return ask(WolfProtCommands.getPower(), WolfProtAccess.GET, "power query")
                .thenAccept(reply -> {
                    if (reply instanceof WolfProtFrame.Message message) {
                        applyPower(message);
                    }
                });
    }

    private void accept(byte[] bytes) {
        WolfProtFrame frame;
        try {
            frame = WolfProtDecoder.decode(bytes);
        } catch (WolfProtFormatException e) {
            // The framer only cuts well-formed frames; kept so that a framer bug is a debug line.
            log.debug("{}: ignoring a malformed frame: {}", config.id(), e.getMessage());
            return;
        }
        heard();
        if (!queue.offer(frame)) {
            log.debug("{}: {} answers nothing we asked: ignored", config.id(), frame);
        }
    }

    // ---- state ----

    @Override
    public CompletableFuture<Void> refresh() {
        return command("refresh", () -> ask(WolfProtCommands.getPower(), WolfProtAccess.GET, "power query")
                .thenCompose(reply -> answered(reply, "power query"))
                .thenAccept(this::applyPower));
    }

    private void applyPower(WolfProtFrame.Message reply) {
        try {
            update("power", WolfProtCommands.power(reply) ? "on" : "off");
        } catch (WolfProtFormatException e) {
            log.debug("{}: power query: {}", config.id(), e.getMessage());
        }
    }

    // ---- DocumentCamera ----

    @Override
    public CompletableFuture<Void> power(boolean on) {
        String what = on ? "power on" : "power off";
        return command(what, () -> ask(WolfProtCommands.setPower(on), WolfProtAccess.SET, what)
                .thenCompose(reply -> answered(reply, what))
                .thenAccept(reply -> update("power", on ? "on" : "off")));
    }

    // ---- helpers ----

    /** Sends a request for the power command; completes with its reply, an error reply included. */
    private CompletableFuture<WolfProtFrame> ask(byte[] request, WolfProtAccess access, String what) {
        String label = config.id() + ": " + what;
        CompletableFuture<WolfProtFrame> reply = queue.submit(
                request, frame -> frame.access() == access && frame.command() == WolfProtCommands.POWER, label);
        reply.whenComplete((r, e) -> {
            if (e != null && DeviceException.unwrap(e).code() == ErrorCode.TIMEOUT && framer.partial()) {
                // A stray byte may have started a frame that swallowed the answer: start afresh.
                log.debug("{}: dropping {} bytes of a frame that never ended", config.id(), framer.reset());
            }
        });
        return reply;
    }

    /** A reply as a message, or the command's failure when the device refused it. */
    private CompletableFuture<WolfProtFrame.Message> answered(WolfProtFrame reply, String what) {
        if (reply instanceof WolfProtFrame.ErrorReply error) {
            return CompletableFuture.failedFuture(failure(error, config.id() + ": " + what));
        }
        return CompletableFuture.completedFuture((WolfProtFrame.Message) reply);
    }

    private static DeviceException failure(WolfProtFrame.ErrorReply error, String what) {
        String message = what + ": " + error.describe();
        return switch (error.error()) {
            case BUSY, BUFFER_FULL -> DeviceException.busy(message);
            default -> DeviceException.error(message);
        };
    }
}
