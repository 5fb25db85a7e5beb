"""Researchers' review of the graph: decisions kept apart from the data and replayed on every build.

``review.decisions`` reads and appends the decisions file (plain YAML beside the corpus),
``review.apply`` replays the decisions on a freshly extracted ``FactSet`` and reports the stale ones,
``review.sheet`` writes and reads the review spreadsheet (CSV). The idea follows OpenSanctions'
nomenklatura: human judgements are data of their own, never edits of the extracted facts.
"""
