// $rows: [{id, props, person, organization, evidence}]: a :Membership node between a person and a
// body (role and dates on the node), its two relationships carrying its evidence ids, its passages.
UNWIND $rows AS r
MERGE (m:Membership {id: r.id})
SET m = r.props, m.build = $build
WITH m, r
CALL (m, r) {
  UNWIND r.evidence AS ev_id
  MATCH (e:Evidence {id: ev_id})
  MERGE (m)-[s:SUPPORTED_BY]->(e)
  SET s.build = $build
}
CALL (m, r) {
  MATCH (p:Entity {id: r.person})
  MERGE (m)-[rel:MEMBER]->(p)
  SET rel.build = $build, rel.evidence = r.evidence
}
CALL (m, r) {
  MATCH (o:Entity {id: r.organization})
  MERGE (m)-[rel:ORGANIZATION]->(o)
  SET rel.build = $build, rel.evidence = r.evidence
}
