-- Linking records to apps (catalogue/linking.py). Parameters are bound.

-- name: open_suggestions
-- Links a store record claims about itself that the editor has not decided on yet.
SELECT g.source, g.source_id, r.title, g.app_id AS suggested_app, g.reason, g.run_id
FROM link_suggestion g
JOIN app_link k USING (source, source_id)
LEFT JOIN record_current r USING (source, source_id)
WHERE k.app_id <> g.app_id AND k.method <> 'editor'
ORDER BY g.run_id, g.source, g.source_id;

-- name: links
SELECT source, source_id, app_id, method FROM app_link;

-- name: save_link
INSERT OR REPLACE INTO app_link (source, source_id, app_id, method, run_id)
VALUES ($source, $source_id, $app_id, $method, $run_id);

-- name: keep_automatic_link
-- What the rules decided, kept while the editor's link overrides it.
INSERT OR REPLACE INTO app_link_automatic (source, source_id, app_id, method)
VALUES ($source, $source_id, $app_id, $method);

-- name: automatic_link
SELECT app_id, method FROM app_link_automatic WHERE source = $source AND source_id = $source_id;

-- name: suggest_link
INSERT OR IGNORE INTO link_suggestion (source, source_id, app_id, reason, run_id)
VALUES ($source, $source_id, $app_id, $reason, $run_id);

-- name: linked_titles
SELECT source, source_id, app_id, title, developer FROM record_current WHERE app_id IS NOT NULL;

-- name: app_exists
SELECT 1 FROM app WHERE app_id = $app_id;

-- name: add_app
INSERT OR IGNORE INTO app (app_id, name, created_run) VALUES ($app_id, $name, $run_id);
