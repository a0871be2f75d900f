package org.roomctl.agent.pjlink;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One message from a PJLink display. {@link #parse} reads a line into one. */
public sealed interface PjlinkReply {

    /**
     * {@code PJLINK 0} (no authentication) or {@code PJLINK 1 <random>}.
     *
     * @param random the 8 hex digits to digest with the password, when authentication is on
     */
    record Greeting(Optional<String> random) implements PjlinkReply {
        /** Whether commands must carry a digest. */
        public boolean authenticated() {
            return random.isPresent();
        }
    }

    /** {@code PJLINK ERRA}: the digest (the password) was wrong. */
    record AuthError() implements PjlinkReply {}

    /**
     * {@code %1CMD=body}: the answer to command {@code CMD}.
     *
     * @param command the four-letter command, upper case
     * @param body what follows {@code =}: OK, ERR1..ERR4, or the queried value
     */
    record Response(char pjlinkClass, String command, String body) implements PjlinkReply {
        /** Whether the body is {@code OK}. */
        public boolean ok() {
            return body.equals("OK");
        }

        /** 1..4 for ERR1..ERR4, empty otherwise. */
        public OptionalInt error() {
            if (body.length() == 4 && body.startsWith("ERR") && body.charAt(3) >= '1' && body.charAt(3) <= '4') {
                return OptionalInt.of(body.charAt(3) - '0');
            }
            return OptionalInt.empty();
        }
    }

    /** A line that is not PJLink; {@code why} says what is wrong with it. */
    record Garbage(String line, String why) implements PjlinkReply {}

    Pattern RESPONSE = Pattern.compile("%([1-9])([A-Za-z0-9]{4})=(.*)");
    Pattern GREETING = Pattern.compile("(?i)PJLINK ([01])(?: (\\S+))?\\s*");

    /** Reads one line (without its CR). Never throws: what cannot be read is {@link Garbage}. */
    static PjlinkReply parse(String line) {
        String text = line.strip();
        if (text.regionMatches(true, 0, "PJLINK ", 0, 7)) {
            return greeting(line, text);
        }
        if (!text.startsWith("%")) {
            return new Garbage(line, "does not start with '%' or 'PJLINK '");
        }
        Matcher m = RESPONSE.matcher(text);
        if (!m.matches()) {
            if (text.length() < 7) {
                return new Garbage(line, "too short for %<class><4-letter command>=");
            }
            if (text.indexOf('=') != 6) {
                return new Garbage(line, "no '=' after the 4-letter command");
            }
            return new Garbage(line, "command name is not 4 letters or digits");
        }
        String body = m.group(3);
        if (body.equalsIgnoreCase("ERRA")) {
            return new AuthError();
        }
        return new Response(m.group(1).charAt(0), m.group(2).toUpperCase(Locale.ROOT), body.strip());
    }

    private static PjlinkReply greeting(String line, String text) {
        if (text.equalsIgnoreCase("PJLINK ERRA")) {
            return new AuthError();
        }
        Matcher m = GREETING.matcher(text);
        if (!m.matches()) {
            return new Garbage(line, "greeting is neither 'PJLINK 0', 'PJLINK 1 <8 hex digits>' nor 'PJLINK ERRA'");
        }
        String random = m.group(2);
        if (m.group(1).equals("0")) {
            return random == null
                    ? new Greeting(Optional.empty())
                    : new Garbage(line, "'PJLINK 0' (no authentication) followed by a random number");
        }
        if (random == null) {
            return new Garbage(line, "'PJLINK 1' (authentication) without its random number");
        }
        if (!random.matches("[0-9A-Fa-f]{8}")) {
            return new Garbage(line, "authentication random '" + random + "' is not 8 hex digits");
        }
        return new Greeting(Optional.of(random));
    }
}
