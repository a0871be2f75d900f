package org.roomctl.admin.auth;

import static org.roomctl.schema.jooq.Tables.ADMIN_SESSION;
import static org.roomctl.schema.jooq.Tables.ADMIN_USER;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.roomctl.schema.Database;

/**
 * Signed-in browsers, in PostgreSQL so every console instance behind a load balancer knows them.
 * The browser holds a random token; the table holds only its hash. A session ends when unused for
 * the idle time, at the latest after the maximum lifetime, at sign-out, or when revoked (password
 * change, user disabled, an admin's decision).
 */
public final class Sessions {
    /** Last-seen times (and the idle expiry) are written at most this often per session. */
    static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    private final DSLContext sql;
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    /** A session as its user sees it in their list. */
    public record Info(String hashPrefix, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String client) {}

    public Sessions(Database database, Clock clock, Duration idle, Duration max) {
        this.sql = database.dsl();
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    public Duration maxLifetime() {
        return max;
    }

    /** Opens a session for a user. @return the token for the browser's cookie */
    public String open(long userId, String client) {
        String token = Secrets.newSecret();
        Instant now = clock.instant();
        Instant maxUntil = now.plus(max);
        Instant expires = now.plus(idle);
        sql.insertInto(ADMIN_SESSION)
                .set(ADMIN_SESSION.TOKEN_HASH, Secrets.sha256(token))
                .set(ADMIN_SESSION.USER_ID, userId)
                .set(ADMIN_SESSION.CREATED_AT, now)
                .set(ADMIN_SESSION.LAST_SEEN_AT, now)
                .set(ADMIN_SESSION.EXPIRES_AT, expires.isAfter(maxUntil) ? maxUntil : expires)
                .set(ADMIN_SESSION.MAX_UNTIL, maxUntil)
                .set(ADMIN_SESSION.CLIENT, client == null ? null : truncate(client, 200))
                .execute();
        // Housekeeping: sessions long gone need not be kept.
        sql.deleteFrom(ADMIN_SESSION)
                .where(ADMIN_SESSION.EXPIRES_AT.lt(now.minus(Duration.ofDays(30))))
                .execute();
        return token;
    }

    /** The user of a valid session token, keeping the session alive. */
    public Optional<Principal> find(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        Record r = sql.select(
                        ADMIN_SESSION.LAST_SEEN_AT,
                        ADMIN_SESSION.MAX_UNTIL,
                        ADMIN_USER.ID,
                        ADMIN_USER.NAME,
                        ADMIN_USER.ROLE)
                .from(ADMIN_SESSION)
                .join(ADMIN_USER)
                .on(ADMIN_USER.ID.eq(ADMIN_SESSION.USER_ID))
                .where(ADMIN_SESSION.TOKEN_HASH.eq(hash))
                .and(ADMIN_SESSION.REVOKED_AT.isNull())
                .and(ADMIN_SESSION.EXPIRES_AT.gt(now))
                .and(ADMIN_USER.DISABLED_AT.isNull())
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        if (r.get(ADMIN_SESSION.LAST_SEEN_AT).plus(TOUCH_GRANULARITY).isBefore(now)) {
            Instant expires = now.plus(idle);
            Instant maxUntil = r.get(ADMIN_SESSION.MAX_UNTIL);
            sql.update(ADMIN_SESSION)
                    .set(ADMIN_SESSION.LAST_SEEN_AT, now)
                    .set(ADMIN_SESSION.EXPIRES_AT, expires.isAfter(maxUntil) ? maxUntil : expires)
                    .where(ADMIN_SESSION.TOKEN_HASH.eq(hash))
                    .execute();
        }
        return Optional.of(new Principal(
                Principal.Kind.USER,
                r.get(ADMIN_USER.ID),
                r.get(ADMIN_USER.NAME),
                Role.of(r.get(ADMIN_USER.ROLE)),
                hash));
    }

    /** Ends one session (sign-out). */
    public void revoke(String sessionHash) {
        sql.update(ADMIN_SESSION)
                .set(ADMIN_SESSION.REVOKED_AT, clock.instant())
                .where(ADMIN_SESSION.TOKEN_HASH.eq(sessionHash))
                .and(ADMIN_SESSION.REVOKED_AT.isNull())
                .execute();
    }

    /**
     * Ends every session of a user but one.
     *
     * @param keepHash the session to keep (the one changing its own password), or null for none
     * @return how many ended
     */
    public int revokeAll(long userId, String keepHash) {
        return sql.update(ADMIN_SESSION)
                .set(ADMIN_SESSION.REVOKED_AT, clock.instant())
                .where(ADMIN_SESSION.USER_ID.eq(userId))
                .and(ADMIN_SESSION.REVOKED_AT.isNull())
                .and(keepHash == null ? DSL.noCondition() : ADMIN_SESSION.TOKEN_HASH.ne(keepHash))
                .execute();
    }

    /** A user's valid sessions, newest first. */
    public List<Info> active(long userId) {
        return sql.selectFrom(ADMIN_SESSION)
                .where(ADMIN_SESSION.USER_ID.eq(userId))
                .and(ADMIN_SESSION.REVOKED_AT.isNull())
                .and(ADMIN_SESSION.EXPIRES_AT.gt(clock.instant()))
                .orderBy(ADMIN_SESSION.CREATED_AT.desc())
                .fetch(r -> new Info(
                        r.getTokenHash().substring(0, 8),
                        r.getCreatedAt(),
                        r.getLastSeenAt(),
                        r.getExpiresAt(),
                        r.getClient()));
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
