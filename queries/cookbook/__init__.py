"""The Cypher cookbook: researchers' questions as ``NN-name.cypher`` files, shown in docs/cypher-cookbook.md.

Each file starts with ``//`` declarations::

    // title: Outlets closed by the same agent
    // question: Which authorities shut down ... more than one outlet?
    // param: body = "National Election Committee"     (a JSON value: the default, bound as $body)
    // columns: agent, closures, outlets, first, last  (what it returns, in order)
    // rows-when: Document                             (labels or relationship types whose presence
                                                       guarantees rows, checked on the corpus)

``python -m queries.cookbook`` prints the Markdown section of every recipe (the doc is made of them;
a test checks that the doc and the files agree).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

COOKBOOK_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Recipe:
    name: str
    title: str
    question: str
    params: dict[str, Any]
    columns: tuple[str, ...]
    rows_when: tuple[str, ...]
    text: str

    def markdown(self) -> str:
        """The recipe's section of docs/cypher-cookbook.md."""
        number = self.name.split("-", 1)[0]
        lines = [f"### {number}. {self.title}", "", f"*{self.question}*", ""]
        if self.params:
            lines += ["Parameters (in the Browser, set them first):", "", "```"]
            lines += [f":param {k} => {json.dumps(v, ensure_ascii=False)}" for k, v in self.params.items()]
            lines += ["```", ""]
        lines += [f"`queries/cookbook/{self.name}.cypher`:", "", "```cypher", self.text.rstrip("\n"), "```", ""]
        return "\n".join(lines)


def load(path: Path) -> Recipe:
    text = path.read_text(encoding="utf-8")
    head: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        key, sep, value = line[2:].strip().partition(":")
        if sep:
            head.setdefault(key.strip(), []).append(value.strip())
    params = {}
    for decl in head.get("param", []):
        name, _, value = decl.partition("=")
        params[name.strip()] = json.loads(value)
    return Recipe(
        name=path.stem, title=head["title"][0], question=head["question"][0], params=params,
        columns=tuple(c.strip() for c in head["columns"][0].split(",")),
        rows_when=tuple(c.strip() for c in ",".join(head.get("rows-when", [])).split(",") if c.strip()),
        text=text,
    )


def recipes() -> list[Recipe]:
    return [load(p) for p in sorted(COOKBOOK_DIR.glob("[0-9][0-9]-*.cypher"))]
