package org.roomctl.fleet.catalog;

import static org.roomctl.schema.jooq.Tables.DEVICE_STATUS;
import static org.roomctl.schema.jooq.Tables.ROOM;
import static org.roomctl.schema.jooq.Tables.ROOM_STATUS;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.roomctl.contract.Json;
import org.roomctl.contract.RoomInfo;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.schema.Database;

/** The catalog's tables: rooms, their last status, their devices' last status. */
public final class CatalogStore {
    private final DSLContext sql;

    public CatalogStore(Database database) {
        this.sql = database.dsl();
    }

    /**
     * Records a room's announcement: a new room joins the catalog (enabled); a known one keeps
     * what an admin set (display name and site, enabled) and gets the new announcement.
     */
    public void saveInfo(RoomInfo info, Instant at) {
        Map<Field<?>, Object> announced = new LinkedHashMap<>();
        announced.put(ROOM.NAME, info.name());
        announced.put(ROOM.SITE, info.site());
        announced.put(ROOM.CODEC_URI, info.codecUri());
        announced.put(ROOM.INFO, JSONB.valueOf(Json.string(info)));
        announced.put(ROOM.INFO_UPDATED_AT, at);
        sql.insertInto(ROOM)
                .set(ROOM.ID, info.id())
                .set(ROOM.FIRST_SEEN_AT, at)
                .set(announced)
                .onConflict(ROOM.ID)
                .doUpdate()
                .set(announced)
                .execute();
    }

