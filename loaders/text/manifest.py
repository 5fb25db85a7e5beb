"""Document metadata from a corpus folder's ``manifest.yaml``, when there is one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from graph.errors import AbortRun
from graph.resources import load_yaml

MANIFEST = "manifest.yaml"
#: The review decisions kept beside the corpus (see ``review.decisions``): not a document either.
DECISIONS = "decisions.yaml"
#: Files at the top of a corpus folder that are not documents.
NOT_DOCUMENTS = (MANIFEST, DECISIONS)


def load_manifest(corpus: Path) -> dict[str, dict[str, Any]]:
    """Entries of the manifest by file name; empty when the folder has no manifest."""
    path = corpus / MANIFEST
    if not path.exists():
        return {}
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise AbortRun(f"{path}: not a readable manifest ({exc.__class__.__name__})") from exc
    entries = data.get("documents", []) if isinstance(data, dict) else []
    return {str(e["file"]): e for e in entries if isinstance(e, dict) and e.get("file")}
