package org.roomctl.fleet.schedule;

import static org.roomctl.schema.jooq.Tables.SHUTDOWN_ROOM;
import static org.roomctl.schema.jooq.Tables.SHUTDOWN_RUN;
import static org.roomctl.schema.jooq.Tables.SITE_SHUTDOWN;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.roomctl.schema.Database;
import org.roomctl.schema.jooq.tables.records.ShutdownRunRecord;
import org.roomctl.schema.jooq.tables.records.SiteShutdownRecord;

/**
 * Site shutdowns and their runs in PostgreSQL. A run is claimed by inserting it: the database
 * holds one run per site and day, so whichever instance inserts it runs it, once.
 */
final class ShutdownStore {
    private final DSLContext sql;
    private final String instance;

    ShutdownStore(Database database, String instance) {
        this.sql = database.dsl();
        this.instance = instance;
    }

    /** The site has a shutdown already. */
    static final class SiteTakenException extends Exception {
        SiteTakenException() {
            super(null, null, false, false);
        }
    }

    SiteShutdown create(String site, LocalTime time, ZoneId zone, String by, Instant now) throws SiteTakenException {
        try {
            return shutdown(sql.insertInto(SITE_SHUTDOWN)
                    .set(SITE_SHUTDOWN.SITE, site)
                    .set(SITE_SHUTDOWN.LOCAL_TIME, time)
                    .set(SITE_SHUTDOWN.TIME_ZONE, zone.getId())
                    .set(SITE_SHUTDOWN.ENABLED, true)
                    .set(SITE_SHUTDOWN.CREATED_BY, by)
                    .set(SITE_SHUTDOWN.CREATED_AT, now)
                    .set(SITE_SHUTDOWN.UPDATED_BY, by)
                    .set(SITE_SHUTDOWN.UPDATED_AT, now)
                    .returning()
                    .fetchOne());
        } catch (IntegrityConstraintViolationException e) {
            if (String.valueOf(e.getMessage()).contains("site_shutdown_site_key")) {
                throw new SiteTakenException();
            }
            throw e;
        }
    }

    Optional<SiteShutdown> edit(long id, LocalTime time, ZoneId zone, String by, Instant now) {
        return sql.update(SITE_SHUTDOWN)
                .set(SITE_SHUTDOWN.LOCAL_TIME, time)
                .set(SITE_SHUTDOWN.TIME_ZONE, zone.getId())
                .set(SITE_SHUTDOWN.UPDATED_BY, by)
                .set(SITE_SHUTDOWN.UPDATED_AT, now)
                .where(SITE_SHUTDOWN.ID.eq(id))
                .returning()
                .fetchOptional()
                .map(ShutdownStore::shutdown);
    }

    Optional<SiteShutdown> setEnabled(long id, boolean enabled, String by, Instant now) {
        return sql.update(SITE_SHUTDOWN)
                .set(SITE_SHUTDOWN.ENABLED, enabled)
                .set(SITE_SHUTDOWN.UPDATED_BY, by)
                .set(SITE_SHUTDOWN.UPDATED_AT, now)
                .where(SITE_SHUTDOWN.ID.eq(id))
                .returning()
                .fetchOptional()
                .map(ShutdownStore::shutdown);
    }

    Optional<SiteShutdown> delete(long id) {
        return sql.deleteFrom(SITE_SHUTDOWN)
                .where(SITE_SHUTDOWN.ID.eq(id))
                .returning()
                .fetchOptional()
                .map(ShutdownStore::shutdown);
    }

    Optional<SiteShutdown> find(long id) {
        return sql.selectFrom(SITE_SHUTDOWN).where(SITE_SHUTDOWN.ID.eq(id)).fetchOptional(ShutdownStore::shutdown);
    }

    List<SiteShutdown> all() {
        return sql.selectFrom(SITE_SHUTDOWN).orderBy(SITE_SHUTDOWN.SITE).fetch(ShutdownStore::shutdown);
    }

    List<SiteShutdown> enabled() {
        return sql.selectFrom(SITE_SHUTDOWN)
                .where(SITE_SHUTDOWN.ENABLED)
                .orderBy(SITE_SHUTDOWN.SITE)
                .fetch(ShutdownStore::shutdown);
    }

