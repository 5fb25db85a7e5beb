"""The fast alternation matches exactly what the plain alternation matches, in the same order."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.text.alternation import alternation, either_case, literal, words

ROLES = ["chair", "chairman", "vice chair", "vice-president", "deputy secretary general", "member", "MP",
         "spokesman", "secretary", "Deputy Prime Minister", "director"]
TEXT = ("The NEC chairman, its vice chair and Vice-President X met a member; deputy   secretary\ngeneral Y, "
        "MP Z, the mp, a SPOKESMAN and the Secretary. Directors, deputy prime minister W, chairs.")


def _plain(items: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]")
                            for w in sorted(items, key=len, reverse=True)) + ")"


def _matches(pattern: str, flags: int, text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("flags", [0, re.I])
@pytest.mark.parametrize("context", [r"(?P<role>{})\b", r"\b{}\s+(?P<next>\w+)", r"(?:former|{})\b", r"{}s?"])
def test_same_matches_as_the_plain_alternation(flags: int, context: str) -> None:
    fast, plain = context.format(words(ROLES)), context.format(_plain(ROLES))
    assert _matches(fast, flags, TEXT) == _matches(plain, flags, TEXT)
    assert _matches(fast, flags, TEXT)


def test_a_position_is_rejected_by_its_first_character() -> None:
    assert words(["chair", "member", "Mr"]).startswith("(?=[Mcm])")


def test_either_case_and_fallback() -> None:
    alts = [either_case(r"Mr\."), literal("lawyer"), either_case("Lok")]
    assert _matches(alternation(alts), 0, "mr. X, Mr. Y, lok Z, lawyer") == _matches(
        r"(?:[Mm]r\.|lawyer|[Ll]ok)", 0, "mr. X, Mr. Y, lok Z, lawyer")
    assert alternation([("", r"\(a\)"), literal("b")]) == r"(?:\(a\)|b)"  # not a letter first: plain
    assert re.fullmatch(alternation([]), "") is None


@given(st.lists(st.text("abAB -", min_size=1, max_size=5).filter(lambda w: w[0].isalpha()), min_size=1, max_size=6),
       st.text("abAB -.", max_size=40))
def test_any_words_any_text(items: list[str], text: str) -> None:
    for flags in (0, re.I):
        assert _matches(words(items) + "(?P<tail>b?)", flags, text) == _matches(_plain(items) + "(?P<tail>b?)",
                                                                                flags, text)
