package org.roomctl.agent.xapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of terminal-mode xAPI output. Pure and stateless: every line, however malformed,
 * becomes a record ({@link XapiRecord.Garbage} with a precise reason when it cannot be read).
 */
public final class XapiParser {
    private static final Pattern RESULT_ID = Pattern.compile("(?i)\\*\\*\\s*resultId\\s*[:=]?\\s*\"?([^\"]*)\"?\\s*");
    private static final Pattern LOGIN_PROMPT = Pattern.compile("(?i)(\\S+\\s+)?login:");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z][\\w.-]*):(?:\\s+(.*))?");
    /** The commands this driver types, as the codec echoes them back. */
    private static final Pattern ECHO = Pattern.compile(
            "(?i)(x(command|status|feedback|configuration|preferences|event|getxml)\\b|echo\\s+o(n|ff)\\b).*");

    /** Reads {@code line} (without its line ending). */
    public XapiRecord parse(String line) {
        boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
        String text = line.strip();
        if (text.isEmpty()) {
            return new XapiRecord.Text("");
        }
        if (text.startsWith("**")) {
            return parseFooter(line, text);
        }
        if (text.startsWith("*")) {
            return parseEntry(line, text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "ok":
                return new XapiRecord.Terminator(true);
            case "error":
                return new XapiRecord.Terminator(false);
            case "command not recognized.", "command not recognized":
                return new XapiRecord.NotRecognized();
            case "password:":
                return new XapiRecord.PasswordPrompt();
            case "login incorrect":
                return new XapiRecord.LoginIncorrect();
            default:
                break;
        }
        if (LOGIN_PROMPT.matcher(text).matches()) {
            return new XapiRecord.LoginPrompt();
        }
        if (ECHO.matcher(text).matches()) {
            return new XapiRecord.Echo(text);
        }
        if (indented) {
            Matcher m = FIELD.matcher(text);
            if (m.matches()) {
                return new XapiRecord.Field(
                        m.group(1), unquote(m.group(2) == null ? "" : m.group(2).strip()));
            }
        }
        return new XapiRecord.Text(text);
    }

    private static XapiRecord parseFooter(String line, String text) {
        String rest = text.substring(2).strip();
        if (rest.toLowerCase(Locale.ROOT).startsWith("end")) {
            return new XapiRecord.End();
        }
        Matcher m = RESULT_ID.matcher(text);
        if (m.matches()) {
            return new XapiRecord.ResultId(m.group(1));
        }
        return new XapiRecord.Garbage(line, "unknown '**' line: expected '** end' or '** resultId: \"id\"'");
    }

    private static XapiRecord parseEntry(String line, String text) {
        if (text.length() < 2) {
            return new XapiRecord.Garbage(line, "'*' without a kind letter");
        }
        XapiRecord.Kind kind =
                switch (text.charAt(1)) {
                    case 's' -> XapiRecord.Kind.STATUS;
                    case 'r' -> XapiRecord.Kind.RESULT;
                    case 'e' -> XapiRecord.Kind.EVENT;
                    case 'c' -> XapiRecord.Kind.CONFIGURATION;
                    default -> null;
                };
        if (kind == null) {
            return new XapiRecord.Garbage(line, "unknown kind '*" + text.charAt(1) + "': expected *s, *r, *e or *c");
        }
        if (text.length() > 2 && !Character.isWhitespace(text.charAt(2))) {
            return new XapiRecord.Garbage(line, "no space after '*" + text.charAt(1) + "'");
        }
        String body = text.substring(2).strip();
        if (body.isEmpty()) {
            return new XapiRecord.Garbage(line, "'*" + text.charAt(1) + "' with nothing after it");
        }
        if (kind == XapiRecord.Kind.RESULT && body.equalsIgnoreCase("login successful")) {
            return new XapiRecord.LoginSuccessful();
        }
        try {
            return readEntry(kind, body);
        } catch (IllegalArgumentException e) {
            return new XapiRecord.Garbage(line, e.getMessage());
        }
    }

    /** path words, then an optional {@code (attributes)}, then {@code Name: value} fields. */
    private static XapiRecord.Entry readEntry(XapiRecord.Kind kind, String body) {
        List<String> path = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            i = skipSpaces(body, i);
            if (i >= n) {
                break;
            }
            char c = body.charAt(i);
            if (c == '(') {
                int close = body.indexOf(')', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'(' of the attributes is never closed");
                }
                readAttributes(body.substring(i + 1, close), attributes);
                i = close + 1;
                if (i < n && body.charAt(i) == ':') {
                    i++;
                }
                continue;
            }
            if (c == '"') {
                throw new IllegalArgumentException("quoted text at column " + i + " before any field name");
            }
            int end = tokenEnd(body, i);
            String word = body.substring(i, end);
            i = end;
            if (word.endsWith(":") && word.length() > 1) {
                readFields(kind, word.substring(0, word.length() - 1), body, i, fields);
                break;
            }
            path.add(word);
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("no path before the fields");
        }
        return new XapiRecord.Entry(kind, path, attributes, fields);
    }

    /**
     * The value of a status, result or configuration line is the rest of the line. An event may
     * carry several {@code Name: value} pairs on one line ({@code *e CallDisconnect CallId: 3
     * CauseValue: 0 ...}).
     */
    private static void readFields(
            XapiRecord.Kind kind, String first, String body, int from, Map<String, String> fields) {
        if (kind != XapiRecord.Kind.EVENT) {
            fields.put(first, unquote(body.substring(from).strip()));
            return;
        }
        String name = first;
        StringBuilder value = new StringBuilder();
        int i = from;
        int n = body.length();
        while (true) {
            i = skipSpaces(body, i);
            if (i >= n) {
                fields.put(name, unquote(value.toString()));
                return;
            }
            int start = i;
            i = tokenEnd(body, start);
            String word = body.substring(start, i);
            if (body.charAt(start) != '"' && word.endsWith(":") && word.length() > 1) {
                fields.put(name, unquote(value.toString()));
                name = word.substring(0, word.length() - 1);
                value.setLength(0);
            } else {
                if (value.length() > 0) {
                    value.append(' ');
                }
                value.append(word);
            }
        }
    }

    private static void readAttributes(String inside, Map<String, String> attributes) {
        for (String part : inside.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("attribute '" + part + "' is not name=value");
            }
            attributes.put(part.substring(0, eq), unquote(part.substring(eq + 1)));
        }
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** End of a word, or of a quoted string (quotes and backslash escapes kept for unquote). */
    private static int tokenEnd(String s, int i) {
        if (s.charAt(i) == '"') {
            int j = i + 1;
            while (j < s.length()) {
                char c = s.charAt(j);
                if (c == '\\' && j + 1 < s.length()) {
                    j += 2;
                } else if (c == '"') {
                    return j + 1;
                } else {
                    j++;
                }
            }
            throw new IllegalArgumentException("quoted value starting at column " + i + " is never closed");
        }
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Removes surrounding double quotes and undoes backslash escapes inside them. */
    static String unquote(String v) {
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            StringBuilder out = new StringBuilder(v.length());
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    c = v.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return v;
    }
}
