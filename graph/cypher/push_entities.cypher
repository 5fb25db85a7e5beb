// $rows: [{id, labels, props, evidence}] of new or changed entities: :Entity plus its type label, and
// its supporting passages (created: a rewritten node has lost the links it starts, see push_unlink).
// Into a database holding no node of ours (a first push), the MERGE line becomes CREATE
// (graph.neo4j_statements.node_statement).
UNWIND $rows AS r
MERGE (n:Entity {id: r.id})
SET n = r.props, n.build = $build
SET n:$(r.labels)
WITH n, r
UNWIND r.evidence AS ev_id
MATCH (e:Evidence {id: ev_id})
CREATE (n)-[:SUPPORTED_BY {build: $build}]->(e)