    boolean runExists(String site, LocalDate day) {
        return sql.fetchExists(SHUTDOWN_RUN, SHUTDOWN_RUN.SITE.eq(site).and(SHUTDOWN_RUN.LOCAL_DATE.eq(day)));
    }

    /** Claims the site's run for the day for this instance: empty if another instance has it. */
    Optional<ShutdownRun> claim(SiteShutdown s, LocalDate day, Instant due, Instant now) {
        return insertRun(s, day, due, ShutdownRun.RUNNING, null, null, now);
    }

    /** Records the day's run as missed, unless an instance ran it. */
    Optional<ShutdownRun> missed(SiteShutdown s, LocalDate day, Instant due, String note, Instant now) {
        return insertRun(s, day, due, ShutdownRun.MISSED, now, note, now);
    }

    private Optional<ShutdownRun> insertRun(
            SiteShutdown s, LocalDate day, Instant due, String status, Instant finished, String note, Instant now) {
        return sql.insertInto(SHUTDOWN_RUN)
                .set(SHUTDOWN_RUN.SHUTDOWN_ID, s.id())
                .set(SHUTDOWN_RUN.SITE, s.site())
                .set(SHUTDOWN_RUN.LOCAL_DATE, day)
                .set(SHUTDOWN_RUN.SCHEDULED_AT, due)
                .set(SHUTDOWN_RUN.STATUS, status)
                .set(SHUTDOWN_RUN.CLAIMED_BY, instance)
                .set(SHUTDOWN_RUN.CLAIMED_AT, now)
                .set(SHUTDOWN_RUN.FINISHED_AT, finished)
                .set(SHUTDOWN_RUN.NOTE, note)
                .onConflict(SHUTDOWN_RUN.SITE, SHUTDOWN_RUN.LOCAL_DATE)
                .doNothing()
                .returning()
                .fetchOptional()
                .map(r -> run(r, List.of()));
    }

    /** Runs still running whose instance has held them since before {@code staleBefore}. */
    List<ShutdownRun> stale(Instant staleBefore) {
        return runs(SHUTDOWN_RUN.STATUS.eq(ShutdownRun.RUNNING).and(SHUTDOWN_RUN.CLAIMED_AT.lt(staleBefore)), 100);
    }

    /** Takes over a stale run: empty if another instance did, or it finished. */
    Optional<ShutdownRun> takeOver(long id, Instant staleBefore, Instant now) {
        return sql.update(SHUTDOWN_RUN)
                .set(SHUTDOWN_RUN.CLAIMED_BY, instance)
                .set(SHUTDOWN_RUN.CLAIMED_AT, now)
                .where(SHUTDOWN_RUN.ID.eq(id))
                .and(SHUTDOWN_RUN.STATUS.eq(ShutdownRun.RUNNING))
                .and(SHUTDOWN_RUN.CLAIMED_AT.lt(staleBefore))
                .returning()
                .fetchOptional()
                .map(r -> run(r, List.of()));
    }

    Set<String> roomsDone(long runId) {
        return Set.copyOf(sql.select(SHUTDOWN_ROOM.ROOM_ID)
                .from(SHUTDOWN_ROOM)
                .where(SHUTDOWN_ROOM.RUN_ID.eq(runId))
                .fetch(SHUTDOWN_ROOM.ROOM_ID));
    }

    /** Records a room's outcome in a run, once. */
    void room(long runId, String room, String outcome, String reason, Long bookingId, Instant now) {
        sql.insertInto(SHUTDOWN_ROOM)
                .set(SHUTDOWN_ROOM.RUN_ID, runId)
                .set(SHUTDOWN_ROOM.ROOM_ID, room)
                .set(SHUTDOWN_ROOM.OUTCOME, outcome)
                .set(SHUTDOWN_ROOM.REASON, reason)
                .set(SHUTDOWN_ROOM.BOOKING_ID, bookingId)
                .set(SHUTDOWN_ROOM.AT, now)
                .onConflict(SHUTDOWN_ROOM.RUN_ID, SHUTDOWN_ROOM.ROOM_ID)
                .doNothing()
                .execute();
    }

