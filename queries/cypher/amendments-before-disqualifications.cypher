// Twin of queries/sparql/amendments-before-disqualifications.rq. $law, $target: ids or null (any).
// Order, gap and within-days are applied by the post-processing.
// Pairs of an amendment of a law (or of one of its articles) and a disqualification or dissolution.
MATCH (a:Amendment)-[:TARGET]->(amended:Entity)
WHERE amended:Law OR amended:LawArticle
OPTIONAL MATCH (amended:LawArticle)-[:PART_OF]->(whole:Entity)
WITH a, CASE WHEN amended:Law THEN amended ELSE whole END AS l,
     CASE WHEN amended:LawArticle THEN amended END AS art
WHERE l IS NOT NULL AND ($law IS NULL OR l.id = $law)
MATCH (d:Event)-[:TARGET]->(t:Entity)
WHERE (d:Disqualification OR d:Dissolution) AND ($target IS NULL OR t.id = $target)
OPTIONAL MATCH (d)-[:AGENT]->(g:Entity)
RETURN a.id AS amendment, a.date_value AS amendment_date, a.date_precision AS amendment_precision,
       l.id AS law, l.name AS law_name, art.id AS article, art.name AS article_name,
       d.id AS disqualification, d.type AS disqualification_type,
       d.date_value AS disqualification_date, d.date_precision AS disqualification_precision,
       t.id AS target, t.name AS target_name, g.id AS agent, g.name AS agent_name
