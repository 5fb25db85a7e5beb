"""``Mention``: where a document names an actor. The interface between actor finding and event,
membership and table extraction."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Mention:
    """``clean[start:end]`` of a ``SourceText`` names the entity ``entity`` (its stable id).

    ``how`` says which rule found it: ``lexicon`` (the reviewed actors file), ``acronym`` (defined in
    the text), ``pattern`` (a naming pattern such as "Ministry of ..."), ``title`` ("Prime Minister X"),
    ``surname`` (a surname linked to a full name met earlier in the document).
    """

    start: int
    end: int
    entity: str
    type: str
    name: str
    how: str = "lexicon"
