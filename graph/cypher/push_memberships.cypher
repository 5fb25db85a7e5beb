// $rows: [{id, props, person, organization, evidence}] of new or changed memberships: a :Membership
// node between a person and a body (role and dates on the node), its two relationships carrying its
// evidence ids, its passages (created: a rewritten node has lost the links it starts).
// Into a database holding no node of ours (a first push), the MERGE line becomes CREATE
// (graph.neo4j_statements.node_statement).
UNWIND $rows AS r
MERGE (m:Membership {id: r.id})
SET m = r.props, m.build = $build
WITH m, r
CALL (m, r) {
  UNWIND r.evidence AS ev_id
  MATCH (e:Evidence {id: ev_id})
  CREATE (m)-[:SUPPORTED_BY {build: $build}]->(e)
}
CALL (m, r) {
  MATCH (p:Entity {id: r.person})
  CREATE (m)-[:MEMBER {build: $build, evidence: r.evidence}]->(p)
}
CALL (m, r) {
  MATCH (o:Entity {id: r.organization})
  CREATE (m)-[:ORGANIZATION {build: $build, evidence: r.evidence}]->(o)
}
