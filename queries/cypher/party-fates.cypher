// Twin of queries/sparql/party-fates.rq. $party: a party id, or null for every party.
// Dissolutions and disqualifications by party: when, by whom, under which law.
MATCH (e:Event)-[:TARGET]->(t:Party)
WHERE (e:Dissolution OR e:Disqualification) AND ($party IS NULL OR t.id = $party)
OPTIONAL MATCH (e)-[:AGENT]->(g:Entity)
OPTIONAL MATCH (e)-[:INSTRUMENT]->(i:Entity)
RETURN e.id AS event, e.type AS event_type, e.date_value AS event_date, e.date_precision AS event_precision,
       t.id AS party, t.name AS party_name, g.id AS agent, g.name AS agent_name,
       i.id AS instrument, i.name AS instrument_name
