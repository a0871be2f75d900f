package org.roomctl.contract.config;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} references in config values, resolved from the
 * environment (or any lookup a caller supplies, such as the demo's own settings).
 */
public final class Variables {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(:-([^}]*))?}");

    /** Environment variables first, then Java system properties of the same name. */
    public static final Function<String, String> ENVIRONMENT = name -> {
        String v = System.getenv(name);
        return v != null ? v : System.getProperty(name);
    };

    private Variables() {}

    /** A reference that could not be resolved. */
    public static class UnsetVariableException extends Exception {
        private final String variable;

        UnsetVariableException(String variable) {
            super("environment variable " + variable + " is not set");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    /** Replaces every reference in {@code value}. */
    public static String substitute(String value, Function<String, String> lookup) throws UnsetVariableException {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved = lookup.apply(m.group(1));
            if (resolved == null) {
                if (m.group(2) == null) {
                    throw new UnsetVariableException(m.group(1));
                }
                resolved = m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * If {@code value} is exactly one reference without a default, the variable's name; secrets
     * must be given this way so that they live in the environment, never in the file.
     */
    public static String soleReference(String value) {
        Matcher m = REFERENCE.matcher(value.trim());
        return m.matches() && m.group(2) == null ? m.group(1) : null;
    }
}
