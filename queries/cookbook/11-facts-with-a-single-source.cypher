// title: Events stated by a single document
// question: Which events rest on one report only (worth a second source)?
// columns: event, event_type, date, document
MATCH (e:Event)-[:SUPPORTED_BY]->(:Evidence)-[:IN]->(d:Document)
WITH e, collect(DISTINCT d.id) AS documents
WHERE size(documents) = 1
RETURN e.id AS event, e.type AS event_type, e.date_value AS date, documents[0] AS document
ORDER BY document, event
