// title: The most targeted actors
// question: Who was acted upon most often (dissolved, arrested, sued, closed...), and by what?
// columns: actor, actor_type, times, event_types
// rows-when: TARGET
MATCH (e:Event)-[:TARGET]->(x:Entity)
RETURN x.name AS actor, x.type AS actor_type, count(DISTINCT e) AS times,
       collect(DISTINCT e.type) AS event_types
ORDER BY times DESC, actor
LIMIT 25
