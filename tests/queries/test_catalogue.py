"""The catalogue: every query file declares its parameters, and the declarations are enforced."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import UsageError
from graph.ids import fold_name as fold
from queries.catalogue import Param, catalogue, load_question, parse_header
from queries.names import NameIndex

EXPECTED = {"amendments-before-disqualifications", "timeline", "nec-composition", "media-closures",
            "foreign-reactions", "evidence", "laws-used-against", "party-fates"}


def test_the_catalogue_has_the_named_questions() -> None:
    questions = catalogue()
    assert EXPECTED <= {n for n, q in questions.items() if not q.hidden}
    assert questions["entity-names"].hidden
    for q in questions.values():
        assert q.title and (q.about or q.hidden), q.name


def test_declared_parameters() -> None:
    q = catalogue()["amendments-before-disqualifications"]
    assert [(p.name, p.type, p.optional) for p in q.params] == [
        ("law", "entity", True), ("target", "entity", True), ("within-days", "int", True),
        ("order", "choice", True)]
    assert q.param("law").options == ("Law",)
    assert q.is_bound(q.param("law")) and not q.is_bound(q.param("within-days"))
    assert catalogue()["timeline"].param("actor").optional is False
    assert catalogue()["nec-composition"].param("body").default == "National Election Committee"


def test_values_are_never_pasted_into_query_text() -> None:
    """No query file formats text: parameters are variables (bound) or post-processing filters."""
    for q in catalogue().values():
        assert "{" + "}" not in q.text and "%s" not in q.text and "{0}" not in q.text


def test_parse_header_and_bad_declarations(tmp_path: Path) -> None:
    text = "# title: T\n# about: a\n# about: b\n# param: x (date, required) - when\nSELECT ?x {}\n"
    head = parse_header(text)
    assert head["title"] == "T" and head["about"] == ["a", "b"]
    assert head["params"] == [Param("x", "date", False, "when")]
    with pytest.raises(ValueError, match="unknown type"):
        parse_header("# param: x (colour) - no\n")
    with pytest.raises(ValueError, match="unknown flag"):
        parse_header("# param: x (date, sometimes) - no\n")
    f = tmp_path / "q.rq"
    f.write_text("# param: who (entity) - not in the query\nSELECT ?y WHERE { ?y ?p ?o }\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no \\?who"):
        load_question(f)


@pytest.mark.parametrize("kind, raw", [("date", "2023-99"), ("year", "23"), ("int", "many"),
                                      ("date", " "), ("year", "2023-05")])
def test_bad_values(kind: str, raw: str) -> None:
    with pytest.raises(UsageError):
        Param("x", kind).convert(raw)


def test_choice_values() -> None:
    p = Param("order", "choice", options=("before", "after"))
    assert p.convert("after") == "after"
    with pytest.raises(UsageError, match="before, after"):
        p.convert("soon")


def test_fold_and_resolve() -> None:
    assert fold("The Cambodian People\u2019s Party") == fold("cambodian peoples party")
    assert fold("The Cambodian People's Party") == "cambodian peoples party"
    assert fold("  CLP ") == "clp"
    index = NameIndex([{"entity": "party/a", "type": "Party", "name": "The A Party"},
                       {"entity": "party/a", "type": "Party", "name": "AP"},
                       {"entity": "law/a", "type": "Law", "name": "AP"}])
    assert index.resolve("a party") == ["party/a"]
    assert index.resolve("ap") == ["law/a", "party/a"]
    assert index.resolve("ap", ["Law"]) == ["law/a"]
    assert index.resolve("party/a") == ["party/a"]
    assert index.resolve("nobody") == []
