-- The editor's curation file against the catalogue (catalogue/curation.py). Parameters are bound.

-- name: app_ids
SELECT app_id FROM app;

-- name: audited_entries
SELECT entry FROM curation_audit;

-- name: insert_audit_entry
INSERT INTO curation_audit (applied_at, kind, app_id, entry, made_by, made_on, why)
VALUES ($applied_at, $kind, $app_id, $entry, $made_by, $made_on, $why);
