#!/usr/bin/env python3
"""Memory of `dateline serve` with 10,000 articles loaded.

Serves the generated 10,000-article data folder (bench/corpus.py) with the
narration workers off (DATELINE_WORKERS=0: importing queued a narration job
per article), reads VmRSS and VmHWM from /proc when it answers, then asks for
a sample of pages once each — home, every section's first three pages, 200
articles and their lite twins, the feeds, the sitemaps, a few searches — and
reads them again. Loopback only, one request at a time, bounded.
Writes the figures into docs/BENCHMARKS.md.

Run: make bench-memory  (builds, runs this)
"""

import os
import re
import subprocess
import time
import urllib.parse
import urllib.request

from benchdoc import write_section
from benchlib import free_port, get, stop, wait_for
from corpus import BIN, prepare

N = 10000
ARTICLES = 200


def memory(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) in kB."""
    status = open(f"/proc/{pid}/status").read()
    value = lambda name: int(re.search(rf"^{name}:\s+(\d+) kB", status, re.M).group(1))
    return value("VmRSS"), value("VmHWM")


def sample(base: str) -> list[str]:
    home = get(f"{base}/").decode()
    sections = sorted(set(re.findall(r'href="/sections/([a-z0-9-]+)"', home)))
    paths = ["/", "/lite/", "/feed.xml", "/feed.atom", "/feed.json", "/podcast.xml", "/robots.txt",
             "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml"]
    for s in sections:
        paths += [f"/sections/{s}", f"/sections/{s}?page=2", f"/sections/{s}?page=3", f"/lite/sections/{s}",
                  f"/sections/{s}/feed.xml", f"/sections/{s}/feed.json"]
    sitemap = get(f"{base}/sitemaps/articles-1.xml").decode()
    slugs = re.findall(r"/articles/([a-z0-9-]+)</loc>", sitemap)
    step = max(1, len(slugs) // ARTICLES)
    for slug in slugs[::step][:ARTICLES]:
        paths += [f"/articles/{slug}", f"/lite/articles/{slug}"]
    for q in ["water", "harbour works", "Kisumu council", "solar"]:
        paths.append("/search?q=" + urllib.parse.quote(q))
    return paths


def main() -> dict:
    _, _, data = prepare(N)
    base = f"http://127.0.0.1:{free_port()}"
    env = {**os.environ, "DATELINE_WORKERS": "0"}
    server = subprocess.Popen([str(BIN), "serve", "--data", str(data), "--listen", base[7:]],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        wait_for(f"{base}/healthz")
        at_start = memory(server.pid)
        paths = sample(base)
        began = time.monotonic()
        total = sum(len(get(base + p)) for p in paths)
        took = time.monotonic() - began
        after = memory(server.pid)
    finally:
        stop(server)
    mb = lambda kb: f"{kb / 1024:.0f} MB"
    section = f"""<!-- memory:start -->
## Memory with 10,000 articles

Command: `make bench-memory` — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, release build,
`dateline serve` on the generated 10,000-article data folder, narration workers off
(`DATELINE_WORKERS=0`). Then {len(paths)} pages asked once each, one at a time on loopback
({total / 1e6:.1f} MB of HTML, XML and JSON in {took:.1f} s): home, lite home, every section's
first three pages and lite page, section feeds, site feeds, sitemaps, {ARTICLES} articles and
their lite twins, four searches. The page cache keeps every one of them (with gzip and brotli
copies made for compressing clients).

| when | VmRSS | VmHWM (peak) |
|---|---|---|
| serving, before any request | {mb(at_start[0])} | {mb(at_start[1])} |
| after the sample | {mb(after[0])} | {mb(after[1])} |
<!-- memory:end -->"""
    print(section)
    write_section("memory", section)
    return {"start_mb": at_start[0] / 1024, "after_mb": after[0] / 1024, "pages": len(paths)}


if __name__ == "__main__":
    main()
