-- What the site shows, read by publish/data.py. Parameters are bound, never formatted in.

-- name: current_ratings
SELECT app_id, dimension, value, label, confidence, reasons, extra, rubric_version, override
FROM rating_current;

-- name: app_history_events
SELECT app_id, happened_at AS at, source, event, field, old_value AS old, new_value AS new
FROM app_history;

-- name: review_first_applied
-- When a run first applied each review entry, by app and the entry's date.
SELECT app_id, made_on, min(applied_at) FROM curation_audit WHERE kind = 'reviews'
GROUP BY ALL;

-- name: table_exists
SELECT count(*) FROM information_schema.tables WHERE table_name = $name;

-- name: advice_last_changed
-- The latest change of advice per app that the editor's own corrections did not make.
SELECT app_id, max(changed_at) FROM advice_changes WHERE NOT by_editor GROUP BY app_id;

-- name: app_ids
SELECT app_id FROM app;

-- name: off_topic_apps
SELECT app_id FROM rating_current
WHERE dimension = 'topic' AND CAST(value AS VARCHAR) = 'false'
ORDER BY app_id;

-- name: apps_by_name
SELECT * FROM app_current ORDER BY name;

-- name: latest_runs
SELECT run_id, started, finished, status, mode FROM crawl_run ORDER BY run_id DESC LIMIT $limit;

-- name: run_sources
SELECT source, status, reason, records, new, changed, gone
FROM source_run WHERE run_id = $run_id ORDER BY source;

-- name: crawl_span
SELECT max(started) - min(started) FROM crawl_run;

-- name: trend_points
-- Per period ($period: 'day' or 'month'): apps found, with Dutch, with notifications and per
-- evidence level, leaving out the apps in $hidden.
WITH days AS (  -- the last good crawl of each period
    SELECT CAST(date_trunc($period, started) AS DATE) AS day, max(run_id) AS run_id
    FROM crawl_run WHERE mode <> 'manual' AND status <> 'failed' GROUP BY ALL
), present AS (  -- app_timeline, for the chosen runs only, without the apps kept off the site
    SELECT DISTINCT d.day, d.run_id, k.app_id
    FROM days d JOIN sighting s USING (run_id) JOIN app_link k USING (source, source_id)
    WHERE NOT list_contains($hidden, k.app_id)
), wanted AS (
    SELECT p.*, w.dimension
    FROM present p, (VALUES ('language'), ('notifications'), ('evidence')) w(dimension)
)
-- Each app's rating as scored after that crawl (ASOF: the latest rating up to that run).
SELECT w.day, w.dimension, count(DISTINCT w.app_id) AS apps,
       count(*) FILTER (WHERE r.value ->> '$.dutch' = 'true' OR r.value ->> '$.has' = 'true')
           AS yes,
       histogram(r.value ->> '$') FILTER (WHERE w.dimension = 'evidence') AS levels
FROM wanted w ASOF LEFT JOIN rating_history r
    ON w.app_id = r.app_id AND w.dimension = r.dimension AND w.run_id >= r.crawl_run_id
GROUP BY ALL ORDER BY w.day;
