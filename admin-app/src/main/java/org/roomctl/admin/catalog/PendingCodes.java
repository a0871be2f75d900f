package org.roomctl.admin.catalog;

import static org.roomctl.schema.jooq.Tables.PANEL_PAIRING_CODE;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.roomctl.schema.Database;

/**
 * Pairing codes issued and not yet used or expired. The codes themselves are not kept (only
 * their hashes), so the catalog shows when and by whom they were issued, and revoking removes
 * every pending code of a room: a revoked code is then simply unknown to a panel.
 */
public final class PendingCodes {
    /**
     * @param room the room
     * @param issuedBy who issued it
     * @param issuedAt when
     * @param expiresAt when it stops working
     */
    public record Pending(String room, String issuedBy, Instant issuedAt, Instant expiresAt) {}

    private final DSLContext sql;
    private final Clock clock;

    public PendingCodes(Database database, Clock clock) {
        this.sql = database.dsl();
        this.clock = clock;
    }

    /** Pending codes of every room, newest first. */
    public List<Pending> all() {
        return sql.selectFrom(PANEL_PAIRING_CODE)
                .where(PANEL_PAIRING_CODE.USED_AT.isNull())
                .and(PANEL_PAIRING_CODE.EXPIRES_AT.gt(clock.instant()))
                .orderBy(PANEL_PAIRING_CODE.ISSUED_AT.desc())
                .fetch(r -> new Pending(r.getRoomId(), r.getIssuedBy(), r.getIssuedAt(), r.getExpiresAt()));
    }

    /** Revokes a room's pending codes. @return how many */
    public int revoke(String room) {
        return sql.deleteFrom(PANEL_PAIRING_CODE)
                .where(PANEL_PAIRING_CODE.ROOM_ID.eq(room))
                .and(PANEL_PAIRING_CODE.USED_AT.isNull())
                .execute();
    }
}
