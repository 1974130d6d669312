-- Opening a catalogue (catalogue/store.py). The tables are in schema.sql, the views in views.sql.

-- name: clear_source_info
DELETE FROM source_info;

-- name: insert_source_info
INSERT INTO source_info (source, label, priority, store)
VALUES ($source, $label, $priority, $store);

-- name: observation_columns
SELECT column_name FROM information_schema.columns WHERE table_name = 'observation';
