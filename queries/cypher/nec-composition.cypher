// Twin of queries/sparql/nec-composition.rq. $body: the body's id (null: every body). The date is
// applied by the post-processing.
// The members of a body with their roles, and their party affiliations (memberships of a party).
MATCH (m:Membership)-[:ORGANIZATION]->(b:Entity)
WHERE $body IS NULL OR b.id = $body
MATCH (m)-[:MEMBER]->(p:Entity)
OPTIONAL MATCH (p)<-[:MEMBER]-(a:Membership)-[:ORGANIZATION]->(pp:Party)
RETURN m.id AS membership, p.id AS person, p.name AS person_name, m.role AS role,
       m.start_value AS start_date, m.start_precision AS start_precision,
       m.end_value AS end_date, m.end_precision AS end_precision,
       a.id AS affiliation, pp.id AS party, pp.name AS party_name, a.role AS party_role,
       a.start_value AS party_start_date, a.start_precision AS party_start_precision,
       a.end_value AS party_end_date, a.end_precision AS party_end_precision
