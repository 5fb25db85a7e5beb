// How many nodes carry a label the push writes, pushed or added by hand (read from the counts store,
// inside the push transaction, after the push lock). None: a first push, which CREATEs its nodes
// instead of merging them on their id (graph.neo4j_statements); a node added by hand with one of these
// labels and an id a push writes is merged into, never duplicated.
RETURN COUNT { (:Document) } + COUNT { (:Evidence) } + COUNT { (:Entity) } + COUNT { (:Event) }
       + COUNT { (:Membership) } AS nodes
