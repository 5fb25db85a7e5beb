"""Post-processing of each named question: from a backend's rows to the answer's rows.

The rows of every backend follow one contract (``queries.backends``), so ordering, interval logic,
grouping and evidence are done once, here, whatever backend answered. A module registers the
processor of a question with ``@processor("<name>")``; a question without one gets its rows as they
are, with the evidence of every fact column.
"""

from __future__ import annotations

from collections.abc import Callable

from queries.backends import Row
from queries.questions.common import Context

Processor = Callable[[list[Row], Context], list[dict]]
_PROCESSORS: dict[str, Processor] = {}


def processor(name: str) -> Callable[[Processor], Processor]:
    def deco(fn: Processor) -> Processor:
        _PROCESSORS[name] = fn
        return fn

    return deco


def get_processor(name: str) -> Processor:
    from queries.questions import (  # noqa: F401 - importing registers the processors
        evidence,
        foreign,
        media,
        nec,
        pairs,
        parties,
        timeline,
    )

    return _PROCESSORS.get(name, _as_is)


def _as_is(rows: list[Row], ctx: Context) -> list[dict]:
    return [dict(r) for r in rows]
