package org.roomctl.agent.xapi;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One line the driver types into the codec's terminal, and what kind of answer it gets.
 *
 * @param text the command line without line ending or result tag
 * @param verb what kind of command it is, which decides the shape of its answer
 * @param what a short description for messages, for example "dial"
 */
public record XapiCommand(String text, Verb verb, String what) {

    /** The kinds of command; all but {@link #PLAIN} are answered by a block and OK/ERROR. */
    public enum Verb {
        /** {@code xCommand}: a block of {@code *r} lines (OK before or after it). */
        COMMAND,
        /** {@code xStatus}: a block of {@code *s} lines. */
        STATUS,
        /** {@code xFeedback}: an empty block. */
        FEEDBACK,
        /** {@code xConfiguration}: a block of {@code *c} lines, or an empty one when set. */
        CONFIGURATION,
        /** A terminal command such as {@code echo off}: OK alone, never tagged. */
        PLAIN
    }

    /**
     * Line ending of everything the driver types: LF alone, the line break Cisco's own guides use.
     * A CRLF would reach the terminal as two line ends through a pseudo-terminal that maps CR to
     * LF, and at a login prompt the second one would be taken for an empty password.
     */
    public static final String EOL = "\n";

    /** Whether the answer holds a block ending in {@code ** end}. */
    public boolean expectsBlock() {
        return verb != Verb.PLAIN;
    }

    /** Whether this command may carry a {@code | resultId="..."} tag. */
    public boolean taggable() {
        return verb != Verb.PLAIN;
    }

    /** The bytes to send, tagged with {@code resultId} when given. */
    public byte[] encode(Optional<String> resultId) {
        String line = resultId.filter(id -> taggable())
                .map(id -> text + " | resultId=\"" + id + "\"")
                .orElse(text);
        return (line + EOL).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text;
    }
}
