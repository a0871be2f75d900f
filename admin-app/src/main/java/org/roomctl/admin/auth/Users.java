package org.roomctl.admin.auth;

import static org.roomctl.schema.jooq.Tables.ADMIN_USER;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.roomctl.admin.http.Problem;
import org.roomctl.schema.Database;
import org.roomctl.schema.jooq.tables.records.AdminUserRecord;

/**
 * Console users in PostgreSQL, and checking their passwords. After {@link #FREE_ATTEMPTS} wrong
 * passwords in a row a user is locked for a while that doubles with every further wrong one (up
 * to {@link #MAX_LOCK}); the lock lives in the database, so guessing through several instances
 * behind a load balancer gains nothing.
 */
public final class Users {
    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final String NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";

    private final DSLContext sql;
    private final Passwords passwords;
    private final Clock clock;

    public Users(Database database, Passwords passwords, Clock clock) {
        this.sql = database.dsl();
        this.passwords = passwords;
        this.clock = clock;
    }

    /** How a sign-in went. */
    public sealed interface Login {
        record Ok(User user) implements Login {}

        record Refused() implements Login {}

        record Locked(Instant until) implements Login {}
    }

    /**
     * Makes a user.
     *
     * @throws Problem if the name is taken or malformed, or the password too weak
     */
    public User create(String name, Role role, char[] password, String createdBy) {
        String n = name == null ? "" : name.strip();
        if (!n.matches(NAME_RULE)) {
            throw Problem.badRequest("the user name must be 1 to 64 letters, digits, '.', '_', '@' or '-',"
                    + " starting with a letter or digit");
        }
        acceptable(n, password);
        Instant now = clock.instant();
        try {
            AdminUserRecord r = sql.insertInto(ADMIN_USER)
                    .set(ADMIN_USER.NAME, n)
                    .set(ADMIN_USER.ROLE, role.wireName())
                    .set(ADMIN_USER.PASSWORD_HASH, passwords.hash(password))
                    .set(ADMIN_USER.CREATED_AT, now)
                    .set(ADMIN_USER.CREATED_BY, createdBy)
                    .set(ADMIN_USER.PASSWORD_CHANGED_AT, now)
                    .returning()
                    .fetchOne();
            return user(r);
        } catch (IntegrityConstraintViolationException e) {
            throw Problem.conflict("there is already a user '" + n + "'");
        }
    }

    /** Creates the first admin if there is no user at all yet. @return whether it did */
    public boolean bootstrap(String name, char[] password) {
        if (count() > 0) {
            return false;
        }
        create(name, Role.ADMIN, password, "bootstrap");
        return true;
    }

    /**
     * Checks a sign-in. Unknown users, disabled users and wrong passwords are all refused alike
     * (and take as long), so the answer does not tell which names exist.
     */
    public Login login(String name, char[] password) {
        Instant now = clock.instant();
        AdminUserRecord r = name == null
                ? null
                : sql.selectFrom(ADMIN_USER)
                        .where(ADMIN_USER.NAME.eq(name.strip()))
                        .fetchOne();
        if (r == null) {
            passwords.verifyDecoy(password);
            return new Login.Refused();
        }
        if (r.getLockedUntil() != null && now.isBefore(r.getLockedUntil())) {
            return new Login.Locked(r.getLockedUntil());
        }
        boolean right = passwords.verify(password, r.getPasswordHash());
        if (!right || r.getDisabledAt() != null) {
            if (!right) {
                failed(r.getId(), now);
            }
            return new Login.Refused();
        }
        sql.update(ADMIN_USER)
                .set(ADMIN_USER.FAILED_LOGINS, 0)
                .setNull(ADMIN_USER.LOCKED_UNTIL)
                .where(ADMIN_USER.ID.eq(r.getId()))
                .execute();
        if (passwords.outdated(r.getPasswordHash())) {
            sql.update(ADMIN_USER)
                    .set(ADMIN_USER.PASSWORD_HASH, passwords.hash(password))
                    .where(ADMIN_USER.ID.eq(r.getId()))
                    .execute();
        }
        return new Login.Ok(user(r));
    }

