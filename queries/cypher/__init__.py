"""Cypher twins of the catalogue questions (``queries/sparql/*.rq``), read by ``queries.neo4j_backend``."""
