package org.roomctl.agent.visca;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.roomctl.agent.device.AbstractDevice;
import org.roomctl.agent.device.Camera;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Transport;
import org.roomctl.contract.config.DeviceConfig;

/**
 * A Sony VISCA PTZ camera at {@link DeviceConfig#address()} on a daisy chain.
 *
 * <p>At connect, and again whenever a camera reports a network change (it was power-cycled or
 * re-cabled), the chain is addressed ({@code 88 30 01 FF}) and cleared ({@code 88 01 00 01 FF}),
 * as real controllers do; the camera is then re-read. Commands go out one at a time until
 * acknowledged and then run on the camera's sockets (see {@link ViscaRequests}); their futures
 * complete on the camera's completion, so a preset recall completes when the move has ended.
 * Moves (recall, home, zoom to a position, power on) may take {@value #MOVE_TIMEOUT_FACTOR} times
 * the command timeout.
 *
 * <p>Properties: {@code power} ("on"/"standby"), {@code zoom} (0..16384), {@code pan} and {@code
 * tilt} (signed device units, as the camera reports them), {@code preset} (the last recalled or
 * saved, removed when the camera is moved or zoomed by other means). Positions are read again after
 * every move completes. The status check is a power inquiry.
 *
 * <p>Only the transport differs between a camera on a local port, behind a serial bridge, or a
 * simulator on a pseudo-terminal.
 */
public final class ViscaCamera extends AbstractDevice implements Camera {
    /** A move may take this many command timeouts before it fails with TIMEOUT. */
    public static final int MOVE_TIMEOUT_FACTOR = 4;
    /** Highest zoom position the room asks for (the camera's full tele). */
    public static final int MAX_ZOOM = 16384;

    /** Speeds sent with a pan-tilt stop; the camera ignores them but they must be valid. */
    private static final int STOP_SPEED = 1;

    private final int address;
    private final ViscaCommands commands;
    private final ViscaFramer framer = new ViscaFramer();
    private final ViscaRequests requests;
    private final Duration moveTimeout;
    private final ViscaFramer.Sink sink = new ViscaFramer.Sink() {
        @Override
        public void packet(byte[] packet) {
            accept(packet);
        }

        @Override
        public void garbage(String diagnostic) {
            log.debug("{}: garbage on the line: {}", config.id(), diagnostic);
        }
    };

    /**
     * @param config its {@code address} (1..7) is the camera's place on the chain
     * @param transport moves the bytes (serial port, bridge, pseudo-terminal)
     * @throws IllegalArgumentException if the address is outside 1..7
     */
    public ViscaCamera(DeviceConfig config, Transport transport, DeviceRuntime runtime) {
        super(config, transport, runtime);
        this.address = config.address();
        this.commands = new ViscaCommands(address);
        this.requests = new ViscaRequests(transport, runtime, executor, config.commandTimeout(), config.id());
        this.moveTimeout = config.commandTimeout().multipliedBy(MOVE_TIMEOUT_FACTOR);
    }

    // ---- transport events ----

    @Override
    protected void onConnected() {
        framer.reset();
        initialiseChain();
    }

    @Override
    protected void onBytes(byte[] bytes) {
        framer.feed(bytes, sink);
    }

    @Override
    protected void onLost(DeviceException why) {
        requests.failAll(why);
        framer.reset();
    }

    @Override
    protected CompletableFuture<?> check() {
        return requests.inquire(commands.powerInquiry(), "power inquiry").thenAccept(reply -> {
            if (reply instanceof ViscaReply.InquiryData data) {
                applyPower(data.data());
            }
        });
    }

    private void accept(byte[] packet) {
        ViscaReply reply;
        try {
            reply = ViscaReplyDecoder.decode(packet);
        } catch (ViscaFormatException e) {
            log.debug("{}: ignoring a malformed reply: {}", config.id(), e.getMessage());
            return;
        }
        if (reply.camera() != 0 && reply.camera() != address) {
            log.debug("{}: ignoring {} from camera {}; this is camera {}", config.id(), reply, reply.camera(), address);
            return;
        }
        if (reply.camera() == address) {
            heard();
        }
        if (reply instanceof ViscaReply.NetworkChange) {
            networkChanged();
        } else {
            requests.take(reply);
        }
    }

    // ---- housekeeping ----

