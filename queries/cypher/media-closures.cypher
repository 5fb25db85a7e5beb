// Twin of queries/sparql/media-closures.rq. The period (from/to) is applied by the post-processing.
// Media outlets shut down, their licences revoked or their sites blocked: who did it, to whom.
MATCH (e:MediaClosure)
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
OPTIONAL MATCH (e)-[:AGENT]->(g:Entity)
OPTIONAL MATCH (e)-[:INSTRUMENT]->(i:Entity)
RETURN e.id AS event, e.date_value AS event_date, e.date_precision AS event_precision,
       t.id AS target, t.name AS target_name, g.id AS agent, g.name AS agent_name,
       i.id AS instrument, i.name AS instrument_name, e.attributes_json AS attributes
