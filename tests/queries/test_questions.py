"""Every named question on an invented graph (tests/queries/conftest.py), through the sparql backend."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.errors import UsageError
from kg.workspace import Workspace
from queries.answer import ask
from queries.backends import Backend, open_backend

LP = "party/lantern-party"


@pytest.fixture(scope="module")
def backend(small_workspace: Workspace) -> Iterator[Backend]:
    b = open_backend("sparql", small_workspace)
    yield b
    b.close()


def _rows(backend: Backend, name: str, **params: str) -> list[dict[str, Any]]:
    answer = ask(name, params, backend)
    assert answer["question"] == name
    return answer["rows"]


def _assert_evidence(items: list[dict[str, Any]]) -> None:
    assert items, "every fact of an answer carries its evidence"
    for e in items:
        assert set(e) >= {"document", "document_title", "start", "end", "quote"}
        assert e["document"] == "invented-report" and e["document_title"] == "An Invented Report"
        assert isinstance(e["start"], int) and e["quote"]


def _pairs(rows: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(r["amendment"]["event"], r["disqualification"]["event"], r["order"]) for r in rows}


def test_amendments_before_disqualifications_default(backend: Backend) -> None:
    rows = _rows(backend, "amendments-before-disqualifications")
    assert _pairs(rows) == {
        ("event/amendment-lol-2017", "event/disqualification-lp", "before"),
        ("event/amendment-charter-2023", "event/disqualification-lp", "undetermined"),
        ("event/amendment-lol-2017", "event/dissolution-river", "undetermined"),
        ("event/amendment-charter-undated", "event/disqualification-lp", "undetermined"),
        ("event/amendment-charter-undated", "event/dissolution-river", "undetermined"),
    }
    first = next(r for r in rows if r["order"] == "before")
    # exactly the shape of shared/eval/README.md, plus evidence and ids
    assert first["amendment"]["law"] == "Law on Lanterns"
    assert first["amendment"]["date"] == {"value": "2017-03", "precision": "month"}
    assert first["disqualification"]["target"] == "Lantern Party"
    assert first["disqualification"]["date"] == {"value": "2023-05", "precision": "month"}
    assert first["gap_days"] == {"min": 2222, "max": 2282}
    for r in rows:
        _assert_evidence(r["amendment"]["evidence"])
        _assert_evidence(r["disqualification"]["evidence"])
    river = next(r for r in rows if r["disqualification"]["event"] == "event/dissolution-river")
    assert [a["name"] for a in river["disqualification"]["agents"]] == ["Bo Sample", "High Court"]  # one row
    undetermined = next(r for r in rows if r["amendment"]["event"] == "event/amendment-charter-2023")
    assert undetermined["gap_days"]["min"] < 0 < undetermined["gap_days"]["max"]
    undated = next(r for r in rows if r["amendment"]["event"] == "event/amendment-charter-undated")
    assert undated["amendment"]["date"] is None and undated["gap_days"] is None


def test_amendments_sorted_by_disqualification_date(backend: Backend) -> None:
    rows = _rows(backend, "amendments-before-disqualifications")
    assert [r["disqualification"]["date"]["value"] for r in rows] == ["2017", "2017", "2023-05", "2023-05", "2023-05"]
    assert [r["amendment"]["date"] for r in rows][-1] is None  # undated last


def test_amendments_parameters(backend: Backend) -> None:
    by_law = _rows(backend, "amendments-before-disqualifications", law="the LoL")
    assert {r["amendment"]["law"] for r in by_law} == {"Law on Lanterns"}
    by_target = _rows(backend, "amendments-before-disqualifications", target="lantern party")
    assert {r["disqualification"]["target"] for r in by_target} == {"Lantern Party"} and len(by_target) == 3
    after = _rows(backend, "amendments-before-disqualifications", order="after")
    assert {r["order"] for r in after} == {"after"} and len(after) == 3
    assert len(_rows(backend, "amendments-before-disqualifications", order="any")) == 8
    near = _rows(backend, "amendments-before-disqualifications", **{"within-days": "365"})
    assert ("event/amendment-lol-2017", "event/disqualification-lp", "before") not in _pairs(near)
    assert len(near) == 2


def test_unknown_name_is_a_usage_error(backend: Backend) -> None:
    with pytest.raises(UsageError, match="no Law named"):
        ask("amendments-before-disqualifications", {"law": "Law on Kites"}, backend)
    with pytest.raises(UsageError, match="no Party named"):  # a law is not a party
        ask("party-fates", {"party": "Law on Lanterns"}, backend)


def test_timeline(backend: Backend) -> None:
    rows = _rows(backend, "timeline", actor="Law on Lanterns")
    assert [(r["event"], r["date"]) for r in rows] == [
        ("event/dissolution-river", {"value": "2017", "precision": "year"}),
        ("event/amendment-lol-2017", {"value": "2017-03", "precision": "month"}),
        ("event/amendment-lol-2024", {"value": "2024-01", "precision": "month"}),
    ]
    assert rows[0]["roles"] == ["instrument"] and rows[1]["roles"] == ["target"]
    assert {p["name"] for p in rows[0]["participants"]} == {"High Court", "Bo Sample", "The River Party"}
    for r in rows:
        _assert_evidence(r["evidence"])


def test_timeline_undated_last_and_aliases(backend: Backend) -> None:
    rows = _rows(backend, "timeline", actor="The Daily Kite")
    assert rows[-1]["date"] is None
    by_alias = _rows(backend, "timeline", actor="river's party")
    assert by_alias == _rows(backend, "timeline", actor="The River Party") and by_alias


def test_nec_composition_on_a_date(backend: Backend) -> None:
    rows = _rows(backend, "nec-composition", date="2022-03")
    assert [(r["person"], r["role"]) for r in rows] == [("Ana Tester", "chair")]
    assert [(a["party"], a["role"]) for a in rows[0]["affiliations"]] == [("Lantern Party", "member")]
    _assert_evidence(rows[0]["evidence"])
    _assert_evidence(rows[0]["affiliations"][0]["evidence"])


def test_nec_composition_all_members(backend: Backend) -> None:
    rows = _rows(backend, "nec-composition")
    assert [(r["person"], r["role"]) for r in rows] == [("Ana Tester", "chair"), ("Bo Sample", "member")]
    assert {a["party"] for a in rows[0]["affiliations"]} == {"Lantern Party", "The River Party"}
    in_2016 = _rows(backend, "nec-composition", date="2016")
    assert [r["person"] for r in in_2016] == ["Bo Sample"]


def test_media_closures(backend: Backend) -> None:
    rows = _rows(backend, "media-closures")
    assert [r["event"] for r in rows] == ["event/closure-owl", "event/closure-kite"]
    assert rows[0]["targets"] == [{"name": "Radio Owl", "id": "mediaoutlet/radio-owl"}]
    assert _rows(backend, "media-closures", **{"from": "2023-03"}) == []
    period = _rows(backend, "media-closures", **{"from": "2023", "to": "2023-02-10"})
    assert [r["event"] for r in period] == ["event/closure-owl"] and period[0]["in_period"] is False
    with pytest.raises(UsageError, match="after"):
        ask("media-closures", {"from": "2024", "to": "2023"}, backend)


def test_foreign_reactions(backend: Backend) -> None:
    rows = _rows(backend, "foreign-reactions", election="2023")
    assert [(r["stance"], r["actors"][0]["name"]) for r in rows] == [("condemn", "Freedonia"),
                                                                     ("congratulate", "Sylvania")]
    assert rows[0]["elections"] == ["event/election-national-2023"]
    assert [r["stance"] for r in _rows(backend, "foreign-reactions", election="2018")] == ["concern"]
    assert _rows(backend, "foreign-reactions", election="2013") == []


def test_evidence(backend: Backend) -> None:
    rows = _rows(backend, "evidence", fact="event/disqualification-lp")
    assert [r["quote"] for r in rows] == ["passage stating event/disqualification-lp"]
    assert rows[0]["document_title"] == "An Invented Report"
    with pytest.raises(UsageError, match="no fact"):
        ask("evidence", {"fact": "event/none"}, backend)


def test_laws_used_against_and_party_fates(backend: Backend) -> None:
    laws = _rows(backend, "laws-used-against")
    assert [(r["party"], [x["name"] for x in r["laws"]]) for r in laws] == [
        ("The River Party", ["Law on Lanterns"])]
    assert _rows(backend, "laws-used-against", party="LP") == []
    fates = _rows(backend, "party-fates")
    assert [(r["party"], r["type"]) for r in fates] == [("Lantern Party", "Disqualification"),
                                                         ("The River Party", "Dissolution")]
    assert [r["party_id"] for r in _rows(backend, "party-fates", party="lp")] == [LP]
    for r in laws + fates:
        _assert_evidence(r["evidence"])


def test_required_and_unknown_parameters(backend: Backend) -> None:
    with pytest.raises(UsageError, match="needs --param actor"):
        ask("timeline", {}, backend)
    with pytest.raises(UsageError, match="no parameter 'colour'"):
        ask("timeline", {"colour": "red"}, backend)
    with pytest.raises(UsageError, match="bad year"):
        ask("foreign-reactions", {"election": "twenty"}, backend)
    with pytest.raises(UsageError, match="unknown question"):
        ask("nope", {}, backend)


def test_evidence_batched_for_large_answers(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a few facts, evidence comes from one unbound query: the answer must not change."""
    one_by_one = ask("amendments-before-disqualifications", {"order": "any"}, backend)
    monkeypatch.setattr("queries.questions.common.BATCH_AFTER", 0)
    assert ask("amendments-before-disqualifications", {"order": "any"}, backend) == one_by_one
