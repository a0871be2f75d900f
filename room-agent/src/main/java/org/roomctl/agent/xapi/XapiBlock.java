package org.roomctl.agent.xapi;

import java.util.List;
import java.util.Optional;

/**
 * The output lines of one reply or one feedback push, up to {@code ** end}.
 *
 * @param entries the {@code *s}, {@code *r}, {@code *e} and {@code *c} lines, in order (indented
 *     continuation fields are folded into the result line above them)
 * @param resultId the id of the request it answers, when the codec tagged it
 */
public record XapiBlock(List<XapiRecord.Entry> entries, Optional<String> resultId) {
    public XapiBlock {
        entries = List.copyOf(entries);
    }

    /** Whether some line is of this kind. */
    public boolean has(XapiRecord.Kind kind) {
        return entries.stream().anyMatch(e -> e.kind() == kind);
    }

    /** Whether every line is of this kind (false for an empty block). */
    public boolean only(XapiRecord.Kind kind) {
        return !entries.isEmpty() && entries.stream().allMatch(e -> e.kind() == kind);
    }

    /** Whether a result line says {@code (status=Error)}. */
    public boolean failed() {
        return entries.stream()
                .anyMatch(e -> e.kind() == XapiRecord.Kind.RESULT
                        && "error".equalsIgnoreCase(e.attributes().get("status")));
    }

    /** The first value of result field {@code name} ({@code CallId}, {@code Reason}...). */
    public Optional<String> resultField(String name) {
        return entries.stream()
                .filter(e -> e.kind() == XapiRecord.Kind.RESULT && e.fields().containsKey(name))
                .map(e -> e.field(name))
                .findFirst();
    }
}
