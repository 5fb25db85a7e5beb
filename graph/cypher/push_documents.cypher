// $rows: [{id, props}] of new or changed documents; $build: the build id of this push.
// Into a database holding no node of ours (a first push), the MERGE line becomes CREATE
// (graph.neo4j_statements.node_statement).
UNWIND $rows AS r
MERGE (d:Document {id: r.id})
SET d = r.props, d.build = $build
