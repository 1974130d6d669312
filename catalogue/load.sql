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
