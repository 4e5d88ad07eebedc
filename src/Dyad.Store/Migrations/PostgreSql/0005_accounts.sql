-- The team that shares a store through 'dyad serve': who may read, who may also write, who also manages users. A
-- password is kept only as ASP.NET Core Identity's salted PBKDF2 hash, an API token only as its SHA-256; every change
-- to a user or a token is kept in record_changes like any other record.
CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL,
    password_hash TEXT,
    -- Changes whenever the password or the role does: a login cookie issued before is no longer accepted.
    stamp         TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TIMESTAMPTZ,
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_name  TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    last_used  TIMESTAMPTZ
);
