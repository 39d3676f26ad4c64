-- Sessions and the host ports they hold. A port is held by at most one session (primary key),
-- which is what keeps two live sessions off the same port, across processes and restarts.

CREATE TABLE sessions (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users (id),
    status          TEXT NOT NULL
                    CHECK (status IN ('pending', 'starting', 'running', 'stopping', 'stopped', 'failed')),
    image           TEXT NOT NULL,
    workspace_path  TEXT NOT NULL,
    container_id    TEXT,
    container_name  TEXT NOT NULL,
    network_name    TEXT NOT NULL,
    runtime         TEXT NOT NULL,
    -- The services' shared secret: the proxies need it after a restart. Never leaves the server.
    service_secret  TEXT NOT NULL,
    opencode_port   INTEGER NOT NULL,
    fileserver_port INTEGER NOT NULL,
    ttyd_port       INTEGER NOT NULL,
    env             TEXT NOT NULL DEFAULT '{}',
    created_at      TEXT NOT NULL,
    started_at      TEXT,
    stopped_at      TEXT,
    error_message   TEXT,
    exit_code       INTEGER
);

CREATE INDEX sessions_user ON sessions (user_id, created_at);

CREATE TABLE session_ports (
    port       INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE
);
