"""The query layer: named questions (SPARQL and Cypher files) and the temporal logic behind them."""
