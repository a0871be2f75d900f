package org.roomctl.admin.buslog;

import static org.roomctl.schema.jooq.Tables.BUS_MESSAGE;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.roomctl.schema.Database;

/** Reads the bus record (the {@code bus_message} table the recorder fills), newest first. */
public final class BusLog {
    private final DSLContext sql;

    public BusLog(Database database) {
        this.sql = database.dsl();
    }

    /** One page of messages matching a search, newest first. */
    public List<BusRow> search(BusSearch s, int limit) {
        Condition c = DSL.noCondition();
        if (s.topic() != null) {
            c = c.and(
                    s.wildcard()
                            ? DSL.condition("{0} ~ {1}", BUS_MESSAGE.TOPIC, DSL.val(s.topicRegex()))
                            : BUS_MESSAGE.TOPIC.eq(s.topic()));
        }
        if (s.room() != null) {
            c = c.and(BUS_MESSAGE.ROOM_ID.eq(s.room()));
        }
        if (s.from() != null) {
            c = c.and(BUS_MESSAGE.RECEIVED_AT.ge(s.from()));
        }
        if (s.to() != null) {
            c = c.and(BUS_MESSAGE.RECEIVED_AT.lt(s.to()));
        }
        if (s.text() != null) {
            c = c.and(BUS_MESSAGE.PAYLOAD_TEXT.likeIgnoreCase("%" + escapeLike(s.text()) + "%", '\\'));
        }
        if (s.before() != null) {
            c = c.and(BUS_MESSAGE.ID.lt(s.before()));
        }
        return select().where(c).orderBy(BUS_MESSAGE.ID.desc()).limit(limit).fetch(BusLog::row);
    }

    /** Messages recorded after {@code afterId}, oldest first, for the live tail. */
    public List<BusRow> after(long afterId, int limit) {
        return select().where(BUS_MESSAGE.ID.gt(afterId))
                .orderBy(BUS_MESSAGE.ID)
                .limit(limit)
                .fetch(BusLog::row);
    }

    /** The newest message's id (0 when the record is empty). */
    public long lastId() {
        Long id = sql.select(DSL.max(BUS_MESSAGE.ID)).from(BUS_MESSAGE).fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    private org.jooq.SelectJoinStep<? extends Record> select() {
        return sql.select(
                        BUS_MESSAGE.ID,
                        BUS_MESSAGE.RECEIVED_AT,
                        BUS_MESSAGE.TOPIC,
                        BUS_MESSAGE.ROOM_ID,
                        DSL.left(BUS_MESSAGE.PAYLOAD_TEXT, 2000).as("text"),
                        DSL.field("octet_length({0})", Integer.class, BUS_MESSAGE.PAYLOAD)
                                .as("size"),
                        BUS_MESSAGE.QOS,
                        BUS_MESSAGE.RETAINED)
                .from(BUS_MESSAGE);
    }

    private static BusRow row(Record r) {
        return new BusRow(
                r.get(BUS_MESSAGE.ID),
                r.get(BUS_MESSAGE.RECEIVED_AT),
                r.get(BUS_MESSAGE.TOPIC),
                r.get(BUS_MESSAGE.ROOM_ID),
                r.get("text", String.class),
                r.get("size", Integer.class),
                r.get(BUS_MESSAGE.QOS).intValue(),
                r.get(BUS_MESSAGE.RETAINED));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
