-- Loading one source's records of a run as a set (catalogue/load.py). `incoming` is the crawl's
-- records as an Arrow table: the observation columns plus ord, content_hash and raw.

-- name: compare_with_latest
-- Each incoming record beside the latest stored state of the same record, if there is one.
CREATE OR REPLACE TEMP TABLE incoming_state AS
SELECT i.*, l.obs_id AS latest_obs, l.content_hash AS latest_hash
FROM incoming i
LEFT JOIN (
    SELECT source_id, obs_id, content_hash FROM observation WHERE source = $source
    QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY obs_id DESC) = 1
) l USING (source_id);

-- name: insert_new_states
-- Only new or changed states become observations, in crawl order.
INSERT INTO observation BY NAME
SELECT * EXCLUDE (ord, latest_obs, latest_hash), $run_id AS run_id, $seen_at AS seen_at
FROM incoming_state
WHERE latest_hash IS DISTINCT FROM content_hash
ORDER BY ord;

-- name: insert_sightings
-- Every record seen gets a sighting of its current state, changed or not.
INSERT OR IGNORE INTO sighting BY NAME
SELECT $run_id AS run_id, s.source, s.source_id, coalesce(o.obs_id, s.latest_obs) AS obs_id
FROM incoming_state s
LEFT JOIN observation o ON o.run_id = $run_id AND o.source = s.source AND o.source_id = s.source_id;

-- name: count_states
SELECT count(*) FILTER (WHERE latest_hash IS NULL) AS new,
       count(*) FILTER (WHERE latest_hash <> content_hash) AS changed,
       count(*) FILTER (WHERE latest_hash = content_hash) AS unchanged
FROM incoming_state;

-- name: available_records
SELECT source_id FROM record_current WHERE source = $source AND available;

-- name: next_run_id
SELECT nextval('run_id_seq');

-- name: start_run
INSERT INTO crawl_run (run_id, started, status, mode, snapshot)
VALUES ($run_id, $started, 'running', $mode, $snapshot);

-- name: available_apps
SELECT app_id FROM app_current WHERE available;

-- name: previous_coverage
-- The field coverage of the source's latest ok run: the base a sharp drop is measured against.
SELECT coverage FROM source_run WHERE source = $source AND status = 'ok'
ORDER BY run_id DESC LIMIT 1;

-- name: insert_source_run
-- The timing columns are TIMING_STATS in catalogue/load.py.
INSERT INTO source_run (run_id, source, status, reason, records, new, changed, unchanged, gone,
                        problems, coverage, pages, bytes, duration, retries, throttle_wait,
                        retry_wait)
VALUES ($run_id, $source, $status, $reason, $records, $new, $changed, $unchanged, $gone,
        $problems, $coverage, $pages, $bytes, $duration, $retries, $throttle_wait, $retry_wait);

-- name: finish_run
UPDATE crawl_run SET finished = $finished, status = $status, source_counts = $source_counts
WHERE run_id = $run_id;

-- name: apps_seen
SELECT count(DISTINCT k.app_id) FROM sighting s JOIN app_link k USING (source, source_id)
WHERE s.run_id = $run_id;

-- name: apps_new
SELECT count(*) FROM app WHERE created_run = $run_id;

-- name: apps_changed
-- Apps with a new state in the run that were linked before it.
SELECT count(DISTINCT k.app_id) FROM observation o JOIN app_link k USING (source, source_id)
WHERE o.run_id = $run_id AND k.run_id < o.run_id;

-- name: gone_apps
SELECT app_id FROM app_gone;
