// title: Documents that support the most facts
// question: Which reports carry the graph: how many entities, events and memberships does each support?
// columns: document, title, facts, entities, events, memberships, passages
// rows-when: Document
MATCH (d:Document)
OPTIONAL MATCH (d)<-[:IN]-(ev:Evidence)<-[:SUPPORTED_BY]-(f)
WITH d, count(DISTINCT ev) AS passages, collect(DISTINCT f) AS facts
RETURN d.id AS document, d.title AS title, size(facts) AS facts,
       size([f IN facts WHERE f:Entity]) AS entities, size([f IN facts WHERE f:Event]) AS events,
       size([f IN facts WHERE f:Membership]) AS memberships, passages
ORDER BY facts DESC, document
