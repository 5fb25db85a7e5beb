// $rows: [{event, type, entity, label, evidence}] of ONE role type and ONE target label: one
// relationship per participant, typed by its role (AGENT, TARGET, ...), from the event to the entity
// (or to an event, e.g. the election a statement is about), carrying the event's evidence ids.
// Written after every event, so an event participant always exists.
//
// ROLE_TYPE and TARGET_LABEL are replaced by graph.neo4j_sync with identifiers it has checked
// (^[A-Z][A-Z0-9_]*$ and Entity|Event): the only text ever put into a statement; values stay
// parameters. Why not a dynamic type, MERGE (n)-[:$(r.type)]->(who)? Neo4j 5.26 plans a MERGE (or a
// pattern) with a dynamic type as a scan of all relationships, which made a 5,000-event push 20x
// slower than one transaction per row; with a static type MERGE expands from the bound event.
UNWIND $rows AS r
MATCH (n:Event {id: r.event})
MATCH (who:TARGET_LABEL {id: r.entity})
MERGE (n)-[rel:ROLE_TYPE]->(who)
SET rel.build = $build, rel.evidence = r.evidence
