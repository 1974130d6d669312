-- The synthetic catalogue (bench/synthetic.py), run as one script after the schema. Its sizes
-- are the variables days (nightly runs, one a day from 2022-01-01) and apps.

CREATE TEMP TABLE days AS
SELECT i AS run_id, TIMESTAMP '2022-01-01 02:00:00' + to_days(CAST(i - 1 AS INTEGER)) AS started
FROM range(1, getvariable('days') + 1) t(i);

INSERT INTO crawl_run (run_id, started, finished, status, mode, snapshot, source_counts)
SELECT run_id, started, started + INTERVAL 40 MINUTE, 'ok', 'live', NULL,
       '{"googleplay": 1, "appstore": 1}' FROM days;

INSERT INTO source_run (run_id, source, status, reason, pages, records, new, changed, unchanged,
                        gone, problems, coverage)
SELECT run_id, s.source, 'ok', NULL, 0, 0, 0, 0, 0, 0, '[]', '{}' FROM days,
       (VALUES ('googleplay'), ('appstore')) s(source);

-- Apps arrive over the years; some leave.
CREATE TEMP TABLE apps AS
SELECT i AS n, 'app-' || i AS app_id,
       CAST(1 + floor(random() * getvariable('days') * 0.8) AS INTEGER) AS first_run,
       CASE WHEN random() < 0.15
            THEN CAST(getvariable('days') * (0.8 + random() * 0.2) AS INTEGER)
            ELSE getvariable('days') END AS last_run
FROM range(1, getvariable('apps') + 1) t(i);

CREATE TEMP TABLE records AS
SELECT a.*, s.source, CASE s.source WHEN 'googleplay' THEN 'com.example.app' || a.n
                                    ELSE CAST(100000000 + a.n AS VARCHAR) END AS source_id
FROM apps a, (VALUES ('googleplay'), ('appstore')) s(source);

-- A record's states: a new state on its first run and then every ~20 nights on average.
CREATE TEMP TABLE states AS
SELECT r.source, r.source_id, r.app_id, d.run_id, d.started,
       row_number() OVER (PARTITION BY r.source, r.source_id ORDER BY d.run_id) AS version
FROM records r JOIN days d ON d.run_id BETWEEN r.first_run AND r.last_run
WHERE d.run_id = r.first_run OR random() < 0.05;

INSERT INTO observation (run_id, seen_at, content_hash, source, source_id, url, kind, title,
                         developer, description, languages, platforms, version, updated, rating,
                         rating_count, price, raw)
SELECT run_id, started, md5(source || source_id || version), source, source_id,
       'https://example.org/' || source_id, 'app', 'Stop met roken ' || app_id, 'Ontwikkelaar',
       'Stop met roken met dagelijkse herinneringen en een dagboek. Versie ' || version,
       CASE WHEN hash(app_id) % 3 = 0 THEN ['en'] ELSE ['nl', 'en'] END,
       [CASE source WHEN 'googleplay' THEN 'android' ELSE 'ios' END],
       '1.' || version, CAST(started AS DATE), 3 + (hash(source_id || version) % 20) / 10,
       1000 + version * 10, 0.0, '{}'
FROM states;

INSERT INTO sighting (run_id, source, source_id, obs_id)
SELECT d.run_id, r.source, r.source_id, o.obs_id
FROM records r JOIN days d ON d.run_id BETWEEN r.first_run AND r.last_run
ASOF JOIN observation o
    ON o.source = r.source AND o.source_id = r.source_id AND d.run_id >= o.run_id;

INSERT INTO app (app_id, name, created_run)
SELECT app_id, 'Stop met roken ' || app_id, first_run FROM apps;
INSERT INTO app_link (source, source_id, app_id, method, run_id)
SELECT source, source_id, app_id, 'known_app', first_run FROM records;

-- Ratings: scored every night, stored when they change (on about one state in three).
INSERT INTO score_run (score_run_id, crawl_run_id, scored_at, rubric_version, apps, changed)
SELECT run_id, run_id, started + INTERVAL 45 MINUTE, '2026.11.1', 0, 0
FROM days;
INSERT INTO rating (score_run_id, app_id, dimension, value, label, confidence, reasons, extra,
                    rubric_version, override)
SELECT s.run_id, s.app_id, d.dimension,
       CASE d.dimension
           WHEN 'evidence' THEN to_json(['unknown', 'claimed', 'ikstopnu_selectie',
                                         'goed_onderbouwd'][CAST(1 + hash(s.app_id || s.version) % 4 AS BIGINT)])
           WHEN 'language' THEN to_json({'dutch': hash(s.app_id) % 3 <> 0})
           ELSE to_json({'has': hash(s.app_id || s.version) % 2 = 0})
       END,
       'label', 'medium', '[]', NULL, '2026.11.1', NULL
FROM states s, (VALUES ('evidence'), ('language'), ('notifications')) d(dimension)
WHERE s.source = 'googleplay' AND (s.version = 1 OR hash(s.source_id || s.version) % 3 = 0);

-- The next real run continues after the generated ones: each sequence moves past them.
SELECT count(nextval('run_id_seq')), count(nextval('score_run_seq')) FROM days;
