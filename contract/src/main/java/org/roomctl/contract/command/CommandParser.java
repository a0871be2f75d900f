package org.roomctl.contract.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.Json;

/**
 * Reads a command payload: a JSON object {@code {"action": "camera.recall", "preset": 2, "id": "x"}}
 * or one line of text {@code camera recall 2 id=x}. Every failure is a {@link BadCommandException}
 * with a reason fit for the error reply; nothing else escapes.
 */
public final class CommandParser {
    /** Larger payloads are refused before parsing. */
    public static final int MAX_PAYLOAD = 16 * 1024;

    private static final Set<String> ENVELOPE = Set.of("action", "id", "device", "by");
    private static final Pattern DEVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int MAX_ID = 128;

    private CommandParser() {}

    public static Command parse(byte[] payload) throws BadCommandException {
        if (payload == null || payload.length == 0) {
            throw bad("empty command; send JSON such as {\"action\":\"room.refresh\"} or text such as 'refresh'", null);
        }
        if (payload.length > MAX_PAYLOAD) {
            throw bad("command of " + payload.length + " bytes is larger than " + MAX_PAYLOAD, null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad("command is not UTF-8 text", null);
        }
        String trimmed = text.strip();
        return trimmed.startsWith("{") ? parseJson(trimmed) : parseText(trimmed);
    }

    // ---- JSON ----

    private static Command parseJson(String text) throws BadCommandException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw bad("not valid JSON: " + e.getOriginalMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw bad("a JSON command must be an object", null);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            Object value;
            if (v.isTextual()) {
                value = v.textValue();
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                value = v.longValue();
            } else if (v.isNumber()) {
                value = v.doubleValue();
            } else if (v.isNull()) {
                continue;
            } else {
                fields.putIfAbsent(
                        "id", root.path("id").isTextual() ? root.path("id").textValue() : null);
                throw bad(
                        e.getKey() + " must be a single value, not " + (v.isArray() ? "a list" : "an object"),
                        idOf(root));
            }
            fields.put(e.getKey(), value);
        }
        return fromFields(fields);
    }

    private static String idOf(JsonNode root) {
        JsonNode id = root.path("id");
        return id.isTextual() || id.isNumber() ? id.asText() : null;
    }

    /** Validates envelope and arguments given as a map of field to value. */
    static Command fromFields(Map<String, Object> fields) throws BadCommandException {
        String id = envelopeText(fields, "id", null, MAX_ID);
        Object actionValue = fields.get("action");
        if (!(actionValue instanceof String actionName) || actionName.isBlank()) {
            throw bad("action is missing; for example {\"action\":\"camera.recall\",\"preset\":2}", id);
        }
        Action action = Actions.byName(actionName.strip())
                .orElseThrow(() ->
                        new BadCommandException(ErrorCode.UNKNOWN_ACTION, "unknown action '" + actionName + "'", id));
        String device = envelopeText(fields, "device", id, 63);
        if (device != null && !DEVICE_ID.matcher(device).matches()) {
            throw bad("device '" + device + "' is not a device id", id);
        }
        String by = envelopeText(fields, "by", id, 200);
        Map<String, Object> args = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (ENVELOPE.contains(e.getKey())) {
                continue;
            }
            Argument arg = action.argument(e.getKey())
                    .orElseThrow(() -> new BadCommandException(
                            ErrorCode.BAD_REQUEST,
                            action.name() + " takes no argument '" + e.getKey() + "'" + known(action),
                            id));
            try {
                args.put(arg.name(), arg.normalise(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw bad(action.name() + ": " + ex.getMessage(), id);
            }
        }
        check(action, args, id);
        return new Command(action.name(), args, id, device, by);
    }

    private static String envelopeText(Map<String, Object> fields, String name, String id, int max)
            throws BadCommandException {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        String s = v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue())
                : null;
        if (v instanceof String str) {
            s = str;
        }
        if (s == null || s.isBlank() || s.length() > max || s.contains("\n")) {
            throw bad(name + " must be text of 1.." + max + " characters", name.equals("id") ? null : id);
        }
        return s;
    }

    private static void check(Action action, Map<String, Object> args, String id) throws BadCommandException {
        for (Argument a : action.arguments()) {
            if (a.required() && !args.containsKey(a.name())) {
                throw bad(action.name() + ": " + a.name() + " is missing (" + a.help() + ")", id);
            }
        }
        if (!action.exactlyOneOf().isEmpty()) {
            long given =
                    action.exactlyOneOf().stream().filter(args::containsKey).count();
            if (given != 1) {
                throw bad(action.name() + " needs exactly one of " + String.join(", ", action.exactlyOneOf()), id);
            }
        }
    }

    private static String known(Action action) {
        if (action.arguments().isEmpty()) {
            return " (it takes none)";
        }
        return " (it takes "
                + String.join(
                        ", ", action.arguments().stream().map(Argument::name).toList()) + ")";
    }

    // ---- text ----

    private static Command parseText(String text) throws BadCommandException {
        if (text.contains("\n") || text.contains("\r")) {
            throw bad("a text command is one line", null);
        }
        List<String> tokens = tokens(text);
        Map<String, Object> named = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (String t : tokens) {
            int eq = t.indexOf('=');
            String key = eq > 0 ? t.substring(0, eq).toLowerCase(Locale.ROOT) : null;
            if (key != null && (ENVELOPE.contains(key) || isArgumentName(key))) {
                named.put(key, t.substring(eq + 1));
            } else {
                positional.add(t);
            }
        }
        String id = named.get("id") instanceof String s ? s : null;
        BadCommandException firstFailure = null;
        for (Action action : Actions.ALL) {
            for (String form : action.textForms()) {
                Map<String, Object> fields = match(form, positional);
                if (fields == null) {
                    continue;
                }
                fields.putAll(named);
                fields.put("action", action.name());
                try {
                    return fromFields(fields);
                } catch (BadCommandException e) {
                    if (firstFailure == null) {
                        firstFailure = new BadCommandException(
                                e.code(),
                                e.getMessage() + " (usage: " + String.join(" | ", action.textForms()) + ")",
                                e.id());
                    }
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        throw new BadCommandException(
                ErrorCode.UNKNOWN_ACTION,
                "unknown command '" + text
                        + "'; commands start with call, camera, doccam, display, refresh or shutdown",
                id);
    }

    private static boolean isArgumentName(String key) {
        return Actions.ALL.stream().anyMatch(a -> a.argument(key).isPresent());
    }

    /** Literal words must match in order; placeholders take the tokens after them. Null if no match. */
    private static Map<String, Object> match(String form, List<String> tokens) {
        String[] words = form.split(" ");
        Map<String, Object> fields = new LinkedHashMap<>();
        int t = 0;
        for (String w : words) {
            boolean placeholder = w.startsWith("<") || w.startsWith("[");
            if (!placeholder) {
                if (t >= tokens.size() || !tokens.get(t).equalsIgnoreCase(w)) {
                    return null;
                }
                t++;
            } else if (t < tokens.size()) {
                fields.put(w.substring(1, w.length() - 1), tokens.get(t++));
            }
        }
        return t == tokens.size() ? fields : null;
    }

    /** Splits on spaces; "double quotes" group words, with \" inside. */
    static List<String> tokens(String text) throws BadCommandException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || !cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw bad("unclosed quote in '" + text + "'", null);
        }
        if (any || !cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static BadCommandException bad(String message, String id) {
        return new BadCommandException(ErrorCode.BAD_REQUEST, message, id);
    }
}
