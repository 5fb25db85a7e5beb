// Everything a push wrote, for the content hash: nodes then relationships (the build id aside).
MATCH (n)
WHERE n.build IS NOT NULL
RETURN 'node' AS kind, n.id AS id, labels(n) AS labels, properties(n) AS props, null AS end
UNION ALL
MATCH (a)-[r]->(b)
WHERE r.build IS NOT NULL
RETURN 'rel' AS kind, a.id AS id, [type(r)] AS labels, properties(r) AS props, b.id AS end
