// Twin of queries/sparql/review-status.rq (parameters and columns are declared there).
// Every fact a reviewer decided on, with its status.
MATCH (x)
WHERE x.status IS NOT NULL AND x.status <> 'extracted' AND x.id IS NOT NULL
RETURN x.id AS fact, x.status AS status
