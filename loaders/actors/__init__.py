"""Actors found from the parse: named entities the gazetteer does not know."""
