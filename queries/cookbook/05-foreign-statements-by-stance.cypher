// title: Foreign statements by stance
// question: Which foreign actors condemned, voiced concern, congratulated or called for something, and how often?
// columns: stance, statements, actors, first, last
// rows-when: ForeignStatement
MATCH (s:ForeignStatement)
OPTIONAL MATCH (s)-[:AGENT]->(a:Entity)
WITH coalesce(s.stance, 'unknown') AS stance, s, a
RETURN stance, count(DISTINCT s) AS statements, collect(DISTINCT a.name) AS actors,
       min(s.date_from) AS first, max(s.date_to) AS last
ORDER BY statements DESC, stance