    /** Records a room's availability and state, if the room is in the catalog. */
    public boolean saveStatus(RoomSnapshot s, Instant now) {
        return sql.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            if (!t.fetchExists(ROOM, ROOM.ID.eq(s.id()))) {
                return false;
            }
            CallState call = s.state() == null ? null : s.call();
            Map<Field<?>, Object> status = new LinkedHashMap<>();
            status.put(ROOM_STATUS.AVAILABILITY, s.availability());
            status.put(ROOM_STATUS.AVAILABILITY_SINCE, s.availabilitySince());
            status.put(ROOM_STATUS.CALL_STATE, call == null ? null : call.state());
            status.put(ROOM_STATUS.CALL_PEER, call == null ? null : call.peer());
            status.put(ROOM_STATUS.CALL_SINCE, call == null ? null : call.since());
            status.put(ROOM_STATUS.STATE, s.state() == null ? null : JSONB.valueOf(Json.string(s.state())));
            status.put(
                    ROOM_STATUS.STATE_SEQ, s.state() == null ? null : s.state().seq());
            status.put(
                    ROOM_STATUS.STATE_AT, s.state() == null ? null : s.state().timestamp());
            status.put(ROOM_STATUS.UPDATED_AT, now);
            t.insertInto(ROOM_STATUS)
                    .set(ROOM_STATUS.ROOM_ID, s.id())
                    .set(status)
                    .onConflict(ROOM_STATUS.ROOM_ID)
                    .doUpdate()
                    .set(status)
                    // Several instances write the same rooms: an older snapshot never replaces a newer one.
                    .where(ROOM_STATUS
                            .STATE_AT
                            .isNull()
                            .or(DSL.excluded(ROOM_STATUS.STATE_AT).isNull())
                            .or(ROOM_STATUS.STATE_AT.le(DSL.excluded(ROOM_STATUS.STATE_AT))))
                    .execute();
            if (s.state() != null) {
                for (DeviceState d : s.state().devices().values()) {
                    Map<Field<?>, Object> device = new LinkedHashMap<>();
                    device.put(DEVICE_STATUS.ROLE, d.role());
                    device.put(DEVICE_STATUS.TYPE, d.type());
                    device.put(DEVICE_STATUS.STATUS, d.status().wireName());
                    device.put(DEVICE_STATUS.REASON, d.reason());
                    device.put(DEVICE_STATUS.SINCE, d.since() != null ? d.since() : now);
                    device.put(DEVICE_STATUS.PROPERTIES, JSONB.valueOf(Json.string(d.properties())));
                    device.put(DEVICE_STATUS.UPDATED_AT, now);
                    t.insertInto(DEVICE_STATUS)
                            .set(DEVICE_STATUS.ROOM_ID, s.id())
                            .set(DEVICE_STATUS.DEVICE_ID, d.id())
                            .set(device)
                            .onConflict(DEVICE_STATUS.ROOM_ID, DEVICE_STATUS.DEVICE_ID)
                            .doUpdate()
                            .set(device)
                            .execute();
                }
                t.deleteFrom(DEVICE_STATUS)
                        .where(DEVICE_STATUS.ROOM_ID.eq(s.id()))
                        .and(DEVICE_STATUS.DEVICE_ID.notIn(s.state().devices().keySet()))
                        .execute();
            }
            return true;
        });
    }

    public List<CatalogRoom> rooms() {
        return select().orderBy(DSL.coalesce(ROOM.DISPLAY_SITE, ROOM.SITE), DSL.coalesce(ROOM.DISPLAY_NAME, ROOM.NAME))
                .fetch(CatalogStore::room);
    }

    public Optional<CatalogRoom> room(String id) {
        return select().where(ROOM.ID.eq(id)).fetchOptional(CatalogStore::room);
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        // Not ROOM.fields(): the info announcement (a JSON document per room) is not part of a
        // CatalogRoom, and reading it made listing thousands of rooms slow.
        return sql.select(
                        ROOM.ID,
                        ROOM.NAME,
                        ROOM.SITE,
                        ROOM.DISPLAY_NAME,
                        ROOM.DISPLAY_SITE,
                        ROOM.CODEC_URI,
                        ROOM.ENABLED,
                        ROOM.FIRST_SEEN_AT)
                .select(
                        ROOM_STATUS.AVAILABILITY,
                        ROOM_STATUS.AVAILABILITY_SINCE,
                        ROOM_STATUS.CALL_STATE,
                        ROOM_STATUS.CALL_PEER)
                .from(ROOM)
                .leftJoin(ROOM_STATUS)
                .on(ROOM_STATUS.ROOM_ID.eq(ROOM.ID));
    }

    private static CatalogRoom room(Record r) {
        String name = r.get(ROOM.DISPLAY_NAME) != null ? r.get(ROOM.DISPLAY_NAME) : r.get(ROOM.NAME);
        String site = r.get(ROOM.DISPLAY_SITE) != null ? r.get(ROOM.DISPLAY_SITE) : r.get(ROOM.SITE);
        String availability = r.get(ROOM_STATUS.AVAILABILITY);
        return new CatalogRoom(
                r.get(ROOM.ID),
                name,
                site,
                r.get(ROOM.NAME),
                r.get(ROOM.SITE),
                r.get(ROOM.CODEC_URI),
                r.get(ROOM.ENABLED),
                r.get(ROOM.FIRST_SEEN_AT),
                availability == null ? RoomSnapshot.UNKNOWN : availability,
                r.get(ROOM_STATUS.AVAILABILITY_SINCE),
                r.get(ROOM_STATUS.CALL_STATE),
                r.get(ROOM_STATUS.CALL_PEER));
    }

    /**
     * An admin sets the name and site people see; null or blank returns to the announced one.
     *
     * @return whether the room exists
     */
    public boolean editDisplay(String id, String displayName, String displaySite) {
        return sql.update(ROOM)
                        .set(ROOM.DISPLAY_NAME, blankToNull(displayName))
                        .set(ROOM.DISPLAY_SITE, blankToNull(displaySite))
                        .where(ROOM.ID.eq(id))
                        .execute()
                == 1;
    }

    /** @return whether the room exists */
    public boolean setEnabled(String id, boolean enabled) {
        return sql.update(ROOM).set(ROOM.ENABLED, enabled).where(ROOM.ID.eq(id)).execute() == 1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