    private void failed(long id, Instant now) {
        // One statement, so concurrent wrong guesses on several instances all count.
        AdminUserRecord r = sql.update(ADMIN_USER)
                .set(ADMIN_USER.FAILED_LOGINS, ADMIN_USER.FAILED_LOGINS.plus(1))
                .where(ADMIN_USER.ID.eq(id))
                .returning(ADMIN_USER.FAILED_LOGINS)
                .fetchOne();
        int failures = r == null ? 0 : r.getFailedLogins();
        if (failures >= FREE_ATTEMPTS) {
            sql.update(ADMIN_USER)
                    .set(ADMIN_USER.LOCKED_UNTIL, now.plus(lockFor(failures)))
                    .where(ADMIN_USER.ID.eq(id))
                    .execute();
        }
    }

    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
        Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }

    /** Checks a user's current password (before they change it). */
    public boolean passwordMatches(long id, char[] password) {
        String hash = sql.select(ADMIN_USER.PASSWORD_HASH)
                .from(ADMIN_USER)
                .where(ADMIN_USER.ID.eq(id))
                .fetchOne(ADMIN_USER.PASSWORD_HASH);
        return hash != null && passwords.verify(password, hash);
    }

    /** Sets a new password (and lifts a lock). @throws Problem if there is no such user or it is weak */
    public void setPassword(long id, char[] password) {
        User u = find(id).orElseThrow(() -> Problem.notFound("there is no user " + id));
        acceptable(u.name(), password);
        sql.update(ADMIN_USER)
                .set(ADMIN_USER.PASSWORD_HASH, passwords.hash(password))
                .set(ADMIN_USER.PASSWORD_CHANGED_AT, clock.instant())
                .set(ADMIN_USER.FAILED_LOGINS, 0)
                .setNull(ADMIN_USER.LOCKED_UNTIL)
                .where(ADMIN_USER.ID.eq(id))
                .execute();
    }

    /** @throws Problem if there is no such user */
    public void setRole(long id, Role role) {
        if (sql.update(ADMIN_USER)
                        .set(ADMIN_USER.ROLE, role.wireName())
                        .where(ADMIN_USER.ID.eq(id))
                        .execute()
                == 0) {
            throw Problem.notFound("there is no user " + id);
        }
    }

    /** @throws Problem if there is no such user */
    public void setDisabled(long id, boolean disabled) {
        if (sql.update(ADMIN_USER)
                        .set(ADMIN_USER.DISABLED_AT, disabled ? clock.instant() : null)
                        .where(ADMIN_USER.ID.eq(id))
                        .execute()
                == 0) {
            throw Problem.notFound("there is no user " + id);
        }
    }

    /** How many enabled admins there are: the last one may not be demoted or disabled. */
    public int enabledAdmins() {
        return sql.fetchCount(
                ADMIN_USER, ADMIN_USER.ROLE.eq(Role.ADMIN.wireName()).and(ADMIN_USER.DISABLED_AT.isNull()));
    }

    public Optional<User> find(long id) {
        return sql.selectFrom(ADMIN_USER).where(ADMIN_USER.ID.eq(id)).fetchOptional(Users::user);
    }

    public Optional<User> find(String name) {
        return sql.selectFrom(ADMIN_USER).where(ADMIN_USER.NAME.eq(name)).fetchOptional(Users::user);
    }

    public List<User> list() {
        return sql.selectFrom(ADMIN_USER).orderBy(ADMIN_USER.NAME).fetch(Users::user);
    }

    public int count() {
        return sql.fetchCount(ADMIN_USER);
    }

    private static void acceptable(String name, char[] password) {
        try {
            Passwords.checkAcceptable(name, password);
        } catch (Passwords.WeakPasswordException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    static User user(AdminUserRecord r) {
        return new User(
                r.getId(),
                r.getName(),
                Role.of(r.getRole()),
                r.getCreatedAt(),
                r.getCreatedBy(),
                r.getPasswordChangedAt(),
                r.getDisabledAt(),
                r.getLockedUntil());
    }
}
