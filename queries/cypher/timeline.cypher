// Twin of queries/sparql/timeline.rq. $actor: an entity (or event) id.
// Every event the actor takes part in, in any role, with the event's other participants. Roles
// without a relationship type of their own in the RDF (all but the six below) read 'participant'.
CALL () {
  MATCH (x:Entity {id: $actor}) RETURN x
  UNION
  MATCH (x:Event {id: $actor}) RETURN x
}
MATCH (e:Event)-[r]->(x)
WHERE type(r) <> 'SUPPORTED_BY'
WITH e, x, CASE WHEN type(r) IN ['AGENT', 'TARGET', 'INSTRUMENT', 'LOCATION', 'SUBJECT', 'SPEAKER']
                THEN toLower(type(r)) ELSE 'participant' END AS role
OPTIONAL MATCH (e)-[o]->(other:Entity)
  WHERE type(o) <> 'SUPPORTED_BY' AND other <> x
RETURN x.id AS actor, e.id AS event, e.type AS event_type,
       e.date_value AS event_date, e.date_precision AS event_precision,
       role, e.stance AS stance, other.id AS participant, other.name AS participant_name,
       CASE WHEN o IS NULL THEN null
            WHEN type(o) IN ['AGENT', 'TARGET', 'INSTRUMENT', 'LOCATION', 'SUBJECT', 'SPEAKER'] THEN toLower(type(o))
            ELSE 'participant' END AS participant_role
