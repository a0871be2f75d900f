-- Schedules: bookings (two rooms connected for a time window) and each site's end-of-day
-- shutdown, with a record of every run. The database guarantees what must never happen: a room
-- in two bookings that overlap, a booking started or ended twice, a site shut down twice a day.

-- A booking: the caller room is connected to the callee room from starts_at to ends_at.
--   booked -> starting -> active -> ending -> ended          (the normal life)
--   starting -> booked                                       (a start failed; retried later)
--   booked | starting -> failed                              (no retry left)
--   booked -> missed                                         (the window passed unattended)
--   booked | starting | active | ending -> cancelled
-- starting and ending are claims: the app instance in claimed_by is acting on it.
CREATE TABLE booking (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caller_room       varchar     NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    callee_room       varchar     NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    title             varchar     NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    booked_by         varchar     NOT NULL,
    booked_at         timestamptz NOT NULL,
    state             varchar     NOT NULL CHECK (state IN ('booked', 'starting', 'active', 'ending', 'ended', 'failed', 'missed', 'cancelled')),
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    first_attempt_at  timestamptz,                      -- when the first start attempt was made
    next_attempt_at   timestamptz,                      -- no start attempt before this
    last_failure      varchar,                          -- why the last start attempt did not connect
    claimed_by        varchar,                          -- the instance starting or ending it now
    claimed_at        timestamptz,
    connection_id     bigint      REFERENCES connection (id),
    outcome           varchar,                          -- how it finished, in words
    cancelled_by      varchar,
    finished_at       timestamptz,
    updated_at        timestamptz NOT NULL,
    CHECK (caller_room <> callee_room),
    CHECK (starts_at < ends_at),
    CHECK ((state IN ('starting', 'ending')) = (claimed_by IS NOT NULL AND claimed_at IS NOT NULL)),
    CHECK (state NOT IN ('active', 'ending') OR connection_id IS NOT NULL),
    CHECK ((state IN ('ended', 'failed', 'missed', 'cancelled')) = (finished_at IS NOT NULL AND outcome IS NOT NULL)),
    CHECK ((state = 'cancelled') = (cancelled_by IS NOT NULL))
);
CREATE INDEX booking_starts_at ON booking (starts_at);
CREATE INDEX booking_ends_at ON booking (ends_at);
CREATE INDEX booking_caller ON booking (caller_room, starts_at);
CREATE INDEX booking_callee ON booking (callee_room, starts_at);
-- [jooq ignore start]
CREATE INDEX booking_open ON booking (starts_at) WHERE state IN ('booked', 'starting', 'active', 'ending');
-- [jooq ignore stop]

-- Every change of state of every booking, recorded once, by the instance that made it.
CREATE TABLE booking_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  bigint      NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    from_state  varchar,
    to_state    varchar     NOT NULL,
    detail      varchar,
    instance    varchar     NOT NULL
);
CREATE INDEX booking_event_booking ON booking_event (booking_id, id);

-- The rooms a booking holds, kept by a trigger from the booking alone: a row per room while the
-- booking is booked, starting, active or ending. The exclusion constraint refuses a room in two
-- bookings whose windows overlap (half-open: one may start when the other ends), whichever
-- instance or tool writes the booking.
CREATE TABLE booking_room (
    booking_id  bigint      NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    room_id     varchar     NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    PRIMARY KEY (booking_id, room_id)
);
-- [jooq ignore start]
-- btree_gist lets a GiST index compare the room id with =. It is a trusted extension
-- (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE booking_room ADD CONSTRAINT booking_room_no_overlap
    EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&);

CREATE FUNCTION booking_room_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM booking_room WHERE booking_id = NEW.id;
    IF NEW.state IN ('booked', 'starting', 'active', 'ending') THEN
        INSERT INTO booking_room (booking_id, room_id, starts_at, ends_at)
        VALUES (NEW.id, NEW.caller_room, NEW.starts_at, NEW.ends_at),
               (NEW.id, NEW.callee_room, NEW.starts_at, NEW.ends_at);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER booking_room_sync AFTER INSERT OR UPDATE OF state, caller_room, callee_room, starts_at, ends_at
    ON booking FOR EACH ROW EXECUTE FUNCTION booking_room_sync();
-- [jooq ignore stop]

-- A site's end-of-day shutdown: every room of the site is switched off at a local time each day.
CREATE TABLE site_shutdown (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site        varchar     NOT NULL UNIQUE CHECK (char_length(site) BETWEEN 1 AND 200),
    local_time  time        NOT NULL,
    time_zone   varchar     NOT NULL CHECK (time_zone ~ '^[A-Za-z][A-Za-z0-9_+/-]*$'),
    enabled     boolean     NOT NULL DEFAULT true,
    created_by  varchar     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_by  varchar     NOT NULL,
    updated_at  timestamptz NOT NULL                    -- a run is due only at times after this
);

-- One run of a site's shutdown: at most one per site and local day, whichever instance claims it.
CREATE TABLE shutdown_run (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shutdown_id   bigint      REFERENCES site_shutdown (id) ON DELETE SET NULL,
    site          varchar     NOT NULL,
    local_date    date        NOT NULL,
    scheduled_at  timestamptz NOT NULL,
    status        varchar     NOT NULL CHECK (status IN ('running', 'done', 'missed')),
    claimed_by    varchar     NOT NULL,                 -- the instance running it
    claimed_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    note          varchar,
    UNIQUE (site, local_date),
    CHECK ((status = 'running') = (finished_at IS NULL))
);
CREATE INDEX shutdown_run_scheduled_at ON shutdown_run (scheduled_at);

-- What a run did to each room of the site.
CREATE TABLE shutdown_room (
    run_id      bigint      NOT NULL REFERENCES shutdown_run (id) ON DELETE CASCADE,
    room_id     varchar     NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    outcome     varchar     NOT NULL CHECK (outcome IN ('ok', 'failed', 'skipped')),
    reason      varchar,                                -- why it failed or was skipped
    booking_id  bigint      REFERENCES booking (id) ON DELETE SET NULL,  -- the booking it was skipped for
    at          timestamptz NOT NULL,
    PRIMARY KEY (run_id, room_id),
    CHECK ((outcome = 'ok') = (reason IS NULL))
);
