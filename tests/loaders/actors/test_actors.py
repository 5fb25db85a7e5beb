"""Actor mentions on short invented texts: one rule per test."""

from graph.ids import entity_id
from tests.loaders.helpers import facts_of, found, mentions


def test_lexicon_names_tolerate_case_curly_apostrophes_and_possessives():
    f = found("The CAMBODIAN PEOPLE\u2019S PARTY met. Later the Cambodian People's Party's office closed.")
    assert set(f.values()) == {"Cambodian People's Party"}
    assert len(f) == 2


def test_capital_acronyms_only_match_in_capitals():
    assert found("The US said it would write to us.") == {"US": "United States"}


def test_one_letter_typo_in_a_long_name():
    assert found("Members of the Candlelihgt Party met.") == {"Candlelihgt Party": "Candlelight Party"}
    assert found("The Nationl Election Committee ruled.")["Nationl Election Committee"] == "National Election Committee"


def test_short_names_get_no_typo_tolerance():
    assert found("The CPX spoke.") == {}  # one letter from CPP, but short


def test_homoglyphs():
    assert set(found("The \u0421\u0420\u0420 won.").values()) == {"Cambodian People's Party"}
    assert set(found("The C\u0430ndlelight P\u0430rty lost.").values()) == {"Candlelight Party"}


def test_acronym_defined_in_parentheses_links_later_uses():
    text = "The Sunrise Workers Alliance (SWA) met. Later the SWA protested."
    ms = mentions(text)
    swa = [m for m in ms if text[m.start:m.end] == "SWA"]
    assert len(swa) == 2 and {m.entity for m in swa} == {entity_id("Organization", "Sunrise Workers Alliance")}
    _, _, facts = facts_of(text)
    assert "SWA" in facts.entities[entity_id("Organization", "Sunrise Workers Alliance")].aliases


def test_acronym_before_its_long_form_and_in_abbreviation_lists():
    assert found("KPR (Khmer Progress Rally Party) was founded.")["KPR"] == "Khmer Progress Rally Party"
    text = "ABBREVIATIONS\nMFW Mekong Free Watch\n\nThe MFW reported."
    assert found(text)["MFW"] == "Mekong Free Watch"


def test_acronym_of_a_known_actor_defined_in_the_text():
    text = "The Khmer Conservative Party (KCP) ran. KCP lost."
    ms = mentions(text)
    assert [m.name for m in ms] == ["Khmer Conservative Party"] * 3 and ms[-1].how == "acronym"


def test_title_names_a_person():
    f = found("On Monday, Prime Minister Sok Vanna said so. Information Minister Chea Dara agreed.")
    assert f["Sok Vanna"] == "Sok Vanna" and f["Chea Dara"] == "Chea Dara"
    assert mentions("Prime Minister Sok Vanna left.")[0].type == "Person"


def test_title_followed_by_no_name_finds_nothing():
    assert found("The Prime Minister has spoken. President of the club.") == {}


def test_naming_patterns():
    f = found("The Ministry of Rural Roads and the Khmer Rice Farmers Party signed the Law on Water Use.")
    ms = {m.name: m.type for m in mentions("The Ministry of Rural Roads and the Khmer Rice Farmers Party "
                                           "signed the Law on Water Use.")}
    assert ms == {"Ministry of Rural Roads": "Institution", "Khmer Rice Farmers Party": "Party",
                  "Law on Water Use": "Law"}
    assert f


def test_no_junk_from_sentence_starts_and_generic_words():
    assert found("However Party members left. The Party met. This Law is old. The Political Party law.") == {}


def test_article_links_to_its_law():
    text = "Under Article 98 of the Constitution, voters choose."
    ms = mentions(text)
    art = next(m for m in ms if m.type == "LawArticle")
    assert text[art.start:art.end] == "Article 98"
    _, _, facts = facts_of(text)
    e = facts.entities[art.entity]
    assert e.attributes == {"law": entity_id("Law", "Constitution of the Kingdom of Cambodia"), "article": "98"}
    assert any(m.type == "Law" for m in ms)


def test_surname_alone_links_to_the_person_named_earlier():
    text = "Opposition leader Chan Sopheap spoke. Later Sopheap left the country."
    ms = mentions(text)
    persons = [m for m in ms if m.type == "Person"]
    assert [text[m.start:m.end] for m in persons] == ["Chan Sopheap", "Sopheap"]
    assert len({m.entity for m in persons}) == 1 and persons[1].how == "surname"


def test_surname_before_the_full_name_is_not_linked():
    text = "Sopheap spoke. Opposition leader Chan Sopheap left."
    assert [text[m.start:m.end] for m in mentions(text)] == ["Chan Sopheap"]


