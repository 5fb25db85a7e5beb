"""textspans: offsets of the sentence/paragraph holding a position and the dates a span states, as a thin
layer over the one sentence splitter (sentences.py) and the one date finder (dates.py)."""

from __future__ import annotations

from loaders.text import textspans
from loaders.text.sentences import split_paragraphs, split_sentences
from loaders.text.textspans import MAX_PASSAGE, first_date, iter_dates, paragraph_at, sentence_at

TEXT = ("The Alpha Party met in Beta Town. Mr. Gamma Delta, its leader, spoke first.\n\n"
        "A second paragraph follows. It has two sentences.")


def test_sentence_at_uses_the_shared_splitter() -> None:
    at = TEXT.index("Gamma")
    assert TEXT[slice(*sentence_at(TEXT, at))] == "Mr. Gamma Delta, its leader, spoke first."  # not after "Mr."
    expected = [s for p in split_paragraphs(TEXT) for s in split_sentences(TEXT, p.start, p.end)]
    assert list(textspans.sentences(TEXT)) == expected


def test_a_line_of_a_list_or_table_is_its_own_sentence() -> None:
    text = "Observers met:\n- 1 Epsilon Group (Mr. Zeta Eta)\n- 2 Theta Office (Ms. Iota Kappa)\n"
    s, e = sentence_at(text, text.index("Zeta"))
    assert text[s:e] == "- 1 Epsilon Group (Mr. Zeta Eta)"


def test_sentence_at_cuts_a_long_sentence_around_the_position_between_words() -> None:
    text = "Start " + " ".join(f"word{i}" for i in range(300)) + " end."
    at = text.index("word150")
    s, e = sentence_at(text, at)
    assert s <= at < e
    assert e - s <= MAX_PASSAGE + 20
    assert text[s - 1].isspace() and (e == len(text) or text[e].isspace())


def test_paragraph_at() -> None:
    ps, pe = paragraph_at(TEXT, TEXT.index("second"))
    assert TEXT[ps:pe] == "A second paragraph follows. It has two sentences."
    gap = TEXT.index("\n\n") + 1
    assert paragraph_at(TEXT, gap) == (gap, gap)


def test_dates_leave_reference_years_out() -> None:
    text = "As reported (Smith, 2021b; Jones, 2019), the party was dissolved in November 2017."
    assert [str(d.value) for _, d in iter_dates(text)] == ["2017-11"]
    assert first_date("(Smith, 2021b) wrote it.") is None


def test_first_date_forms_and_bounds() -> None:
    text = "He joined on 25 May 2023 and left in 2024."
    assert first_date(text).value == "2023-05-25"
    assert first_date(text, text.index("left")).value == "2024"
    assert first_date(text, 0, text.index("25")) is None


def test_a_year_named_in_a_relative_date_is_stated() -> None:
    text = "She was appointed ahead of the June 2017 polls."
    assert [(text[a:a + 9], str(d.value)) for a, d in iter_dates(text)] == [("June 2017", "2017-06")]
    assert first_date("He resigned after the 2018 general elections.").value == "2018"
