package org.roomctl.agent.xapi;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/** The commands the driver sends, built from room-level intents. Pure. */
public final class XapiCommands {
    /** Feedback the driver registers for: call status pushes and the call events. */
    public static final java.util.List<String> FEEDBACK_PATHS =
            java.util.List.of("/Status/Call", "/Event/CallDisconnect", "/Event/CallSuccessful");

    private XapiCommands() {}

    /** {@code xCommand Dial Number: "uri"}. */
    public static XapiCommand dial(String uri) {
        return new XapiCommand(
                "xCommand Dial Number: " + quote(uri, "number to dial"), XapiCommand.Verb.COMMAND, "dial");
    }

    /** {@code xCommand Call Accept}, for one call when its id is known. */
    public static XapiCommand accept(OptionalInt callId) {
        return new XapiCommand(withCallId("xCommand Call Accept", callId), XapiCommand.Verb.COMMAND, "accept");
    }

    /** {@code xCommand Call Disconnect}: one call when its id is given, otherwise every call. */
    public static XapiCommand disconnect(OptionalInt callId) {
        return new XapiCommand(withCallId("xCommand Call Disconnect", callId), XapiCommand.Verb.COMMAND, "hang up");
    }

    /** {@code xStatus Call}: every call the codec has. */
    public static XapiCommand callStatus() {
        return new XapiCommand("xStatus Call", XapiCommand.Verb.STATUS, "call status");
    }

    /** {@code xFeedback Register <path>}. */
    public static XapiCommand registerFeedback(String path) {
        if (!path.matches("/[A-Za-z0-9/]+")) {
            throw new IllegalArgumentException("feedback path '" + path + "' is not an xAPI path such as /Status/Call");
        }
        return new XapiCommand("xFeedback Register " + path, XapiCommand.Verb.FEEDBACK, "feedback " + path);
    }

    /** {@code echo off}, the usual way to stop the terminal echoing our input. */
    public static XapiCommand echoOff() {
        return new XapiCommand("echo off", XapiCommand.Verb.PLAIN, "echo off");
    }

    /** {@code xPreferences Echo Off}, for firmware that does not know {@code echo off}. */
    public static XapiCommand preferencesEchoOff() {
        return new XapiCommand("xPreferences Echo Off", XapiCommand.Verb.PLAIN, "echo off");
    }

    /** A login answer (user name or password) as typed: the text and a line ending. */
    public static byte[] loginLine(String text) {
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("login text contains a control character");
        }
        return (text + XapiCommand.EOL).getBytes(StandardCharsets.UTF_8);
    }

    /** A bare line ending: makes a codec waiting at its login prompt print the prompt again. */
    public static byte[] wake() {
        return XapiCommand.EOL.getBytes(StandardCharsets.UTF_8);
    }

    private static String withCallId(String text, OptionalInt callId) {
        return callId.isPresent() ? text + " CallId: " + callId.getAsInt() : text;
    }

    /** A quoted argument; the terminal has no escape for a quote or a line break, so those are refused. */
    private static String quote(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '|' || c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + " '" + value.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a character the terminal cannot take ("
                        + (c < 0x20 || c == 0x7f ? "a control character" : "'" + c + "'") + ")");
            }
        }
        return "\"" + value.strip() + "\"";
    }
}
