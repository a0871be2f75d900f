package org.roomctl.fleet.connect;

import java.util.Locale;

/** Where a connection was asked for. */
public enum RequestedVia {
    PANEL,
    ADMIN,
    API,
    SCHEDULE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestedVia of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
