package org.roomctl.admin.auth;

import static org.roomctl.schema.jooq.Tables.API_TOKEN;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.roomctl.admin.http.Problem;
import org.roomctl.schema.Database;
import org.roomctl.schema.jooq.tables.records.ApiTokenRecord;

/**
 * API tokens: {@code rct.<id>.<secret>}, sent as {@code Authorization: Bearer}. Only a hash of
 * the secret is stored; a token is revocable and carries its own role.
 */
public final class ApiTokens {
    static final String PREFIX = "rct.";

    private final DSLContext sql;
    private final Clock clock;

    public ApiTokens(Database database, Clock clock) {
        this.sql = database.dsl();
        this.clock = clock;
    }

    /**
     * Issues a token.
     *
     * @throws Problem if the name is empty, too long, or used by a valid token
     */
    public ApiToken.Issued issue(String name, Role role, String createdBy) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 80 || !n.matches("[\\p{L}\\p{N} ._@:-]+")) {
            throw Problem.badRequest(
                    "the token name must be 1 to 80 letters, digits, spaces or . _ @ : - (say what it is for)");
        }
        String secret = Secrets.newSecret();
        try {
            ApiTokenRecord r = sql.insertInto(API_TOKEN)
                    .set(API_TOKEN.NAME, n)
                    .set(API_TOKEN.ROLE, role.wireName())
                    .set(API_TOKEN.SECRET_HASH, Secrets.sha256(secret))
                    .set(API_TOKEN.CREATED_AT, clock.instant())
                    .set(API_TOKEN.CREATED_BY, createdBy)
                    .returning()
                    .fetchOne();
            return new ApiToken.Issued(token(r), PREFIX + r.getId() + "." + secret);
        } catch (IntegrityConstraintViolationException e) {
            throw Problem.conflict("a valid token is already called '" + n + "'; revoke it first or pick another name");
        }
    }

    /** The principal a bearer token stands for, if it is a valid API token. */
    public Optional<Principal> authenticate(String bearer) {
        if (bearer == null || !bearer.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = bearer.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(rest.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        ApiTokenRecord r = sql.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchOne();
        if (r == null
                || r.getRevokedAt() != null
                || !Secrets.sameHash(r.getSecretHash(), Secrets.sha256(rest.substring(dot + 1)))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (r.getLastUsedAt() == null
                || r.getLastUsedAt().plus(Sessions.TOUCH_GRANULARITY).isBefore(now)) {
            sql.update(API_TOKEN)
                    .set(API_TOKEN.LAST_USED_AT, now)
                    .where(API_TOKEN.ID.eq(id))
                    .execute();
        }
        return Optional.of(new Principal(Principal.Kind.TOKEN, r.getId(), r.getName(), Role.of(r.getRole()), null));
    }

    /** @return whether it was valid until now */
    public boolean revoke(long id, String by) {
        return sql.update(API_TOKEN)
                        .set(API_TOKEN.REVOKED_AT, clock.instant())
                        .set(API_TOKEN.REVOKED_BY, by)
                        .where(API_TOKEN.ID.eq(id))
                        .and(API_TOKEN.REVOKED_AT.isNull())
                        .execute()
                == 1;
    }

    public Optional<ApiToken> find(long id) {
        return sql.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchOptional(ApiTokens::token);
    }

    /** Every token, valid ones first, newest first. */
    public List<ApiToken> list() {
        return sql.selectFrom(API_TOKEN)
                .orderBy(API_TOKEN.REVOKED_AT.isNotNull(), API_TOKEN.ID.desc())
                .fetch(ApiTokens::token);
    }

    private static ApiToken token(ApiTokenRecord r) {
        return new ApiToken(
                r.getId(),
                r.getName(),
                Role.of(r.getRole()),
                r.getCreatedAt(),
                r.getCreatedBy(),
                r.getLastUsedAt(),
                r.getRevokedAt(),
                r.getRevokedBy());
    }
}
