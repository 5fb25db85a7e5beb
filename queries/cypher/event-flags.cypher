// Twin of queries/sparql/event-flags.rq (parameters and columns are declared there).
// Every flagged event (e.g. date-conflict), one row per flag, with its attributes as JSON.
MATCH (e:Event)
WHERE size(coalesce(e.flags, [])) > 0
UNWIND e.flags AS flag
RETURN e.id AS event, flag, e.attributes_json AS attributes
