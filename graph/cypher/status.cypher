// Nodes of the pushed graph by label (the :KgSync bookkeeping node aside).
MATCH (n)
WHERE n.build IS NOT NULL
UNWIND labels(n) AS label
RETURN label, count(*) AS n
ORDER BY label
