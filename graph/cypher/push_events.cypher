// $rows: [{id, labels, props, evidence}]: :Event plus its type label, and its supporting passages.
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
