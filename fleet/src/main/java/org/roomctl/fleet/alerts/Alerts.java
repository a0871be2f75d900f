package org.roomctl.fleet.alerts;

import static org.roomctl.schema.jooq.Tables.ALERT;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.roomctl.schema.Database;
import org.roomctl.schema.jooq.tables.records.AlertRecord;

/**
 * Alerts in PostgreSQL. A condition (a device offline, an agent offline) is raised once however
 * many app instances notice it: the database keeps one open alert per kind and subject. Help
 * requests are raised every time someone asks.
 */
public final class Alerts {
    private final DSLContext sql;
    private final Clock clock;

    public Alerts(Database database, Clock clock) {
        this.sql = database.dsl();
        this.clock = clock;
    }

    /**
     * Raises an alert unless the same kind is already open for the same subject.
     *
     * @param subject what it is about, for telling repeats: for example {@code room-a/camera}
     * @return the new alert, or empty if one was open already
     */
    public Optional<Alert> raise(
            String kind, String room, String device, String subject, String message, String raisedBy) {
        try {
            AlertRecord r = sql.insertInto(ALERT)
                    .set(ALERT.KIND, kind)
                    .set(ALERT.ROOM_ID, room)
                    .set(ALERT.DEVICE_ID, device)
                    .set(ALERT.SUBJECT, subject)
                    .set(ALERT.MESSAGE, message)
                    .set(ALERT.RAISED_BY, raisedBy)
                    .set(ALERT.RAISED_AT, clock.instant())
                    .returning()
                    .fetchOne();
            return Optional.of(alert(r));
        } catch (IntegrityConstraintViolationException e) {
            if (String.valueOf(e.getMessage()).contains("alert_one_open_per_subject")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Raises an alert about a one-off event (a failed connection) unless one was ever raised for
     * the same kind and subject, open or resolved: however many instances notice the event, and
     * however late, it is raised once.
     *
     * @return the new alert, or empty if there was one already
     */
    public Optional<Alert> raiseOnce(
            String kind, String room, String device, String subject, String message, String raisedBy) {
        try {
            return sql.insertInto(
                            ALERT,
                            ALERT.KIND,
                            ALERT.ROOM_ID,
                            ALERT.DEVICE_ID,
                            ALERT.SUBJECT,
                            ALERT.MESSAGE,
                            ALERT.RAISED_BY,
                            ALERT.RAISED_AT)
                    .select(DSL.select(
                                    DSL.val(kind),
                                    DSL.val(room),
                                    DSL.val(device),
                                    DSL.val(subject),
                                    DSL.val(message),
                                    DSL.val(raisedBy),
                                    DSL.val(clock.instant()))
                            .whereNotExists(DSL.selectOne()
                                    .from(ALERT)
                                    .where(ALERT.KIND.eq(kind))
                                    .and(ALERT.SUBJECT.eq(subject))))
                    .returning()
                    .fetchOptional()
                    .map(Alerts::alert);
        } catch (IntegrityConstraintViolationException e) {
            if (String.valueOf(e.getMessage()).contains("alert_one_open_per_subject")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A person in a room asks for help (from its touch panel). */
    public Alert help(String room, String message, String panelActor) {
        return raise(Alert.HELP, room, null, room + "/help@" + clock.millis(), message, panelActor)
                .orElseThrow();
    }

    /** @return whether it was open and not yet acknowledged */
    public boolean acknowledge(long id, String by) {
        return sql.update(ALERT)
                        .set(ALERT.ACKNOWLEDGED_AT, clock.instant())
                        .set(ALERT.ACKNOWLEDGED_BY, by)
                        .where(ALERT.ID.eq(id))
                        .and(ALERT.ACKNOWLEDGED_AT.isNull())
                        .and(ALERT.RESOLVED_AT.isNull())
                        .execute()
                == 1;
    }

    /** @return whether it was open */
    public boolean resolve(long id, String by) {
        Instant now = clock.instant();
        return sql.update(ALERT)
                        .set(ALERT.RESOLVED_AT, now)
                        .set(ALERT.RESOLVED_BY, by)
                        .where(ALERT.ID.eq(id))
                        .and(ALERT.RESOLVED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Resolves the open alert of a kind and subject, when its condition has cleared. */
    public boolean resolve(String kind, String subject, String by) {
        return sql.update(ALERT)
                        .set(ALERT.RESOLVED_AT, clock.instant())
                        .set(ALERT.RESOLVED_BY, by)
                        .where(ALERT.KIND.eq(kind))
                        .and(ALERT.SUBJECT.eq(subject))
                        .and(ALERT.RESOLVED_AT.isNull())
                        .execute()
                > 0;
    }

    /** Open alerts, newest first. */
    public List<Alert> open() {
        return sql.selectFrom(ALERT)
                .where(ALERT.RESOLVED_AT.isNull())
                .orderBy(ALERT.ID.desc())
                .fetch(Alerts::alert);
    }

    /** Open alerts of these kinds, oldest first. */
    public List<Alert> open(Collection<String> kinds) {
        return sql.selectFrom(ALERT)
                .where(ALERT.RESOLVED_AT.isNull())
                .and(ALERT.KIND.in(kinds))
                .orderBy(ALERT.ID)
                .fetch(Alerts::alert);
    }

    /** The latest alerts, open or not, newest first. */
    public List<Alert> latest(int limit) {
        return sql.selectFrom(ALERT).orderBy(ALERT.ID.desc()).limit(limit).fetch(Alerts::alert);
    }

    public Optional<Alert> find(long id) {
        return sql.selectFrom(ALERT).where(ALERT.ID.eq(id)).fetchOptional(Alerts::alert);
    }

    private static Alert alert(AlertRecord r) {
        return new Alert(
                r.getId(),
                r.getKind(),
                r.getRoomId(),
                r.getDeviceId(),
                r.getMessage(),
                r.getRaisedBy(),
                r.getRaisedAt(),
                r.getAcknowledgedAt(),
                r.getAcknowledgedBy(),
                r.getResolvedAt(),
                r.getResolvedBy());
    }
}
