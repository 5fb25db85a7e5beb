"""Cypher statements of the Neo4j sync (``graph.neo4j_sync``), one file each; values are parameters."""
