"""SHACL validation of the RDF graph against ``shapes.ttl`` (pySHACL, ``ontology.ttl`` as ont graph).

``validate(graph)`` returns whether it conforms and one ``Violation`` per result, readable as
``focus node | path | message``; ``kg validate`` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.term import Node

from graph import resources, vocab

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str
    shape: str

    def line(self) -> str:
        return f"{self.severity}: {self.focus} | {self.path or '-'} | {self.message}"


def shapes() -> Graph:
    return Graph().parse(data=resources.shapes().read_text(encoding="utf-8"), format="turtle")


def _short(node: Node | None, g: Graph) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        base = vocab.base_iri() + "id/"
        text = str(node)
        if text.startswith(base):
            return "id:" + text[len(base):]
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:  # noqa: BLE001 - a name we cannot shorten is shown whole
            return f"<{text}>"
    return str(node)


def validate(data: Graph) -> tuple[bool, list[Violation]]:
    """Validate ``data`` against the shapes; ``(conforms, violations sorted by focus node)``."""
    conforms, report, _ = pyshacl_validate(
        data, shacl_graph=shapes(), ont_graph=vocab.ontology(), inference="none",
        advanced=True, allow_warnings=True,
    )
    assert isinstance(report, Graph)
    for prefix, ns in vocab.PREFIXES.items():
        report.bind(prefix, ns, override=True)
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append(Violation(
            focus=_short(report.value(r, SH.focusNode), report),
            path=_short(report.value(r, SH.resultPath), report),
            message=str(report.value(r, SH.resultMessage) or ""),
            severity=_short(report.value(r, SH.resultSeverity), report).removeprefix("sh:"),
            shape=_short(report.value(r, SH.sourceShape), report),
        ))
    return bool(conforms), sorted(out)
