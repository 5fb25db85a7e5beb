// title: Paths from a law to the parties it was used against
// question: Through which events (and articles) did each law reach a party?
// columns: law, article, event_type, event_date, party, hops
MATCH path = (l:Law)<-[:PART_OF*0..1]-(i:Entity)<-[:INSTRUMENT]-(e:Event)-[:TARGET]->(p:Party)
RETURN l.name AS law, CASE WHEN i:LawArticle THEN i.name END AS article, e.type AS event_type,
       e.date_value AS event_date, p.name AS party, length(path) AS hops
ORDER BY law, event_date
