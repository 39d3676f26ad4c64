-- Stop and start: a stopped session keeps what it needs to start again, so its env values
-- (until now only their names were kept, in `env`) and its resource settings are stored.
-- Values, like the service secret, never leave the server.

-- `env` now holds the variables as a JSON object. The names stored so far had no values to
-- start with again: such a session starts with none.
UPDATE sessions SET env = '{}';

-- The container's memory limit in bytes and its CPUs; NULL for sessions made before this
-- migration, which take the configured values.
ALTER TABLE sessions ADD COLUMN memory_bytes INTEGER;
ALTER TABLE sessions ADD COLUMN cpus REAL;

-- Why a session was stopped ("stopped by its owner", "idle for 30m"), shown with `stopped`.
ALTER TABLE sessions ADD COLUMN stop_reason TEXT;

-- A `stopping` session whose row goes once its container is gone (a deletion, not a stop):
-- a restart of the server finishes what was asked.
ALTER TABLE sessions ADD COLUMN deleting INTEGER NOT NULL DEFAULT 0 CHECK (deleting IN (0, 1));
