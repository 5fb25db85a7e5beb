// $rows: [{id, whole, evidence}] of new or changed articles: (:LawArticle)-[:PART_OF]->(:Law).
UNWIND $rows AS r
MATCH (part:Entity {id: r.id})
MATCH (whole:Entity {id: r.whole})
CREATE (part)-[:PART_OF {build: $build, evidence: r.evidence}]->(whole)
