package org.roomctl.fleet.schedule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a booking is. booked, then starting (an instance is connecting the rooms), active (they
 * are connected), ending (an instance is hanging up), ended; or failed (it could not connect),
 * missed (no instance ran during its window) or cancelled.
 */
public enum BookingState {
    BOOKED,
    STARTING,
    ACTIVE,
    ENDING,
    ENDED,
    FAILED,
    MISSED,
    CANCELLED;

    /** States in which a booking holds its rooms (no other booking may overlap it). */
    public static final Set<BookingState> HOLDING = EnumSet.of(BOOKED, STARTING, ACTIVE, ENDING);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return !HOLDING.contains(this);
    }

    public static BookingState of(String wireName) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no booking state " + wireName));
    }
}
