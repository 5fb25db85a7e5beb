// title: Amendments within a year before a dissolution or disqualification
// question: Which laws were amended in the year before a party was dissolved or disqualified?
// columns: law, amendment_date, event_type, target, event_date, min_gap_days, max_gap_days
// Dates are intervals (date_from .. date_to): a pair qualifies when the amendment may lie 0-365 days
// before the event; min/max gap say how sure that is.
MATCH (a:Amendment)-[:TARGET]->(amended:Entity)
OPTIONAL MATCH (amended:LawArticle)-[:PART_OF]->(whole:Law)
WITH a, coalesce(whole, amended) AS law
MATCH (d:Event)-[:TARGET]->(t:Entity)
WHERE (d:Dissolution OR d:Disqualification) AND a.date_from IS NOT NULL AND d.date_from IS NOT NULL
WITH law, a, d, t,
     duration.inDays(a.date_to, d.date_from).days AS min_gap, duration.inDays(a.date_from, d.date_to).days AS max_gap
WHERE max_gap >= 0 AND min_gap <= 365
RETURN law.name AS law, a.date_value AS amendment_date, d.type AS event_type, t.name AS target,
       d.date_value AS event_date, min_gap AS min_gap_days, max_gap AS max_gap_days
ORDER BY event_date, law
