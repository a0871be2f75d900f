package org.roomctl.sim.visca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * A Sony VISCA camera's protocol core: whole packets in, reply packets out, over the camera's
 * state. Pure: time is passed in (nanoseconds), nothing blocks.
 *
 * <p>Commands take one of two sockets: ACK {@code 90 4y FF} at once, completion {@code 90 5y FF}
 * when done. Moves (absolute and relative position, home, reset, zoom direct, preset recall) take
 * time and complete when the move ends ({@link #advance}), so completions can arrive out of order;
 * a later move of the same axis cancels the earlier one ({@code 90 6y 04 FF}). Continuous drives
 * (pan-tilt drive, zoom tele/wide) complete at once and keep moving until stopped or at the limit.
 * Inquiries answer {@code 90 50 ... FF} at once, without ACK.
 */
public final class ViscaCamera {
    /** Command sockets a camera has. */
    public static final int SOCKETS = CommandSockets.COUNT;

    public static final int PAN_MIN = -2448;
    public static final int PAN_MAX = 2448;
    public static final int TILT_MIN = -432;
    public static final int TILT_MAX = 1296;
    public static final int ZOOM_MAX = 0x4000;
    public static final int PRESETS = 16;

    static final int MAX_PAN_SPEED = 0x18;
    static final int MAX_TILT_SPEED = 0x17;
    /** Pan or tilt units per second for each step of speed: full speed crosses the pan range in about 2 s. */
    static final double UNITS_PER_SPEED_STEP = 100;
    /** Zoom units per second for each step of zoom speed p (0..7, counted from 1). */
    static final double ZOOM_UNITS_PER_SPEED_STEP = 1024;

    private static final int STANDARD_ZOOM_SPEED = 3;
    private static final int MAX_ZOOM_SPEED = 7;

    // error codes, after 6y
    static final int LENGTH_ERROR = 0x01;
    static final int SYNTAX_ERROR = 0x02;
    static final int BUFFER_FULL = 0x03;
    static final int CANCELLED = 0x04;
    static final int NO_SOCKET = 0x05;
    static final int NOT_EXECUTABLE = 0x41;

    /** What a parsed command does: runs at {@code now}, adds any extra replies, returns when it is done. */
    @FunctionalInterface
    private interface Run {
        long run(long now, List<byte[]> replies);
    }

    /** A parsed command. */
    private record Command(boolean allowedInStandby, Set<Axes> axes, Run run) {}

    private final int chainPosition;
    private int address;
    private boolean powerOn = true;
    private Motion pan = Motion.at(0);
    private Motion tilt = Motion.at(0);
    private Motion zoom = Motion.at(0);
    private final CommandSockets sockets = new CommandSockets();
    private final Map<Integer, ViscaState.Preset> presets = new TreeMap<>();
    private ViscaFaults faults = ViscaFaults.NONE;
    private String lastCommand = "";

    /**
     * @param address the camera's place on the daisy chain (1 for the first camera); an address set
     *     broadcast numbers the chain from there
     */
    public ViscaCamera(int address) {
        if (address < 1 || address > 7) {
            throw new IllegalArgumentException("VISCA camera address must be 1..7, not " + address);
        }
        this.chainPosition = address;
        this.address = address;
    }

    public ViscaFaults faults() {
        return faults;
    }

    public void faults(ViscaFaults faults) {
        this.faults = faults;
        sockets.stuckBusy(faults.busySockets());
    }

    /** Handles one packet (with its {@code FF}); returns the replies to send now. */
    public List<byte[]> handle(byte[] packet, long now) {
        if (packet.length < 2 || (packet[0] & 0x80) == 0 || (packet[0] & 0x70) != 0) {
            return List.of(); // not from the controller (address 0): garbage, or a reply on the chain
        }
        int receiver = packet[0] & 0x0F;
        byte[] body = Arrays.copyOfRange(packet, 1, packet.length - 1);
        if (receiver == 8) {
            return broadcast(body, now);
        }
        if (receiver != address) {
            return List.of(); // for another camera on the chain
        }
        lastCommand = HexFormat.ofDelimiter(" ").formatHex(packet);
        if (body.length == 0) {
            return List.of(error(0, SYNTAX_ERROR));
        }
        int kind = body[0] & 0xFF;
        if (kind == 0x01) {
            return command(body, now);
        }
        if (kind == 0x09) {
            return inquiry(body, now);
        }
        if ((kind & 0xF0) == 0x20 && body.length == 1) {
            return cancel(kind & 0x0F, now);
        }
        return List.of(error(0, SYNTAX_ERROR));
    }

    /** The reply to a packet longer than 16 bytes ({@code tooLongStart}: its first bytes). */
    public List<byte[]> lengthError(byte[] tooLongStart) {
        int header = tooLongStart[0] & 0xFF;
        boolean forUs = (header & 0xF0) == 0x80 && ((header & 0x0F) == address || (header & 0x0F) == 8);
        return forUs ? List.of(error(0, LENGTH_ERROR)) : List.of();
    }

    /** Completions of the moves that have ended by {@code now}, in the order they ended. */
    public List<byte[]> advance(long now) {
        return sockets.completeUntil(now).stream().map(this::completion).toList();
    }

    /** When the next pending command completes. */
    public OptionalLong nextDeadline() {
        return sockets.nextDeadline();
    }

    /**
     * Mains power off and on: commands in progress are forgotten, the camera comes up powered at
     * home and wide, keeps its presets and address, and announces itself with a network change.
     */
    public List<byte[]> powerCycle(long now) {
        sockets.releaseAll();
        pan = Motion.at(0);
        tilt = Motion.at(0);
        zoom = Motion.at(0);
        powerOn = true;
        return List.of(packet(0x38));
    }

    public ViscaState state(long now) {
        return new ViscaState(
                address,
                powerOn ? "on" : "standby",
                pan.position(now),
                tilt.position(now),
                zoom.position(now),
                pan.moving(now) || tilt.moving(now) || zoom.moving(now),
                sockets.busy(),
                Map.copyOf(presets),
                lastCommand);
    }

    // --- broadcast and housekeeping -------------------------------------------------------------

    private List<byte[]> broadcast(byte[] body, long now) {
        if (body.length == 2 && (body[0] & 0xFF) == 0x30 && body[1] >= 1 && body[1] <= 7) {
            // address set: take the number given, pass the next one down the chain (to the controller)
            address = Math.min(7, body[1] + chainPosition - 1);
            return List.of(new byte[] {(byte) 0x88, 0x30, (byte) (address + 1), (byte) 0xFF});
        }
        if (matches(body, 0x01, 0x00, 0x01)) {
            clearCommands(now);
            return List.of(new byte[] {(byte) 0x88, 0x01, 0x00, 0x01, (byte) 0xFF});
        }
        return List.of();
    }

    /** IF_Clear: commands in the sockets are dropped without a word and the camera stops. */
    private void clearCommands(long now) {
        sockets.releaseAll();
        pan = pan.stop(now);
        tilt = tilt.stop(now);
        zoom = zoom.stop(now);
    }

    private List<byte[]> cancel(int socket, long now) {
        if (socket < 1 || socket > SOCKETS) {
            return List.of(error(0, SYNTAX_ERROR));
        }
        Set<Axes> moving = sockets.release(socket);
        if (moving != null) {
            stop(moving, now);
            return List.of(error(socket, CANCELLED));
        }
        return List.of(error(socket, sockets.stuck(socket) ? CANCELLED : NO_SOCKET));
    }

    // --- commands ---------------------------------------------------------------------------------

    private List<byte[]> command(byte[] body, long now) {
        if (matches(body, 0x01, 0x00, 0x01)) {
            clearCommands(now);
            return List.of(packet(0x50));
        }
        Command command = parse(body);
        if (command == null) {
            return List.of(error(0, SYNTAX_ERROR));
        }
        int socket = sockets.free();
        if (socket == 0) {
            return List.of(error(0, BUFFER_FULL));
        }
        if (!powerOn && !command.allowedInStandby()) {
            return List.of(error(socket, NOT_EXECUTABLE));
        }
        List<byte[]> replies = new ArrayList<>();
        replies.add(packet(0x40 | socket));
        for (int superseded : sockets.releaseMoving(command.axes())) {
            replies.add(error(superseded, CANCELLED));
        }
        long doneAt = command.run().run(now, replies);
        if (doneAt <= now) {
            replies.add(completion(socket));
        } else {
            sockets.hold(socket, command.axes(), doneAt);
        }
        return replies;
    }

    private Command parse(byte[] b) {
        if (matches(b, 0x01, 0x04, 0x00, 0x02)) {
            return new Command(true, Set.of(), (now, replies) -> {
                powerOn = true;
                return now;
            });
        }
        if (matches(b, 0x01, 0x04, 0x00, 0x03)) {
            return new Command(true, Set.of(), this::standby);
        }
        if (b.length == 4 && b[1] == 0x04 && b[2] == 0x07) {
            return zoomDrive(b[3] & 0xFF);
        }
        if (b.length == 7 && b[1] == 0x04 && b[2] == 0x47) {
            int target = nibbles(b, 3);
            return target < 0 ? null : move(EnumSet.of(Axes.ZOOM), now -> zoomTo(target, MAX_ZOOM_SPEED, now));
        }
        if (b.length == 7 && b[1] == 0x06 && b[2] == 0x01) {
            return panTiltDrive(b[3] & 0xFF, b[4] & 0xFF, b[5] & 0xFF, b[6] & 0xFF);
        }
        if (b.length == 13 && b[1] == 0x06 && (b[2] == 0x02 || b[2] == 0x03)) {
            return panTiltPosition(b, b[2] == 0x03);
        }
        if (matches(b, 0x01, 0x06, 0x04) || matches(b, 0x01, 0x06, 0x05)) {
            // home, and reset (which recalibrates and ends at home)
            return move(EnumSet.of(Axes.PAN_TILT), now -> panTiltTo(0, 0, MAX_PAN_SPEED, MAX_TILT_SPEED, now));
        }
        if (b.length == 5 && b[1] == 0x04 && b[2] == 0x3F) {
            return preset(b[3] & 0xFF, b[4] & 0xFF);
        }
        return null;
    }

    private long standby(long now, List<byte[]> replies) {
        for (int cancelled : sockets.releaseAll()) {
            replies.add(error(cancelled, CANCELLED));
        }
        pan = pan.stop(now);
        tilt = tilt.stop(now);
        zoom = zoom.stop(now);
        powerOn = false;
        return now;
    }

    /** A command that moves {@code axes} and is done when the move ends. */
    private static Command move(Set<Axes> axes, LongUnaryOperator start) {
        return new Command(false, axes, (now, replies) -> start.applyAsLong(now));
    }

    private Command zoomDrive(int p) {
        int speed = p & 0x0F;
        return switch (p) {
            case 0x00 -> move(EnumSet.of(Axes.ZOOM), now -> {
                zoom = zoom.stop(now);
                return now;
            });
            case 0x02 -> continuousZoom(ZOOM_MAX, STANDARD_ZOOM_SPEED);
            case 0x03 -> continuousZoom(0, STANDARD_ZOOM_SPEED);
            default -> {
                if (speed > MAX_ZOOM_SPEED) {
                    yield null;
                }
                if ((p & 0xF0) == 0x20) {
                    yield continuousZoom(ZOOM_MAX, speed);
                }
                if ((p & 0xF0) == 0x30) {
                    yield continuousZoom(0, speed);
                }
                yield null;
            }
        };
    }

    private Command continuousZoom(int limit, int speed) {
        return move(EnumSet.of(Axes.ZOOM), now -> {
            zoomTo(limit, speed, now);
            return now; // a drive completes at once and keeps going
        });
    }

    private long zoomTo(int target, int speed, long now) {
        zoom = zoom.toward(clamp(target, 0, ZOOM_MAX), (speed + 1) * ZOOM_UNITS_PER_SPEED_STEP, timeScale(), now);
        return zoom.end();
    }

    private Command panTiltDrive(int panSpeed, int tiltSpeed, int panDirection, int tiltDirection) {
        if (panSpeed < 1 || panSpeed > MAX_PAN_SPEED || tiltSpeed < 1 || tiltSpeed > MAX_TILT_SPEED) {
            return null;
        }
        if (panDirection < 1 || panDirection > 3 || tiltDirection < 1 || tiltDirection > 3) {
            return null;
        }
        return move(EnumSet.of(Axes.PAN_TILT), now -> {
            // 01 left/up, 02 right/down, 03 stop
            pan = switch (panDirection) {
                case 1 -> pan.toward(PAN_MIN, panSpeed * UNITS_PER_SPEED_STEP, timeScale(), now);
                case 2 -> pan.toward(PAN_MAX, panSpeed * UNITS_PER_SPEED_STEP, timeScale(), now);
                default -> pan.stop(now);
            };
            tilt = switch (tiltDirection) {
                case 1 -> tilt.toward(TILT_MAX, tiltSpeed * UNITS_PER_SPEED_STEP, timeScale(), now);
                case 2 -> tilt.toward(TILT_MIN, tiltSpeed * UNITS_PER_SPEED_STEP, timeScale(), now);
                default -> tilt.stop(now);
            };
            return now;
        });
    }

    private Command panTiltPosition(byte[] b, boolean relative) {
        int panSpeed = b[3] & 0xFF;
        int tiltSpeed = b[4] & 0xFF;
        int panValue = nibbles(b, 5);
        int tiltValue = nibbles(b, 9);
        if (panSpeed < 1 || panSpeed > MAX_PAN_SPEED || tiltSpeed < 1 || tiltSpeed > MAX_TILT_SPEED) {
            return null;
        }
        if (panValue < 0 || tiltValue < 0) {
            return null;
        }
        return move(EnumSet.of(Axes.PAN_TILT), now -> {
            int panTarget = (short) panValue;
            int tiltTarget = (short) tiltValue;
            if (relative) {
                panTarget += pan.position(now);
                tiltTarget += tilt.position(now);
            }
            return panTiltTo(panTarget, tiltTarget, panSpeed, tiltSpeed, now);
        });
    }

    private long panTiltTo(int panTarget, int tiltTarget, int panSpeed, int tiltSpeed, long now) {
        pan = pan.toward(clamp(panTarget, PAN_MIN, PAN_MAX), panSpeed * UNITS_PER_SPEED_STEP, timeScale(), now);
        tilt = tilt.toward(clamp(tiltTarget, TILT_MIN, TILT_MAX), tiltSpeed * UNITS_PER_SPEED_STEP, timeScale(), now);
        return Math.max(pan.end(), tilt.end());
    }

    private Command preset(int action, int number) {
        if (number >= PRESETS) {
            return null;
        }
        return switch (action) {
            case 0x00 -> new Command(false, Set.of(), (now, replies) -> {
                presets.remove(number);
                return now;
            });
            case 0x01 -> new Command(false, Set.of(), (now, replies) -> {
                presets.put(number, new ViscaState.Preset(pan.position(now), tilt.position(now), zoom.position(now)));
                return now;
            });
            case 0x02 -> move(EnumSet.allOf(Axes.class), now -> {
                // a preset never set recalls the factory position: home, wide
                ViscaState.Preset p = presets.getOrDefault(number, new ViscaState.Preset(0, 0, 0));
                long panTiltDone = panTiltTo(p.pan(), p.tilt(), MAX_PAN_SPEED, MAX_TILT_SPEED, now);
                return Math.max(panTiltDone, zoomTo(p.zoom(), MAX_ZOOM_SPEED, now));
            });
            default -> null;
        };
    }

    private void stop(Set<Axes> axes, long now) {
        if (axes.contains(Axes.PAN_TILT)) {
            pan = pan.stop(now);
            tilt = tilt.stop(now);
        }
        if (axes.contains(Axes.ZOOM)) {
            zoom = zoom.stop(now);
        }
    }

    private double timeScale() {
        return faults.moveTimeScale();
    }

    // --- inquiries --------------------------------------------------------------------------------

    private List<byte[]> inquiry(byte[] b, long now) {
        if (matches(b, 0x09, 0x04, 0x00)) {
            return List.of(packet(0x50, powerOn ? 0x02 : 0x03));
        }
        if (matches(b, 0x09, 0x04, 0x47)) {
            return List.of(packet(concat(new int[] {0x50}, toNibbles(zoom.position(now)))));
        }
        if (matches(b, 0x09, 0x06, 0x12)) {
            return List.of(
                    packet(concat(new int[] {0x50}, toNibbles(pan.position(now)), toNibbles(tilt.position(now)))));
        }
        if (matches(b, 0x09, 0x00, 0x02)) {
            // vendor 0001 (Sony), model 0519, ROM 0100, two sockets
            return List.of(packet(0x50, 0x00, 0x01, 0x05, 0x19, 0x01, 0x00, SOCKETS));
        }
        return List.of(error(0, SYNTAX_ERROR));
    }

    // --- sockets and packets ----------------------------------------------------------------------

    /** A reply from this camera: header {@code (address + 8) << 4}, the bytes, {@code FF}. */
    private byte[] packet(int... bytes) {
        byte[] p = new byte[bytes.length + 2];
        p[0] = (byte) (0x80 | address << 4);
        for (int i = 0; i < bytes.length; i++) {
            p[i + 1] = (byte) bytes[i];
        }
        p[p.length - 1] = (byte) 0xFF;
        return p;
    }

    private byte[] completion(int socket) {
        return packet(0x50 | socket);
    }

    private byte[] error(int socket, int code) {
        return packet(0x60 | socket, code);
    }

    private static boolean matches(byte[] body, int... expected) {
        if (body.length != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((body[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Four bytes {@code 0p 0q 0r 0s} from {@code offset} as a 16-bit value, or -1 if a byte is above 0F. */
    private static int nibbles(byte[] b, int offset) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int n = b[offset + i] & 0xFF;
            if (n > 0x0F) {
                return -1;
            }
            value = value << 4 | n;
        }
        return value;
    }

    private static int[] toNibbles(int value) {
        int v = value & 0xFFFF;
        return new int[] {v >> 12 & 0xF, v >> 8 & 0xF, v >> 4 & 0xF, v & 0xF};
    }

    private static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] all = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
