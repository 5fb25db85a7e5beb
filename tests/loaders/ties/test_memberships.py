"""Memberships on short invented texts: one phrase kind per test."""

from graph.ids import entity_id
from loaders.ties.memberships import extract_memberships
from tests.loaders.helpers import facts_of

NEC = entity_id("Institution", "National Election Committee")
CPP = entity_id("Party", "Cambodian People's Party")
FUN = entity_id("Party", "FUNCINPEC")


def ties(text: str) -> set[tuple[str, str, str, str | None]]:
    """(person name, organisation name, role, basis) of every membership the text states."""
    src, ms, facts = facts_of(text)
    extract_memberships(src, ms, facts)
    for m in facts.memberships.values():
        for ev in m.evidence:
            assert src.raw[ev.start:ev.end] == ev.quote
    return {(facts.entity_name(m.person), facts.entity_name(m.organization), m.role, m.attributes.get("basis"))
            for m in facts.memberships.values()}


def memberships(text: str):
    src, ms, facts = facts_of(text)
    extract_memberships(src, ms, facts)
    return facts


def test_body_role_before_the_name():
    assert ties("Yesterday NEC spokesperson Chea Dara denied it.") == {
        ("Chea Dara", "National Election Committee", "spokesperson", None)}


def test_deputy_secretary_general_and_vice_chair():
    got = ties("NEC deputy secretary-general Lim Sovan resigned. NEC vice-chair Kong Vibol stayed.")
    assert ("Lim Sovan", "National Election Committee", "deputy-secretary-general", None) in got
    assert ("Kong Vibol", "National Election Committee", "vice-chair", None) in got


def test_became_chair_gives_the_start_date():
    facts = memberships("In March 2019, Chea Dara, a senior CPP member, became the NEC chair.")
    chair = next(m for m in facts.memberships.values() if m.role == "chair")
    assert chair.organization == NEC and chair.start is not None and chair.start.value == "2019-03"
    aff = next(m for m in facts.memberships.values() if m.role == "affiliated")
    assert aff.organization == CPP and aff.attributes["basis"] == "member"


def test_resignation_gives_the_end_date():
    facts = memberships("Lim Sovan's resignation as CNRP chairman came in June 2016.")
    (m,) = facts.memberships.values()
    assert m.role == "chair" and m.end is not None and m.end.value == "2016-06"


def test_party_leader_and_president_of():
    got = ties("CNRP leader Chea Dara met the president of the Candlelight Party, Lim Sovan.")
    assert ("Chea Dara", "Cambodia National Rescue Party", "leader", None) in got
    assert ("Lim Sovan", "Candlelight Party", "president", None) in got


def test_member_appositive():
    assert ties("Sovan, a former teacher, met Lim Sovan. Chea Dara, an NEC member, left.") >= {
        ("Chea Dara", "National Election Committee", "member", None)}


def test_affiliation_phrases():
    got = ties("The board includes Chea Dara, formerly of FUNCINPEC; Lim Sovan, linked to the CPP; "
               "Kong Vibol, associated with the Candlelight Party; and Pen Sothy, the remaining CNRP nominee.")
    assert {("Chea Dara", "FUNCINPEC", "affiliated", "former"),
            ("Lim Sovan", "Cambodian People's Party", "affiliated", "linked"),
            ("Kong Vibol", "Candlelight Party", "affiliated", "associated"),
            ("Pen Sothy", "Cambodia National Rescue Party", "affiliated", "nominee")} <= got


def test_list_with_party_ties():
    got = ties("Officials such as Chea Dara, Lim Sovan, and Kong Vibol, have CPP ties.")
    assert {p for p, o, r, b in got if o == "Cambodian People's Party" and b == "ties"} == {
        "Chea Dara", "Lim Sovan", "Kong Vibol"}


def test_composition_paragraph_makes_listed_and_affiliated_persons_members():
    text = ("The NEC's composition changed. Other NEC members, such as Chea Dara and Lim Sovan, stayed, "
            "while Kong Vibol, previously with COMFREL, was chosen by consensus.\n\n"
            "Pen Sothy, formerly of FUNCINPEC, runs a shop.")
    got = ties(text)
    members = {p for p, o, r, b in got if o == "National Election Committee" and r == "member"}
    assert members == {"Chea Dara", "Lim Sovan", "Kong Vibol"}
    assert ("Kong Vibol", "Committee for Free and Fair Elections in Cambodia", "affiliated", "former") in got


def test_prime_minister_title_is_an_office_but_not_a_foreign_one():
    got = ties("Prime Minister Chea Dara met Thai Prime Minister Somchai Wong.")
    assert got == {("Chea Dara", "Royal Government of Cambodia", "prime-minister", None)}


def test_no_membership_without_a_tie():
    assert ties("Chea Dara and the NEC and the CPP were all mentioned, and Lim Sovan too.") == set()


def test_members_listed_after_the_body_and_since():
    facts = memberships("NEC members Chea Dara, Lim Sovan and Kong Vibol have served since 2014.")
    got = {(facts.entity_name(m.person), m.role, m.start.value if m.start else None)
           for m in facts.memberships.values() if m.organization == NEC}
    assert got == {("Chea Dara", "member", "2014"), ("Lim Sovan", "member", "2014"), ("Kong Vibol", "member", "2014")}


