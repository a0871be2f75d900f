package org.roomctl.admin.connections;

import static org.roomctl.schema.jooq.Tables.CONNECTION;
import static org.roomctl.schema.jooq.Tables.ROOM;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.schema.Database;
import org.roomctl.schema.jooq.tables.Room;

/** Reading connections for the console: open ones, one room's latest, and the searchable history. */
public final class ConnectionQueries {
    private static final Room CALLER = ROOM.as("caller");
    private static final Room CALLEE = ROOM.as("callee");
    private static final Field<String> CALLER_NAME = DSL.coalesce(CALLER.DISPLAY_NAME, CALLER.NAME);
    private static final Field<String> CALLER_SITE = DSL.coalesce(CALLER.DISPLAY_SITE, CALLER.SITE);
    private static final Field<String> CALLEE_NAME = DSL.coalesce(CALLEE.DISPLAY_NAME, CALLEE.NAME);
    private static final Field<String> CALLEE_SITE = DSL.coalesce(CALLEE.DISPLAY_SITE, CALLEE.SITE);
    private static final List<String> OPEN =
            ConnectionStatus.OPEN.stream().map(ConnectionStatus::wireName).toList();

    private final DSLContext sql;

    public ConnectionQueries(Database database) {
        this.sql = database.dsl();
    }

    /** Open connections, oldest first. */
    public List<ConnectionRow> open() {
        return select().where(CONNECTION.STATUS.in(OPEN)).orderBy(CONNECTION.ID).fetch(ConnectionQueries::row);
    }

    /** A room's latest connections, newest first. */
    public List<ConnectionRow> forRoom(String room, int limit) {
        return select().where(CONNECTION.CALLER_ROOM.eq(room).or(CONNECTION.CALLEE_ROOM.eq(room)))
                .orderBy(CONNECTION.ID.desc())
                .limit(limit)
                .fetch(ConnectionQueries::row);
    }

    public Optional<ConnectionRow> find(long id) {
        return select().where(CONNECTION.ID.eq(id)).fetchOptional(ConnectionQueries::row);
    }

    /** The connections with these ids, by id (one query for a list of bookings). */
    public Map<Long, ConnectionRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ConnectionRow> found = new HashMap<>();
        for (ConnectionRow c : select().where(CONNECTION.ID.in(ids)).fetch(ConnectionQueries::row)) {
            found.put(c.id(), c);
        }
        return found;
    }

    /** The history matching a filter, newest first. */
    public List<ConnectionRow> search(HistoryFilter f) {
        Condition c = DSL.noCondition();
        if (f.room() != null) {
            String like = "%" + escapeLike(f.room()) + "%";
            c = c.and(CONNECTION
                    .CALLER_ROOM
                    .eq(f.room())
                    .or(CONNECTION.CALLEE_ROOM.eq(f.room()))
                    .or(CALLER_NAME.likeIgnoreCase(like, '\\'))
                    .or(CALLEE_NAME.likeIgnoreCase(like, '\\')));
        }
        if (f.site() != null) {
            c = c.and(CALLER_SITE.equalIgnoreCase(f.site()).or(CALLEE_SITE.equalIgnoreCase(f.site())));
        }
        if (f.from() != null) {
            c = c.and(CONNECTION.REQUESTED_AT.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(CONNECTION.REQUESTED_AT.lt(f.to()));
        }
        c = switch (f.outcome()) {
            case "open" -> c.and(CONNECTION.STATUS.in(OPEN));
            case "connected" -> c.and(CONNECTION.CONNECTED_AT.isNotNull());
            case "ended" -> c.and(CONNECTION.STATUS.eq(ConnectionStatus.ENDED.wireName()));
            case "failed" -> c.and(CONNECTION.STATUS.eq(ConnectionStatus.FAILED.wireName()));
            default -> c;
        };
        if (f.before() != null) {
            c = c.and(CONNECTION.ID.lt(f.before()));
        }
        return select().where(c).orderBy(CONNECTION.ID.desc()).limit(f.limit()).fetch(ConnectionQueries::row);
    }

    private SelectOnConditionStep<Record> select() {
        return sql.select(CONNECTION.fields())
                .select(CALLER_NAME.as("caller_name"), CALLER_SITE.as("caller_site"))
                .select(CALLEE_NAME.as("callee_name"), CALLEE_SITE.as("callee_site"))
                .from(CONNECTION)
                .join(CALLER)
                .on(CALLER.ID.eq(CONNECTION.CALLER_ROOM))
                .join(CALLEE)
                .on(CALLEE.ID.eq(CONNECTION.CALLEE_ROOM));
    }

    private static ConnectionRow row(Record r) {
        String reason = r.get(CONNECTION.FAILURE_REASON) != null
                ? r.get(CONNECTION.FAILURE_REASON)
                : r.get(CONNECTION.END_REASON);
        return new ConnectionRow(
                r.get(CONNECTION.ID),
                r.get(CONNECTION.CALLER_ROOM),
                r.get("caller_name", String.class),
                r.get("caller_site", String.class),
                r.get(CONNECTION.CALLEE_ROOM),
                r.get("callee_name", String.class),
                r.get("callee_site", String.class),
                r.get(CONNECTION.REQUESTED_BY),
                r.get(CONNECTION.REQUESTED_VIA),
                r.get(CONNECTION.STATUS),
                reason,
                r.get(CONNECTION.REQUESTED_AT),
                r.get(CONNECTION.CONNECTED_AT),
                r.get(CONNECTION.ENDED_AT));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
