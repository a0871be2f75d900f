-- roomctl: rooms, their last known state, connections between them, the bus record and the
-- audit log. The database guarantees what must never happen: a room in two active
-- connections, two connections from one idempotency key, a status outside its set.
--
-- Text columns are varchar (identical to text in PostgreSQL) so that jOOQ's DDL parser can
-- read this file at build time; PostgreSQL-only statements sit between jooq ignore markers.

-- The catalog: rooms appear from their agents' retained info announcements.
CREATE TABLE room (
    id               varchar     PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name             varchar     NOT NULL,              -- as the agent announces it
    site             varchar     NOT NULL,
    display_name     varchar,                           -- an admin's override of name
    display_site     varchar,                           -- an admin's override of site
    codec_uri        varchar,
    enabled          boolean     NOT NULL DEFAULT true,
    info             jsonb,                             -- the last info announcement
    first_seen_at    timestamptz NOT NULL DEFAULT now(),
    info_updated_at  timestamptz
);

-- The last known availability and state of each room, from the bus.
CREATE TABLE room_status (
    room_id             varchar     PRIMARY KEY REFERENCES room (id) ON DELETE CASCADE,
    availability        varchar     NOT NULL CHECK (availability IN ('online', 'offline', 'unknown')),
    availability_since  timestamptz NOT NULL,
    call_state          varchar,
    call_peer           varchar,
    call_since          timestamptz,
    state               jsonb,                          -- the last state snapshot
    state_seq           bigint,
    state_at            timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Each device's last known health, for the console's fleet view and alerts.
CREATE TABLE device_status (
    room_id     varchar     NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    device_id   varchar     NOT NULL,
    role        varchar     NOT NULL,
    type        varchar     NOT NULL,
    status      varchar     NOT NULL CHECK (status IN ('online', 'degraded', 'offline')),
    reason      varchar,
    since       timestamptz NOT NULL,
    properties  jsonb,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, device_id)
);

-- A connection: one room calls another.
CREATE TABLE connection (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caller_room      varchar     NOT NULL REFERENCES room (id),
    callee_room      varchar     NOT NULL REFERENCES room (id),
    requested_by     varchar     NOT NULL,              -- a user, a panel, an API token, a schedule
    requested_via    varchar     NOT NULL CHECK (requested_via IN ('panel', 'admin', 'api', 'schedule')),
    idempotency_key  varchar     UNIQUE,
    status           varchar     NOT NULL CHECK (status IN ('requested', 'dialling', 'connected', 'disconnecting', 'ended', 'failed')),
    failure_reason   varchar,
    end_reason       varchar,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    dial_claimed_by  varchar,                           -- the app instance that sent the dial
    dialled_at       timestamptz,
    connected_at     timestamptz,
    ended_at         timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (caller_room <> callee_room),
    CHECK ((status = 'failed') = (failure_reason IS NOT NULL)),
    CHECK ((status IN ('ended', 'failed')) = (ended_at IS NOT NULL))
);
CREATE INDEX connection_open ON connection (status) WHERE status NOT IN ('ended', 'failed');
CREATE INDEX connection_requested_at ON connection (requested_at);
CREATE INDEX connection_caller ON connection (caller_room, requested_at);
CREATE INDEX connection_callee ON connection (callee_room, requested_at);

-- The rooms an open connection holds. A room is in at most one active connection: the
-- partial unique index refuses a second one, whichever app instance tries.
CREATE TABLE connection_member (
    connection_id  bigint  NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    room_id        varchar NOT NULL REFERENCES room (id),
    active         boolean NOT NULL DEFAULT true,
    PRIMARY KEY (connection_id, room_id)
);
-- [jooq ignore start]
CREATE UNIQUE INDEX connection_member_one_active_per_room ON connection_member (room_id) WHERE active;
-- [jooq ignore stop]

-- Every transition of every connection, recorded once.
CREATE TABLE connection_event (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id  bigint      NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    at             timestamptz NOT NULL DEFAULT now(),
    from_status    varchar,
    to_status      varchar     NOT NULL,
    detail         varchar,
    instance       varchar     NOT NULL                 -- the app instance that recorded it
);
CREATE INDEX connection_event_connection ON connection_event (connection_id, id);

-- Every message on the bus under the prefix, as received.
CREATE TABLE bus_message (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at   timestamptz NOT NULL,
    topic         varchar     NOT NULL,
    room_id       varchar,                              -- from the topic; no foreign key: any room
    payload       bytea       NOT NULL,
    payload_text  varchar,                              -- the payload when it is UTF-8 text
    qos           smallint    NOT NULL CHECK (qos BETWEEN 0 AND 2),
    retained      boolean     NOT NULL,
    properties    jsonb,                                -- MQTT 5 properties
    dedupe_key    varchar     NOT NULL UNIQUE           -- one row per message, however often it is delivered
);
CREATE INDEX bus_message_received_at ON bus_message (received_at);
CREATE INDEX bus_message_room ON bus_message (room_id, received_at);
CREATE INDEX bus_message_topic ON bus_message (topic, received_at);

-- Who did what and when: every state-changing action.
CREATE TABLE audit_log (
    id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    actor   varchar     NOT NULL,
    action  varchar     NOT NULL,
    target  varchar,
    detail  jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);
