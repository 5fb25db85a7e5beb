// title: Outlets closed by the same agent
// question: Which authorities shut down, blocked or revoked the licences of more than one outlet?
// columns: agent, closures, outlets, first, last
MATCH (g:Entity)<-[:AGENT]-(e:MediaClosure)-[:TARGET]->(o:Entity)
WITH g, count(DISTINCT e) AS closures, collect(DISTINCT o.name) AS outlets,
     min(e.date_from) AS first, max(e.date_to) AS last
WHERE size(outlets) > 1
RETURN g.name AS agent, closures, outlets, first, last
ORDER BY closures DESC, agent
