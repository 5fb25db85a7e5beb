// $ids: element ids (read by push_read in this transaction) of nodes the facts no longer hold.
UNWIND $ids AS id
MATCH (n)
WHERE elementId(n) = id
DETACH DELETE n
