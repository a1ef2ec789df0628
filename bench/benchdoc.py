"""Puts a benchmark's section into docs/BENCHMARKS.md, between its
`<!-- NAME:start -->` and `<!-- NAME:end -->` markers (appended the first time)."""

import re
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs/BENCHMARKS.md"
HEADER = "# Benchmarks\n\nFigures measured on the project's 2-core machine. Each section names the command that produced it.\n"


def write_section(name: str, section: str) -> None:
    """`section` includes its own markers."""
    text = DOC.read_text() if DOC.exists() else HEADER
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start in text:
        text = re.sub(re.escape(start) + r".*" + re.escape(end), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.write_text(text)
