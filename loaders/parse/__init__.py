"""The linguistic substrate: every document parsed once by spaCy (tokens with offsets, lemmas, POS,
dependency parse, named entities), the parses kept in the workspace so a rebuild re-parses nothing."""
