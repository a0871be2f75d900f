package org.roomctl.sim.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command line of the xAPI terminal, split into its path words and its {@code Name: value}
 * parameters, with an optional {@code | resultId="ID"} tag taken off the end.
 *
 * <pre>
 * xCommand Dial Number: "sip:room-b@example.org" | resultId="7"
 *   path [xCommand, Dial], params {Number=sip:room-b@example.org}, resultId 7
 * </pre>
 *
 * Words and parameter names compare without regard to case, as the codec's own parser does.
 */
record XapiRequest(List<String> path, Map<String, String> params, String resultId) {
    private static final Pattern RESULT_ID = Pattern.compile("\\|\\s*resultId\\s*=\\s*\"([^\"]*)\"\\s*$");

    static XapiRequest parse(String line) {
        String text = line.strip();
        String resultId = null;
        Matcher m = RESULT_ID.matcher(text);
        if (m.find()) {
            resultId = m.group(1);
            text = text.substring(0, m.start()).strip();
        }
        List<String> path = new ArrayList<>();
        Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Token> tokens = tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.quoted() && t.text().endsWith(":") && t.text().length() > 1) {
                String value = i + 1 < tokens.size() ? tokens.get(++i).text() : "";
                params.put(t.text().substring(0, t.text().length() - 1), value);
            } else if (params.isEmpty()) {
                path.add(t.text());
            }
        }
        return new XapiRequest(List.copyOf(path), params, resultId);
    }

    private record Token(String text, boolean quoted) {}

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    end = text.length();
                }
                tokens.add(new Token(text.substring(i + 1, end), true));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(text.substring(i, end), false));
                i = end;
            }
        }
        return tokens;
    }

    boolean isEmpty() {
        return path.isEmpty() && params.isEmpty();
    }

    /** Whether the path is exactly these words. */
    boolean is(String... words) {
        return path.size() == words.length && startsWith(words);
    }

    /** Whether the path begins with these words. */
    boolean startsWith(String... words) {
        if (path.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!path.get(i).equalsIgnoreCase(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** The path word at {@code index}, or empty. */
    String word(int index) {
        return index < path.size() ? path.get(index) : "";
    }

    String param(String name) {
        return params.get(name);
    }
}
