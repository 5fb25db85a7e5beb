// Twin of queries/sparql/evidence.rq. $fact: an entity, event or membership id.
// Every passage behind the fact: document, offsets, quote.
CALL () {
  MATCH (f:Entity {id: $fact}) RETURN f
  UNION
  MATCH (f:Event {id: $fact}) RETURN f
  UNION
  MATCH (f:Membership {id: $fact}) RETURN f
}
MATCH (f)-[:SUPPORTED_BY]->(e:Evidence)-[:IN]->(d:Document)
RETURN f.id AS fact, d.id AS document, d.title AS document_title, e.start AS start, e.end AS end,
       e.quote AS quote
