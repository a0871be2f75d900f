package org.roomctl.fleet.connect;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a connection is: requested -> dialling -> connected -> (disconnecting ->) ended, or failed. */
public enum ConnectionStatus {
    REQUESTED,
    DIALLING,
    CONNECTED,
    DISCONNECTING,
    ENDED,
    FAILED;

    /** Statuses of a connection that still holds its rooms. */
    public static final Set<ConnectionStatus> OPEN = EnumSet.of(REQUESTED, DIALLING, CONNECTED, DISCONNECTING);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    public static ConnectionStatus of(String wireName) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no connection status " + wireName));
    }
}