    private void initialiseChain() {
        requests.broadcast(ViscaCommands.addressSet(), ViscaReply.AddressSet.class, "address set")
                .thenAccept(reply -> chainAddressed((ViscaReply.AddressSet) reply))
                .exceptionally(e -> quietly("address set", e));
        requests.broadcast(ViscaCommands.ifClearBroadcast(), ViscaReply.IfClearEcho.class, "IF_Clear")
                .exceptionally(e -> quietly("IF_Clear", e));
    }

    private void chainAddressed(ViscaReply.AddressSet reply) {
        log.debug("{}: address set found {} camera(s) on the chain", config.id(), reply.cameras());
        if (reply.cameras() < address && !isOnline()) {
            offline("the address set found " + reply.cameras() + " camera(s) on the chain, so there is no camera "
                    + address);
        }
    }

    private void networkChanged() {
        log.info(
                "{}: the camera reported a network change (power-cycled or re-cabled); addressing it again",
                config.id());
        requests.failAll(DeviceException.error(
                config.id() + ": interrupted: the camera reported a network change (power-cycled or re-cabled)"));
        initialiseChain();
        reread().exceptionally(e -> quietly("re-read after a network change", e));
    }

    // ---- state ----

    @Override
    public CompletableFuture<Void> refresh() {
        return command("refresh", this::reread);
    }

    private CompletableFuture<Void> reread() {
        return readPower().thenCompose(power -> power == ViscaPower.ON ? readPositions() : done());
    }

    private CompletableFuture<ViscaPower> readPower() {
        return requests.inquiry(commands.powerInquiry(), "power inquiry")
                .thenCompose(data -> parse("power inquiry", () -> ViscaInquiries.power(data)))
                .thenApply(power -> {
                    update("power", power.property());
                    return power;
                });
    }

    private CompletableFuture<Void> readPositions() {
        return CompletableFuture.allOf(readZoom(), readPanTilt());
    }

    private CompletableFuture<Void> readZoom() {
        return requests.inquiry(commands.zoomPositionInquiry(), "zoom position inquiry")
                .thenCompose(data -> parse("zoom position inquiry", () -> ViscaInquiries.zoomPosition(data)))
                .thenAccept(zoom -> update("zoom", zoom));
    }

    private CompletableFuture<Void> readPanTilt() {
        return requests.inquiry(commands.panTiltPositionInquiry(), "pan-tilt position inquiry")
                .thenCompose(data -> parse("pan-tilt position inquiry", () -> ViscaInquiries.panTiltPosition(data)))
                .thenAccept(position -> update(Map.of("pan", position.pan(), "tilt", position.tilt())));
    }

    /** The answer to a status check: a change of power is applied, and a camera now on is re-read. */
    private void applyPower(byte[] data) {
        ViscaPower power;
        try {
            power = ViscaInquiries.power(data);
        } catch (ViscaFormatException e) {
            log.debug("{}: power inquiry: {}", config.id(), e.getMessage());
            return;
        }
        boolean cameOn = power == ViscaPower.ON
                && !ViscaPower.ON.property().equals(state().properties().get("power"));
        update("power", power.property());
        if (cameOn) {
            afterwards("positions after power on", readPositions());
        }
    }

    // ---- Camera ----

    @Override
    public CompletableFuture<Void> power(boolean on) {
        String what = on ? "power on" : "power standby";
        byte[] bytes = on ? commands.powerOn() : commands.powerStandby();
        return command(what, moveTimeout, () -> requests.command(bytes, what, moveTimeout)
                .thenRun(() -> {
                    update("power", (on ? ViscaPower.ON : ViscaPower.STANDBY).property());
                    if (on) {
                        afterwards("positions after power on", readPositions());
                    }
                }));
    }

    @Override
    public CompletableFuture<Void> zoom(Zoom zoom, int speed) {
        if (speed < -1 || speed > ViscaCommands.MAX_ZOOM_SPEED) {
            return rejected("zoom speed " + speed + " outside 0.." + ViscaCommands.MAX_ZOOM_SPEED
                    + " (or -1 for the standard speed)");
        }
        byte[] bytes =
                switch (zoom) {
                    case STOP -> commands.zoomStop();
                    case IN -> speed < 0 ? commands.zoomTele() : commands.zoomTele(speed);
                    case OUT -> speed < 0 ? commands.zoomWide() : commands.zoomWide(speed);
                };
        String what = "zoom " + zoom.name().toLowerCase(Locale.ROOT);
        return command(what, () -> requests.command(bytes, what, config.commandTimeout())
                .thenRun(() -> {
                    if (zoom == Zoom.STOP) {
                        afterwards("zoom after a stop", readZoom());
                    } else {
                        update("preset", null);
                    }
                }));
    }

