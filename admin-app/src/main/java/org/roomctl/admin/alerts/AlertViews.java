package org.roomctl.admin.alerts;

import java.util.List;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.alerts.Alerts;

/** The alerts the console lists: every open one, and the latest resolved. */
public final class AlertViews {
    static final int RECENT = 50;

    private final Alerts alerts;

    public AlertViews(Alerts alerts) {
        this.alerts = alerts;
    }

    public List<Alert> open() {
        return alerts.open();
    }

    /** The latest resolved alerts, newest first. */
    public List<Alert> recent() {
        return alerts.latest(RECENT * 2).stream()
                .filter(a -> !a.open())
                .limit(RECENT)
                .toList();
    }
}
