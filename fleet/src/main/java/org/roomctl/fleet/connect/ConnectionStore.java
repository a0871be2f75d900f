package org.roomctl.fleet.connect;

import static org.roomctl.schema.jooq.Tables.CONNECTION;
import static org.roomctl.schema.jooq.Tables.CONNECTION_EVENT;
import static org.roomctl.schema.jooq.Tables.CONNECTION_MEMBER;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.UpdateSetMoreStep;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.roomctl.schema.Database;
import org.roomctl.schema.jooq.tables.records.ConnectionRecord;

/**
 * Connections in PostgreSQL. Every change of status is a compare-and-set: it happens only if
 * the connection is still in one of the statuses the caller saw, and its event is recorded in
 * the same transaction. So when several app instances see the same thing happen, one records
 * it, once, and only that one acts on it.
 */
public final class ConnectionStore {
    private final DSLContext sql;
    private final String instance;

    /** @param instance names this app instance in the events it records */
    public ConnectionStore(Database database, String instance) {
        this.sql = database.dsl();
        this.instance = instance;
    }

    /** The two rooms are taken by another open connection. */
    public static final class RoomTakenException extends Exception {
        RoomTakenException() {
            super(null, null, false, false);
        }
    }

    /** A connection with this idempotency key exists already. */
    public static final class DuplicateKeyException extends Exception {
        DuplicateKeyException() {
            super(null, null, false, false);
        }
    }

