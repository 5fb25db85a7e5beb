#!/usr/bin/env python3
"""How many sentences of a set of texts use each entry of the trigger lexicon (an audit, not a test).

    python tools/eval/lexicon_usage.py [FOLDER ...] [--list N]

An entry that occurs in exactly one sentence of the texts the rules were written on is a candidate fact
in disguise: a wording fitted to one sentence rather than a rule. Entries found in no sentence are
general knowledge (each is exercised by an invented sentence in ``tests/loaders/events/cases.yaml``).

Entries counted (``data/lexicon/events.yaml``): per event type its verbs, nouns and the verbs and
object nouns of its phrases, the statement cue verbs, stance lemmas and stance adjectives; a verb or
noun entry matches a sentence holding a token with that lemma (and, for a particle verb such as
``shut down``, the further words in the sentence's text). From ``data/lexicon/roles.yaml``, the words of
titles, body roles and affiliation templates, matched as text (case and whitespace folded).

Default folders: the bundled corpus and the invented held-out fixtures. Prints the counts per bucket
(0, 1, 2+ sentences) and the one-sentence entries with the sentence's document.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.resources import read_lexicon  # noqa: E402
from loaders.lexicon import ORG_MARK, phrase_regex  # noqa: E402

DEFAULT_FOLDERS = [ROOT / "data" / "corpus", ROOT / "tests" / "fixtures" / "heldout"]
TEXT_SUFFIXES = {".txt", ".html", ".htm", ".md"}


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def trigger_entries(events: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(section, kind, entry) for every trigger and cue of events.yaml; kind is ``lemma`` or ``text``."""
    for name, spec in (events.get("types") or {}).items():
        for key in ("verbs", "nouns"):
            for w in _words(spec.get(key)):
                yield f"types.{name}.{key}", "lemma", w
        for phrase in spec.get("phrases") or []:
            for key in ("verb", "object", "xcomp"):
                for w in _words(phrase.get(key)):
                    yield f"types.{name}.phrases.{key}", "lemma", w
    st = events.get("statements") or {}
    for w in _words(st.get("verbs")):
        yield "statements.verbs", "lemma", w
    for stance, spec in (st.get("stances") or {}).items():
        for w in _words(spec.get("lemmas")):
            yield f"statements.stances.{stance}", "lemma", w
        for w in _words(spec.get("phrases")):
            yield f"statements.stances.{stance}.phrases", "text", w
    for w in _words(st.get("stance_adjectives")):
        yield "statements.stance_adjectives", "lemma", w


def role_entries(roles: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(section, ``text``, words) for the titles, body roles and affiliation templates of roles.yaml."""
    for item in roles.get("titles") or []:
        yield "roles.titles", "text", str(item["words"])
    for written in roles.get("body_roles") or {}:
        yield "roles.body_roles", "text", str(written)
    for section in ("affiliations", "named_affiliations"):
        for item in roles.get(section) or []:
            yield f"roles.{section}", "text", str(item["phrase"])


def _template_regex(words: str) -> re.Pattern[str]:
    """A roles.yaml template as the loaders compile it (``loaders.lexicon.phrase_regex``), its ``{org}``
    standing for up to six words of plain text instead of a masked mention."""
    org = r"(?P<org>[\w'’.-]+(?:\s+[\w'’.-]+){0,5})"
    return re.compile(r"\b" + phrase_regex(words).replace(f"(?P<org>{ORG_MARK})", org) + r"\b", re.IGNORECASE)


def texts(folders: Iterable[Path]) -> Iterator[tuple[str, str]]:
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
                yield path.relative_to(folder.parent).as_posix(), path.read_text(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    ap.add_argument("--list", type=int, default=200, help="one-sentence entries to list (default 200)")
    ap.add_argument("--unseen", type=Path, help="a folder of texts the rules were not written on: how many "
                    "one-sentence entries occur there too (used beyond the sentence they may come from)")
    args = ap.parse_args(argv)

    entries = sorted(set(trigger_entries(read_lexicon("events.yaml"))) | set(role_entries(read_lexicon("roles.yaml"))))
    docs = list(texts(args.folders))
    sentences = split_sentences(docs)
    uses = usage(entries, sentences)
    buckets = {"0": 0, "1": 0, "2+": 0}
    ones = []
    for entry in entries:
        n = len(uses[entry])
        buckets["0" if n == 0 else "1" if n == 1 else "2+"] += 1
        if n == 1:
            ones.append((entry, sentences[uses[entry][0]][0]))
    print(f"{len(sentences)} sentences in {len(docs)} documents; {len(entries)} lexicon entries")
    print(f"entries by number of sentences using them: 0: {buckets['0']}, 1: {buckets['1']}, 2+: {buckets['2+']}")
    for (section, _, words), doc_name in ones[: args.list]:
        print(f"  1  {section:45} {words!r:40} {doc_name}")
    if args.unseen:
        unseen_docs = list(texts([args.unseen]))
        seen_there = usage([e for e, _ in ones], split_sentences(unseen_docs))
        print(f"one-sentence entries that occur in {args.unseen} ({len(unseen_docs)} documents) too: "
              f"{sum(1 for e, _ in ones if seen_there[e])} of {len(ones)}")
    return 0


Sentence = tuple[str, set[str], str]  # (document, lemmas and lower-case words, folded lower-case text)
Entry = tuple[str, str, str]


def split_sentences(docs: list[tuple[str, str]]) -> list[Sentence]:
    from loaders.parse.model import nlp as load_model

    nlp = load_model()
    out: list[Sentence] = []
    for (name, _), doc in zip(docs, nlp.pipe((t for _, t in docs), batch_size=8), strict=True):
        for sent in doc.sents:
            lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
            out.append((name, lemmas, " ".join(sent.text.lower().split())))
    return out


def usage(entries: Iterable[Entry], sentences: list[Sentence]) -> dict[Entry, list[int]]:
    """The sentences (indexes) each entry occurs in."""
    uses: dict[Entry, list[int]] = defaultdict(list)
    for entry in entries:
        _, kind, words = entry
        first, *rest = words.lower().split()
        pattern = _template_regex(words) if kind == "text" else None
        for i, (_, lemmas, text) in enumerate(sentences):
            if pattern is not None:
                hit = bool(pattern.search(text))
            else:
                hit = first in lemmas and all(w in text.split() for w in rest)
            if hit:
                uses[entry].append(i)
    return uses


if __name__ == "__main__":
    sys.exit(main())
