#!/usr/bin/env python3
"""The benchmark report: runs, one after another in one go, every benchmark
that compares Dateline with a peer or a budget — page serving against nginx,
export against Hugo, narration against Python + onnxruntime, memory, page
weights — rewrites their sections of docs/BENCHMARKS.md and its plots, and
puts a summary of the ratios, all from this run, at the top.

Run: make bench-report   (about 5 minutes on a quiet 2-core machine)
"""

import os
import re
import time

import export
import memory
import narration
import serve
import weights
from benchdoc import DOC, HEADER


def summary(results: dict, minutes: float) -> str:
    s, e, n, m, w = (results[k] for k in ("serve", "export", "narration", "memory", "weights"))
    rows = [
        ("Serving a cached article page (requests/s, 8–256 connections)", "nginx, same bytes",
         f"{s['ratio_min']:.2f}–{s['ratio_max']:.2f}×", "≥ 0.8×", s["ratio_min"] >= 0.8),
        ("Static export, 1,000 and 10,000 articles, written to memory (time)", "Hugo, the same site",
         f"{e['ratio']:.2f}× (minimal Hugo site: {e['ratio_minimal']:.2f}×)", "≤ 0.5×", e["ratio"] <= 0.5),
        ("The same, written to a new ext4 file system (journaled, mkfs defaults)", "Hugo, the same site",
         f"{e['ratio_ext4']:.2f}×", "≤ 0.5×", e["ratio_ext4"] <= 0.5),
        ("The same, written to this machine's disk as found (ext4, no journal)", "Hugo, the same site",
         f"{e['ratio_disk']:.2f}×", "≤ 0.5×", e["ratio_disk"] <= 0.5),
        ("Narration speed, neural voice, ~1,000 words", "Python + onnxruntime, same model",
         f"{n['speed']:.2f}×", "≥ 1×", n["speed"] >= 1),
        ("One-sentence edit re-narrated", "—", f"{n['edit']:.2f} s", "< 1.5 s", n["edit"] < 1.5),
        ("Peak memory, export of the same site", "Hugo, the same site", f"{e['memory_ratio']:.2f}×", "—", None),
        (f"Server memory, 10,000 articles, after {m['pages']} pages", "at start",
         f"{m['after_mb']:.0f} MB / {m['start_mb']:.0f} MB", "—", None),
        ("Lite article page (bytes on the wire)", "the full article page", f"{w['lite'] / w['article']:.2f}× "
         f"({w['lite'] / 1024:.1f} KB / {w['article'] / 1024:.1f} KB)", "≤ 8 KB", w["lite"] <= 8 * 1024),
    ]
    mark = {True: "met", False: "**not met**", None: ""}
    table = "\n".join(f"| {what} | {peer} | {ratio} | {target} {mark[ok]} |" for what, peer, ratio, target, ok in rows)
    return f"""<!-- summary:start -->
## Summary

Command: `make bench-report` — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {minutes:.0f} minutes.
Every figure below comes from this one run; each section further down has the details, and the
plots are [serving throughput](plots/serving.svg) and [narration time against article
length](plots/narration.svg).

| figure | against | ratio | target |
|---|---|---|---|
{table}
<!-- summary:end -->"""


def put_summary(section: str) -> None:
    """Puts the summary right under the document's header."""
    text = DOC.read_text() if DOC.exists() else HEADER
    start, end = "<!-- summary:start -->", "<!-- summary:end -->"
    if start in text:
        text = re.sub(re.escape(start) + r".*" + re.escape(end), lambda _: section, text, flags=re.S)
    else:
        head, _, rest = text.partition("\n\n")
        first, _, rest = rest.partition("\n\n")
        text = f"{head}\n\n{first}\n\n{section}\n\n{rest}"
    DOC.write_text(text)


def main() -> None:
    began = time.monotonic()
    results = {}
    for name, bench in [("serve", serve), ("export", export), ("narration", narration), ("memory", memory),
                        ("weights", weights)]:
        print(f"\n=== {name} ===", flush=True)
        results[name] = bench.main()
    section = summary(results, (time.monotonic() - began) / 60)
    put_summary(section)
    print(section)


if __name__ == "__main__":
    main()
