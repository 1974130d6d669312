-- The schema's version (catalogue/migrations.py). Parameters are bound.

-- name: create_version_table
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    applied_at  TIMESTAMP NOT NULL,    -- UTC
    description VARCHAR NOT NULL
);

-- name: current_version
SELECT coalesce(max(version), 0) FROM schema_version;

-- name: record_migration
INSERT INTO schema_version (version, applied_at, description)
VALUES ($version, $applied_at, $description);
