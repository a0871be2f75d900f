package org.roomctl.panel.view;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.roomctl.contract.ErrorCode;

/**
 * What the panel says, in plain words for someone in a hurry: no protocol names, no error codes.
 * Every sentence the panel shows about a device or a failed action comes from here.
 */
public final class Words {
    private static final Map<String, String> LABELS = Map.of(
            "camera", "Camera",
            "doccam", "Document camera",
            "display", "Display",
            "codec", "Video system",
            "call", "Video system",
            "room", "The room");

    private static final Map<String, String> OFFLINE = Map.of(
            "camera", "Camera is offline: check that it is powered and plugged in",
            "doccam", "Document camera is offline: check that it is powered and plugged in",
            "display", "Display is offline: check that it is powered and plugged in",
            "codec", "Video system is offline: calls are not possible until it is back");

    private Words() {}

    /** A device role as people call it: {@code doccam} is "Document camera". */
    public static String label(String role) {
        return LABELS.getOrDefault(role, role);
    }

    /** Why a device does nothing when it is offline, and what to check. */
    public static String offline(String role) {
        return OFFLINE.getOrDefault(role, label(role) + " is offline");
    }

    /** A device that answers but reports a problem. */
    public static String degraded(String role) {
        return label(role) + " reports a problem: it may not work as expected";
    }

    /** The whole room cannot be reached: its room agent is offline. */
    public static String roomOffline() {
        return "This room's controller is offline, so the panel cannot change anything."
                + " Ask for help if it does not come back.";
    }

    /** This app has lost the bus: what it shows may be out of date. */
    public static String busDown() {
        return "The panel has lost contact with the rooms: what it shows may be out of date."
                + " It reconnects by itself.";
    }

    /** No answer from the room within the time a button waits. */
    public static String noAnswer(Duration timeout) {
        return "The room did not answer within " + seconds(timeout) + ": it may be busy or offline. Try again.";
    }

    /**
     * A device command the room refused or could not do, from its reply. The room's own message
     * is read for what it says (warming up, standby) but not shown: it names protocols; it is logged.
     */
    public static String failure(String role, ErrorCode code, String message) {
        String label = label(role);
        String detail = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return switch (code == null ? ErrorCode.INTERNAL : code) {
            case DEVICE_OFFLINE -> offline(role);
            case BUSY -> busy(label, detail);
            case TIMEOUT -> label + " did not finish in time: try again";
            case DEVICE_ERROR -> label + " could not do it: it reports a fault. Ask for help if it happens again";
            case NO_SUCH_DEVICE -> "This room has no " + label.toLowerCase(Locale.ROOT);
            case EXPIRED -> "The room was too slow to take it: try again";
            case BAD_REQUEST -> "That choice does not work in this room";
            case UNKNOWN_ACTION -> "This room's controller cannot do that yet: it may need an update";
            case INTERNAL -> "The room's controller hit a problem: ask for help if it happens again";
        };
    }

    private static String busy(String label, String detail) {
        if (detail.contains("warm")) {
            return label + " is warming up: try again in a few seconds";
        }
        if (detail.contains("cool")) {
            return label + " is cooling down: try again in a few seconds";
        }
        if (detail.contains("standby")) {
            return label + " is off: turn it on first";
        }
        return label + " is busy: try again in a moment";
    }

    /** A power state as people say it. */
    public static String power(String role, Object power) {
        String p = power == null ? "" : power.toString().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "on", "true" -> "On";
            case "off", "false" -> "Off";
            case "standby" -> "Off (standby)";
            case "warming", "warming up" -> "Warming up";
            case "cooling", "cooling down" -> "Cooling down";
            case "" -> "Not known yet";
            default -> p.substring(0, 1).toUpperCase(Locale.ROOT) + p.substring(1);
        };
    }

    /** A display input as it is labelled on the wall plate: {@code hdmi1} is "HDMI 1". */
    public static String input(Object input) {
        if (input == null) {
            return "Not known yet";
        }
        String i = input.toString().toLowerCase(Locale.ROOT);
        var m = java.util.regex.Pattern.compile("(hdmi|rgb|video|storage|network)([1-9])")
                .matcher(i);
        if (!m.matches()) {
            return "Input " + input;
        }
        String kind =
                switch (m.group(1)) {
                    case "hdmi" -> "HDMI";
                    case "rgb" -> "Computer";
                    case "video" -> "Video";
                    case "storage" -> "USB";
                    default -> "Network";
                };
        return kind + " " + m.group(2);
    }

    /** A duration as a call timer: 12:34, or 1:02:03 past an hour. */
    public static String timer(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    static String seconds(Duration d) {
        long s = d.toSeconds();
        return s == 1 ? "1 second" : s + " seconds";
    }
}
