"""Asking a named question: check and type the parameters, resolve names to ids, run the backend
with the values bound, post-process the rows (order, gaps, evidence) into the answer.

The answer is ``{"question": name, "params": {...}, "rows": [...]}``; every row carries the evidence
(document id and title, offsets, quote) of each fact in it.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from graph.errors import UsageError
from graph.model import FuzzyDate
from queries.backends import Backend, Row
from queries.catalogue import Param, Question, get
from queries.names import NameIndex
from queries.questions import get_processor
from queries.questions.common import Context


def resolve_entities(question: Question, values: dict[str, Any], given: Mapping[str, str],
                     backend: Backend) -> dict[str, list[str]]:
    """Entity ids for each ``entity`` parameter that has a value. A name the user gave that matches
    nothing is an error; an unmatched default just matches nothing."""
    wanted = [p for p in question.params if p.type == "entity" and values.get(p.name) is not None]
    if not wanted:
        return {}
    index = NameIndex(backend.run(get("entity-names"), {}))
    out = {}
    for p in wanted:
        ids = index.resolve(values[p.name], p.options)
        if not ids and p.name in given:
            kinds = "/".join(p.options) or "entity"
            near = index.near(values[p.name], p.options)
            hint = "; did you mean " + ", ".join(f"{n!r} ({i})" for n, i in near) + "?" if near else ""
            raise UsageError(f"parameter {p.name!r}: no {kinds} named {values[p.name]!r} in the graph{hint}")
        out[p.name] = ids
    return out


def bindings(question: Question, values: dict[str, Any],
             entities: dict[str, list[str]]) -> list[dict[str, Any]]:
    """One dict of bound values per run: the product of the ids each entity parameter matched."""
    fixed = {p.name: values[p.name] for p in question.params
             if p.type != "entity" and values.get(p.name) is not None and question.is_bound(p)}
    names = list(entities)
    return [fixed | dict(zip(names, combo, strict=True))
            for combo in itertools.product(*(entities[n] for n in names))]


def display(value: Any) -> Any:
    return value.value if isinstance(value, FuzzyDate) else value


#: Statuses of facts a person has confirmed (see ``review/``).
REVIEWED = frozenset({"accepted", "corrected", "added"})
#: Id prefixes of the facts an answer row is made of.
_FACT_PREFIXES = ("event/", "membership/")


def facts_of(value: Any) -> set[str]:
    """The event and membership ids anywhere in an answer row (nested dicts and lists included)."""
    if isinstance(value, str):
        return {value} if value.startswith(_FACT_PREFIXES) else set()
    if isinstance(value, dict):
        return set().union(*(facts_of(v) for k, v in value.items() if k != "evidence"))
    if isinstance(value, list):
        return set().union(*(facts_of(v) for v in value))
    return set()


def reviewed_only(rows: list[dict[str, Any]], backend: Backend) -> list[dict[str, Any]]:
    """The rows all of whose facts a reviewer accepted, corrected or added."""
    status = {r["fact"]: r["status"] for r in backend.run(get("review-status"), {})}
    return [row for row in rows if all(status.get(f) in REVIEWED for f in facts_of(row))]


def ask(name: str, given: Mapping[str, str], backend: Backend, reviewed: bool = False) -> dict[str, Any]:
    """The answer of question ``name`` with the ``key=value`` strings ``given``; with ``reviewed``, only
    the rows made of facts a reviewer confirmed (rejected facts are never in the graph)."""
    question = get(name)
    values = question.parse_params(given)
    entities = resolve_entities(question, values, given, backend)
    rows: list[Row] = []
    for bound in bindings(question, values, entities):
        rows.extend(backend.run(question, bound))
    out_rows = get_processor(name)(rows, Context(backend, values))
    if reviewed:
        out_rows = reviewed_only(out_rows, backend)
    params = {p.name: display(values[p.name]) for p in question.params if values.get(p.name) is not None}
    out = {"question": name, "params": params, "rows": out_rows}
    return out | {"reviewed_only": True} if reviewed else out


def describe(p: Param) -> str:
    """One line for ``kg ask --list``: ``law (entity:Law, optional) - ...``."""
    kind = p.type + (":" + "|".join(p.options) if p.options else "")
    flags = "optional" if p.optional else "required"
    if p.default:
        flags += f", default {p.default}"
    return f"{p.name} ({kind}, {flags})" + (f" - {p.doc}" if p.doc else "")
