// $rows: [{id, document, props}]: one :Evidence node per passage, linked to its document.
UNWIND $rows AS r
MERGE (e:Evidence {id: r.id})
SET e = r.props, e.build = $build
WITH e, r
MATCH (d:Document {id: r.document})
MERGE (e)-[i:IN]->(d)
SET i.build = $build
