// $rows: [{element, drop}]: nodes this push rewrites (their hash changed). The relationships they start
// that a push wrote are removed (the push_* statements create them again) and so are the labels in
// `drop` (a type the node no longer has). Incoming relationships stay: their start nodes own them.
UNWIND $rows AS r
MATCH (n)
WHERE elementId(n) = r.element
REMOVE n:$(r.drop)
WITH n
MATCH (n)-[x]->()
WHERE x.build IS NOT NULL
DELETE x
