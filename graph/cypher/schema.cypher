// Uniqueness constraints on the stable ids (Community edition: uniqueness only), and a date index.
// One statement per block, separated by ';'. Each is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT kg_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_membership_id IF NOT EXISTS FOR (n:Membership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_sync_id IF NOT EXISTS FOR (n:KgSync) REQUIRE n.id IS UNIQUE;
CREATE INDEX kg_event_date IF NOT EXISTS FOR (n:Event) ON (n.date_from);
CREATE INDEX kg_entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)
