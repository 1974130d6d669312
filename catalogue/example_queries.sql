-- apps available at the last crawl of each month
WITH months AS (
    SELECT date_trunc('month', started) AS month, max(run_id) AS run_id
    FROM crawl_run WHERE mode <> 'manual' AND status <> 'failed' GROUP BY month)
SELECT m.month, count(DISTINCT t.app_id) AS apps
FROM months m JOIN app_timeline t USING (run_id)
GROUP BY ALL ORDER BY month;

-- apps per evidence level per month (the rating scored after that month's last crawl)
WITH months AS (
    SELECT date_trunc('month', started) AS month, max(run_id) AS run_id
    FROM crawl_run WHERE mode <> 'manual' AND status <> 'failed' GROUP BY month),
rated AS (
    SELECT m.month, t.app_id, r.value ->> '$' AS evidence
    FROM months m JOIN app_timeline t USING (run_id)
    JOIN rating_history r ON r.app_id = t.app_id AND r.dimension = 'evidence'
                         AND r.crawl_run_id <= m.run_id
    QUALIFY row_number() OVER (PARTITION BY m.month, t.app_id ORDER BY r.score_run_id DESC) = 1)
SELECT month, evidence, count(*) AS apps
FROM rated GROUP BY ALL ORDER BY month, evidence;

-- share of apps available in Dutch over time
WITH months AS (
    SELECT date_trunc('month', started) AS month, max(run_id) AS run_id
    FROM crawl_run WHERE mode <> 'manual' AND status <> 'failed' GROUP BY month),
rated AS (
    SELECT m.month, t.app_id, r.value ->> '$.dutch' = 'true' AS dutch
    FROM months m JOIN app_timeline t USING (run_id)
    JOIN rating_history r ON r.app_id = t.app_id AND r.dimension = 'language'
                         AND r.crawl_run_id <= m.run_id
    QUALIFY row_number() OVER (PARTITION BY m.month, t.app_id ORDER BY r.score_run_id DESC) = 1)
SELECT month, avg(CASE WHEN dutch THEN 1 ELSE 0 END) AS share_dutch
FROM rated GROUP BY ALL ORDER BY month;

-- time from a new version in a store to the re-score that saw it, per year
WITH versions AS (
    SELECT run_id, version, seen_at,
           lag(version) OVER (PARTITION BY source, source_id ORDER BY obs_id) AS previous
    FROM observation)
SELECT year(v.seen_at) AS year, count(*) AS new_versions,
       median(s.scored_at - v.seen_at) AS median_time_to_rescore
FROM versions v ASOF JOIN score_run s ON s.crawl_run_id >= v.run_id
WHERE v.previous IS NOT NULL AND v.previous IS DISTINCT FROM v.version
GROUP BY ALL ORDER BY year;
