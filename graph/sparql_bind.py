"""Binding values into a SPARQL query as RDF terms, without pasting user text into it.

``bind(query, {"party": URIRef(...)})`` puts ``VALUES (?party) { (<...>) }`` at the start of the
query's outermost WHERE group, so the values join the pattern before any FILTER, GROUP BY or
aggregate (a trailing VALUES clause would join after aggregation, and SEP-0007 substitution only
reaches projected variables). Terms are written by pyoxigraph, which validates IRIs and escapes
literals, so a value cannot change the query's structure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from graph.errors import UsageError
from graph.ox_terms import to_ox

_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_FORM = re.compile(r"(?i)\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b")
_WHERE = re.compile(r"(?i)\s*WHERE\b")


def code_positions(text: str) -> list[int]:
    """Indexes of the characters outside comments, string literals and IRIs."""
    out: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c in "'\"":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<" and (m := _IRI.match(text, i)):
            i = m.end()
            continue
        out.append(i)
        i += 1
    return out


def _where_brace(query: str) -> int:
    """Index of the ``{`` opening the outermost WHERE group."""
    code = code_positions(query)
    code_text = "".join(query[i] for i in code)
    form = _FORM.search(code_text)
    if not form:
        raise UsageError("not a SPARQL query (no SELECT, CONSTRUCT, ASK or DESCRIBE)")
    k = form.end()
    if form.group(1).upper() == "CONSTRUCT" and not _WHERE.match(code_text, k):
        depth = 0
        while k < len(code_text):  # skip the construct template
            if code_text[k] == "{":
                depth += 1
            elif code_text[k] == "}":
                depth -= 1
                if depth == 0:
                    k += 1
                    break
            k += 1
    brace = code_text.find("{", k)
    if brace < 0:
        raise UsageError("the query has no WHERE group to bind values in")
    return code[brace]


def values_block(bindings: Mapping[str, Any]) -> str:
    names = " ".join(str(ox.Variable(k.lstrip("?$"))) for k in bindings)
    terms = " ".join(str(to_ox(v)) for v in bindings.values())
    return f" VALUES ({names}) {{ ({terms}) }} "


def bind(query: str, bindings: Mapping[str, Any] | None) -> str:
    """``query`` with ``bindings`` (variable name -> value) joined into its WHERE group."""
    if not bindings:
        return query
    at = _where_brace(query) + 1
    return query[:at] + values_block(bindings) + query[at:]
