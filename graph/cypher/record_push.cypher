// The one :KgSync node says what the last push wrote (read by `kg neo4j status` and `kg ask`):
// its build id, when, the row counts, and `content`, the fingerprint of the pushed nodes and
// relationships (graph.neo4j_sync.fingerprint), which a reader recomputes from the graph to check it.
MERGE (s:KgSync {id: 'last-push'})
SET s.last_build = $build, s.pushed_at = datetime(), s.counts_json = $counts_json, s.rows = $rows,
    s.content = $content
REMOVE s.pushing
