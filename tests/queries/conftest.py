"""An invented FactSet written to a temporary workspace, for the question tests.

Names, dates and passages are made up (nothing of the corpus): a law amended in 2017-03, 2023 and
2024-01, a party disqualified in 2023-05, another dissolved in "2017", media closures, foreign
statements about a 2023 election, and an election body with two members.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import facts_json
from graph.factset import FactSet
from graph.model import Document, Entity, Event, Evidence, FuzzyDate, Membership, Participant
from graph.rdf_store import write_store
from kg.workspace import FACTS, Workspace

DOC = "invented-report"
TEXT = "An invented report.\n"


def _ev(n: int, quote: str) -> list[Evidence]:
    return [Evidence(DOC, 100 * n, 100 * n + len(quote), quote)]


def _d(value: str | None) -> FuzzyDate | None:
    if value is None:
        return None
    return FuzzyDate(value, {4: "year", 7: "month", 10: "day"}[len(value)])


def small_facts() -> FactSet:
    fs = FactSet()
    fs.add_document(Document(DOC, f"{DOC}.txt", "An Invented Report", "0" * 64))
    entities = [
        ("law/law-on-lanterns", "Law", "Law on Lanterns", {"LoL"}),
        ("law/charter-of-testland", "Law", "Charter of Testland", {"Charter"}),
        ("party/lantern-party", "Party", "Lantern Party", {"LP"}),
        ("party/the-river-party", "Party", "The River Party", {"River's Party"}),
        ("institution/national-election-committee", "Institution", "National Election Committee", {"NEC"}),
        ("institution/high-court", "Institution", "High Court", set()),
        ("mediaoutlet/radio-owl", "MediaOutlet", "Radio Owl", set()),
        ("mediaoutlet/the-daily-kite", "MediaOutlet", "The Daily Kite", set()),
        ("foreignactor/freedonia", "ForeignActor", "Freedonia", set()),
        ("foreignactor/sylvania", "ForeignActor", "Sylvania", set()),
        ("person/ana-tester", "Person", "Ana Tester", set()),
        ("person/bo-sample", "Person", "Bo Sample", set()),
    ]
    for i, (eid, kind, name, aliases) in enumerate(entities):
        fs.add_entity(Entity(eid, kind, name, aliases, {}, _ev(i, f"{name} is named here")))

    def event(eid: str, kind: str, date: str | None, roles: dict[str, str], n: int, **attrs: str) -> None:
        fs.add_event(Event(eid, kind, _d(date), [Participant(r, e) for r, e in roles.items()], dict(attrs),
                           _ev(n, f"passage stating {eid}")))

    event("event/amendment-lol-2017", "Amendment", "2017-03", {"target": "law/law-on-lanterns"}, 20)
    event("event/amendment-charter-2023", "Amendment", "2023", {"target": "law/charter-of-testland"}, 21)
    event("event/amendment-lol-2024", "Amendment", "2024-01", {"target": "law/law-on-lanterns"}, 22)
    event("event/amendment-charter-undated", "Amendment", None, {"target": "law/charter-of-testland"}, 31)
    event("event/disqualification-lp", "Disqualification", "2023-05",
          {"agent": "institution/national-election-committee", "target": "party/lantern-party"}, 23)
    event("event/dissolution-river", "Dissolution", "2017",
          {"agent": "institution/high-court", "target": "party/the-river-party",
           "instrument": "law/law-on-lanterns"}, 24)
    fs.add_event(Event("event/dissolution-river", "Dissolution", _d("2017"),
                       [Participant("agent", "person/bo-sample")]))  # a second agent, merged
    event("event/closure-owl", "MediaClosure", "2023-02", {"target": "mediaoutlet/radio-owl"}, 25)
    contest(fs.events["event/closure-owl"], "2023-02", "2023-03")
    event("event/closure-kite", "MediaClosure", None, {"target": "mediaoutlet/the-daily-kite"}, 26)
    event("event/election-national-2023", "Election", "2023-07-23", {}, 27)
    fa, sy = "foreignactor/freedonia", "foreignactor/sylvania"
    event("event/statement-freedonia-2023", "ForeignStatement", "2023-07-24",
          {"agent": fa, "subject": "event/election-national-2023"}, 28, stance="condemn")
    event("event/statement-sylvania-2023", "ForeignStatement", "2023", {"agent": sy}, 29,
          stance="congratulate")
    event("event/statement-freedonia-2018", "ForeignStatement", "2018", {"agent": fa}, 30, stance="concern")

    def member(mid: str, person: str, org: str, role: str, start: str | None, end: str | None,
               n: int) -> None:
        fs.add_membership(Membership(mid, person, org, role, _d(start), _d(end), {},
                                     _ev(n, f"passage stating {mid}")))

    nec = "institution/national-election-committee"
    member("membership/ana-nec", "person/ana-tester", nec, "chair", "2021", None, 40)
    member("membership/bo-nec", "person/bo-sample", nec, "member", "2014", "2019", 41)
    ana, bo, lp = "person/ana-tester", "person/bo-sample", "party/lantern-party"
    member("membership/ana-river", ana, "party/the-river-party", "member", "2015", "2020", 42)
    member("membership/ana-lantern", ana, lp, "member", "2020-06", None, 43)
    member("membership/bo-lantern", bo, lp, "affiliated", None, None, 44)
    fs.events["event/disqualification-lp"].status = "accepted"  # a reviewer's decisions (see review/)
    fs.events["event/closure-owl"].status = "corrected"
    return fs


def contest(ev: Event, *values: str) -> None:
    """Flag ``ev`` ``date-conflict``, one report claiming each of ``values`` (as the loaders do)."""
    ev.flags.append("date-conflict")
    ev.attributes["date_claims"] = [{"value": v, "precision": _d(v).precision, "derivation": "absolute",
                                     "document": f"report-{i}"} for i, v in enumerate(values)]


def contested_facts() -> FactSet:
    """``small_facts`` plus an amendment of one article (2022-11) and the Lantern Party's
    disqualification contested: one report says 2023-05, another 2024-03."""
    fs = small_facts()
    fs.add_entity(Entity("lawarticle/law-on-lanterns-article-6", "LawArticle", "Article 6 of the Law on Lanterns",
                         set(), {"part_of": "law/law-on-lanterns"}, _ev(50, "Article 6 is named here")))
    fs.add_event(Event("event/amendment-lol-article-6", "Amendment", _d("2022-11"),
                       [Participant("target", "lawarticle/law-on-lanterns-article-6")], {},
                       _ev(51, "passage stating the amendment of article 6")))
    contest(fs.events["event/disqualification-lp"], "2023-05", "2024-03")
    return fs


def write_workspace(facts: FactSet, path: Path) -> Workspace:
    """A workspace at ``path`` holding ``facts`` (facts.json and the RDF store), without a build."""
    ws = Workspace(path)
    ws.path.mkdir(parents=True, exist_ok=True)
    (ws.path / FACTS).write_text(facts_json.dumps(facts), encoding="utf-8")
    write_store(facts, ws.store_path)
    return ws


@pytest.fixture(scope="session")
def small_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return write_workspace(small_facts(), tmp_path_factory.mktemp("small") / ".kg")


@pytest.fixture(scope="session")
def contested_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return write_workspace(contested_facts(), tmp_path_factory.mktemp("contested") / ".kg")
