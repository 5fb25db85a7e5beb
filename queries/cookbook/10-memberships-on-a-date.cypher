// title: Who held which post on a date
// question: Who sat on which body, in which role, on election day?
// param: on = "2023-07-23"
// columns: person, role, organization, start, end, certain
// A membership may be active when its start may be before and its end may be after the date;
// certain = its dates leave no doubt.
WITH date($on) AS day
MATCH (p:Entity)<-[:MEMBER]-(m:Membership)-[:ORGANIZATION]->(o:Entity)
WHERE (m.start_from IS NULL OR m.start_from <= day) AND (m.end_to IS NULL OR m.end_to >= day)
RETURN p.name AS person, m.role AS role, o.name AS organization, m.start_value AS start,
       m.end_value AS end,
       (m.start_to IS NOT NULL AND m.start_to <= day AND (m.end_from IS NULL OR m.end_from >= day)) AS certain
ORDER BY organization, person
