package org.roomctl.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roomctl.schema.jooq.Tables.CONNECTION;
import static org.roomctl.schema.jooq.Tables.CONNECTION_MEMBER;
import static org.roomctl.schema.jooq.Tables.ROOM;

import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.embedded.TestDatabases;

/** What the database itself refuses, whatever the code does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaConstraintsIT {
    private Database db;
    private DSLContext sql;

    @BeforeAll
    void open() {
        db = Database.open(TestDatabases.fresh(), null, null, "schema-test", 4);
        sql = db.dsl();
        for (String room : new String[] {"room-a", "room-b", "room-c"}) {
            sql.insertInto(ROOM, ROOM.ID, ROOM.NAME, ROOM.SITE)
                    .values(room, room, "Sydney")
                    .execute();
        }
    }

    @AfterAll
    void close() {
        db.close();
    }

    private long connection(String caller, String callee, String key) {
        return sql.insertInto(CONNECTION)
                .set(CONNECTION.CALLER_ROOM, caller)
                .set(CONNECTION.CALLEE_ROOM, callee)
                .set(CONNECTION.REQUESTED_BY, "test")
                .set(CONNECTION.REQUESTED_VIA, "api")
                .set(CONNECTION.IDEMPOTENCY_KEY, key)
                .set(CONNECTION.STATUS, "requested")
                .returning(CONNECTION.ID)
                .fetchOne(CONNECTION.ID);
    }

    private void hold(long connection, String room) {
        sql.insertInto(CONNECTION_MEMBER, CONNECTION_MEMBER.CONNECTION_ID, CONNECTION_MEMBER.ROOM_ID)
                .values(connection, room)
                .execute();
    }

    @Test
    void aRoomIsInAtMostOneActiveConnection() {
        long first = connection("room-a", "room-b", null);
        hold(first, "room-a");
        hold(first, "room-b");
        long second = connection("room-c", "room-b", null);
        hold(second, "room-c");
        assertThatThrownBy(() -> hold(second, "room-b"))
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("connection_member_one_active_per_room");

        // Once the first lets go, room-b is free again.
        sql.update(CONNECTION_MEMBER)
                .set(CONNECTION_MEMBER.ACTIVE, false)
                .where(CONNECTION_MEMBER.CONNECTION_ID.eq(first))
                .execute();
        hold(second, "room-b");
        sql.update(CONNECTION_MEMBER)
                .set(CONNECTION_MEMBER.ACTIVE, false)
                .where(CONNECTION_MEMBER.CONNECTION_ID.eq(second))
                .execute();
    }

    @Test
    void oneIdempotencyKeyMakesOneConnection() {
        connection("room-a", "room-c", "tap-123");
        assertThatThrownBy(() -> connection("room-a", "room-c", "tap-123"))
                .isInstanceOf(IntegrityConstraintViolationException.class);
        // No key: no such rule.
        connection("room-a", "room-c", null);
        connection("room-a", "room-c", null);
    }

    @Test
    void aRoomCannotCallItself() {
        assertThatThrownBy(() -> connection("room-a", "room-a", null)).isInstanceOf(DataAccessException.class);
    }

    @Test
    void statusesAndTheirFieldsGoTogether() {
        long id = connection("room-b", "room-c", null);
        assertThatThrownBy(() -> sql.update(CONNECTION)
                        .set(CONNECTION.STATUS, "lost")
                        .where(CONNECTION.ID.eq(id))
                        .execute())
                .isInstanceOf(DataAccessException.class);
        // failed needs a reason and an end time
        assertThatThrownBy(() -> sql.update(CONNECTION)
                        .set(CONNECTION.STATUS, "failed")
                        .set(CONNECTION.ENDED_AT, Instant.now())
                        .where(CONNECTION.ID.eq(id))
                        .execute())
                .isInstanceOf(DataAccessException.class);
        int updated = sql.update(CONNECTION)
                .set(CONNECTION.STATUS, "failed")
                .set(CONNECTION.FAILURE_REASON, "room-c is offline")
                .set(CONNECTION.ENDED_AT, Instant.now())
                .where(CONNECTION.ID.eq(id))
                .execute();
        assertThat(updated).isEqualTo(1);
    }

    @Test
    void roomIdsAreTopicSafe() {
        assertThatThrownBy(() -> sql.insertInto(ROOM, ROOM.ID, ROOM.NAME, ROOM.SITE)
                        .values("Bad/Id", "x", "y")
                        .execute())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void migratingAgainChangesNothing() {
        assertThat(Database.migrate(db.dataSource()).migrationsExecuted).isZero();
    }
}
