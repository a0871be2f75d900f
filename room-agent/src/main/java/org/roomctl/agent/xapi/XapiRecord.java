package org.roomctl.agent.xapi;

import java.util.List;
import java.util.Map;

/**
 * One thing the codec said. {@link XapiParser} turns a line into a record; {@link XapiDecoder}
 * gathers the block parts ({@link Entry}, {@link Field}, {@link ResultId}, {@link End}) into an
 * {@link XapiBlock} and passes every other record through.
 */
public sealed interface XapiRecord {

    /** The kind of an output line, from its marker. */
    enum Kind {
        /** {@code *s}: a status value. */
        STATUS,
        /** {@code *r}: part of a command result. */
        RESULT,
        /** {@code *e}: an event. */
        EVENT,
        /** {@code *c}: a configuration value. */
        CONFIGURATION
    }

    /**
     * An output line such as {@code *s Call 3 Status: Connected}: path {@code [Call, 3]}, fields
     * {@code {Status=Connected}}. {@code *r DialResult (status=OK):} has attributes
     * {@code {status=OK}} and no fields. An event may carry several fields on one line.
     *
     * @param path the words before the first field name
     * @param attributes what stood in parentheses, for example {@code ghost=True}
     * @param fields field names and their values, quotes removed, in line order
     */
    record Entry(Kind kind, List<String> path, Map<String, String> attributes, Map<String, String> fields)
            implements XapiRecord {
        public Entry {
            path = List.copyOf(path);
            attributes = Map.copyOf(attributes);
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        /** The value of field {@code name}, or null. */
        public String field(String name) {
            return fields.get(name);
        }
    }

    /** An indented {@code Name: value} line continuing the result above it (some firmware). */
    record Field(String name, String value) implements XapiRecord {}

    /** {@code ** resultId: "7"}: the block answers the request tagged 7. */
    record ResultId(String id) implements XapiRecord {}

    /** {@code ** end}: the end of a block. */
    record End() implements XapiRecord {}

    /** A completed block: what came between the previous block and {@code ** end}. */
    record Block(XapiBlock block) implements XapiRecord {}

    /** {@code OK} ({@code ok} true) or {@code ERROR}: the end of a command's answer. */
    record Terminator(boolean ok) implements XapiRecord {}

    /** {@code Command not recognized.}: the codec does not know the command it was given. */
    record NotRecognized() implements XapiRecord {}

    /** The {@code login:} prompt. */
    record LoginPrompt() implements XapiRecord {}

    /** The {@code Password:} prompt. */
    record PasswordPrompt() implements XapiRecord {}

    /** {@code Login incorrect}. */
    record LoginIncorrect() implements XapiRecord {}

    /** {@code *r Login successful}, printed by some firmware after the banner. */
    record LoginSuccessful() implements XapiRecord {}

    /** Our own input coming back while echo is on. */
    record Echo(String text) implements XapiRecord {}

    /** Any other text: a banner, a help line. */
    record Text(String text) implements XapiRecord {}

    /** A line that claims to be output but cannot be read; {@code why} says what is wrong. */
    record Garbage(String line, String why) implements XapiRecord {}
}
