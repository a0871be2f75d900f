package org.roomctl.contract.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every action a room agent understands. The command parser, the agent and the docs read this list. */
public final class Actions {
    public static final List<String> DIRECTIONS =
            List.of("up", "down", "left", "right", "up-left", "up-right", "down-left", "down-right");

    private static final String CODEC = "codec";
    private static final String CAMERA = "camera";
    private static final String DOCCAM = "doccam";
    private static final String DISPLAY = "display";

    public static final List<Action> ALL = List.of(
            new Action(
                    "call.dial",
                    Optional.of(CODEC),
                    List.of(Argument.text("uri", true, "the address to call, e.g. sip:room@example.org")),
                    List.of("call dial <uri>", "dial <uri>"),
                    "Call another room or address; done when the codec has placed the call."),
            new Action(
                    "call.answer",
                    Optional.of(CODEC),
                    List.of(
                            Argument.text("uri", false, "only a call from this address"),
                            Argument.seconds("window", 1, 600, "how long to wait for that call (default 30)")),
                    List.of("call answer [uri] [window]", "answer [uri] [window]"),
                    "Accept the ringing call, or the call from uri when it rings within the window."),
            new Action(
                    "call.hangup", Optional.of(CODEC), List.of(), List.of("call hangup", "hangup"), "End every call."),
            new Action(
                    "camera.power",
                    Optional.of(CAMERA),
                    List.of(Argument.onOff("on", "on or off (standby)")),
                    List.of("camera power <on>"),
                    "Switch the camera on or to standby."),
            new Action(
                    "camera.recall",
                    Optional.of(CAMERA),
                    List.of(Argument.integer("preset", true, 0, 15, "preset number 0..15")),
                    List.of("camera recall <preset>"),
                    "Move to a stored preset; done when the move has ended."),
            new Action(
                    "camera.save",
                    Optional.of(CAMERA),
                    List.of(Argument.integer("preset", true, 0, 15, "preset number 0..15")),
                    List.of("camera save <preset>"),
                    "Store the current position as a preset."),
            new Action(
                    "camera.move",
                    Optional.of(CAMERA),
                    List.of(
                            Argument.choice("direction", true, DIRECTIONS, "where to turn"),
                            Argument.integer("speed", false, 1, 24, "1 (slow) .. 24 (fast), default 8")),
                    List.of("camera move <direction> [speed]"),
                    "Start turning; keeps moving until camera.stop."),
            new Action("camera.stop", Optional.of(CAMERA), List.of(), List.of("camera stop"), "Stop turning."),
            new Action(
                    "camera.zoom",
                    Optional.of(CAMERA),
                    List.of(
                            Argument.choice("direction", false, List.of("in", "out", "stop"), "in, out or stop"),
                            Argument.integer("position", false, 0, 16384, "absolute zoom, 0 (wide) .. 16384 (tele)"),
                            Argument.integer("speed", false, 0, 7, "0 (slow) .. 7 (fast)")),
                    List.of("camera zoom <direction> [speed]", "camera zoom to <position>"),
                    "Zoom in or out until stopped, stop zooming, or zoom to a position.",
                    List.of("direction", "position")),
            new Action(
                    "camera.home",
                    Optional.of(CAMERA),
                    List.of(),
                    List.of("camera home"),
                    "Move to the home position."),
            new Action(
                    "doccam.power",
                    Optional.of(DOCCAM),
                    List.of(Argument.onOff("on", "on or off")),
                    List.of("doccam power <on>", "doccam <on>"),
                    "Switch the document camera on or off."),
            new Action(
                    "display.power",
                    Optional.of(DISPLAY),
                    List.of(Argument.onOff("on", "on or off")),
                    List.of("display power <on>", "display <on>"),
                    "Switch the display on or off."),
            new Action(
                    "display.input",
                    Optional.of(DISPLAY),
                    List.of(Argument.text(
                            "input", true, "hdmi1, rgb1, video1, storage1, network1 or a PJLink code such as 31")),
                    List.of("display input <input>"),
                    "Select the display's input."),
            new Action(
                    "display.mute",
                    Optional.of(DISPLAY),
                    List.of(Argument.onOff("on", "on (picture and sound off) or off")),
                    List.of("display mute <on>"),
                    "Blank picture and sound, or restore them."),
            new Action(
                    "room.refresh",
                    Optional.empty(),
                    List.of(),
                    List.of("room refresh", "refresh"),
                    "Read every device again and publish the room's state."),
            new Action(
                    "room.shutdown",
                    Optional.empty(),
                    List.of(),
                    List.of("room shutdown", "shutdown"),
                    "End the meeting: hang up and switch everything off."));

    private static final Map<String, Action> BY_NAME = Collections.unmodifiableMap(
            ALL.stream().collect(Collectors.toMap(Action::name, a -> a, (a, b) -> a, LinkedHashMap::new)));

    private Actions() {}

    public static Optional<Action> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
