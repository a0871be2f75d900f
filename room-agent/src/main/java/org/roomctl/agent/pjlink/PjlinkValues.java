package org.roomctl.agent.pjlink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the values of class 1 query answers into property values. Pure. */
public final class PjlinkValues {
    private PjlinkValues() {}

    /** {@code POWR ?}: 0 off (standby), 1 on, 2 cooling, 3 warming. */
    public static String power(String body) {
        return switch (body) {
            case "0" -> "off";
            case "1" -> "on";
            case "2" -> "cooling";
            case "3" -> "warming";
            default -> throw new IllegalArgumentException("power state '" + body + "' is not 0, 1, 2 or 3");
        };
    }

    /** {@code AVMT ?}: 11 video, 21 audio, 31 both muted; 10, 20, 30 not. True when anything is muted. */
    public static boolean mute(String body) {
        return switch (body) {
            case "11", "21", "31" -> true;
            case "10", "20", "30" -> false;
            default -> throw new IllegalArgumentException("mute state '" + body + "' is not 10, 11, 20, 21, 30 or 31");
        };
    }

    /** {@code LAMP ?}: pairs of hours and on (1) / off (0), one per lamp. */
    public static List<Map<String, Object>> lamps(String body) {
        String[] parts = body.strip().split("\\s+");
        if (parts.length == 0 || parts.length % 2 != 0) {
            throw new IllegalArgumentException("lamp status '" + body + "' is not pairs of hours and 0/1");
        }
        List<Map<String, Object>> lamps = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            long hours;
            try {
                hours = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("lamp hours '" + parts[i] + "' is not a number");
            }
            if (!parts[i + 1].equals("0") && !parts[i + 1].equals("1")) {
                throw new IllegalArgumentException("lamp state '" + parts[i + 1] + "' is not 0 or 1");
            }
            Map<String, Object> lamp = new LinkedHashMap<>();
            lamp.put("hours", hours);
            lamp.put("on", parts[i + 1].equals("1"));
            lamps.add(lamp);
        }
        return lamps;
    }
}
