-- Ratings per scoring run. A rating is stored again only when it changed, so its history is
-- queryable ("how many apps had push reminders in 2027?") without a row per app per night.

CREATE SEQUENCE IF NOT EXISTS score_run_seq;

CREATE TABLE IF NOT EXISTS score_run (
    score_run_id   INTEGER PRIMARY KEY,
    crawl_run_id   INTEGER,              -- the latest crawl the scores are based on
    scored_at      TIMESTAMP NOT NULL,   -- UTC
    rubric_version VARCHAR NOT NULL,
    apps           INTEGER NOT NULL,
    changed        INTEGER NOT NULL      -- ratings stored because they changed
);

CREATE TABLE IF NOT EXISTS rating (
    score_run_id   INTEGER NOT NULL,
    app_id         VARCHAR NOT NULL,
    dimension      VARCHAR NOT NULL,     -- evidence, target_groups, language, notifications, ...
    value          JSON,
    label          VARCHAR,              -- Dutch, as the site shows it
    confidence     VARCHAR,
    reasons        JSON NOT NULL,        -- rule, text, source, url, seen, status per reason
    extra          JSON,                 -- further facts of the dimension (e.g. guideline_aids)
    rubric_version VARCHAR NOT NULL,
    override       JSON,                 -- the editor's override entry when one applies
    PRIMARY KEY (score_run_id, app_id, dimension)
);

-- Each app's ratings now.
CREATE OR REPLACE VIEW rating_current AS
SELECT r.*, s.scored_at FROM rating r JOIN score_run s USING (score_run_id)
QUALIFY row_number() OVER (PARTITION BY app_id, dimension ORDER BY score_run_id DESC) = 1;

-- Every rating as it was from the moment it was scored until the next change.
CREATE OR REPLACE VIEW rating_history AS
SELECT r.app_id, r.dimension, s.crawl_run_id, s.scored_at AS valid_from,
       lead(s.scored_at) OVER (PARTITION BY r.app_id, r.dimension ORDER BY r.score_run_id)
           AS valid_until,
       r.value, r.label, r.confidence, r.reasons, r.extra, r.rubric_version, r.override
FROM rating r JOIN score_run s USING (score_run_id);
