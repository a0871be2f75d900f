package org.roomctl.agent.pjlink;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input names and PJLink input codes: the first digit is the kind (1 RGB, 2 video, 3 digital,
 * 4 storage, 5 network), the second the number. {@code hdmi1} and {@code digital1} are both
 * {@code 31}; a code is reported back as {@code hdmi1}.
 */
public final class PjlinkInputs {
    /** Names by kind digit 1..5; digital inputs are reported as hdmi, the usual kind. */
    private static final List<String> KINDS = List.of("rgb", "video", "hdmi", "storage", "network");

    private static final Pattern NAMED = Pattern.compile("(rgb|video|digital|hdmi|storage|network)([1-9])");
    private static final Pattern CODE = Pattern.compile("[1-5][1-9A-Z]");

    private PjlinkInputs() {}

    /**
     * The code for an input name or a raw code.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static String code(String input) {
        String s = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        if (CODE.matcher(s.toUpperCase(Locale.ROOT)).matches()) {
            return s.toUpperCase(Locale.ROOT);
        }
        Matcher m = NAMED.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "unknown input '" + input
                            + "': use rgb1, video1, hdmi1 (or digital1), storage1, network1 (1..9) or a PJLink code such as 31");
        }
        String kind = m.group(1).equals("digital") ? "hdmi" : m.group(1);
        return (KINDS.indexOf(kind) + 1) + m.group(2);
    }

    /** The name for a code the display reported ({@code 31} is {@code hdmi1}); an odd code is kept as is. */
    public static String name(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.length() == 2 && c.charAt(0) >= '1' && c.charAt(0) <= '5' && c.charAt(1) >= '1' && c.charAt(1) <= '9') {
            return KINDS.get(c.charAt(0) - '1') + c.charAt(1);
        }
        return c;
    }
}
