-- The editor's change report after a run, read by publish/report.py. Parameters are bound.

-- name: new_apps
SELECT a.app_id, c.name FROM app a JOIN app_current c USING (app_id)
WHERE a.created_run = $run_id ORDER BY c.name;

-- name: gone_apps
SELECT DISTINCT h.app_id, c.name, h.source, h.source_id FROM app_history h
JOIN app_current c USING (app_id)
WHERE h.event = 'gone' AND h.run_id = $run_id ORDER BY h.app_id;

-- name: changed_fields
-- The changes of the run in the fields the report watches ($fields).
SELECT app_id, source, field, old_value, new_value FROM record_changes
WHERE run_id = $run_id AND app_id IS NOT NULL AND list_contains($fields, field)
ORDER BY app_id, source, field;

-- name: failed_sources
SELECT source, status, reason FROM source_run
WHERE run_id = $run_id AND status IN ('failed', 'partial') ORDER BY source;

-- name: changed_rating_labels
-- Ratings of the scoring run in $dimensions whose label differs from the app's rating before.
SELECT r.app_id, r.dimension, p.label, r.label FROM rating r
JOIN rating p ON p.app_id = r.app_id AND p.dimension = r.dimension
  AND p.score_run_id = (SELECT max(score_run_id) FROM rating q
      WHERE q.app_id = r.app_id AND q.dimension = r.dimension
        AND q.score_run_id < r.score_run_id)
WHERE r.score_run_id = $score_run_id AND list_contains($dimensions, r.dimension)
  AND p.label IS DISTINCT FROM r.label
ORDER BY r.app_id, r.dimension;

-- name: expired_overrides
SELECT expired_overrides FROM score_run WHERE score_run_id = $score_run_id;

-- name: changed_privacy
-- The privacy ratings the scoring run stored again, with the rating before each.
SELECT r.app_id, c.name, r.value, p.value FROM rating r
JOIN rating p ON p.app_id = r.app_id AND p.dimension = r.dimension
  AND p.score_run_id = (SELECT max(score_run_id) FROM rating q
      WHERE q.app_id = r.app_id AND q.dimension = r.dimension
        AND q.score_run_id < r.score_run_id)
LEFT JOIN app_current c ON c.app_id = r.app_id
WHERE r.score_run_id = $score_run_id AND r.dimension = 'privacy' ORDER BY r.app_id;

-- name: crawl_run
SELECT started, status, mode, source_counts FROM crawl_run WHERE run_id = $run_id;
