"""Ties stage: memberships (people in bodies and parties) and results tables."""
