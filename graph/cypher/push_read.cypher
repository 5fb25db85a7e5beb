// What earlier pushes wrote: every node carrying `build`, as [element id, id, labels, kg_hash] (the
// hash of its row), all in one record (one list unpacks faster than thousands of records).
MATCH (n)
WHERE n.build IS NOT NULL
RETURN collect([elementId(n), n.id, labels(n), n.kg_hash]) AS nodes
