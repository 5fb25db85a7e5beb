// Twin of queries/sparql/laws-used-against.rq. $party: a party id, or null for every party.
// Events in which a law (or one of its articles) is the instrument and a party is the target.
MATCH (e:Event)-[:TARGET]->(t:Party)
WHERE $party IS NULL OR t.id = $party
MATCH (e)-[:INSTRUMENT]->(i:Entity)
WHERE i:Law OR i:LawArticle
OPTIONAL MATCH (i:LawArticle)-[:PART_OF]->(whole:Entity)
WITH e, t, CASE WHEN i:Law THEN i ELSE whole END AS l, CASE WHEN i:LawArticle THEN i END AS art
OPTIONAL MATCH (e)-[:AGENT]->(g:Entity)
RETURN e.id AS event, e.type AS event_type, e.date_value AS event_date, e.date_precision AS event_precision,
       t.id AS party, t.name AS party_name, l.id AS law, l.name AS law_name,
       art.id AS article, art.name AS article_name, g.id AS agent, g.name AS agent_name
