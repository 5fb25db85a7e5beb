// $rows: [{id, labels, props, evidence, participants: [{type, entity}]}]: :Event plus its type label,
// one relationship per participant typed by its role (AGENT, TARGET, ...) carrying the event's
// evidence ids, and its supporting passages.
UNWIND $rows AS r
MERGE (n:Event {id: r.id})
SET n = r.props, n.build = $build
SET n:$(r.labels)
WITH n, r
CALL (n, r) {
  UNWIND r.evidence AS ev_id
  MATCH (e:Evidence {id: ev_id})
  MERGE (n)-[s:SUPPORTED_BY]->(e)
  SET s.build = $build
}
CALL (n, r) {
  UNWIND r.participants AS p
  MATCH (x:Entity {id: p.entity})
  MERGE (n)-[rel:$(p.type)]->(x)
  SET rel.build = $build, rel.evidence = r.evidence
}
