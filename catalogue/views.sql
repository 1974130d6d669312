-- The researcher's and the site's view of the catalogue. Stable names; documented in README.

-- The latest ok run of each source (ok_run): only a clean run can tell that a record is gone.
CREATE OR REPLACE VIEW source_last_ok AS
SELECT source, max(run_id) AS ok_run FROM source_run WHERE status = 'ok' GROUP BY source;

-- Every record's latest state, when it was first and last seen, and whether it is still there.
-- A record an editor added by hand stays available until a crawl sees it and loses it again.
CREATE OR REPLACE VIEW record_current AS
WITH latest AS (
    SELECT * EXCLUDE (raw) FROM observation
    QUALIFY row_number() OVER (PARTITION BY source, source_id ORDER BY obs_id DESC) = 1
), seen AS (
    SELECT s.source, s.source_id, min(r.started) AS first_seen, max(r.started) AS last_seen,
           max(s.run_id) AS last_run, arg_max(r.mode, s.run_id) AS last_mode,
           count(*) AS times_seen
    FROM sighting s JOIN crawl_run r USING (run_id) GROUP BY ALL
)
SELECT l.*, k.app_id, k.method AS link_method, s.first_seen, s.last_seen, s.times_seen,
       (o.ok_run IS NULL OR s.last_run >= o.ok_run OR s.last_mode = 'manual') AS available,
       g.gone_since, g.gone_run
FROM latest l
JOIN seen s USING (source, source_id)
LEFT JOIN app_link k USING (source, source_id)
LEFT JOIN source_last_ok o USING (source)
-- A gone record: the first ok run of its source that no longer found it, and when it started.
LEFT JOIN LATERAL (
    SELECT min(r.started) AS gone_since, min(sr.run_id) AS gone_run
    FROM source_run sr JOIN crawl_run r USING (run_id)
    WHERE sr.source = l.source AND sr.status = 'ok' AND sr.run_id > s.last_run
      AND NOT (o.ok_run IS NULL OR s.last_run >= o.ok_run OR s.last_mode = 'manual')
) g ON true;

-- Loketgezondleven's recognition levels (Erkenningstraject) as codes with a rank: 5 is the
-- strongest. The codes are those of the rubric's evidence levels.
CREATE OR REPLACE VIEW recognition_levels AS
SELECT * FROM (VALUES
    ('Effectief volgens sterke aanwijzingen', 'effectief_sterk', 5),
    ('Effectief volgens goede aanwijzingen', 'effectief_goed', 4),
    ('Effectief volgens eerste aanwijzingen', 'effectief_eerste', 3),
    ('Goed onderbouwd', 'goed_onderbouwd', 2),
    ('Goed beschreven', 'goed_beschreven', 1)) AS t(level, code, rank);

-- One row per app or programme: its current facts merged over its sources. Where sources differ,
-- the one with the lowest source_info.priority that still lists the app wins (crawlers/sources.py);
-- that rule also picks "the description" that scoring rates and the site shows.
CREATE OR REPLACE VIEW app_current AS
WITH ranked AS (
    -- A record the editor moved onto an app describes it last: it never renames the app.
    SELECT r.*, coalesce(i.priority, 1000) + CASE WHEN r.available THEN 0 ELSE 10000 END
                + CASE WHEN r.link_method = 'editor' THEN 100000 ELSE 0 END AS priority,
           coalesce(r.description, r.summary) AS text
    FROM record_current r LEFT JOIN source_info i USING (source) WHERE r.app_id IS NOT NULL
)
SELECT app_id,
       arg_min(title, priority) AS name,
       arg_min(developer, priority) FILTER (developer IS NOT NULL) AS developer,
       arg_min(kind, priority) AS kind,
       arg_min(text, priority) FILTER (text IS NOT NULL) AS description,
       arg_min(source, priority) FILTER (text IS NOT NULL) AS description_source,
       bool_or(available) AS available,
       CASE WHEN bool_or(available) THEN 'available' ELSE 'gone' END AS status,
       max(gone_since) FILTER (NOT available) AS gone_since,
       min(first_seen) AS first_seen,
       max(last_seen) AS last_seen,
       list(DISTINCT source ORDER BY source) AS sources,
       list_sort(list_distinct(flatten(list(platforms) FILTER (available AND platforms IS NOT NULL)))) AS platforms,
       list_sort(list_distinct(flatten(list(languages) FILTER (available AND languages IS NOT NULL)))) AS languages,
       min(price) FILTER (available) AS min_price,
       coalesce(bool_or(recommended) FILTER (source = 'ikstopnu' AND available), false) AS on_ikstopnu,
       max(quality_score) FILTER (source = 'ggdappstore' AND available) AS ggd_score,
       arg_max(recognition_level, recognition_date) FILTER (source = 'loketgezondleven') AS recognition_level,
       max(recognition_date) FILTER (source = 'loketgezondleven') AS recognition_date,
       arg_max(l.code, recognition_date) FILTER (source = 'loketgezondleven') AS recognition_code,
       arg_max(l.rank, recognition_date) FILTER (source = 'loketgezondleven') AS recognition_rank,
       app_id IN (SELECT app_id FROM app_hidden) AS hidden
