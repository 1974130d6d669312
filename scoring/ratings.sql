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

-- Every rating as it was from the moment it was scored until the next change. Ratings are
-- scored after each crawl: the rating in force for crawl run R is the latest (highest
-- score_run_id) with crawl_run_id <= R; match on crawl_run_id, not on times.
CREATE OR REPLACE VIEW rating_history AS
SELECT r.app_id, r.dimension, s.crawl_run_id, s.scored_at AS valid_from,
       lead(s.scored_at) OVER (PARTITION BY r.app_id, r.dimension ORDER BY r.score_run_id)
           AS valid_until,
       r.value, r.label, r.confidence, r.reasons, r.extra, r.rubric_version, r.override,
       r.score_run_id
FROM rating r JOIN score_run s USING (score_run_id);

-- The overrides a run found expired (the app changed after the override's date): "app/dimension".
ALTER TABLE score_run ADD COLUMN IF NOT EXISTS expired_overrides JSON;

-- Every change of an advice-relevant rating's value (evidence, warnings, target group) of an app
-- that was already rated: what the editor reviews. `by_editor` marks the changes the editor's own
-- corrections made (an override, a published trial the editor linked): reviewed by definition.
CREATE OR REPLACE VIEW advice_changes AS
WITH valued AS (
    SELECT r.app_id, r.dimension, s.crawl_run_id, s.scored_at, r.value, r.override, r.reasons,
           lag(r.value) OVER (PARTITION BY r.app_id, r.dimension ORDER BY r.score_run_id)
               AS old_value,
           row_number() OVER (PARTITION BY r.app_id, r.dimension ORDER BY r.score_run_id) AS n
    FROM rating r JOIN score_run s USING (score_run_id)
    WHERE r.dimension IN ('evidence', 'flags', 'target_groups')
)
SELECT app_id, dimension, crawl_run_id, scored_at AS changed_at, old_value, value AS new_value,
       coalesce(override IS NOT NULL OR reasons ->> '$[0].source' = 'editor', false) AS by_editor
FROM valued
WHERE n > 1 AND CAST(old_value AS VARCHAR) IS DISTINCT FROM CAST(value AS VARCHAR);
