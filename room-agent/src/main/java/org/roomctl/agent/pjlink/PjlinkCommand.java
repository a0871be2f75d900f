package org.roomctl.agent.pjlink;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One class 1 command: {@code %1CMD parameter}, a query when the parameter is {@code ?}.
 *
 * @param name the four-letter command, for example {@code POWR}
 * @param parameter for example {@code 1}, {@code 31} or {@code ?}
 */
public record PjlinkCommand(String name, String parameter) {
    /** Longest parameter class 1 allows. */
    public static final int MAX_PARAMETER = 128;

    public PjlinkCommand {
        if (name == null || !name.matches("[A-Z0-9]{4}")) {
            throw new IllegalArgumentException("PJLink command '" + name + "' is not 4 upper-case letters or digits");
        }
        if (parameter == null || parameter.isEmpty() || parameter.length() > MAX_PARAMETER) {
            throw new IllegalArgumentException(name + " parameter must be 1.." + MAX_PARAMETER + " characters");
        }
        if (!parameter.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(name + " parameter must be printable ASCII");
        }
    }

    /** {@code %1CMD ?}. */
    public static PjlinkCommand query(String name) {
        return new PjlinkCommand(name, "?");
    }

    /** Whether the parameter is {@code ?}. */
    public boolean isQuery() {
        return parameter.equals("?");
    }

    /** The bytes to send: the digest first when the connection is authenticated, then the command and CR. */
    public byte[] encode(Optional<String> digest) {
        return (digest.orElse("") + "%1" + name + " " + parameter + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return name + " " + parameter;
    }
}
