package org.roomctl.contract.config;

import java.util.Objects;

/**
 * A secret value (a password) read from the environment. It never prints itself, so a config or
 * a log line cannot leak it by accident.
 */
public final class Secret {
    private final String variable;
    private final String value;

    public Secret(String variable, String value) {
        this.variable = Objects.requireNonNull(variable);
        this.value = Objects.requireNonNull(value);
    }

    /** The environment variable the secret came from. */
    public String variable() {
        return variable;
    }

    /** The secret itself: hand it to the device, never to a log. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "${" + variable + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.variable.equals(variable) && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(variable, value);
    }
}
