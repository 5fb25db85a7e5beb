// $rows: [{id, whole, evidence}]: (:LawArticle)-[:PART_OF]->(:Law), from the article's attributes.
UNWIND $rows AS r
MATCH (part:Entity {id: r.id})
MATCH (whole:Entity {id: r.whole})
MERGE (part)-[rel:PART_OF]->(whole)
SET rel.build = $build, rel.evidence = r.evidence
