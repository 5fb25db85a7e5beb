"""Bytes of a document file to its text "as read", or ``SkipItem`` when there is no usable text.

The text as read is what offsets count in. It matches Python's ``Path.read_text``: UTF-8 keeps a
leading BOM as a character (cleaning drops it from the clean text) and newlines are universal
(``\\r\\n`` and ``\\r`` read as ``\\n``). Files that are not UTF-8 are decoded as cp1252, else
Latin-1 (every byte decodes), and say so in the returned note; their offsets count characters of
that decoding.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from graph.errors import SkipItem

#: Control characters allowed in text (tab, newlines, form feed from PDF page breaks).
_ALLOWED_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
#: More than this share of other control characters means "binary, not text".
MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None


def read_bytes(path: Path) -> bytes:
    """The file's bytes; an unreadable file is skipped with the system's reason."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SkipItem(f"{path.name}: cannot read ({exc.strerror or exc.__class__.__name__})") from exc


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text file."""
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 0x20 and b not in _ALLOWED_CONTROLS)
    return controls > MAX_CONTROL_SHARE * max(1, len(sample))


def universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Byte-order marks of the UTF-16/32 encodings, longest first (UTF-32-LE's starts with UTF-16-LE's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode_bom(data: bytes, name: str) -> Decoded | None:
    """A UTF-16 or UTF-32 file announced by its byte-order mark (it holds NUL bytes: not binary)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = universal_newlines(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise SkipItem(f"{name}: starts with a {encoding} byte-order mark but does not decode") from exc
            if not text.strip():
                raise SkipItem(f"{name}: empty file")
            note = f"decoded as {encoding} (byte-order mark); offsets count characters of that decoding"
            return Decoded(text, encoding, note)
    return None


def decode(data: bytes, name: str) -> Decoded:
    """Decode a text file; ``SkipItem`` for binary or empty files."""
    bom = _decode_bom(data, name)
    if bom is not None:
        return bom
    if looks_binary(data):
        raise SkipItem(f"{name}: binary file, not text")
    try:
        text, encoding, note = data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
        note = f"decoded as {encoding} (not valid UTF-8); offsets count characters of that decoding"
    text = universal_newlines(text)
    if not text.replace("\ufeff", "").strip():
        raise SkipItem(f"{name}: empty file")
    return Decoded(text, encoding, note)
