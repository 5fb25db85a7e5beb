"""Dates stage: date expressions of a text, which belong to an event, and their resolution (absolute,
partial, relative to an election, to the document, narrative) with precision and derivation."""
