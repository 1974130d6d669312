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
    pages      INTEGER,               -- responses received (the page cap counts these)
    records    INTEGER,
    new        INTEGER,               -- records seen for the first time
    changed    INTEGER,               -- records whose content changed
    unchanged  INTEGER,
    gone       INTEGER,               -- records no longer found (only judged on an ok run)
    problems   JSON,                  -- the first problems reported by the crawl
    coverage   JSON,                  -- {field: share of records that have it}
    PRIMARY KEY (run_id, source)
);

-- One row per distinct state of a record: an unchanged record is not stored again. Its typed
-- record columns (url, title, description, languages, ...) are defined once, in
-- crawlers/items.py FIELDS: catalogue/store.py adds each one that a database does not have yet.
CREATE TABLE IF NOT EXISTS observation (
    obs_id            BIGINT PRIMARY KEY DEFAULT nextval('obs_id_seq'),
    run_id            INTEGER NOT NULL,
    seen_at           TIMESTAMP NOT NULL,    -- UTC
    content_hash      VARCHAR NOT NULL,
    source            VARCHAR NOT NULL,
    source_id         VARCHAR NOT NULL,
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

-- The source registry (crawlers/sources.py), written at every start so that the views rank
-- sources exactly as the code does: priority 0 gives an app's name and description first.
CREATE TABLE IF NOT EXISTS source_info (
    source   VARCHAR PRIMARY KEY,
    label    VARCHAR NOT NULL,      -- as the site shows it
    priority INTEGER NOT NULL,
    store    BOOLEAN NOT NULL       -- an app store: where the app is downloaded
);
-- Where a source's time went in each run (from its crawl stats; NULL for a manual ingest).
ALTER TABLE source_run ADD COLUMN IF NOT EXISTS bytes BIGINT;            -- response bytes
ALTER TABLE source_run ADD COLUMN IF NOT EXISTS duration DOUBLE;         -- seconds, open to close
ALTER TABLE source_run ADD COLUMN IF NOT EXISTS retries INTEGER;         -- requests retried
ALTER TABLE source_run ADD COLUMN IF NOT EXISTS throttle_wait DOUBLE;    -- seconds of download delay (estimated)
ALTER TABLE source_run ADD COLUMN IF NOT EXISTS retry_wait DOUBLE;       -- seconds waited before retries
-- What the rules had decided for a record the editor has linked by hand, so that removing the
-- editor's entry puts the record back where it was.
CREATE TABLE IF NOT EXISTS app_link_automatic (
    source    VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    app_id    VARCHAR NOT NULL,
    method    VARCHAR NOT NULL,
    PRIMARY KEY (source, source_id)
);

-- Links a store record claims about itself (its seller website, a link to another app's store
-- page): never applied, only suggested to the editor, who decides with a `links` entry.
CREATE TABLE IF NOT EXISTS link_suggestion (
    source    VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    app_id    VARCHAR NOT NULL,       -- the app the record claims to belong to
    reason    VARCHAR NOT NULL,
    run_id    INTEGER NOT NULL,       -- the run that first saw the claim
    PRIMARY KEY (source, source_id, app_id)
);

-- The apps the editor keeps off the site (curation `hide`), as the last scoring run applied them.
CREATE TABLE IF NOT EXISTS app_hidden (
    app_id  VARCHAR PRIMARY KEY,
    made_by VARCHAR NOT NULL,
    made_on DATE NOT NULL,
    why     VARCHAR
);

-- Every curation entry a run applied for the first time (catalogue/curation.py).
CREATE TABLE IF NOT EXISTS curation_audit (
    applied_at TIMESTAMP NOT NULL,  -- UTC; when a run first applied the entry
    kind       VARCHAR NOT NULL,
    app_id     VARCHAR,
    entry      JSON NOT NULL,       -- the entry as written
    made_by    VARCHAR NOT NULL,
    made_on    DATE NOT NULL,
    why        VARCHAR
);
