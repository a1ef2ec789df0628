"""A generated newsroom of N articles for the benchmarks (bench/generate_articles.py),
imported into a data folder once and kept under ~/.cache/dateline/bench/N/ until the
generator changes: content/ (Dateline), hugo/ (the same articles as a Hugo site), data/."""

import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchlib import BIN

HERE = Path(__file__).resolve().parent
CACHE = Path.home() / ".cache/dateline/bench"


def prepare(n: int) -> tuple[Path, Path, Path]:
    """(content, hugo, data) for N articles; generates and imports when missing."""
    if not BIN.exists():
        sys.exit(f"{BIN} is missing: run `make build` first")
    stamp = hashlib.sha256((HERE / "generate_articles.py").read_bytes()).hexdigest()[:12]
    root = CACHE / f"{n}-{stamp}"
    content, hugo, data = root / "content", root / "hugo", root / "data"
    if not (root / "imported").exists():
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        subprocess.run([sys.executable, str(HERE / "generate_articles.py"), str(n), str(content), "--hugo", str(hugo)],
                       check=True, timeout=600)
        start = time.monotonic()
        subprocess.run([str(BIN), "import", str(content), "--data", str(data)], check=True, timeout=3600,
                       stdout=subprocess.DEVNULL)
        print(f"imported {n} articles in {time.monotonic() - start:.1f} s", flush=True)
        (root / "imported").write_text("ok\n")
    return content, hugo, data
