// $rows: [{event, type, entity, label, evidence}] of new or changed events, all with ONE target label:
// one relationship per participant, typed by its role (AGENT, TARGET, ...), from the event to the
// entity (or to an event, e.g. the election a statement is about), carrying the event's evidence ids.
// Written after every event, so an event participant always exists.
//
// TARGET_LABEL is replaced by graph.neo4j_sync with Entity or Event (checked): a MATCH without the
// label that has the `id` constraint would scan. The type is dynamic: CREATE needs no lookup (a
// MERGE with a dynamic type is planned as a scan of all relationships in Neo4j 5.26, 20x slower).
UNWIND $rows AS r
MATCH (n:Event {id: r.event})
MATCH (who:TARGET_LABEL {id: r.entity})
CREATE (n)-[rel:$(r.type)]->(who)
SET rel.build = $build, rel.evidence = r.evidence
