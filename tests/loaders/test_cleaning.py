"""Cleaning keeps offsets: whatever it removes or joins, every clean passage maps back to the file."""

from __future__ import annotations

import re

from graph.model import Document
from loaders.text.cleaning import clean
from loaders.text.source import SourceText
from loaders.text.tracked import Tracked


def _src(raw: str) -> SourceText:
    t = clean(Tracked.of(raw))
    return SourceText(Document("d", "d.txt", "d", "0"), raw, t.text, t.offsets)


def _quote(src: SourceText, phrase: str) -> str:
    i = src.clean.index(phrase)
    ev = src.evidence(i, i + len(phrase))
    assert ev.quote == src.raw[ev.start:ev.end]
    return ev.quote


def _assert_all_spans_verbatim(src: SourceText) -> None:
    n = len(src.clean)
    for a in range(0, n, max(1, n // 40)):
        for b in range(a + 1, n + 1, max(1, n // 25)):
            ev = src.evidence(a, b)
            assert ev.quote == src.raw[ev.start:ev.end]
            assert 0 <= ev.start <= ev.end <= len(src.raw)


def test_inline_markup_is_removed_and_quotes_keep_it() -> None:
    raw = "Integrity hinges on equality (<u>Thalin, 2024</u>) and <i>trust</i>.\n"
    src = _src(raw)
    assert src.clean == "Integrity hinges on equality (Thalin, 2024) and trust."
    assert _quote(src, "(Thalin, 2024) and trust") == "(<u>Thalin, 2024</u>) and <i>trust"
    _assert_all_spans_verbatim(src)


def test_latex_fragments() -> None:
    raw = ("A lawsuit demanding \\$500,000 and US\\$ 18 million; \\textbf{bold} words.\n\n"
           " $\\underline{Every\\%20 citizen\\&text=vote} \\sim \\underline{x}$ tail\n")
    src = _src(raw)
    assert "demanding $500,000 and US$ 18 million; bold words." in src.clean
    assert "Every%20 citizen&text=vote ~x tail" in src.clean
    assert "\\" not in src.clean and "{" not in src.clean
    assert _quote(src, "$500,000") == "$500,000"  # the backslash before the clean "$" is left out
    _assert_all_spans_verbatim(src)


def test_markdown_marks() -> None:
    src = _src("# **Monitoring Report**\n\n## (2) Transparent ink.\n\nSee [the report](https://x.org/r).\n")
    assert src.clean == "Monitoring Report\n\n(2) Transparent ink.\n\nSee the report."


def test_footnote_numbers_glued_to_words_are_dropped_but_real_numbers_stay() -> None:
    raw = ("the standards of the Dili Indicators of Democratic Elections1, the Bali Commitment2, and the "
           "Covenant3. It was “unjustifiable16”. COVID-19 and Article 98 of 2023 gave 120 seats (KII4) "
           "to K01 TV and US$6.7 million.\n")
    src = _src(raw)
    assert "Democratic Elections, the Bali Commitment, and the Covenant." in src.clean
    assert "“unjustifiable”" in src.clean
    for kept in ("COVID-19", "Article 98", "2023", "120 seats", "KII4", "K01", "US$6.7"):
        assert kept in src.clean
    assert _quote(src, "Elections, the Bali") == "Elections1, the Bali"


def test_pdf_wraps_and_hyphenation_join() -> None:
    raw = "The NEC postponed the elec-\ntion and the\nvote was\nheld in July.\n"
    src = _src(raw)
    assert src.clean == "The NEC postponed the election and the vote was held in July."
    assert _quote(src, "election") == "elec-\ntion"


def test_hyphen_kept_when_the_document_writes_the_hyphenated_word() -> None:
    raw = "A fear-free climate matters.\n\nThey must ensure a fear-\nfree electoral climate.\n"
    assert "a fear-free electoral climate" in _src(raw).clean


def _double_spaced(paragraphs: list[list[str]]) -> str:
    """A PDF export with an empty line after every line and a ' ' line between paragraphs."""
    out = []
    for lines in paragraphs:
        out.extend(f"{line} \n\n" for line in lines)
        out.append(" \n\n")
    return "".join(out)


def test_double_spaced_layout_with_footnote_block() -> None:
    para1 = ["From May to June, the mission deployed many observers throughout the whole country to",
             "monitor the campaign and the voting processes in many of the provinces of the country in",
             "the campaign period and on election day. The mission conducted literature reviews and",
             "interviews. The present report sets forth the findings of the mission and presents the",
             "recommendations of the mission on the legal framework, the Telecommunications Law and its",
             "Article 80"]
    para2 = ["The Law on Associations and Non-Governmental Organizations restricted civil society in",
             "many ways that the mission documented in detail during its stay and in its interviews",
             "with stakeholders, who described the climate of fear that the law produced among them",
             "and among the members of the opposition parties, who were threatened with lawsuits and",
             "arrests, and the state’s commitment to respect human rights instruments of the (Article",
             "31) and citizens’ rights were undermined by the dissolution of the main opposition party."]
    raw = _double_spaced([para1, para2])
    footnotes = ("                                                \n"
                 "4 https://cambodia.ohchr.org/sites/default/files/Analysis%20on%20the%20Amended%20Law\n"
                 "%2028%2003%202017%20FINAL.pdf \n"
                 "5 International Covenant on Civil and Political Rights (1966), Article 25 \n")
    # the page breaks inside the first paragraph, after "Article 80"
    page_end = "Article 80 \n" + footnotes + " introduced a sentence of up to 15 years. \n\n"
    raw = raw.replace("Article 80 \n\n", page_end)
    src = _src(raw)
    paragraphs = src.clean.split("\n\n")
    assert len(paragraphs) == 2, src.clean
    assert paragraphs[0].startswith("From May to June, the mission deployed many observers throughout "
                                    "the whole country to monitor the campaign")
    assert "Article 80 introduced a sentence of up to 15 years." in paragraphs[0]
    assert "http" not in src.clean and "Covenant on Civil" not in src.clean and "%20" not in src.clean
    assert "\n" not in paragraphs[1]
    assert "instruments of the (Article 31) and citizens’ rights" in paragraphs[1]
    _assert_all_spans_verbatim(src)


def test_numbered_url_lines_inside_a_paragraph_are_dropped() -> None:
    raw = ("The report cites the\n12 http://www.example.org/a/very/long/\npath-to-a-file.pdf\n"
           "statement of the Commission.\n")
    assert _src(raw).clean == "The report cites the statement of the Commission."


def test_page_break_inside_a_paragraph_is_joined() -> None:
    raw = ("A politician interviewed during the drafting of this\n\nreport explained the violence."
           "\n\nNext one.\n")
    assert _src(raw).clean == ("A politician interviewed during the drafting of this report explained the "
                              "violence.\n\nNext one.")


def test_tables_and_lists_keep_their_lines() -> None:
    raw = ("Women Representatives\n\nYear\tSeats\tWomen\n1993\t83\t6\n1998\t120\t12\n\n"
           "| Party | Seats |\n| CPP | 120 |\n\nThe United Nations should\n\n- Sustain the oversight.\n"
           "- Increase advocacy.\n")
    src = _src(raw)
    assert "Year\tSeats\tWomen\n1993\t83\t6\n1998\t120\t12" in src.clean
    assert "| Party | Seats |\n| CPP | 120 |" in src.clean
    assert "- Sustain the oversight.\n- Increase advocacy." in src.clean


def test_short_lines_keep_their_breaks_long_ones_wrap() -> None:
    raw = ("CNRP Cambodia National Rescue Party\nCOVID-19 Coronavirus Disease 2019\n\n"
           + "x " * 200 + "\n\nCPP Cambodian People's Party\nCSO Civil Society Organisation\n")
    src = _src(raw)
    assert "CNRP Cambodia National Rescue Party\nCOVID-19 Coronavirus Disease 2019" in src.clean


def test_homoglyphs_fold_in_latin_text_only() -> None:
    raw = ("Political Party of Women Representatives\n2018\tСРР\t25\nThe Саmbodian People's Party won all "
           "the seats of the National Assembly.\n\nIn Russian: Путин сказал.\n")
    src = _src(raw)
    assert "2018\tCPP\t25" in src.clean
    assert "The Cambodian People's Party won" in src.clean
    assert "Путин сказал" in src.clean  # a Cyrillic word with non-look-alike letters stays
    assert _quote(src, "CPP") == "СРР"


def test_no_cyrillic_in_a_cyrillic_only_document_is_changed() -> None:
    raw = "Выборы в Камбодже прошли в июле. Партия СРР победила.\n"
    assert _src(raw).clean == raw.strip()


def test_odd_characters() -> None:
    raw = "\ufeffBy\u00a0 taking legislative ac\u00adtion, the ﬁrst\u200b step.\r\n"
    src = _src(raw.replace("\r\n", "\n"))
    assert src.clean == "By taking legislative action, the first step."
    assert _quote(src, "first") == "ﬁrst"


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    raw = "Title line\n\n\n\nFirst paragraph here.\n\n\nSecond paragraph.\n"
    assert _src(raw).clean == "Title line\n\nFirst paragraph here.\n\nSecond paragraph."
    assert not re.search(r"\n{3,}", _src(raw).clean)


def test_footnote_numbers_after_years_acronyms_and_quotes_when_the_document_has_those_notes() -> None:
    raw = ("Final results released by the NEC58 on June 9, 201759 show that protesters could “die”60 "
           "and the Grassroots Democracy Party (GDP)61 lost. The KII4 interview and COP28 stay.\n"
           "                                                \n"
           "58 http://www.example.org/nec-results \n59 http://www.example.org/b \n"
           "60 Phnom Penh Post, 5 June 2017 \n61 http://www.example.org/d \n")
    src = _src(raw)
    assert src.clean == ("Final results released by the NEC on June 9, 2017 show that protesters could “die” "
                         "and the Grassroots Democracy Party (GDP) lost. The KII4 interview and COP28 stay.")


def test_numbers_after_acronyms_stay_when_the_document_has_no_such_footnote() -> None:
    raw = "The NEC58 figure and “quote”12 stay, as in January 201424 the year is cut.\n"
    assert _src(raw).clean == "The NEC58 figure and “quote”12 stay, as in January 2014 the year is cut."
