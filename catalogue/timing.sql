-- Where a run's time went (catalogue/timing.py). Parameters are bound.

-- name: source_timings
-- Each source of run $run_id with its median duration over its last $history good runs of
-- the same mode before it.
WITH this_run AS (SELECT mode FROM crawl_run WHERE run_id = $run_id),
history AS (
    SELECT h.source, h.duration,
           row_number() OVER (PARTITION BY h.source ORDER BY h.run_id DESC) AS k
    FROM source_run h JOIN crawl_run r USING (run_id)
    WHERE h.run_id < $run_id AND h.status = 'ok' AND h.duration IS NOT NULL
      AND r.mode = (SELECT mode FROM this_run))
SELECT s.source, s.pages, s.bytes, s.duration, s.retries, s.throttle_wait, s.retry_wait,
       u.usual, coalesce(u.runs, 0) AS usual_runs
FROM source_run s
LEFT JOIN (SELECT source, median(duration) AS usual, count(*) AS runs FROM history
           WHERE k <= $history GROUP BY source) u USING (source)
WHERE s.run_id = $run_id
ORDER BY s.source;
