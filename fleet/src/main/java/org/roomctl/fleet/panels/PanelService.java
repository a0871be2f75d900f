package org.roomctl.fleet.panels;

import static org.roomctl.schema.jooq.Tables.PANEL;
import static org.roomctl.schema.jooq.Tables.PANEL_PAIRING_CODE;
import static org.roomctl.schema.jooq.Tables.ROOM;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.roomctl.schema.Database;
import org.roomctl.schema.jooq.tables.records.PanelRecord;

/**
 * Binding touch panels to rooms. An admin (or the command line) issues a short pairing code for
 * a room; a panel exchanges it once, within its lifetime, for a long-lived credential; the
 * credential is revocable. Codes and secrets are random, and stored only as SHA-256 hashes.
 */
public final class PanelService {
    /** Letters and digits that cannot be mistaken for each other on a screen or over the phone. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static final Duration DEFAULT_CODE_LIFETIME = Duration.ofMinutes(15);
    /** Last-seen times are written at most this often per panel. */
    static final Duration SEEN_GRANULARITY = Duration.ofMinutes(1);

    private final DSLContext sql;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PanelService(Database database, Clock clock) {
        this.sql = database.dsl();
        this.clock = clock;
    }

    /** Why an enrolment was refused, in words for the person at the panel. */
    public static final class EnrolmentRefused extends Exception {
        EnrolmentRefused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Issues a pairing code for {@code room}.
     *
     * @throws IllegalArgumentException if there is no such room
     */
    public PairingCode issueCode(String room, String issuedBy, Duration lifetime) {
        if (!sql.fetchExists(ROOM, ROOM.ID.eq(room))) {
            throw new IllegalArgumentException("there is no room '" + room + "'");
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        sql.insertInto(PANEL_PAIRING_CODE)
                .set(PANEL_PAIRING_CODE.CODE_HASH, hash(normal(code.toString())))
                .set(PANEL_PAIRING_CODE.ROOM_ID, room)
                .set(PANEL_PAIRING_CODE.ISSUED_BY, issuedBy)
                .set(PANEL_PAIRING_CODE.ISSUED_AT, now)
                .set(PANEL_PAIRING_CODE.EXPIRES_AT, expires)
                .execute();
        return new PairingCode(code.toString(), room, expires);
    }

    /**
     * Exchanges a pairing code for a panel credential. The code works once.
     *
     * @param panelName what to call the panel (its browser, a label)
     * @throws EnrolmentRefused if the code is unknown, used or expired
     */
    public PanelCredential enrol(String code, String panelName) throws EnrolmentRefused {
        String codeHash = hash(normal(code));
        Instant now = clock.instant();
        String secret = secret();
        try {
            return enrolIn(codeHash, panelName, now, secret);
        } catch (org.jooq.exception.DataAccessException e) {
            // jOOQ wraps what a transaction throws; a refusal is ours to say.
            if (e.getCause() instanceof EnrolmentRefused refused) {
                throw refused;
            }
            throw e;
        }
    }

    private PanelCredential enrolIn(String codeHash, String panelName, Instant now, String secret) {
        return sql.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var pairing = t.selectFrom(PANEL_PAIRING_CODE)
                    .where(PANEL_PAIRING_CODE.CODE_HASH.eq(codeHash))
                    .forUpdate()
                    .fetchOne();
            if (pairing == null) {
                throw new EnrolmentRefused("that code is not known; check it, or ask for a new one");
            }
            if (pairing.getUsedAt() != null) {
                throw new EnrolmentRefused("that code has been used already; ask for a new one");
            }
            if (!now.isBefore(pairing.getExpiresAt())) {
                throw new EnrolmentRefused("that code has expired; ask for a new one");
            }
            PanelRecord panel = t.insertInto(PANEL)
                    .set(PANEL.ROOM_ID, pairing.getRoomId())
                    .set(PANEL.NAME, panelName == null || panelName.isBlank() ? "touch panel" : panelName.strip())
                    .set(PANEL.SECRET_HASH, hash(secret))
                    .set(PANEL.ENROLLED_AT, now)
                    .returning()
                    .fetchOne();
            pairing.setUsedAt(now);
            pairing.setPanelId(panel.getId());
            pairing.update();
            return new PanelCredential(panel(panel), panel.getId() + "." + secret);
        });
    }

    /** The panel a credential belongs to, if it is valid (known and not revoked). */
    public Optional<Panel> authenticate(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        PanelRecord r = sql.selectFrom(PANEL).where(PANEL.ID.eq(id)).fetchOne();
        if (r == null
                || r.getRevokedAt() != null
                || !MessageDigest.isEqual(
                        r.getSecretHash().getBytes(StandardCharsets.US_ASCII),
                        hash(token.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (r.getLastSeenAt() == null
                || r.getLastSeenAt().plus(SEEN_GRANULARITY).isBefore(now)) {
            sql.update(PANEL)
                    .set(PANEL.LAST_SEEN_AT, now)
                    .where(PANEL.ID.eq(id))
                    .execute();
            r.setLastSeenAt(now);
        }
        return Optional.of(panel(r));
    }

    /**
     * Revokes a panel: its credential stops working at once.
     *
     * @return whether there was such a panel still valid
     */
    public boolean revoke(long panelId, String revokedBy) {
        return sql.update(PANEL)
                        .set(PANEL.REVOKED_AT, clock.instant())
                        .set(PANEL.REVOKED_BY, revokedBy)
                        .where(PANEL.ID.eq(panelId))
                        .and(PANEL.REVOKED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Panels, newest first; of one room if {@code room} is not null. */
    public List<Panel> panels(String room) {
        var q = sql.selectFrom(PANEL);
        return (room == null ? q : q.where(PANEL.ROOM_ID.eq(room)))
                .orderBy(PANEL.ID.desc())
                .fetch(PanelService::panel);
    }

    private static Panel panel(PanelRecord r) {
        return new Panel(
                r.getId(),
                r.getRoomId(),
                r.getName(),
                r.getEnrolledAt(),
                r.getLastSeenAt(),
                r.getRevokedAt(),
                r.getRevokedBy());
    }

    /** A code as typed: case and separators do not matter. */
    static String normal(String code) {
        return code == null ? "" : code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    private String secret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }
}
