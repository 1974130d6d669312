-- The export (catalogue/export.py). Each table and view is read by name through DuckDB's
-- relation API, so no name is written into SQL text.

-- name: table_names
SELECT table_name FROM information_schema.tables;
