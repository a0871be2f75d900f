package org.roomctl.fleet.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.roomctl.contract.Errors;
import org.roomctl.contract.RoomInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the catalog's tables up to date from the room view, on a thread of its own so the bus
 * never waits for the database. Rooms that change while a write is under way are written once
 * more with their latest snapshot, so a burst costs one write per room, not one per message.
 * While the database is down, changes wait (only the latest counts) and are written when it
 * returns.
 */
public final class CatalogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CatalogWriter.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final CatalogStore store;
    private final RoomView view;
    private final Clock clock;
    private final Set<String> dirtyInfo = new LinkedHashSet<>();
    private final Set<String> dirtyStatus = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean writing;
    private String lastFailure;

    public CatalogWriter(CatalogStore store, RoomView view, Clock clock) {
        this.store = store;
        this.view = view;
        this.clock = clock;
        this.thread = new Thread(this::run, "catalog-writer");
        this.thread.setDaemon(true);
        view.addListener(this::changed);
    }

    public void start() {
        thread.start();
    }

    private void changed(RoomSnapshot previous, RoomSnapshot current) {
        synchronized (this) {
            if (current.info() != null && (previous == null || previous.info() != current.info())) {
                dirtyInfo.add(current.id());
            }
            dirtyStatus.add(current.id());
            notifyAll();
        }
    }

    private void run() {
        while (!closed) {
            Set<String> infos;
            Set<String> statuses;
            synchronized (this) {
                while (!closed && dirtyInfo.isEmpty() && dirtyStatus.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                infos = new LinkedHashSet<>(dirtyInfo);
                statuses = new LinkedHashSet<>(dirtyStatus);
                dirtyInfo.clear();
                dirtyStatus.clear();
                writing = true;
            }
            try {
                write(infos, statuses);
                if (lastFailure != null) {
                    log.info("catalog: database reachable again; rooms written");
                    lastFailure = null;
                }
                synchronized (this) {
                    writing = false;
                }
            } catch (RuntimeException e) {
                String reason = Errors.rootMessage(e);
                if (!reason.equals(lastFailure)) {
                    log.warn("catalog: cannot write room status, will retry: {}", reason);
                    lastFailure = reason;
                }
                synchronized (this) {
                    dirtyInfo.addAll(infos);
                    dirtyStatus.addAll(statuses);
                    writing = false;
                    try {
                        wait(RETRY.toMillis());
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    private void write(Set<String> infos, Set<String> statuses) {
        for (String id : infos) {
            RoomSnapshot s = view.room(id).orElse(null);
            RoomInfo info = s == null ? null : s.info();
            if (info != null) {
                store.saveInfo(info, clock.instant());
                statuses.add(id); // its status may have waited for the room to exist
            }
        }
        for (String id : statuses) {
            view.room(id).ifPresent(s -> store.saveStatus(s, clock.instant()));
        }
    }

    /** Whether everything heard so far is written (for tests and health). */
    public synchronized boolean idle() {
        return !writing && dirtyInfo.isEmpty() && dirtyStatus.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
