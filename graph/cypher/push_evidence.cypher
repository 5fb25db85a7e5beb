// $rows: [{id, document, props}] of new or changed passages: one :Evidence node each, linked to its
// document. CREATE, not MERGE, for the link: a rewritten node has lost the links it starts (push_unlink).
// Into a database holding no node of ours (a first push), the MERGE line becomes CREATE
// (graph.neo4j_statements.node_statement).
UNWIND $rows AS r
MERGE (e:Evidence {id: r.id})
SET e = r.props, e.build = $build
WITH e, r
MATCH (d:Document {id: r.document})
CREATE (e)-[:IN {build: $build}]->(d)
