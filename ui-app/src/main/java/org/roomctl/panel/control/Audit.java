package org.roomctl.panel.control;

import java.util.Map;
import org.roomctl.contract.Errors;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.panels.Panel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as the panel writes it: after the action, so a database hiccup never stops
 * someone hanging up; a row that cannot be written is logged instead.
 */
public final class Audit {
    private static final Logger log = LoggerFactory.getLogger(Audit.class);
    private final AuditLog audit;

    public Audit(AuditLog audit) {
        this.audit = audit;
    }

    public void record(Panel panel, String action, String target, Map<String, Object> detail) {
        try {
            audit.record(panel.actor(), action, target, detail);
        } catch (RuntimeException e) {
            log.warn(
                    "audit: could not record {} by {} on {}: {}", action, panel.actor(), target, Errors.rootMessage(e));
        }
    }
}
