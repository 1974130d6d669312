-- A scoring run (scoring/runs.py): what it reads and stores. The tables are in ratings.sql.
-- Parameters are bound.

-- name: clear_hidden
DELETE FROM app_hidden;

-- name: insert_hidden
INSERT INTO app_hidden (app_id, made_by, made_on, why) VALUES ($app_id, $made_by, $made_on, $why);

-- name: next_score_run_id
SELECT nextval('score_run_seq');

-- name: latest_crawl_run
SELECT max(run_id) FROM crawl_run;

-- name: current_ratings
-- The columns after app_id and dimension are COMPARED in scoring/runs.py, in its order.
SELECT app_id, dimension, value, label, confidence, reasons, extra, rubric_version, override
FROM rating_current;

-- name: insert_rating
INSERT INTO rating (score_run_id, app_id, dimension, value, label, confidence, reasons, extra,
                    rubric_version, override)
VALUES ($score_run_id, $app_id, $dimension, $value, $label, $confidence, $reasons, $extra,
        $rubric_version, $override);

-- name: insert_score_run
INSERT INTO score_run (score_run_id, crawl_run_id, scored_at, rubric_version, apps, changed,
                       expired_overrides)
VALUES ($score_run_id, $crawl_run_id, $scored_at, $rubric_version, $apps, $changed,
        $expired_overrides);
