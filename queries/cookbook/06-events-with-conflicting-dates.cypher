// title: Events with conflicting dates
// question: Which events do the reports date differently, and what does each claim?
// columns: event, event_type, date, precision, claims, documents
MATCH (e:Event)
WHERE 'date-conflict' IN e.flags
OPTIONAL MATCH (e)-[:SUPPORTED_BY]->(:Evidence)-[:IN]->(d:Document)
RETURN e.id AS event, e.type AS event_type, e.date_value AS date, e.date_precision AS precision,
       e.attributes_json AS claims, collect(DISTINCT d.id) AS documents
ORDER BY event