FROM ranked LEFT JOIN recognition_levels l ON lower(ranked.recognition_level) = lower(l.level)
GROUP BY app_id;

-- A text's sentences (split at . ! ? followed by a space, and at line breaks), trimmed.
CREATE OR REPLACE MACRO sentences(text) AS
    list_filter(list_transform(string_split_regex(coalesce(text, ''), '[.!?]+\s+|\n+'),
                               lambda x: trim(x)),
                lambda x: x <> '');

-- The sentences of `these` that `those` does not have, as one excerpt of at most 400 characters.
CREATE OR REPLACE MACRO sentences_not_in(these, those) AS
    left(array_to_string(list_filter(these, lambda x: NOT list_contains(those, x)), ' … '), 400);

-- What a new description added and removed, sentence by sentence.
CREATE OR REPLACE VIEW description_changes AS
WITH texts AS (
    SELECT obs_id, run_id, seen_at, source, source_id, description,
           lag(description) OVER (PARTITION BY source, source_id ORDER BY obs_id) AS old_text,
           row_number() OVER (PARTITION BY source, source_id ORDER BY obs_id) AS n
    FROM observation
), split AS (
    SELECT *, sentences(description) AS new_sentences, sentences(old_text) AS old_sentences
    FROM texts WHERE n > 1 AND old_text IS DISTINCT FROM description
)
SELECT run_id, seen_at, source, source_id,
       sentences_not_in(old_sentences, new_sentences) AS removed,
       sentences_not_in(new_sentences, old_sentences) AS added
FROM split;

-- Every change of a tracked field between two consecutive states of a record, with the app the
-- record belongs to. For the description: old_value is what it removed, new_value what it added.
CREATE OR REPLACE VIEW record_changes AS
WITH vals AS (
    UNPIVOT (
        SELECT obs_id, run_id, seen_at, source, source_id,
               coalesce(title, '') AS title, coalesce(developer, '') AS developer,
               coalesce(version, '') AS version, coalesce(CAST(rating AS VARCHAR), '') AS rating,
               coalesce(CAST(price AS VARCHAR), '') AS price,
               coalesce(array_to_string(languages, ','), '') AS languages,
               coalesce(installs, '') AS installs,
               coalesce(CAST(quality_score AS VARCHAR), '') AS quality_score,
               coalesce(recognition_level, '') AS recognition_level,
               coalesce(CAST(recommended AS VARCHAR), '') AS recommended
        FROM observation)
    ON title, developer, version, rating, price, languages, installs,
       quality_score, recognition_level, recommended
    INTO NAME field VALUE value
), ordered AS (
    SELECT *, lag(value) OVER w AS old_value, row_number() OVER w AS n
    FROM vals WINDOW w AS (PARTITION BY source, source_id, field ORDER BY obs_id)
), changes AS (
    SELECT run_id, seen_at, source, source_id, field, old_value, value AS new_value
    FROM ordered WHERE n > 1 AND old_value IS DISTINCT FROM value
    UNION ALL
    SELECT run_id, seen_at, source, source_id, 'description', removed, added
    FROM description_changes
)
SELECT c.run_id, c.seen_at, c.source, c.source_id, k.app_id, c.field, c.old_value, c.new_value
FROM changes c LEFT JOIN app_link k USING (source, source_id);

-- An app's history: new records, changed fields and disappearances, newest first.
CREATE OR REPLACE VIEW app_history AS
SELECT k.app_id, e.* FROM (
    SELECT run_id, seen_at AS happened_at, source, source_id, 'new' AS event,
           NULL AS field, NULL AS old_value, title AS new_value
    FROM observation QUALIFY row_number() OVER (PARTITION BY source, source_id ORDER BY obs_id) = 1
    UNION ALL
    SELECT run_id, seen_at, source, source_id, 'changed', field, old_value, new_value
    FROM record_changes
    UNION ALL
    SELECT gone_run, gone_since, source, source_id, 'gone', NULL, NULL, NULL
    FROM record_current WHERE NOT available
) e JOIN app_link k USING (source, source_id)
ORDER BY happened_at DESC, source, field;

-- Apps that disappeared from every source: kept, never deleted.
CREATE OR REPLACE VIEW app_gone AS
SELECT * FROM app_current WHERE NOT available;

-- Which apps each crawl found (a sighting of any of their records): the base of every trend.
CREATE OR REPLACE VIEW app_timeline AS
SELECT s.run_id, r.started, k.app_id, count(*) AS records_seen
FROM sighting s JOIN crawl_run r USING (run_id) JOIN app_link k USING (source, source_id)
WHERE r.mode <> 'manual'
GROUP BY ALL;

-- The runs and their sources' health, newest first.
CREATE OR REPLACE VIEW run_overview AS
SELECT r.run_id, r.started, r.finished, r.status, r.mode, s.source, s.status AS source_status,
       s.reason, s.records, s.new, s.changed, s.gone
FROM crawl_run r LEFT JOIN source_run s USING (run_id)
ORDER BY r.run_id DESC, s.source;
