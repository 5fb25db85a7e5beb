"""Small invented facts for the RDF tests (the names are made up; no corpus facts)."""

from __future__ import annotations

from graph.factset import FactSet
from graph.model import Document, Entity, Event, Evidence, FuzzyDate, Membership, Participant

DOC = "sample-report"
TEXT = ("In May 2031 the Election Board refused to register the Lantern Party. "
        "Ms Vorn Dara, chair of the Election Board since 2029, signed the decision. "
        "The Law on Parties was amended in 2030 by the Amending Law. Ruritania condemned the move.")


DOC2 = "sample-statement"
TEXT2 = "We, the undersigned, note that Ruritania condemned the move in strong terms."


def ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(DOC, start, start + len(quote), quote)


def sample_facts() -> FactSet:
    fs = FactSet()
    fs.add_document(Document(DOC, f"{DOC}.txt", "A sample report", "00" * 32, publisher="Sample NGO",
                             published=FuzzyDate.of(2032, 1), kind="report", language="en",
                             url="https://example.org/reports/sample-report"))
    fs.add_document(Document(DOC2, f"{DOC2}.txt", "A sample statement", "11" * 32))
    ents = [
        ("institution/election-board", "Institution", "Election Board", {"EB"}, "the Election Board"),
        ("party/lantern-party", "Party", "Lantern Party", {"LP"}, "the Lantern Party"),
        ("person/vorn-dara", "Person", "Vorn Dara", set(), "Ms Vorn Dara"),
        ("law/law-on-parties", "Law", "Law on Parties", set(), "The Law on Parties"),
        ("law/amending-law", "Law", "Amending Law", set(), "the Amending Law"),
        ("foreignactor/ruritania", "ForeignActor", "Ruritania", set(), "Ruritania"),
    ]
    for eid, typ, name, aliases, quote in ents:
        fs.add_entity(Entity(eid, typ, name, aliases, {}, [ev(quote)]))
    fs.add_event(Event("event/disqualification-0001", "Disqualification", FuzzyDate.of(2031, 5),
                       [Participant("agent", "institution/election-board"),
                        Participant("target", "party/lantern-party")],
                       {}, [ev("In May 2031 the Election Board refused to register the Lantern Party.")]))
    fs.add_event(Event("event/amendment-0001", "Amendment", FuzzyDate.of(2030, derivation="absolute"),
                       [Participant("target", "law/law-on-parties"),
                        Participant("instrument", "law/amending-law")],
                       {"note": "sample"},
                       [ev("The Law on Parties was amended in 2030 by the Amending Law.")]))
    fs.add_event(Event("event/foreignstatement-0001", "ForeignStatement", None,
                       [Participant("agent", "foreignactor/ruritania"),
                        Participant("subject", "party/lantern-party")],
                       {"stance": "condemn"},
                       [ev("Ruritania condemned the move."), Evidence(DOC2, 31, 59, TEXT2[31:59])],
                       ["date-unknown"]))
    fs.add_membership(Membership("membership/0001", "person/vorn-dara", "institution/election-board", "chair",
                                 FuzzyDate.of(2029), None, {},
                                 [ev("Ms Vorn Dara, chair of the Election Board since 2029")]))
    return fs
