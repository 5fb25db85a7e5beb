// $rows: [{id, props}] of new or changed documents; $build: the build id of this push.
UNWIND $rows AS r
MERGE (d:Document {id: r.id})
SET d = r.props, d.build = $build
