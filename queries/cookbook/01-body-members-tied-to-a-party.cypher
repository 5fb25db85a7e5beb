// title: Members of the election body tied to a party
// question: Which members of the National Election Committee also hold a role in the ruling party, and when?
// param: body = "National Election Committee"
// param: party = "Cambodian People's Party"
// columns: person, role_in_body, body_start, body_end, role_in_party, party_start, party_end
MATCH (b:Entity)
WHERE toLower(b.name) = toLower($body) OR toLower($body) IN [a IN b.aliases | toLower(a)]
MATCH (pt:Party)
WHERE toLower(pt.name) = toLower($party) OR toLower($party) IN [a IN pt.aliases | toLower(a)]
MATCH (b)<-[:ORGANIZATION]-(m:Membership)-[:MEMBER]->(p:Person)<-[:MEMBER]-(a:Membership)-[:ORGANIZATION]->(pt)
RETURN p.name AS person, m.role AS role_in_body, m.start_value AS body_start, m.end_value AS body_end,
       a.role AS role_in_party, a.start_value AS party_start, a.end_value AS party_end
ORDER BY person
