"""The catalogue of named questions: one query file per question, with its parameters declared in it.

A question is ``queries/sparql/<name>.rq`` (and, for other backends, a twin such as
``queries/cypher/<name>.cypher``). Its leading comment block declares it::

    # title: Amendments before disqualifications
    # about: Pairs of an Amendment and a Disqualification or Dissolution, with order and gap.
    # param: law (entity, optional) - a law's name, alias or id: only its amendments
    # param: within-days (int, optional) - only pairs at most this many days apart
    # param: body (entity:Institution, optional, default=National Election Committee) - the body
    # columns: amendment.law, amendment.date.value, amendment.date.precision, order, ...
    # table: amendment.law, amendment.date, order
    # hidden: true

``columns`` are the answer's columns in CSV (the header even of an empty answer), ``table`` the ones a
table shows unless ``--wide`` (both may span several lines; ``tests/queries/test_catalogue.py`` keeps
``columns`` equal to what the answers hold).

Types: ``entity`` (a name, alias or id, resolved to entity ids; ``entity:Law|LawArticle`` restricts
the entity types), ``choice:a|b|c`` (one of the values), ``fact`` (a fact id), ``date``
(``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), ``year``, ``int``, ``string``. A parameter whose name (with
``-`` as ``_``) is a variable of the query is *bound* to it (never pasted into the text); the others
are applied by the question's post-processing (e.g. interval filters on fuzzy dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from graph.dates import parse_date
from graph.errors import UsageError

SPARQL_DIR = Path(__file__).resolve().parent / "sparql"
PARAM_TYPES = ("entity", "fact", "date", "year", "int", "string", "choice")

_PARAM = re.compile(r"^(?P<name>[a-z][a-z0-9-]*)\s*\((?P<spec>[^)]*)\)\s*(?:[-\u2014:]+\s*(?P<doc>.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool = True
    doc: str = ""
    options: tuple[str, ...] = ()
    """``entity``: the entity types a name may resolve to (empty: any); ``choice``: the allowed values."""
    default: str | None = None
    """The raw value used when the parameter is not given."""

    @property
    def variable(self) -> str:
        return self.name.replace("-", "_")

    def convert(self, raw: str) -> Any:
        """The typed value of ``raw`` (``UsageError`` on a bad value)."""
        text = raw.strip()
        if not text:
            raise UsageError(f"parameter {self.name!r}: empty value")
        try:
            if self.type == "date":
                return parse_date(text)
            if self.type == "year":
                if not re.fullmatch(r"\d{4}", text):
                    raise ValueError("expected a year such as 2023")
                return int(text)
            if self.type == "int":
                return int(text)
            if self.type == "choice" and text not in self.options:
                raise ValueError(f"one of {', '.join(self.options)}")
        except ValueError as exc:
            raise UsageError(f"parameter {self.name!r}: bad {self.type} {raw!r} ({exc})") from None
        return text


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    about: str
    params: tuple[Param, ...]
    path: Path
    text: str = field(repr=False)
    hidden: bool = False
    columns: tuple[str, ...] = ()
    """The answer's columns in CSV (dotted paths; a date is ``<x>.value`` and ``<x>.precision``)."""
    table: tuple[str, ...] = ()
    """The columns a table shows by default (a date is one column ``<x>``); ``--wide`` shows all."""

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise UsageError(f"question {self.name!r} has no parameter {name!r} (parameters: {known})")

    def is_bound(self, param: Param) -> bool:
        """True when the query text has ``?<param>`` as a variable, so the value is bound to it."""
        return re.search(rf"[?$]{re.escape(param.variable)}\b", self.text) is not None

    def parse_params(self, given: Mapping[str, str]) -> dict[str, Any]:
        """Typed values of the given ``key=value`` strings; every required parameter must be present."""
        out: dict[str, Any] = {p.name: None for p in self.params}
        for key, raw in given.items():
            out[key] = self.param(key).convert(raw)
        for p in self.params:
            if out[p.name] is None and p.default is not None:
                out[p.name] = p.convert(p.default)
        missing = [p.name for p in self.params if not p.optional and out[p.name] is None]
        if missing:
            raise UsageError(f"question {self.name!r} needs --param {missing[0]}=...")
        return out


def parse_header(text: str) -> dict[str, Any]:
    """The declarations of a query file's leading comment block."""
    head: dict[str, Any] = {"params": [], "about": [], "columns": [], "table": []}
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if not s.startswith("#"):
            break
        key, sep, value = s.lstrip("#").strip().partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "param":
            head["params"].append(_param(value))
        elif key == "about":
            head["about"].append(value)
        elif key in ("columns", "table"):
            head[key].extend(c.strip() for c in value.split(",") if c.strip())
        elif key in ("title", "hidden"):
            head[key] = value
    return head


def _param(decl: str) -> Param:
    m = _PARAM.match(decl)
    if not m:
        raise ValueError(f"bad parameter declaration: {decl!r}")
    spec = [s.strip() for s in m["spec"].split(",") if s.strip()]
    kind, _, types = spec[0].partition(":")
    if kind not in PARAM_TYPES:
        raise ValueError(f"parameter {m['name']!r}: unknown type {kind!r} (one of {', '.join(PARAM_TYPES)})")
    flags = {f for f in spec[1:] if not f.startswith("default=")}
    defaults = [f.partition("=")[2].strip() for f in spec[1:] if f.startswith("default=")]
    unknown = flags - {"optional", "required"}
    if unknown:
        raise ValueError(f"parameter {m['name']!r}: unknown flag(s) {sorted(unknown)}")
    return Param(m["name"], kind, "required" not in flags, (m["doc"] or "").strip(),
                 tuple(t for t in types.split("|") if t), defaults[0] if defaults else None)


def load_question(path: Path) -> Question:
    text = path.read_text(encoding="utf-8")
    head = parse_header(text)
    q = Question(
        name=path.stem, title=head.get("title", path.stem), about=" ".join(head["about"]),
        params=tuple(head["params"]), path=path, text=text,
        hidden=str(head.get("hidden", "")).lower() in ("true", "yes", "1"),
        columns=tuple(head["columns"]), table=tuple(head["table"]),
    )
    for p in q.params:
        if p.type in ("entity", "fact") and not q.is_bound(p):
            raise ValueError(f"{path.name}: {p.type} parameter {p.name!r} has no ?{p.variable} in the query")
    return q


@cache
def catalogue(folder: Path = SPARQL_DIR) -> dict[str, Question]:
    """Every question of ``folder``, by name."""
    return {p.stem: load_question(p) for p in sorted(folder.glob("*.rq"))}


def get(name: str) -> Question:
    questions = catalogue()
    if name not in questions:
        listed = ", ".join(n for n, q in questions.items() if not q.hidden)
        raise UsageError(f"unknown question {name!r} (known: {listed}; see `kg ask --list`)")
    return questions[name]


def public() -> Iterator[Question]:
    """The questions shown by ``kg ask --list`` (helper queries are hidden)."""
    return (q for q in catalogue().values() if not q.hidden)