    /** The rooms runs skipped for a booking and that are still skipped, as run id to room ids. */
    Map<Long, List<String>> skippedFor(long bookingId) {
        return sql.select(SHUTDOWN_ROOM.RUN_ID, SHUTDOWN_ROOM.ROOM_ID)
                .from(SHUTDOWN_ROOM)
                .where(SHUTDOWN_ROOM.BOOKING_ID.eq(bookingId))
                .and(SHUTDOWN_ROOM.OUTCOME.eq(ShutdownRun.Room.SKIPPED))
                .fetchGroups(SHUTDOWN_ROOM.RUN_ID, SHUTDOWN_ROOM.ROOM_ID);
    }

    /** A skipped room was shut down after its booking: its outcome replaces the skip. */
    void settleSkipped(long runId, String room, String outcome, String reason, Instant now) {
        sql.update(SHUTDOWN_ROOM)
                .set(SHUTDOWN_ROOM.OUTCOME, outcome)
                .set(SHUTDOWN_ROOM.REASON, reason)
                .set(SHUTDOWN_ROOM.AT, now)
                .where(SHUTDOWN_ROOM.RUN_ID.eq(runId))
                .and(SHUTDOWN_ROOM.ROOM_ID.eq(room))
                .and(SHUTDOWN_ROOM.OUTCOME.eq(ShutdownRun.Room.SKIPPED))
                .execute();
    }

    /** Marks this instance's run done. */
    Optional<ShutdownRun> finish(long runId, String note, Instant now) {
        int n = sql.update(SHUTDOWN_RUN)
                .set(SHUTDOWN_RUN.STATUS, ShutdownRun.DONE)
                .set(SHUTDOWN_RUN.FINISHED_AT, now)
                .set(SHUTDOWN_RUN.NOTE, note)
                .where(SHUTDOWN_RUN.ID.eq(runId))
                .and(SHUTDOWN_RUN.STATUS.eq(ShutdownRun.RUNNING))
                .and(SHUTDOWN_RUN.CLAIMED_BY.eq(instance))
                .execute();
        return n == 1 ? runs(SHUTDOWN_RUN.ID.eq(runId), 1).stream().findFirst() : Optional.empty();
    }

    /** Runs, the latest first, with their rooms. */
    List<ShutdownRun> runs(Condition c, int limit) {
        List<ShutdownRunRecord> runs = sql.selectFrom(SHUTDOWN_RUN)
                .where(c)
                .orderBy(SHUTDOWN_RUN.SCHEDULED_AT.desc(), SHUTDOWN_RUN.ID.desc())
                .limit(limit)
                .fetch();
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ShutdownRun.Room>> rooms = sql
                .selectFrom(SHUTDOWN_ROOM)
                .where(SHUTDOWN_ROOM.RUN_ID.in(
                        runs.stream().map(ShutdownRunRecord::getId).toList()))
                .orderBy(SHUTDOWN_ROOM.ROOM_ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        r -> r.getRunId(),
                        Collectors.mapping(
                                r -> new ShutdownRun.Room(
                                        r.getRoomId(), r.getOutcome(), r.getReason(), r.getBookingId(), r.getAt()),
                                Collectors.toList())));
        return runs.stream()
                .map(r -> run(r, rooms.getOrDefault(r.getId(), List.of())))
                .toList();
    }

    private static ShutdownRun run(ShutdownRunRecord r, List<ShutdownRun.Room> rooms) {
        return new ShutdownRun(
                r.getId(),
                r.getShutdownId(),
                r.getSite(),
                r.getLocalDate(),
                r.getScheduledAt(),
                r.getStatus(),
                r.getClaimedBy(),
                r.getClaimedAt(),
                r.getFinishedAt(),
                r.getNote(),
                rooms);
    }

    private static SiteShutdown shutdown(SiteShutdownRecord r) {
        return new SiteShutdown(
                r.getId(),
                r.getSite(),
                r.getLocalTime(),
                ZoneId.of(r.getTimeZone()),
                r.getEnabled(),
                r.getCreatedBy(),
                r.getCreatedAt(),
                r.getUpdatedBy(),
                r.getUpdatedAt());
    }
}
