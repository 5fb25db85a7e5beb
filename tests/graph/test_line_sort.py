"""The external sort behind the line-based exports: sorted, each line once, however many runs it spills."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from graph.line_sort import sorted_unique


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",),  # lines of RDF text: no lone surrogates
                                                   blacklist_characters="\n\r\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e"),
                        max_size=8), max_size=60),
       st.integers(min_value=1, max_value=7))
def test_sorted_unique_equals_sorted_set(lines: list[str], run_size: int) -> None:
    assert list(sorted_unique(lines, run_size=run_size)) == sorted(set(lines))


def test_many_runs_merge_in_code_point_order() -> None:
    rng = random.Random(7)
    lines = [f"<https://example.org/{rng.randrange(5000)}> \"é{rng.randrange(50)}\" ." for _ in range(20_000)]
    assert list(sorted_unique(iter(lines), run_size=997)) == sorted(set(lines))
