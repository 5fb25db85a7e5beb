"""An invented two-document corpus for the review tests (names and events are made up)."""

from __future__ import annotations

from pathlib import Path

import pytest

NEWS = """River Times
12 March 2021

The National Election Committee disqualified the Farmers' Party on 3 March 2021, days before the commune elections.
The Supreme Court dissolved the Lotus Democratic Party on 16 November 2020 at the request of the Ministry of Interior.
The European Union condemned the dissolution of the Lotus Democratic Party.
Sok Dara, the spokesman of the Farmers' Party, said the party would appeal.
The Ministry of Information revoked the licence of the newspaper Mekong Voice in April 2021.
"""
BRIEF = """Observer Brief
5 June 2021

In 2020 the National Assembly amended the Law on Political Parties.
Police arrested Chan Vuthy, a senior member of the Lotus Democratic Party, on 2 May 2021.
"""


@pytest.fixture()
def invented_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "river-times-2021.txt").write_text(NEWS, encoding="utf-8")
    (corpus / "observer-brief-2021.txt").write_text(BRIEF, encoding="utf-8")
    return corpus
