// Twin of queries/sparql/entity-names.rq (parameters and columns are declared there).
// Every entity's id, type, name and aliases: one row per name.
MATCH (x:Entity)
UNWIND [x.name] + coalesce(x.aliases, []) AS name
RETURN x.id AS entity, x.type AS type, name
