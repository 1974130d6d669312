-- The Atom feed's changes (publish/feed.py). Parameters are bound.

-- name: app_names
SELECT app_id, name FROM app_current;

-- name: new_apps
-- Each app with the crawl run that first found it.
SELECT a.app_id, r.started, r.run_id FROM app a JOIN crawl_run r ON r.run_id = a.created_run;

-- name: gone_apps
SELECT app_id, gone_since FROM app_current WHERE NOT available;

-- name: changed_ratings
-- Every rating in $dimensions that changed, with the rating it replaced.
SELECT r.app_id, r.dimension, r.score_run_id, s.scored_at, r.value, r.label, p.value, p.label
FROM rating r JOIN score_run s USING (score_run_id)
JOIN rating p ON p.app_id = r.app_id AND p.dimension = r.dimension
  AND p.score_run_id = (SELECT max(score_run_id) FROM rating q
      WHERE q.app_id = r.app_id AND q.dimension = r.dimension AND q.score_run_id < r.score_run_id)
WHERE list_contains($dimensions, r.dimension);
