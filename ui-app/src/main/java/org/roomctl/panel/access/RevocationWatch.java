package org.roomctl.panel.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.roomctl.contract.Errors;
import org.roomctl.fleet.panels.Panel;
import org.roomctl.fleet.panels.PanelService;
import org.roomctl.web.LiveHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a revoked panel to the enrolment screen without anyone touching it. Every request checks
 * the credential, but a screen left open only listens; so every so often the revocations are
 * read, and the screens of a room with a newly revoked panel are told to reload: the revoked one
 * lands on the enrolment screen, the others come straight back.
 */
public final class RevocationWatch {
    private static final Logger log = LoggerFactory.getLogger(RevocationWatch.class);

    private final PanelService panels;
    private final LiveHub<String> hub;
    private final Set<Long> revoked = new HashSet<>();
    private boolean started;

    public RevocationWatch(PanelService panels, LiveHub<String> hub) {
        this.panels = panels;
        this.hub = hub;
    }

    /** Checks every {@code everyMillis} on {@code timer}. */
    public void start(ScheduledExecutorService timer, long everyMillis) {
        timer.scheduleWithFixedDelay(this::check, 0, everyMillis, TimeUnit.MILLISECONDS);
    }

    synchronized void check() {
        List<Panel> all;
        try {
            all = panels.panels(null);
        } catch (RuntimeException e) {
            log.debug("revocations not read now: {}", Errors.rootMessage(e));
            return;
        }
        Set<String> rooms = new HashSet<>();
        for (Panel p : all) {
            if (p.revoked() && revoked.add(p.id()) && started) {
                rooms.add(p.room());
            }
        }
        started = true;
        for (String key : hub.keys()) {
            if (rooms.contains(key.substring(0, key.indexOf('/')))) {
                hub.reload(key);
            }
        }
    }
}
