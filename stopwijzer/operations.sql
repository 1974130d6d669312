-- What the operator's commands read (stopwijzer/operations.py): checks that a database opens,
-- and `stopwijzer status`. Parameters are bound.

-- name: last_run_id
SELECT max(run_id) FROM crawl_run;

-- name: observations_read_through
-- Reads every observation's raw JSON: a damaged file fails here rather than in a run.
SELECT count(*), max(length(raw)) FROM observation;

-- name: last_crawl_id
-- The latest crawl that fetched pages (not a manual ingest).
SELECT max(run_id) FROM crawl_run WHERE mode <> 'manual';

-- name: latest_runs
SELECT run_id, started, status, mode, source_counts FROM crawl_run
ORDER BY run_id DESC LIMIT $limit;

-- name: latest_source_runs
-- Each source's latest run.
SELECT source, run_id, status, records, reason, coverage FROM source_run
QUALIFY row_number() OVER (PARTITION BY source ORDER BY run_id DESC) = 1
ORDER BY source;

-- name: has_ratings
SELECT count(*) FROM information_schema.tables WHERE table_name = 'rating_history';

-- name: run_count
SELECT count(*) FROM crawl_run;
