package org.roomctl.contract.command;

import java.util.List;
import java.util.Locale;

/**
 * One argument of an action: its name, type, and whether it is required. Validation and
 * normalisation happen here, the same for the JSON and the text form of a command.
 */
public record Argument(String name, Type type, boolean required, int min, int max, List<String> choices, String help) {

    public enum Type {
        /** Non-empty text without line breaks. */
        TEXT,
        /** A whole number in [min, max]. */
        INTEGER,
        /** on/off, true/false, 1/0; normalised to a Boolean. */
        ON_OFF,
        /** One of {@link #choices()}, lowercase. */
        CHOICE,
        /** A whole number of seconds in [min, max]. */
        SECONDS
    }

    public Argument {
        choices = List.copyOf(choices);
    }

    public static Argument text(String name, boolean required, String help) {
        return new Argument(name, Type.TEXT, required, 0, 0, List.of(), help);
    }

    public static Argument integer(String name, boolean required, int min, int max, String help) {
        return new Argument(name, Type.INTEGER, required, min, max, List.of(), help);
    }

    public static Argument onOff(String name, String help) {
        return new Argument(name, Type.ON_OFF, true, 0, 0, List.of(), help);
    }

    public static Argument choice(String name, boolean required, List<String> choices, String help) {
        return new Argument(name, Type.CHOICE, required, 0, 0, choices, help);
    }

    public static Argument seconds(String name, int min, int max, String help) {
        return new Argument(name, Type.SECONDS, false, min, max, List.of(), help);
    }

    /**
     * Checks and normalises a value given as JSON (String, Number, Boolean) or as a text token.
     *
     * @return the value as Integer, Boolean or String
     * @throws IllegalArgumentException saying what is wrong, naming the argument
     */
    public Object normalise(Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return switch (type) {
            case TEXT -> {
                if (!(value instanceof String s) || s.isBlank() || s.contains("\n") || s.contains("\r")) {
                    throw new IllegalArgumentException(name + " must be non-empty text on one line");
                }
                yield s.strip();
            }
            case INTEGER, SECONDS -> {
                long v;
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    v = n.longValue();
                } else if (value instanceof String s && s.strip().matches("-?\\d{1,10}")) {
                    v = Long.parseLong(s.strip());
                } else {
                    throw new IllegalArgumentException(name + " must be a whole number, not " + describe(value));
                }
                if (v < min || v > max) {
                    throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", not " + v);
                }
                yield (int) v;
            }
            case ON_OFF -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                String s = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
                yield switch (s) {
                    case "on", "true", "1", "yes" -> Boolean.TRUE;
                    case "off", "false", "0", "no" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException(name + " must be on or off, not " + describe(value));
                };
            }
            case CHOICE -> {
                String s = value instanceof String str ? str.strip().toLowerCase(Locale.ROOT) : null;
                if (s == null || !choices.contains(s)) {
                    throw new IllegalArgumentException(
                            name + " must be one of " + String.join(", ", choices) + ", not " + describe(value));
                }
                yield s;
            }
        };
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /** How the argument appears in a text form: {@code <preset>} or {@code [speed]}. */
    public String placeholder() {
        return required ? "<" + name + ">" : "[" + name + "]";
    }
}
