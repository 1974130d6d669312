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

-- Migration 2: the rating codes in English (catalogue/migrations.py, english_rating_codes).

-- name: rating_table_exists
SELECT count(*) FROM information_schema.tables WHERE table_name = 'rating';

-- name: rename_evidence_code
UPDATE rating SET value = $new WHERE dimension = 'evidence' AND value ->> '$' = $old;

-- name: rename_confidence
UPDATE rating SET confidence = $new WHERE confidence = $old;

-- name: cost_ratings
SELECT score_run_id, app_id, dimension, value FROM rating
WHERE dimension = 'blended_care' AND list_contains($old_codes, value ->> '$.cost');

-- name: update_rating_value
UPDATE rating SET value = $new
WHERE score_run_id = $score_run_id AND app_id = $app_id AND dimension = $dimension;

-- name: reason_source_ratings
SELECT score_run_id, app_id, dimension, reasons FROM rating
WHERE list_has_any(CAST(json_extract_string(reasons, '$[*].source') AS VARCHAR[]), $old_codes);

-- name: update_rating_reasons
UPDATE rating SET reasons = $new
WHERE score_run_id = $score_run_id AND app_id = $app_id AND dimension = $dimension;
