"""Loaders: read documents, clean them keeping offsets, and extract facts with their evidence."""
