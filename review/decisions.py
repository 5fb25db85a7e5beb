"""The decisions file: a person's judgements about the graph, one YAML list item each.

``data/corpus/decisions.yaml`` by default (``--decisions FILE``). Each item has an ``action``, a
``target`` (a fact id; not for ``add``), ``by`` (who), ``at`` (when, ISO 8601) and an optional
``reason``; an ``id`` is derived from the content when the item has none. Actions and their fields:

- ``accept`` / ``reject``: the target (entity, event or membership) as it is / out of the graph;
- ``merge``: the target entity becomes an alias of ``into``; every link to it moves there;
- ``split``: ``alias`` (a name of the target entity) becomes an entity of its own (``type``
  optional, default the target's);
- ``correct``: ``set`` holds new values: ``type``, ``date`` / ``start`` / ``end`` (``{value,
  precision}`` or null), ``participants`` (a list of ``{role, entity}``), ``role`` (memberships);
- ``add``: ``fact`` is a new event (``type``, ``date``, ``participants``), membership (``person``,
  ``organization``, ``role``, ``start``, ``end``) or entity (``type``, ``name``), told apart by
  ``fact.kind``; ``evidence`` is ``{document, quote}``: the quote must be found verbatim in the
  document's file; its offsets are computed;
- ``rename``: ``name`` (the canonical name; the old one stays an alias) and/or ``type`` of an entity.

The file is only ever appended to by the tools (``append``), so a reviewer's comments and order stay.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.errors import AbortRun
from graph.ids import short_hash
from graph.resources import load_yaml
from loaders.text.manifest import DECISIONS

FILE_NAME = DECISIONS
ACTIONS = ("accept", "reject", "merge", "split", "correct", "add", "rename")
#: Fields each action needs besides ``action``, ``by`` and ``at``.
REQUIRED = {"accept": ("target",), "reject": ("target",), "merge": ("target", "into"),
            "split": ("target", "alias"), "correct": ("target", "set"), "add": ("fact", "evidence"),
            "rename": ("target",)}
HEADER = """\
# Review decisions about the graph, replayed by every `kg build` (README: "Review the graph").
# One list item per decision: action (accept, reject, merge, split, correct, add, rename), target
# (a fact id), by, at, reason. `kg review` appends here; edit by hand as you like.
"""


@dataclass(frozen=True)
class Decision:
    """One item of the decisions file; ``fields`` keeps the action's own fields (``into``, ``set``...)."""

    id: str
    action: str
    target: str
    by: str
    at: str
    reason: str | None = None
    fields: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)


def decision_id(item: dict[str, Any]) -> str:
    """``review/<hash of the item's content>`` (who and when included, the reason not)."""
    content = {k: v for k, v in item.items() if k not in ("id", "reason")}
    return "review/" + short_hash(json.dumps(content, sort_keys=True, default=str), length=10)


def parse(item: Any, where: str) -> Decision:
    """A ``Decision`` from one YAML item; ``AbortRun`` naming ``where`` when it is malformed."""
    if not isinstance(item, dict):
        raise AbortRun(f"{where}: a decision must be a mapping, got {type(item).__name__}")
    action = item.get("action")
    if action not in ACTIONS:
        raise AbortRun(f"{where}: unknown action {action!r} (one of {', '.join(ACTIONS)})")
    missing = [k for k in (*REQUIRED[action], "by") if not item.get(k)]
    if missing:
        raise AbortRun(f"{where}: a {action} decision needs {', '.join(missing)}")
    at = item.get("at")
    at_text = at.isoformat() if isinstance(at, dt.date | dt.datetime) else str(at or "")
    own = {k: v for k, v in item.items() if k not in ("id", "action", "target", "by", "at", "reason")}
    return Decision(id=str(item.get("id") or decision_id(item)), action=action,
                    target=str(item.get("target") or ""), by=str(item["by"]), at=at_text,
                    reason=str(item["reason"]) if item.get("reason") else None, fields=own)


def load(path: Path) -> list[Decision]:
    """The decisions of ``path`` in file order; none when the file does not exist."""
    if not path.is_file():
        return []
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise AbortRun(f"{path}: not a readable decisions file ({exc.__class__.__name__})") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise AbortRun(f"{path}: the decisions file must be a YAML list of decisions")
    out = []
    seen: dict[str, int] = {}
    for k, item in enumerate(data):
        d = parse(item, f"{path} item {k + 1}")
        seen[d.id] = seen.get(d.id, 0) + 1
        if seen[d.id] > 1:  # the same item written twice by hand: a distinct, stable id for each copy
            d = Decision(f"{d.id}-{seen[d.id]}", d.action, d.target, d.by, d.at, d.reason, d.fields)
        out.append(d)
    return out


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def append(path: Path, items: list[dict[str, Any]]) -> list[Decision]:
    """Add decisions at the end of the file (created with a header when missing); returns them parsed.

    Each is checked first, so a bad item writes nothing."""
    parsed = [parse(item, f"new decision {k + 1}") for k, item in enumerate(items)]
    known = {d.id for d in load(path)}
    fresh = [(item, d) for item, d in zip(items, parsed, strict=True) if d.id not in known]
    if not fresh:
        return []
    text = "".join(yaml.safe_dump([{"id": d.id} | item], allow_unicode=True, sort_keys=False, width=100)
                   for item, d in fresh)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existing = path.read_text(encoding="utf-8") if path.is_file() else HEADER
        if existing and not existing.endswith("\n"):
            existing += "\n"
        path.write_text(existing + text, encoding="utf-8")
    except OSError as exc:
        raise AbortRun(f"cannot write the decisions file {path}: {exc.strerror or exc}") from exc
    return [d for _, d in fresh]
