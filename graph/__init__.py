"""The graph: one fact model and thin adapters on it (facts JSON, RDF, Neo4j, networkx, the page)."""
