// What earlier pushes wrote: every node carrying `build`, with the hash of its row (`kg_hash`).
MATCH (n)
WHERE n.build IS NOT NULL
RETURN elementId(n) AS element, n.id AS id, labels(n) AS labels, n.kg_hash AS hash
