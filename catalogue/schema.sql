-- Stopwijzer catalogue: an append-only history of everything the crawlers saw.
-- Tables only grow; "current", "history" and "gone" are views (views.sql).

CREATE SEQUENCE IF NOT EXISTS run_id_seq;
CREATE SEQUENCE IF NOT EXISTS obs_id_seq;

-- One row per crawl (nightly, replayed or a manual ingest by an editor).
CREATE TABLE IF NOT EXISTS crawl_run (
    run_id        INTEGER PRIMARY KEY,
    started       TIMESTAMP NOT NULL,    -- UTC
    finished      TIMESTAMP,             -- UTC
    status        VARCHAR NOT NULL,   -- ok | partial (a source failed or had problems) | failed | manual
    mode          VARCHAR NOT NULL,   -- live | replay | manual
    snapshot      VARCHAR,            -- replayed snapshot folder, or the ingested file
    source_counts JSON                -- {source: records received}
);

-- The health of each source in each run; a failed source's records were not applied.
CREATE TABLE IF NOT EXISTS source_run (
    run_id     INTEGER NOT NULL,
    source     VARCHAR NOT NULL,
    status     VARCHAR NOT NULL,      -- ok | partial | failed | manual
    reason     VARCHAR,               -- why partial or failed, in one line
    pages      INTEGER,
    records    INTEGER,
    new        INTEGER,               -- records seen for the first time
    changed    INTEGER,               -- records whose content changed
    unchanged  INTEGER,
    gone       INTEGER,               -- records no longer found (only judged on an ok run)
    problems   JSON,                  -- the first problems reported by the crawl
    coverage   JSON,                  -- {field: share of records that have it}
    PRIMARY KEY (run_id, source)
);

-- One row per distinct state of a record: an unchanged record is not stored again.
CREATE TABLE IF NOT EXISTS observation (
    obs_id            BIGINT PRIMARY KEY DEFAULT nextval('obs_id_seq'),
    run_id            INTEGER NOT NULL,
    seen_at           TIMESTAMP NOT NULL,    -- UTC
    content_hash      VARCHAR NOT NULL,
    source            VARCHAR NOT NULL,
    source_id         VARCHAR NOT NULL,
    url               VARCHAR,
    kind              VARCHAR,
    title             VARCHAR,
    developer         VARCHAR,
    description       VARCHAR,
    languages         VARCHAR[],
    platforms         VARCHAR[],
    version           VARCHAR,
    updated           DATE,
    rating            DOUBLE,
    rating_count      BIGINT,
    price             DOUBLE,
    installs          VARCHAR,
    content_rating    VARCHAR,
    privacy_url       VARCHAR,
    screenshots       INTEGER,
    min_os            VARCHAR,
    website           VARCHAR,
    links             VARCHAR[],
    target_group      VARCHAR,
    quality_score     DOUBLE,
    quality_themes    JSON,
    recognition_level VARCHAR,
    recognition_date  DATE,
    recommended       BOOLEAN,
    summary           VARCHAR,
    raw               JSON NOT NULL      -- the record exactly as the crawler produced it
);

-- Every time a record was seen, changed or not: this is how "last seen" moves on.
CREATE TABLE IF NOT EXISTS sighting (
    run_id    INTEGER NOT NULL,
    source    VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    obs_id    BIGINT NOT NULL,
    PRIMARY KEY (run_id, source, source_id)
);

-- One app or programme, whatever the number of sources that describe it. app_id never changes:
-- it is the address of the app's page on the site.
CREATE TABLE IF NOT EXISTS app (
    app_id      VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,     -- name at creation; the current name is in app_current
    created_run INTEGER NOT NULL
);

-- Which app a source record belongs to, and by which rule that was decided.
CREATE TABLE IF NOT EXISTS app_link (
    source    VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    app_id    VARCHAR NOT NULL,
    method    VARCHAR NOT NULL,       -- editor | known_app | store_link | title_developer | new
    run_id    INTEGER NOT NULL,
    PRIMARY KEY (source, source_id)
);

-- The apps the editor keeps off the site (curation `hide`), as the last scoring run applied them.
CREATE TABLE IF NOT EXISTS app_hidden (
    app_id  VARCHAR PRIMARY KEY,
    made_by VARCHAR NOT NULL,
    made_on DATE NOT NULL,
    why     VARCHAR
);
