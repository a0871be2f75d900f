package org.roomctl.fleet.audit;

import static org.roomctl.schema.jooq.Tables.AUDIT_LOG;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import org.roomctl.contract.Json;
import org.roomctl.schema.Database;

/** Who did what and when: one row for every state-changing action in the apps. */
public final class AuditLog {
    /**
     * One entry.
     *
     * @param at when
     * @param actor who (a user, a panel, an API token)
     * @param action what, for example {@code connection.connect}
     * @param target on what, for example a room id or a connection id
     * @param detail anything else worth keeping
     */
    public record Entry(Instant at, String actor, String action, String target, Map<String, Object> detail) {}

    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, Map<String, Object> detail) {
        database.dsl()
                .insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.AT, clock.instant())
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.TARGET, target)
                .set(AUDIT_LOG.DETAIL, detail == null || detail.isEmpty() ? null : JSONB.valueOf(Json.string(detail)))
                .execute();
    }

    /** The latest entries, newest first. */
    @SuppressWarnings("unchecked")
    public List<Entry> latest(int limit) {
        return database.dsl()
                .selectFrom(AUDIT_LOG)
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(r -> new Entry(
                        r.getAt(),
                        r.getActor(),
                        r.getAction(),
                        r.getTarget(),
                        r.getDetail() == null
                                ? Map.of()
                                : Json.read(
                                        r.getDetail().data().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                        Map.class)));
    }
}
