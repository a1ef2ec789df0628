#!/usr/bin/env python3
"""Page weights, normal and lite, as a phone downloads them.

Starts `dateline demo` (release build), waits until the top story is narrated
(so its page carries the Listen control), then has Debian's Chromium load
each page with an empty cache (bench/weights.mjs) and sums the bytes on the
wire for the page and everything it pulls in by itself. The lite edition's
weight is given as a ratio of the full page's, measured in the same run.
Loopback only; every step has a time limit. Writes docs/BENCHMARKS.md.

Run: make bench-weights
"""

import json
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

from benchdoc import write_section
from benchlib import BIN, free_port, get, require_bin, stop, wait_for

HERE = Path(__file__).resolve().parent
NARRATED_WITHIN = 300


def top_story(base: str) -> str:
    """The home page's first article, once its narration is on its page."""
    slug = re.search(r'href="/articles/([a-z0-9-]+)"', get(f"{base}/").decode()).group(1)
    deadline = time.monotonic() + NARRATED_WITHIN
    while b"listen__note" not in get(f"{base}/articles/{slug}"):
        if time.monotonic() > deadline:
            raise SystemExit(f"/articles/{slug} was not narrated within {NARRATED_WITHIN} s")
        time.sleep(1)
    return slug


def measure() -> dict:
    """{path: weights} for the home page, a section, the top story and their lite twins."""
    require_bin()
    with tempfile.TemporaryDirectory() as tmp:
        base = f"http://127.0.0.1:{free_port()}"
        server = subprocess.Popen([str(BIN), "demo", "--data", str(Path(tmp) / "data"), "--listen", base[7:]],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(f"{base}/")
            slug = top_story(base)
            section = re.search(r'href="(/sections/[a-z0-9-]+)"', get(f"{base}/").decode()).group(1)
            paths = ["/", section, f"/articles/{slug}", "/lite/", f"/lite{section}", f"/lite/articles/{slug}"]
            out = subprocess.run(["node", str(HERE / "weights.mjs"), base, *paths], capture_output=True,
                                 text=True, timeout=300, check=True).stdout
        finally:
            stop(server)
    return {r["path"].replace(slug, "TOP"): r for r in json.loads(out)}


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main() -> dict:
    pages = measure()
    names = {"/": "home", "/articles/TOP": "article (top story, narrated, lead image)"}
    rows = []
    for path, r in pages.items():
        if path.startswith("/lite"):
            continue
        lite = pages[f"/lite{path}"]
        name = names.get(path, "section")
        rows.append((name, r, lite))
    table = "\n".join(
        f"| {name} | {kb(r['transfer'])} ({r['requests']} files) | {kb(lite['transfer'])} ({lite['requests']} file) "
        f"| **{lite['transfer'] / r['transfer']:.2f}×** |"
        for name, r, lite in rows
    )
    article = pages["/articles/TOP"]
    detail = ", ".join(f"{e['url'].rsplit('/', 1)[-1] or '/'} {kb(e['transfer'])}" for e in article["entries"])
    encodings = sorted({e for r in pages.values() for e in r["encodings"]})
    section = f"""<!-- weights:start -->
## Page weights, normal and lite

Command: `make bench-weights` — {time.strftime('%Y-%m-%d')}, release build, the demo newsroom.
Debian's Chromium loads each page as a phone would (360×740 CSS pixels, 2× pixels, empty cache)
and the Resource Timing API sums the bytes on the wire (headers and compressed bodies; encodings
seen: {", ".join(encodings)}) for the page and every file it pulls in before the reader touches
anything (of the narration's MP3, only what the player preloads to show its length).

| page | full edition | lite edition | lite / full |
|---|---|---|---|
{table}

The article page's files: {detail}.
<!-- weights:end -->"""
    print(section)
    write_section("weights", section)
    return {"article": article["transfer"], "lite": pages["/lite/articles/TOP"]["transfer"]}


if __name__ == "__main__":
    main()
