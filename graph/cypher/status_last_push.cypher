// The last push (null when nothing was pushed), with the fingerprint it recorded.
OPTIONAL MATCH (s:KgSync {id: 'last-push'})
RETURN s.last_build AS build, toString(s.pushed_at) AS at, s.rows AS rows, s.content AS content
