// title: The passages behind every event of a type
// question: What exactly do the reports say about each arrest (or dissolution, closure...)?
// param: type = "Dissolution"
// columns: event, date, document, start, end, quote
// rows-when: Dissolution
MATCH (e:Event)-[:SUPPORTED_BY]->(ev:Evidence)-[:IN]->(d:Document)
WHERE e.type = $type
RETURN e.id AS event, e.date_value AS date, d.id AS document, ev.start AS start, ev.end AS end,
       ev.quote AS quote
ORDER BY e.date_from, event, start
