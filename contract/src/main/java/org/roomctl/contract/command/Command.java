package org.roomctl.contract.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A validated command for a room agent.
 *
 * @param action the action's name, for example {@code camera.recall}
 * @param arguments validated arguments: Integer, Boolean or String values
 * @param id the sender's id for the command, echoed in the reply (optional)
 * @param device a device id to address instead of every device of the action's role (optional)
 * @param by who asked, for logs and the bus record, for example {@code panel:sydney-harbour} (optional)
 */
public record Command(String action, Map<String, Object> arguments, String id, String device, String by) {
    public Command {
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * Builds and validates a command, as the apps do before sending one.
     *
     * @throws BadCommandException if the action is unknown or an argument is wrong
     */
    public static Command of(String action, Map<String, ?> arguments) throws BadCommandException {
        Map<String, Object> fields = new LinkedHashMap<>(arguments);
        fields.put("action", action);
        return CommandParser.fromFields(fields);
    }

    public Action spec() {
        return Actions.byName(action).orElseThrow();
    }

    public Optional<Object> argument(String name) {
        return Optional.ofNullable(arguments.get(name));
    }

    public int integer(String name, int dflt) {
        Object v = arguments.get(name);
        return v == null ? dflt : (Integer) v;
    }

    public boolean on() {
        return (Boolean) arguments.get("on");
    }

    public String text(String name) {
        return (String) arguments.get(name);
    }

    /** The same command with an id (and who asked). */
    public Command withId(String newId, String newBy) {
        return new Command(action, arguments, newId, device, newBy);
    }

    /** The JSON form: {@code {"action": "...", ...arguments, "id": "..."}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", action);
        json.putAll(arguments);
        if (id != null) {
            json.put("id", id);
        }
        if (device != null) {
            json.put("device", device);
        }
        if (by != null) {
            json.put("by", by);
        }
        return json;
    }

    /** The canonical text form, for logs and people: {@code camera recall 2}. */
    public String toText() {
        String form = spec().textForms().stream()
                .filter(f -> placeholdersIn(f).keySet().containsAll(arguments.keySet()))
                .findFirst()
                .orElse(spec().textForms().get(0));
        StringBuilder sb = new StringBuilder();
        for (String word : form.split(" ")) {
            if (word.startsWith("<") || word.startsWith("[")) {
                Object v = arguments.get(word.substring(1, word.length() - 1));
                if (v != null) {
                    sb.append(' ').append(render(v));
                }
            } else {
                sb.append(sb.isEmpty() ? "" : " ").append(word);
            }
        }
        arguments.entrySet().stream()
                .filter(e -> !placeholdersIn(form).containsKey(e.getKey()))
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(render(e.getValue())));
        if (device != null) {
            sb.append(" device=").append(device);
        }
        if (id != null) {
            sb.append(" id=").append(quoteIfNeeded(id));
        }
        return sb.toString();
    }

    private static Map<String, String> placeholdersIn(String form) {
        return java.util.Arrays.stream(form.split(" "))
                .filter(w -> w.startsWith("<") || w.startsWith("["))
                .map(w -> w.substring(1, w.length() - 1))
                .collect(Collectors.toMap(w -> w, w -> w, (a, b) -> a, LinkedHashMap::new));
    }

    private static String render(Object v) {
        if (v instanceof Boolean b) {
            return b ? "on" : "off";
        }
        return quoteIfNeeded(String.valueOf(v));
    }

    private static String quoteIfNeeded(String s) {
        return s.isEmpty() || s.chars().anyMatch(c -> c == ' ' || c == '"') ? '"' + s.replace("\"", "\\\"") + '"' : s;
    }
}
