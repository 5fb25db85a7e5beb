// $rows: [{event, type, entity, evidence}]: one relationship per participant, typed by its role
// (AGENT, TARGET, ...), from the event to the entity (or to an event, e.g. an election), carrying the
// event's evidence ids. Written after every event, so an event participant always exists.
UNWIND $rows AS r
MATCH (n:Event {id: r.event})
OPTIONAL MATCH (x:Entity {id: r.entity})
OPTIONAL MATCH (y:Event {id: r.entity})
WITH n, r, coalesce(x, y) AS who
WHERE who IS NOT NULL
MERGE (n)-[rel:$(r.type)]->(who)
SET rel.build = $build, rel.evidence = r.evidence
