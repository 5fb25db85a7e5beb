// Relationships of the pushed graph by type.
MATCH ()-[r]->()
WHERE r.build IS NOT NULL
RETURN type(r) AS type, count(*) AS n
ORDER BY type
