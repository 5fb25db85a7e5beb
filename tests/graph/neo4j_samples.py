"""Small invented fact sets for the Neo4j tests (no corpus names: a fictional country's parties)."""

from __future__ import annotations

from graph.factset import FactSet
from graph.model import Document, Entity, Event, Evidence, FuzzyDate, Membership, Participant

DOC = "doc-alpha"
TEXT = ("The Board amended the Law on Parties in March 2020. The Court dissolved the Alpha Party "
        "on 5 May 2021 under the Law on Parties. Jane Roe has chaired the Board since 2019.")


def passage(phrase: str, doc: str = DOC) -> Evidence:
    start = TEXT.index(phrase)
    return Evidence(doc, start, start + len(phrase), phrase)


def sample_facts() -> FactSet:
    """Two documents, five entities, two events with roles, one membership, all with evidence."""
    fs = FactSet()
    fs.add_document(Document(DOC, "alpha.txt", "Alpha report", "0" * 64, publisher="Watchers",
                             published=FuzzyDate.of(2021, 6)))
    fs.add_document(Document("doc-beta", "beta.txt", "Beta report", "1" * 64))
    amend, dissolve = passage("The Board amended the Law on Parties in March 2020"), passage(
        "The Court dissolved the Alpha Party on 5 May 2021 under the Law on Parties")
    chair = passage("Jane Roe has chaired the Board since 2019")
    for eid, etype, name, ev in [
        ("party/alpha-party", "Party", "Alpha Party", dissolve),
        ("institution/the-board", "Institution", "The Board", amend),
        ("institution/the-court", "Institution", "The Court", dissolve),
        ("law/law-on-parties", "Law", "Law on Parties", amend),
        ("person/jane-roe", "Person", "Jane Roe", chair),
    ]:
        fs.add_entity(Entity(eid, etype, name, {name.split()[-1]}, {"country": "Ruritania"}, [ev]))
    fs.add_event(Event(
        "event/amendment-1", "Amendment", FuzzyDate.of(2020, 3, phrase="March 2020"),
        [Participant("agent", "institution/the-board"), Participant("target", "law/law-on-parties")],
        {"summary": "amended"}, [amend],
    ))
    fs.add_event(Event(
        "event/dissolution-1", "Dissolution", FuzzyDate.of(2021, 5, 5),
        [Participant("agent", "institution/the-court"), Participant("target", "party/alpha-party"),
         Participant("instrument", "law/law-on-parties")],
        {"date_claims": [{"value": "2021-05-05"}, {"value": "2021-06"}]},
        [dissolve, amend], ["date-conflict"],
    ))
    fs.add_membership(Membership("membership/jane-board", "person/jane-roe", "institution/the-board", "chair",
                                 FuzzyDate.of(2019), None, {}, [chair]))
    return fs


def synthetic_facts(n_events: int, n_entities: int = 200, n_docs: int = 20) -> FactSet:
    """A larger invented graph: ``n_events`` events over ``n_entities`` entities, each with evidence."""
    fs = FactSet()
    for d in range(n_docs):
        fs.add_document(Document(f"doc-{d}", f"doc-{d}.txt", f"Document {d}", f"{d:064d}"))
    types = ("Party", "Person", "Institution", "Law", "MediaOutlet")
    for i in range(n_entities):
        fs.add_entity(Entity(f"entity/e{i}", types[i % len(types)], f"Entity {i}", set(), {},
                             [Evidence(f"doc-{i % n_docs}", i, i + 10, f"entity {i}")]))
    kinds = ("Dissolution", "Amendment", "MediaClosure", "Arrest", "ForeignStatement")
    for i in range(n_events):
        day = FuzzyDate.of(2000 + i % 24, 1 + i % 12, 1 + i % 28)
        fs.add_event(Event(
            f"event/x{i}", kinds[i % len(kinds)], day,
            [Participant("agent", f"entity/e{i % n_entities}"),
             Participant("target", f"entity/e{(i * 7 + 1) % n_entities}")],
            {"n": i}, [Evidence(f"doc-{i % n_docs}", 1000 + i, 1050 + i, f"event {i}")],
        ))
    return fs


