package org.roomctl.agent.pjlink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code ERST ?}: six digits for fan, lamp, temperature, cover, filter and other,
 * each 0 (ok), 1 (warning) or 2 (error).
 *
 * @param problems each part that is not ok, in that order, with "warning" or "error"
 */
public record PjlinkErrorStatus(Map<String, String> problems) {
    /** The parts, in the order of the digits. */
    public static final List<String> PARTS = List.of("fan", "lamp", "temperature", "cover", "filter", "other");

    public PjlinkErrorStatus {
        problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /**
     * Reads the six digits.
     *
     * @throws IllegalArgumentException saying what is wrong with them
     */
    public static PjlinkErrorStatus parse(String digits) {
        if (digits.length() != PARTS.size()) {
            throw new IllegalArgumentException("error status '" + digits + "' is not 6 digits");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < PARTS.size(); i++) {
            char c = digits.charAt(i);
            switch (c) {
                case '0' -> {}
                case '1' -> problems.put(PARTS.get(i), "warning");
                case '2' -> problems.put(PARTS.get(i), "error");
                default -> throw new IllegalArgumentException(
                        "error status digit " + (i + 1) + " (" + PARTS.get(i) + ") is '" + c + "', not 0, 1 or 2");
            }
        }
        return new PjlinkErrorStatus(problems);
    }

    /** The parts in error (not merely warning). */
    public List<String> failing() {
        return problems.entrySet().stream()
                .filter(e -> e.getValue().equals("error"))
                .map(Map.Entry::getKey)
                .toList();
    }
}