    @Override
    public CompletableFuture<Void> zoomTo(int position) {
        if (position < 0 || position > MAX_ZOOM) {
            return rejected("zoom position " + position + " outside 0.." + MAX_ZOOM);
        }
        String what = "zoom to " + position;
        return command(what, moveTimeout, () -> requests.command(commands.zoomDirect(position), what, moveTimeout)
                .thenRun(() -> {
                    update("preset", null);
                    afterwards("zoom after a zoom", readZoom());
                }));
    }

    @Override
    public CompletableFuture<Void> move(Direction direction, int speed) {
        if (speed < 1 || speed > ViscaCommands.MAX_PAN_SPEED) {
            return rejected("pan-tilt speed " + speed + " outside 1.." + ViscaCommands.MAX_PAN_SPEED);
        }
        PanTiltDrive drive =
                switch (direction) {
                    case UP -> PanTiltDrive.UP;
                    case DOWN -> PanTiltDrive.DOWN;
                    case LEFT -> PanTiltDrive.LEFT;
                    case RIGHT -> PanTiltDrive.RIGHT;
                    case UP_LEFT -> PanTiltDrive.UP_LEFT;
                    case UP_RIGHT -> PanTiltDrive.UP_RIGHT;
                    case DOWN_LEFT -> PanTiltDrive.DOWN_LEFT;
                    case DOWN_RIGHT -> PanTiltDrive.DOWN_RIGHT;
                };
        byte[] bytes = commands.panTiltDrive(drive, speed, Math.min(speed, ViscaCommands.MAX_TILT_SPEED));
        String what = "move " + direction.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return command(what, () -> requests.command(bytes, what, config.commandTimeout())
                .thenRun(() -> update("preset", null)));
    }

    @Override
    public CompletableFuture<Void> stop() {
        byte[] bytes = commands.panTiltDrive(PanTiltDrive.STOP, STOP_SPEED, STOP_SPEED);
        return command("stop", () -> requests.command(bytes, "stop", config.commandTimeout())
                .thenRun(() -> afterwards("pan-tilt after a stop", readPanTilt())));
    }

    @Override
    public CompletableFuture<Void> home() {
        return command("home", moveTimeout, () -> requests.command(commands.home(), "home", moveTimeout)
                .thenRun(() -> {
                    update("preset", null);
                    afterwards("pan-tilt after home", readPanTilt());
                }));
    }

    @Override
    public CompletableFuture<Void> recall(int preset) {
        if (preset < 0 || preset >= PRESETS) {
            return rejected("preset " + preset + " outside 0.." + (PRESETS - 1));
        }
        String what = "recall preset " + preset;
        return command(what, moveTimeout, () -> requests.command(commands.presetRecall(preset), what, moveTimeout)
                .thenRun(() -> {
                    update("preset", preset);
                    afterwards("positions after a recall", readPositions());
                }));
    }

    @Override
    public CompletableFuture<Void> save(int preset) {
        if (preset < 0 || preset >= PRESETS) {
            return rejected("preset " + preset + " outside 0.." + (PRESETS - 1));
        }
        String what = "save preset " + preset;
        return command(what, () -> requests.command(commands.presetSet(preset), what, config.commandTimeout())
                .thenRun(() -> update("preset", preset)));
    }

    // ---- helpers ----

    private interface Parse<T> {
        T parse() throws ViscaFormatException;
    }

    private <T> CompletableFuture<T> parse(String what, Parse<T> parse) {
        try {
            return CompletableFuture.completedFuture(parse.parse());
        } catch (ViscaFormatException e) {
            return CompletableFuture.failedFuture(
                    DeviceException.error(config.id() + ": " + what + ": malformed answer: " + e.getMessage()));
        }
    }

    /** A follow-up read whose failure is only worth a debug line. */
    private void afterwards(String what, CompletableFuture<?> read) {
        read.exceptionally(e -> quietly(what, e));
    }

    private <T> T quietly(String what, Throwable e) {
        log.debug(
                "{}: {} failed: {}",
                config.id(),
                what,
                DeviceException.unwrap(e).getMessage());
        return null;
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> rejected(String why) {
        return CompletableFuture.failedFuture(DeviceException.badRequest(config.id() + ": " + why));
    }
}
