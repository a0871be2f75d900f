package org.roomctl.fleet.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.catalog.RoomView;

/**
 * Whether an instance that has just started should hold back from acting on some rooms: until
 * the bus has delivered their retained state, its view would take them for offline and record a
 * false failure. It holds back at most {@code patience} after it started: a room still unheard of
 * then really is away.
 */
final class ViewSettling {
    private final RoomView view;
    private final Duration patience;
    private volatile Instant startedAt;

    ViewSettling(RoomView view, Duration patience) {
        this.view = view;
        this.patience = patience;
    }

    void started(Instant now) {
        startedAt = now;
    }

    /** Whether to wait before acting on {@code rooms}. */
    boolean waitFor(Collection<String> rooms, Instant now) {
        if (startedAt == null || !now.isBefore(startedAt.plus(patience))) {
            return false;
        }
        return rooms.stream().anyMatch(r -> view.room(r)
                .map(s -> RoomSnapshot.UNKNOWN.equals(s.availability()) || s.info() == null)
                .orElse(true));
    }
}
