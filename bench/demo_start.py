#!/usr/bin/env python3
"""How soon the demo newsroom is readable and narrated.

Starts `dateline demo` (release build) on a free loopback port with a fresh
data folder, and measures: time until it serves, until the top story has its
player, and until every article is narrated (all jobs done). Bounded: gives
up after 10 minutes. Writes the figures into docs/BENCHMARKS.md.

Run: make build && python3 bench/demo_start.py
"""

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchdoc import write_section
from benchlib import BIN, free_port

LIMIT = 600


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode()
    except OSError:
        return ""


def wait(what: str, start: float, done) -> float:
    while not done():
        if time.perf_counter() - start > LIMIT:
            sys.exit(f"gave up waiting for: {what}")
        time.sleep(0.2)
    return time.perf_counter() - start


def main() -> None:
    if not BIN.exists():
        sys.exit(f"{BIN} is missing: run `make build` first")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        base = f"http://127.0.0.1:{free_port()}"
        start = time.perf_counter()
        server = subprocess.Popen([str(BIN), "demo", "--data", str(data), "--listen", base[7:]],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            serving = wait("the site", start, lambda: fetch(f"{base}/healthz") == "ok")
            home = fetch(f"{base}/")
            top = re.search(r'href="(/articles/[^"]+)"', home).group(1)
            first = wait("the top story's narration", start, lambda: "<audio" in fetch(base + top))

            def all_done() -> bool:
                jobs = subprocess.run([str(BIN), "jobs", "--data", str(data), "--limit", "1000"],
                                      capture_output=True, text=True).stdout
                return " done " in jobs and not re.search(r" (queued|running) ", jobs)

            everything = wait("every narration", start, all_done)
        finally:
            server.terminate()
            server.wait(timeout=10)
    section = f"""<!-- demo:start -->
## Demo start

Command: `make build && python3 bench/demo_start.py` — {time.strftime('%Y-%m-%d')}, {cores} cores, release build,
default settings (one narration worker per core, neural voice for English).

| from `dateline demo` on an empty folder to… | seconds |
|---|---|
| the site serving (16 articles seeded, pictures drawn) | {serving:.1f} |
| the top story's player on its page | {first:.1f} |
| every article narrated | {everything:.1f} |
<!-- demo:end -->"""
    print(section)
    write_section("demo", section)


if __name__ == "__main__":
    main()
