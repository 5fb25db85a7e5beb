"""Small invented documents for reader tests: an HTML page and a hand-made PDF with a text layer."""

from __future__ import annotations


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A minimal valid one-page PDF whose text layer holds ``lines`` (Helvetica, one per line)."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"] + [f"({esc(line)}) Tj T*" for line in lines] + ["ET"]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + esc(title or "").encode("latin-1") + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    info = b" /Info 6 0 R" if title else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info, xref)
    return bytes(out)


HTML = """<!DOCTYPE html>
<html><head><title>APHR &amp; ANFREL: Statement</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>
<main>
<h1>Joint Statement on the 2023 Election</h1>
<p>The NEC <u>rejected</u> the registration of the
   Candlelight Party&nbsp;(CLP) in May&#160;2023.</p>
<ul><li>First point</li><li>Second point</li></ul>
<table><tr><td>2018</td><td>CPP</td></tr><tr><td>2023</td><td>CPP</td></tr></table>
</main>
<footer>Copyright 2023 &copy; APHR</footer>
</body></html>
"""
