"""Stage 2: the DuckDB catalogue, an append-only history of every observation."""
