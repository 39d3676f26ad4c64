-- Warm slots: containers of the default image started ahead of any request, each waiting, with its
-- services answering, to become a session (session.WarmPool). A slot's id is the id its session
-- will have, so its container, network and labels are already that session's. A slot belongs to
-- no user: it is not a session, and counts in no one's limit.

CREATE TABLE warm_slots (
    id              TEXT PRIMARY KEY,
    -- starting: being launched (a restart finds it interrupted); ready: its services answered.
    state           TEXT NOT NULL CHECK (state IN ('starting', 'ready')),
    image           TEXT NOT NULL,
    -- The id the image had when the slot was made: a slot of an image since replaced is replaced.
    image_id        TEXT NOT NULL,
    -- <workspace_root>/.warm/<id>, the empty directory the container mounts until it is claimed,
    -- and that directory's identity (device:inode) once made.
    directory       TEXT NOT NULL,
    directory_key   TEXT,
    container_id    TEXT,
    container_name  TEXT NOT NULL,
    network_name    TEXT NOT NULL,
    -- The services' shared secret, handed to the session that claims the slot. Never leaves the server.
    service_secret  TEXT NOT NULL,
    opencode_port   INTEGER NOT NULL,
    fileserver_port INTEGER NOT NULL,
    ttyd_port       INTEGER NOT NULL,
    created_at      TEXT NOT NULL
);

CREATE TABLE warm_slot_ports (
    port    INTEGER PRIMARY KEY,
    slot_id TEXT NOT NULL REFERENCES warm_slots (id) ON DELETE CASCADE
);

-- A host port has one holder, a session or a slot: claiming moves a slot's ports to its session
-- (slot rows first, in one transaction), and nothing may hand one port to both.
CREATE TRIGGER session_port_not_held_by_a_slot
BEFORE INSERT ON session_ports
WHEN EXISTS (SELECT 1 FROM warm_slot_ports WHERE port = NEW.port)
BEGIN
    SELECT RAISE(ABORT, 'the port is held by a warm slot');
END;

CREATE TRIGGER slot_port_not_held_by_a_session
BEFORE INSERT ON warm_slot_ports
WHEN EXISTS (SELECT 1 FROM session_ports WHERE port = NEW.port)
BEGIN
    SELECT RAISE(ABORT, 'the port is held by a session');
END;
