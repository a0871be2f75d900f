package org.roomctl.admin.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user or an API token may do. Each role includes the ones below it: a viewer reads
 * everything, an operator also controls rooms and connections and handles alerts, an admin also
 * edits the catalog and manages users and API tokens.
 */
public enum Role implements RouteRole {
    VIEWER,
    OPERATOR,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /**
     * Reads a role as people write it.
     *
     * @throws IllegalArgumentException naming the roles there are
     */
    public static Role of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.wireName().equals(n))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("role '" + name + "' is not one of " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
    }
}
