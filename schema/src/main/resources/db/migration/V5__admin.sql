-- The admin console: its users, their sessions, and API tokens for automation. Passwords are
-- kept as Argon2id hashes; session tokens and API token secrets as SHA-256 hashes (they are
-- long random strings, so a fast hash is enough), never in clear.

-- A person who may use the console, with one role.
CREATE TABLE admin_user (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 varchar     NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$'),
    role                 varchar     NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    password_hash        varchar     NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at           timestamptz NOT NULL,
    created_by           varchar     NOT NULL,
    password_changed_at  timestamptz NOT NULL,
    disabled_at          timestamptz,
    failed_logins        integer     NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until         timestamptz                    -- no login before then (too many wrong passwords)
);

-- A signed-in browser. Shared by every console instance behind a load balancer.
CREATE TABLE admin_session (
    token_hash    varchar     PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES admin_user (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,                 -- moves on with use, up to max_until
    max_until     timestamptz NOT NULL,                 -- never valid after this, however used
    revoked_at    timestamptz,
    client        varchar,                              -- address and browser, for the user's own list
    CHECK (expires_at > created_at),
    CHECK (max_until >= expires_at)
);
CREATE INDEX admin_session_user ON admin_session (user_id);
CREATE INDEX admin_session_expires ON admin_session (expires_at);

-- A credential for automation, sent as "Authorization: Bearer", with a role of its own.
CREATE TABLE api_token (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          varchar     NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    role          varchar     NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    secret_hash   varchar     NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL,
    created_by    varchar     NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    varchar,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
-- [jooq ignore start]
-- A name means one token at a time, so the audit log's "token:NAME" is never ambiguous.
CREATE UNIQUE INDEX api_token_one_valid_per_name ON api_token (name) WHERE revoked_at IS NULL;
-- [jooq ignore stop]