    /**
     * Records a new connection holding both rooms, in status requested.
     *
     * @throws RoomTakenException if either room is in another open connection (the database says so)
     * @throws DuplicateKeyException if the idempotency key was used before
     */
    public Connection create(
            String caller, String callee, String requestedBy, RequestedVia via, String key, Instant now)
            throws RoomTakenException, DuplicateKeyException {
        try {
            return sql.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                ConnectionRecord r = t.insertInto(CONNECTION)
                        .set(CONNECTION.CALLER_ROOM, caller)
                        .set(CONNECTION.CALLEE_ROOM, callee)
                        .set(CONNECTION.REQUESTED_BY, requestedBy)
                        .set(CONNECTION.REQUESTED_VIA, via.wireName())
                        .set(CONNECTION.IDEMPOTENCY_KEY, key)
                        .set(CONNECTION.STATUS, ConnectionStatus.REQUESTED.wireName())
                        .set(CONNECTION.REQUESTED_AT, now)
                        .set(CONNECTION.UPDATED_AT, now)
                        .returning()
                        .fetchOne();
                t.insertInto(CONNECTION_MEMBER, CONNECTION_MEMBER.CONNECTION_ID, CONNECTION_MEMBER.ROOM_ID)
                        .values(r.getId(), caller)
                        .values(r.getId(), callee)
                        .execute();
                event(
                        t,
                        r.getId(),
                        null,
                        ConnectionStatus.REQUESTED,
                        "by " + requestedBy + " (" + via.wireName() + ")",
                        now);
                return connection(r);
            });
        } catch (IntegrityConstraintViolationException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("connection_member_one_active_per_room")) {
                throw new RoomTakenException();
            }
            if (m.contains("idempotency_key")) {
                throw new DuplicateKeyException();
            }
            throw e;
        }
    }

    /**
     * Moves a connection to {@code to} if it is in one of {@code from}, records the event, and
     * releases its rooms when {@code to} is final.
     *
     * @param fields further columns to set (times, reasons)
     * @return the connection after the change, or empty if it was not in {@code from} (another
     *     instance got there first, or it moved on)
     */
    public Optional<Connection> transition(
            long id,
            Set<ConnectionStatus> from,
            ConnectionStatus to,
            String detail,
            Instant now,
            Consumer<UpdateSetMoreStep<ConnectionRecord>> fields) {
        return sql.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            UpdateSetMoreStep<ConnectionRecord> update =
                    t.update(CONNECTION).set(CONNECTION.STATUS, to.wireName()).set(CONNECTION.UPDATED_AT, now);
            if (!to.open()) {
                update = update.set(CONNECTION.ENDED_AT, now);
            }
            fields.accept(update);
            List<String> froms = from.stream().map(ConnectionStatus::wireName).toList();
            // The row is locked until the transaction ends: concurrent transitions take turns.
            Record before = t.select(CONNECTION.STATUS)
                    .from(CONNECTION)
                    .where(CONNECTION.ID.eq(id))
                    .forUpdate()
                    .fetchOne();
            if (before == null || !froms.contains(before.get(CONNECTION.STATUS))) {
                return Optional.<Connection>empty();
            }
            ConnectionRecord r = update.where(CONNECTION.ID.eq(id)).returning().fetchOne();
            if (!to.open()) {
                t.update(CONNECTION_MEMBER)
                        .set(CONNECTION_MEMBER.ACTIVE, false)
                        .where(CONNECTION_MEMBER.CONNECTION_ID.eq(id))
                        .execute();
            }
            event(t, id, ConnectionStatus.of(before.get(CONNECTION.STATUS)), to, detail, now);
            return Optional.of(connection(r));
        });
    }

    /**
     * Claims the right to dial a requested connection for this instance: only one instance ever
     * gets it.
     */
    public Optional<Connection> claimDial(long id, Instant now) {
        return transition(
                id,
                EnumSet.of(ConnectionStatus.REQUESTED),
                ConnectionStatus.DIALLING,
                "dialled by " + instance,
                now,
                u -> u.set(CONNECTION.DIAL_CLAIMED_BY, instance).set(CONNECTION.DIALLED_AT, now));
    }

    private void event(DSLContext t, long id, ConnectionStatus from, ConnectionStatus to, String detail, Instant now) {
        t.insertInto(CONNECTION_EVENT)
                .set(CONNECTION_EVENT.CONNECTION_ID, id)
                .set(CONNECTION_EVENT.AT, now)
                .set(CONNECTION_EVENT.FROM_STATUS, from == null ? null : from.wireName())
                .set(CONNECTION_EVENT.TO_STATUS, to.wireName())
                .set(CONNECTION_EVENT.DETAIL, detail)
                .set(CONNECTION_EVENT.INSTANCE, instance)
                .execute();
    }

    public Optional<Connection> find(long id) {
        return sql.selectFrom(CONNECTION).where(CONNECTION.ID.eq(id)).fetchOptional(ConnectionStore::connection);
    }

    public Optional<Connection> findByKey(String key) {
        return sql.selectFrom(CONNECTION)
                .where(CONNECTION.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(ConnectionStore::connection);
    }

    /** Open connections, oldest first; those involving {@code room} only, if it is not null. */
    public List<Connection> open(String room) {
        Condition c = CONNECTION.STATUS.in(
                ConnectionStatus.OPEN.stream().map(ConnectionStatus::wireName).toList());
        if (room != null) {
            c = c.and(CONNECTION.CALLER_ROOM.eq(room).or(CONNECTION.CALLEE_ROOM.eq(room)));
        }
        return sql.selectFrom(CONNECTION).where(c).orderBy(CONNECTION.ID).fetch(ConnectionStore::connection);
    }

    /** Open connections involving any of {@code rooms}. */
    public List<Connection> open(Collection<String> rooms) {
        return sql.selectFrom(CONNECTION)
                .where(CONNECTION.STATUS.in(ConnectionStatus.OPEN.stream()
                        .map(ConnectionStatus::wireName)
                        .toList()))
                .and(CONNECTION.CALLER_ROOM.in(rooms).or(CONNECTION.CALLEE_ROOM.in(rooms)))
                .orderBy(CONNECTION.ID)
                .fetch(ConnectionStore::connection);
    }

    /** The transitions of a connection, in order. */
    public List<ConnectionEvent> events(long id) {
        return sql.selectFrom(CONNECTION_EVENT)
                .where(CONNECTION_EVENT.CONNECTION_ID.eq(id))
                .orderBy(CONNECTION_EVENT.ID)
                .fetch(r -> new ConnectionEvent(
                        r.getConnectionId(),
                        r.getAt(),
                        r.getFromStatus() == null ? null : ConnectionStatus.of(r.getFromStatus()),
                        ConnectionStatus.of(r.getToStatus()),
                        r.getDetail(),
                        r.getInstance()));
    }

    static Connection connection(ConnectionRecord r) {
        return new Connection(
                r.getId(),
                r.getCallerRoom(),
                r.getCalleeRoom(),
                r.getRequestedBy(),
                RequestedVia.of(r.getRequestedVia()),
                r.getIdempotencyKey(),
                ConnectionStatus.of(r.getStatus()),
                r.getFailureReason(),
                r.getEndReason(),
                r.getRequestedAt(),
                r.getDialledAt(),
                r.getConnectedAt(),
                r.getEndedAt());
    }
}
