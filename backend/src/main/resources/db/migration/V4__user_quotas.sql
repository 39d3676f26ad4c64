-- Each user's own quota for their live sessions, set by an admin (PUT /api/users/{id}/quota).
-- NULL means the server's default: config sessions.max_per_user, max_memory_per_user and
-- max_cpus_per_user. Memory in bytes, CPUs in cores.

ALTER TABLE users ADD COLUMN quota_max_sessions INTEGER
    CHECK (quota_max_sessions IS NULL OR quota_max_sessions >= 0);
ALTER TABLE users ADD COLUMN quota_max_memory_bytes INTEGER
    CHECK (quota_max_memory_bytes IS NULL OR quota_max_memory_bytes > 0);
ALTER TABLE users ADD COLUMN quota_max_cpus REAL
    CHECK (quota_max_cpus IS NULL OR quota_max_cpus > 0);
