// $rows: [{id, document, props}] of new or changed passages: one :Evidence node each, linked to its
// document. CREATE, not MERGE, for the link: a rewritten node has lost the links it starts (push_unlink).
UNWIND $rows AS r
MERGE (e:Evidence {id: r.id})
SET e = r.props, e.build = $build
WITH e, r
MATCH (d:Document {id: r.document})
CREATE (e)-[:IN {build: $build}]->(d)
