// First statement of every push transaction: a write on the one :KgSync node, which Neo4j locks until
// the transaction commits or rolls back. So pushes to one database run one after the other: a second
// push waits here, then reads (push_read) what the first one committed. record_push removes `pushing`,
// so nothing of it outlives the transaction; a push that dies leaves no lock behind (the server rolls
// its transaction back). Returns the content fingerprint the last push recorded.
MERGE (s:KgSync {id: 'last-push'})
SET s.pushing = true
RETURN s.last_build AS build, s.content AS content
