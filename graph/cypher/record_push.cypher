// The one :KgSync node says what the last push wrote (read by `kg neo4j status`).
MERGE (s:KgSync {id: 'last-push'})
SET s.last_build = $build, s.pushed_at = datetime(), s.counts_json = $counts_json, s.rows = $rows