def test_was_appointed_new_chair():
    facts = memberships("In 2014, Lim Sovan was appointed the new NEC chairman.")
    (m,) = facts.memberships.values()
    assert (facts.entity_name(m.person), m.role, m.start.value if m.start else None) == ("Lim Sovan", "chair", "2014")


def test_body_role_then_comma_and_name():
    assert ties("The NEC chairman, Lim Sovan, defended it.") == {
        ("Lim Sovan", "National Election Committee", "chair", None)}


def test_official_and_candidate():
    got = ties("In July 2022, a CLP official, Nol Sovan, was assaulted. Dam Vibol, an SRP candidate, fled.")
    assert ("Nol Sovan", "Candlelight Party", "official", None) in got
    assert ("Dam Vibol", "Sam Rainsy Party", "affiliated", "candidate") in got


def test_head_verbs_and_led_by():
    got = ties("Tep Sopheak, who chairs the NEC, denied it. The Khmer Will Party, led by Mr. Kong Monika, agreed.")
    assert ("Tep Sopheak", "National Election Committee", "chair", None) in got
    assert ("Kong Monika", "Khmer Will Party", "leader", None) in got


def test_party_in_brackets_and_copula():
    got = ties("The commissioners are Prach Chan (CPP) and Nuth Sokhom (FUNCINPEC). Ros Sothea is a CNRP lawmaker.")
    assert ("Prach Chan", "Cambodian People's Party", "affiliated", "member") in got
    assert ("Nuth Sokhom", "FUNCINPEC", "affiliated", "member") in got
    assert ("Ros Sothea", "Cambodia National Rescue Party", "lawmaker", None) in got


def test_a_part_of_a_body_is_not_the_body():
    got = ties("Ouk Kimlek, deputy president of the Cambodian People's Party's youth wing, spoke.")
    assert not any(o == "Cambodian People's Party" and r == "vice-president" for _, o, r, _ in got)


def test_its_and_the_committee_stand_for_the_body_named_last():
    got = ties("Many members joined the Candlelight Party. Its secretary-general, Lee Sothea, was charged.\n\n"
               "The NEC met on Monday. The committee's spokesperson, Sok Dara, said so.")
    assert ("Lee Sothea", "Candlelight Party", "secretary-general", None) in got
    assert ("Sok Dara", "National Election Committee", "spokesperson", None) in got


def test_the_party_is_not_an_earlier_party_when_another_was_named_since():
    got = ties("Kem Sokha joined the Candlelight Party in 2020. FUNCINPEC is led by Prince Norodom Chakra, "
               "who became the party president in 2022.")
    assert not any(p == "Norodom Chakra" and o == "Candlelight Party" for p, o, _, _ in got)
    assert ("Norodom Chakra", "FUNCINPEC", "leader", None) in got


def test_bare_role_in_a_paragraph_about_one_body():
    got = ties("The chairperson of the NEC, Chheang Vuthy, was confirmed. His deputy, vice-chair Meas Sotheara, "
               "was nominated by the ruling party. Deputy Prime Minister Tea Banh spoke.")
    assert ("Meas Sotheara", "National Election Committee", "vice-chair", None) in got
    assert not any(p == "Tea Banh" and o == "National Election Committee" for p, o, _, _ in got)


def test_listed_members_with_appositions():
    got = ties("The composition of the NEC also includes Yim Sokunthea, a former Sam Rainsy Party lawmaker who "
               "joined in 2019, and Lim Vannak, an independent civil-society nominee.")
    assert ("Yim Sokunthea", "National Election Committee", "member", None) in got
    assert ("Lim Vannak", "National Election Committee", "member", None) in got
    assert ("Yim Sokunthea", "Sam Rainsy Party", "affiliated", "former") in got


def test_an_adjective_before_the_role_and_a_party_possessive():
    got = ties("Sam Rainsy, the exiled co-founder of the CNRP, spoke. Mu Sochua, the vice president of the CNRP, "
               "agreed. The Grassroots Democratic Party's Yang Saing said so.")
    assert ("Sam Rainsy", "Cambodia National Rescue Party", "founder", None) in got
    assert ("Mu Sochua", "Cambodia National Rescue Party", "vice-president", None) in got
    assert ("Mu Sochua", "Cambodia National Rescue Party", "president", None) not in got
    assert ("Yang Saing", "Grassroots Democratic Party", "affiliated", "member") in got


def test_a_term_from_one_year_to_another_is_the_start_and_end():
    facts = memberships("Chief Justice Dith Munthy was a CPP lawmaker from 1993 to 1998, when he joined the Court.")
    got = {(m.person, m.organization, m.role): m for m in facts.memberships.values()}
    m = got[("person/dith-munthy", "party/cambodian-peoples-party", "affiliated")]
    assert (m.start.value, m.end.value, m.attributes.get("former")) == ("1993", "1998", True)


def test_a_term_until_a_year_is_an_end():
    got = [m for m in memberships("Sok Vanna was an NEC member until 2019, when he retired.").memberships.values()
           if m.person == "person/sok-vanna"]
    assert [(m.start, m.end.value if m.end else None) for m in got] == [(None, "2019")]