def test_mentions_are_sorted_and_do_not_overlap():
    ms = mentions("The Sam Rainsy Party and Sam Rainsy and Rainsy and the CNRP.")
    assert [m.name for m in ms] == ["Sam Rainsy Party", "Sam Rainsy", "Sam Rainsy",
                                   "Cambodia National Rescue Party"]
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))


def test_register_adds_entities_with_aliases_and_evidence():
    src, ms, facts = facts_of("In 2023 the NEC met. The National Election Committee ruled.")
    nec = facts.entities[entity_id("Institution", "National Election Committee")]
    assert "NEC" in nec.aliases and len(nec.evidence) == 1
    ev = nec.evidence[0]
    assert src.raw[ev.start:ev.end] == ev.quote == "In 2023 the NEC met."


def test_several_articles_of_one_law():
    text = "The NEC cited Articles 34 and 42 of the Law on Political Parties."
    arts = [m for m in mentions(text) if m.type == "LawArticle"]
    assert [text[m.start:m.end] for m in arts] == ["Articles 34", "42"]
    assert [m.name for m in arts] == ["Article 34 of the Law on Political Parties",
                                      "Article 42 of the Law on Political Parties"]


def test_bare_article_belongs_to_the_law_named_before_in_the_paragraph():
    text = ("The Law on Political Parties changed. Article 42 now bans more. Article 19(2) of the X Charter "
            "is not it.\n\nArticle 7 is in another paragraph.")
    arts = [(text[m.start:m.end], m.name) for m in mentions(text) if m.type == "LawArticle"]
    assert arts == [("Article 42", "Article 42 of the Law on Political Parties")]


def test_a_foreign_body_is_not_the_cambodian_one():
    # the Thai body is the gazetteer's foreign one, never the Cambodian National Assembly
    assert found("The Thai National Assembly and Indonesia's Constitutional Council met the National Assembly.") \
        == {"Indonesia": "Indonesia", "National Assembly": "National Assembly",
            "Thai National Assembly": "National Assembly of Thailand"}


def test_persons_in_appositions_with_a_person_noun():
    f = found("Their lawyer, Sam Sokong, said so. Chea Dara, a former human rights lawyer, agreed. "
              "The Candlelight Party, a major opposition party, ran. Today, Monday, it rained.")
    assert f == {"Sam Sokong": "Sam Sokong", "Chea Dara": "Chea Dara", "Candlelight Party": "Candlelight Party"}


def test_lower_case_person_nouns_and_roles_are_titles():
    got = found("Human rights lawyer Chak Sopheap spoke. His deputy, vice-chair Meas Sotheara, agreed.")
    assert got["Chak Sopheap"] == "Chak Sopheap"
    assert got["Meas Sotheara"] == "Meas Sotheara"


def test_head_with_a_complement_and_its_acronym():
    text = "The Khmer Youth Alliance for Democracy (KYAD) trains voters. KYAD said so."
    ms = [m for m in mentions(text) if m.name == "Khmer Youth Alliance for Democracy"]
    assert len(ms) == 3 and {m.type for m in ms} == {"Organization"}  # the name and both acronyms


def test_a_ministry_with_a_foreign_word_is_foreign():
    (m,) = [m for m in mentions("(Ministry for Europe and Foreign Affairs, 2023)") if "Ministry" in m.name]
    assert m.type == "ForeignActor"


def test_a_possessive_without_apostrophe_is_the_known_party():
    got = found("A chief of the Cambodian Peoples Party spoke; the Candlelight Partys agents left.")
    assert got["Cambodian Peoples Party"] == "Cambodian People's Party"
    assert got["Candlelight Partys"] == "Candlelight Party"


def test_led_by_and_head_verbs_name_persons():
    got = found("The Cambodian Nationality Party, led by Seng Sokheng, and Tep Sopheak, who chairs the NEC.")
    assert "Seng Sokheng" in got and "Tep Sopheak" in got


def test_a_title_is_not_part_of_a_cued_name():
    got = found("as Chief Justice Dith Munthy was a CPP lawmaker from 1993")
    assert got.get("Dith Munthy") == "Dith Munthy"


def test_a_head_word_first_with_its_complement():
    ms = [m for m in mentions("The Union of Youth Federations of Cambodia (UYFC) met. The UYFC agreed.")
          if m.type == "Organization"]
    assert {m.name for m in ms} == {"Union of Youth Federations of Cambodia"} and len(ms) == 3
    assert not [m for m in mentions("the Constitutional Court on Wednesday ruled") if "Wednesday" in m.name]
