package org.roomctl.agent.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.roomctl.agent.device.Camera;
import org.roomctl.agent.device.Codec;
import org.roomctl.agent.device.Device;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.Display;
import org.roomctl.agent.device.DocumentCamera;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.command.Command;
import org.roomctl.contract.config.DeviceRole;

/**
 * Turns a room command into device calls. The future completes with the reply's {@code result}
 * when every addressed device has done its part, or fails with the first {@link DeviceException}.
 */
public final class RoomCommands {
    /** How long {@code call.answer} waits for the call from a given address, unless told. */
    public static final Duration DEFAULT_ANSWER_WINDOW = Duration.ofSeconds(30);

    private final RoomDevices devices;

    public RoomCommands(RoomDevices devices) {
        this.devices = devices;
    }

    public CompletableFuture<Map<String, Object>> run(Command c) {
        try {
            return switch (c.action()) {
                case "call.dial" -> onCodec(c, codec -> codec.dial(c.text("uri"))
                        .thenApply(id -> result("callId", id, "uri", c.text("uri"))));
                case "call.answer" -> onCodec(c, codec -> {
                    if (c.text("uri") == null) {
                        return codec.accept().thenApply(x -> Map.of());
                    }
                    Duration window = Duration.ofSeconds(c.integer("window", (int) DEFAULT_ANSWER_WINDOW.toSeconds()));
                    return codec.acceptFrom(c.text("uri"), window).thenApply(x -> result("uri", c.text("uri")));
                });
                case "call.hangup" -> onCodec(c, codec -> codec.hangup().thenApply(x -> Map.of()));
                case "camera.power" -> onEach(c, DeviceRole.CAMERA, d -> ((Camera) d).power(c.on()));
                case "camera.recall" -> onEach(c, DeviceRole.CAMERA, d -> ((Camera) d).recall(c.integer("preset", 0)));
                case "camera.save" -> onEach(c, DeviceRole.CAMERA, d -> ((Camera) d).save(c.integer("preset", 0)));
                case "camera.move" -> onEach(c, DeviceRole.CAMERA, d -> ((Camera) d)
                        .move(
                                Camera.Direction.valueOf(c.text("direction")
                                        .toUpperCase(java.util.Locale.ROOT)
                                        .replace('-', '_')),
                                c.integer("speed", 8)));
                case "camera.stop" -> onEach(c, DeviceRole.CAMERA, d -> ((Camera) d).stop());
                case "camera.zoom" -> onEach(c, DeviceRole.CAMERA, d -> zoom((Camera) d, c));
                case "camera.home" -> onEach(c, DeviceRole.CAMERA, d -> ((Camera) d).home());
                case "doccam.power" -> onEach(c, DeviceRole.DOCUMENT_CAMERA, d -> ((DocumentCamera) d).power(c.on()));
                case "display.power" -> onEach(c, DeviceRole.DISPLAY, d -> ((Display) d).power(c.on()));
                case "display.input" -> onEach(c, DeviceRole.DISPLAY, d -> ((Display) d).input(c.text("input")));
                case "display.mute" -> onEach(c, DeviceRole.DISPLAY, d -> ((Display) d).mute(c.on()));
                case "room.refresh" -> refresh();
                case "room.shutdown" -> shutdown();
                default -> CompletableFuture.failedFuture(
                        new DeviceException(ErrorCode.UNKNOWN_ACTION, "this agent cannot do " + c.action() + " yet"));
            };
        } catch (DeviceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<Void> zoom(Camera camera, Command c) {
        if (c.argument("position").isPresent()) {
            return camera.zoomTo(c.integer("position", 0));
        }
        return camera.zoom(
                Camera.Zoom.valueOf(c.text("direction").toUpperCase(java.util.Locale.ROOT)), c.integer("speed", -1));
    }

    private CompletableFuture<Map<String, Object>> onCodec(
            Command c, Function<Codec, CompletableFuture<Map<String, Object>>> body) throws DeviceException {
        List<Device> targets = targets(c, DeviceRole.CODEC);
        return body.apply((Codec) targets.get(0));
    }

    private CompletableFuture<Map<String, Object>> onEach(
            Command c, DeviceRole role, Function<Device, CompletableFuture<Void>> body) throws DeviceException {
        List<Device> targets = targets(c, role);
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (Device d : targets) {
            parts.add(body.apply(d));
        }
        List<String> ids = targets.stream().map(Device::id).toList();
        return allOrFirstFailure(parts).thenApply(x -> result("devices", ids));
    }

    private List<Device> targets(Command c, DeviceRole role) throws DeviceException {
        if (c.device() != null) {
            Device d = devices.byId(c.device())
                    .orElseThrow(() -> new DeviceException(
                            ErrorCode.NO_SUCH_DEVICE, "this room has no device '" + c.device() + "'"));
            if (d.config().role() != role) {
                throw new DeviceException(
                        ErrorCode.NO_SUCH_DEVICE,
                        "device '" + c.device() + "' is a " + d.config().role().wireName() + ", not a "
                                + role.wireName());
            }
            return List.of(d);
        }
        List<Device> all = devices.withRole(role);
        if (all.isEmpty()) {
            throw new DeviceException(ErrorCode.NO_SUCH_DEVICE, "this room has no " + role.wireName());
        }
        return all;
    }

    /** Re-reads every device; ok even if some could not be read, which the result lists. */
    private CompletableFuture<Map<String, Object>> refresh() {
        Map<String, CompletableFuture<Void>> parts = new LinkedHashMap<>();
        for (Device d : devices.all()) {
            parts.put(d.id(), d.refresh());
        }
        return CompletableFuture.allOf(parts.values().stream()
                        .map(f -> f.handle((v, e) -> null))
                        .toArray(CompletableFuture[]::new))
                .thenApply(x -> {
                    Map<String, Object> outcome = new LinkedHashMap<>();
                    parts.forEach((id, f) -> outcome.put(
                            id,
                            f.isCompletedExceptionally()
                                    ? DeviceException.unwrap(
                                                    f.handle((v, e) -> e).join())
                                            .getMessage()
                                    : "ok"));
                    return result("devices", outcome);
                });
    }

    /** Hangs up and switches everything off; fails, naming every device that did not, if any did not. */
    private CompletableFuture<Map<String, Object>> shutdown() {
        Map<String, CompletableFuture<Void>> steps = new LinkedHashMap<>();
        for (Device d : devices.all()) {
            CompletableFuture<Void> step =
                    switch (d.config().role()) {
                        case CODEC -> ((Codec) d).hangup();
                        case CAMERA -> ((Camera) d).power(false);
                        case DOCUMENT_CAMERA -> ((DocumentCamera) d).power(false);
                        case DISPLAY -> ((Display) d).power(false);
                    };
            steps.put(d.id(), step);
        }
        return CompletableFuture.allOf(steps.values().stream()
                        .map(f -> f.handle((v, e) -> null))
                        .toArray(CompletableFuture[]::new))
                .thenCompose(x -> {
                    Map<String, Object> done = new LinkedHashMap<>();
                    List<String> failures = new ArrayList<>();
                    DeviceException first = null;
                    for (Map.Entry<String, CompletableFuture<Void>> e : steps.entrySet()) {
                        if (e.getValue().isCompletedExceptionally()) {
                            DeviceException why = DeviceException.unwrap(
                                    e.getValue().handle((v, t) -> t).join());
                            first = first == null ? why : first;
                            failures.add(e.getKey() + ": " + why.getMessage());
                            done.put(e.getKey(), why.getMessage());
                        } else {
                            done.put(e.getKey(), "ok");
                        }
                    }
                    if (first != null) {
                        return CompletableFuture.failedFuture(new DeviceException(
                                first.code(), "shutdown incomplete: " + String.join("; ", failures)));
                    }
                    return CompletableFuture.completedFuture(result("devices", done));
                });
    }

    private static CompletableFuture<Void> allOrFirstFailure(List<CompletableFuture<Void>> parts) {
        return CompletableFuture.allOf(
                        parts.stream().map(f -> f.handle((v, e) -> null)).toArray(CompletableFuture[]::new))
                .thenCompose(x -> {
                    for (CompletableFuture<Void> f : parts) {
                        if (f.isCompletedExceptionally()) {
                            return CompletableFuture.failedFuture(
                                    DeviceException.unwrap(f.handle((v, e) -> e).join()));
                        }
                    }
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static Map<String, Object> result(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
