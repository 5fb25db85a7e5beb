// title: Events by year and type
// question: How did repression and elections unfold year by year?
// columns: year, event_type, events
MATCH (e:Event)
WHERE e.date_from IS NOT NULL
RETURN e.date_from.year AS year, e.type AS event_type, count(*) AS events
ORDER BY year, event_type
