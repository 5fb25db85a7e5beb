// title: How two actors are linked
// question: Through which events and memberships is one actor connected to another?
// param: from = "Hun Sen"
// param: to = "Candlelight Party"
// columns: path, hops
MATCH (a:Entity), (b:Entity)
WHERE (toLower(a.name) = toLower($from) OR toLower($from) IN [x IN a.aliases | toLower(x)])
  AND (toLower(b.name) = toLower($to) OR toLower($to) IN [x IN b.aliases | toLower(x)]) AND a <> b
MATCH path = shortestPath((a)-[*..8]-(b))
WHERE none(r IN relationships(path) WHERE type(r) IN ['SUPPORTED_BY', 'IN'])  // facts, not provenance
RETURN [n IN nodes(path) | coalesce(n.name, n.type + ' ' + coalesce(n.date_value, 'undated'), 'membership as ' + n.role)]
         AS path,
       length(path) AS hops
ORDER BY hops
LIMIT 5
