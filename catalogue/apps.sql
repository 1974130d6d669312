-- Each app as one merged record (catalogue/apps.py): the shape scoring reads.

-- name: source_entries
-- Every linked record's current state; the columns after app_id, seen_at and last_seen are the
-- fields of a source entry, by these names.
SELECT app_id, seen_at, last_seen,
       source, source_id, url, title, developer, description, summary, languages, platforms,
       price, rating, rating_count, version, updated, installs, content_rating, target_group,
       quality_score, quality_themes, recognition_level, recognition_date, recommended, website,
       links, available, privacy_shares, privacy_shared_kinds, privacy_collects,
       privacy_collected_kinds, privacy_encrypted, privacy_deletion, privacy_declaration_url
FROM record_current
WHERE app_id IS NOT NULL
ORDER BY app_id, source, source_id;

-- name: apps
SELECT app_id, name, developer, kind, description, platforms, languages, min_price
FROM app_current ORDER BY app_id;
