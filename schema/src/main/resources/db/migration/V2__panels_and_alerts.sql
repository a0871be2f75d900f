-- Touch panels bound to rooms, and alerts (help requests from panels among them).

-- A short pairing code, issued for a room, exchanged once for a panel credential. Only a hash of
-- the code is kept.
CREATE TABLE panel_pairing_code (
    code_hash   varchar     PRIMARY KEY,
    room_id     varchar     NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    issued_by   varchar     NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    panel_id    bigint,                                -- the panel it enrolled
    CHECK (expires_at > issued_at)
);
CREATE INDEX panel_pairing_code_room ON panel_pairing_code (room_id, issued_at);

-- An enrolled panel: it may control its room only. Only a hash of its secret is kept.
CREATE TABLE panel (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id      varchar     NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    name         varchar     NOT NULL,
    secret_hash  varchar     NOT NULL UNIQUE,
    enrolled_at  timestamptz NOT NULL,
    last_seen_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar
);
CREATE INDEX panel_room ON panel (room_id);

-- Something an operator should look at: a device offline too long, a room agent offline, a
-- failed connection, a help request from a panel. Acknowledged and resolved by someone.
CREATE TABLE alert (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             varchar     NOT NULL CHECK (kind IN ('device_offline', 'agent_offline', 'connection_failed', 'help')),
    room_id          varchar     REFERENCES room (id) ON DELETE CASCADE,
    device_id        varchar,
    subject          varchar     NOT NULL,              -- what it is about, for raising it once: 'room-a/camera'
    message          varchar     NOT NULL,
    raised_by        varchar     NOT NULL,              -- a panel, an app instance's rule
    raised_at        timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar,
    resolved_at      timestamptz,
    resolved_by      varchar,
    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
);
CREATE INDEX alert_raised_at ON alert (raised_at);
-- [jooq ignore start]
-- One open alert per kind and subject, however many instances notice the same thing.
CREATE UNIQUE INDEX alert_one_open_per_subject ON alert (kind, subject) WHERE resolved_at IS NULL AND kind <> 'help';
CREATE INDEX alert_open ON alert (raised_at) WHERE resolved_at IS NULL;
-- [jooq ignore stop]