def question_facts() -> FactSet:
    """``sample_facts`` plus what every catalogue question looks for: a law article, a
    disqualification under it, a media closure, a foreign statement about an election, a body's
    member with a party affiliation, a role without a relationship type of its own."""
    fs = sample_facts()
    ev = passage("The Court dissolved the Alpha Party")
    for eid, etype, name, attrs in [
        ("lawarticle/law-on-parties-art-6", "LawArticle", "Article 6 of the Law on Parties",
         {"part_of": "law/law-on-parties"}),
        ("party/beta-party", "Party", "Beta Party", {}),
        ("institution/election-body", "Institution", "Election Body", {}),
        ("mediaoutlet/free-radio", "MediaOutlet", "Free Radio", {}),
        ("foreignactor/utopia", "ForeignActor", "Utopia", {}),
        ("person/john-doe", "Person", "John Doe", {}),
    ]:
        fs.add_entity(Entity(eid, etype, name, set(), attrs, [ev]))
    fs.add_event(Event("event/election-2022", "Election", FuzzyDate.of(2022, 7), [], {}, [ev]))
    fs.add_event(Event(
        "event/disqualification-1", "Disqualification", FuzzyDate.of(2022),
        [Participant("agent", "institution/election-body"), Participant("target", "party/beta-party"),
         Participant("instrument", "lawarticle/law-on-parties-art-6"), Participant("participant", "person/john-doe")],
        {}, [ev],
    ))
    fs.add_event(Event(
        "event/amendment-2", "Amendment", FuzzyDate.of(2021, 12),
        [Participant("target", "lawarticle/law-on-parties-art-6")], {}, [ev],
    ))
    fs.add_event(Event(
        "event/mediaclosure-1", "MediaClosure", FuzzyDate.of(2022, 6, 1),
        [Participant("agent", "institution/the-court"), Participant("target", "mediaoutlet/free-radio"),
         Participant("instrument", "law/law-on-parties")],
        {"how": "licence revoked", "count": 2}, [ev],
    ))
    fs.add_event(Event(
        "event/foreignstatement-1", "ForeignStatement", FuzzyDate.of(2022, 8),
        [Participant("agent", "foreignactor/utopia"), Participant("subject", "event/election-2022")],
        {"stance": "condemn"}, [ev],
    ))
    fs.add_event(Event("event/foreignstatement-2", "ForeignStatement", None,
                       [Participant("agent", "foreignactor/utopia")], {"stance": "concern"}, [ev]))
    fs.add_membership(Membership("membership/doe-body", "person/john-doe", "institution/election-body",
                                 "member", FuzzyDate.of(2018, 3), FuzzyDate.of(2023), {}, [ev]))
    fs.add_membership(Membership("membership/doe-alpha", "person/john-doe", "party/alpha-party",
                                 "affiliated", FuzzyDate.of(2015), None, {}, [ev]))
    fs.events["event/disqualification-1"].status = "accepted"  # a reviewer's decisions (see review/)
    fs.events["event/mediaclosure-1"].status = "corrected"
    fs.memberships["membership/doe-body"].status = "accepted"
    return fs


def cookbook_facts() -> FactSet:
    """``question_facts`` plus a second outlet closed by the same court (for the cookbook)."""
    fs = question_facts()
    ev = passage("The Court dissolved the Alpha Party")
    fs.add_entity(Entity("mediaoutlet/daily-news", "MediaOutlet", "Daily News", set(), {}, [ev]))
    fs.add_event(Event(
        "event/mediaclosure-2", "MediaClosure", FuzzyDate.of(2022, 9),
        [Participant("agent", "institution/the-court"), Participant("target", "mediaoutlet/daily-news")],
        {}, [ev],
    ))
    return fs
