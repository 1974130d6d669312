-- What the benchmark reads besides the example queries (bench/__main__.py).

-- name: observations_and_sightings
SELECT (SELECT count(*) FROM observation), (SELECT count(*) FROM sighting);
