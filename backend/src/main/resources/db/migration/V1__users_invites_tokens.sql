-- Users, the invite codes that let them register, and revoked tokens (logout).
-- Instants are RFC 3339 UTC text (see SqliteDialect); booleans are 0/1.

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'user')),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL
);

CREATE TABLE invite_codes (
    code       TEXT PRIMARY KEY,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'user')),
    max_uses   INTEGER NOT NULL CHECK (max_uses >= 1),
    uses       INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
    expires_at TEXT,
    revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    note       TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT
);

CREATE INDEX invite_codes_created_at ON invite_codes (created_at DESC);

CREATE TABLE revoked_tokens (
    jti        TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);

CREATE INDEX revoked_tokens_expires_at ON revoked_tokens (expires_at);
