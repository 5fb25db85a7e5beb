// Twin of queries/sparql/foreign-reactions.rq. The election year is applied by the post-processing.
// Statements of foreign actors with their stance, and the election they name (as subject, target
// or a role without a relationship type of its own).
MATCH (e:ForeignStatement)
OPTIONAL MATCH (e)-[:AGENT]->(a:Entity)
OPTIONAL MATCH (e)-[r]->(el:Election)
  WHERE NOT type(r) IN ['AGENT', 'INSTRUMENT', 'LOCATION', 'SUPPORTED_BY']
RETURN e.id AS event, e.date_value AS event_date, e.date_precision AS event_precision,
       e.stance AS stance, a.id AS actor, a.name AS actor_name,
       el.id AS about_election, el.date_value AS about_election_date,
       el.date_precision AS about_election_precision
