#!/usr/bin/env python3
"""Load on a 10,000-article site, then overload, with wrk on loopback.

Copies the generated 10,000-article data folder (bench/corpus.py) to a
temporary folder (other benchmarks may be serving the cached one) and serves
it with `dateline serve` (release build, narration workers off).

1. Load: wrk, 2 threads, 256 connections, 60 s, asking for a mix of the
   site's URLs at random (bench/memory.py's sample: home, sections and their
   later pages, 200 articles and their lite twins, feeds, sitemaps,
   searches), as a browser would (Accept-Encoding: br, gzip). Every URL is
   asked once first and must answer 200, so wrk's count of non-2xx/3xx
   answers counts failures. Required: no socket errors, no non-2xx/3xx answer.
   VmRSS before and after, and the peak.
2. Overload: the same server restarted with a concurrency limit of 4 and a
   queue of 8 (DATELINE_CONCURRENCY, DATELINE_QUEUE), 256 connections for
   30 s, each asking a search for three words of the home page, walking
   through 60³ combinations (so the page cache rarely answers). Counts answers by status and checks
   that every 503 carries Retry-After. Afterwards the server must answer
   /healthz, the home page and a search with 200 at once.

Bounded: every step has a time limit; only loopback is used. Writes the
figures into docs/BENCHMARKS.md.

Run: make bench-load  (installs wrk, builds, runs this)
"""

import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchdoc import write_section
from benchlib import free_port, get, stop, wait_for
from corpus import BIN, prepare
from memory import memory, sample

N = 10000
CONNECTIONS = 256
LOAD_SECONDS = 60
OVERLOAD_SECONDS = 30
OVERLOAD_LIMIT, OVERLOAD_QUEUE = 4, 8
SEARCH_WORDS = 60

# Counts answers by status in each wrk thread; `done` adds them up.
COUNT_STATUSES = """
statuses = {}
missing_retry_after = 0
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 and headers["retry-after"] == nil and headers["Retry-After"] == nil then
    missing_retry_after = missing_retry_after + 1
  end
end
threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local total, missing = {}, 0
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
    missing = missing + t:get("missing_retry_after")
  end
  for status, n in pairs(total) do io.write(string.format("STATUS %d %d\\n", status, n)) end
  io.write(string.format("MISSING_RETRY_AFTER %d\\n", missing))
end
"""


def lua_list(items: list[str]) -> str:
    return "{" + ",".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items) + "}"


def mix_script(paths: list[str]) -> str:
    """Random URLs from `paths`, each thread with its own seed."""
    return f"""
paths = {lua_list(paths)}
local threads_made = 0
setup = function(thread) threads_made = threads_made + 1; thread:set("thread_seed", threads_made) end
init = function(args) math.randomseed(thread_seed * 7919) end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
"""


def search_script(words: list[str]) -> str:
    """Searches for three of `words`, each thread walking through
    the combinations from its own starting point (so the page cache rarely answers)."""
    return f"""
words = {lua_list(words)}
local threads_made = 0
local function add_thread(thread) threads_made = threads_made + 1; thread:set("thread_seed", threads_made) end
init = function(args) n = thread_seed * 1000003 end
request = function()
  n = n + 1
  local w = #words
  local a = words[(n % w) + 1]
  local b = words[(math.floor(n / w) % w) + 1]
  local c = words[(math.floor(n / (w * w)) % w) + 1]
  return wrk.format("GET", "/search?q=" .. a .. "+" .. b .. "+" .. c)
end
""" + COUNT_STATUSES.replace("setup = function(thread) table.insert(threads, thread) end",
                             "setup = function(thread) add_thread(thread); table.insert(threads, thread) end")


def run_wrk(base: str, script: Path, seconds: int) -> dict:
    args = ["wrk", "--threads", "2", "--connections", str(CONNECTIONS), "--duration", f"{seconds}s",
            "--timeout", "10s", "--latency", "--script", str(script), "--header", "Accept-Encoding: br, gzip", base]
    out = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    figure = lambda pattern: re.search(pattern, out, re.M)
    errors = figure(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    return {
        "out": out,
        "requests": int(figure(r"(\d+) requests in").group(1)),
        "rps": float(figure(r"Requests/sec:\s+([\d.]+)").group(1)),
        "p50": figure(r"^\s+50%\s+(\S+)").group(1),
        "p99": figure(r"^\s+99%\s+(\S+)").group(1),
        "socket_errors": sum(int(g) for g in errors.groups()) if errors else 0,
        "non_2xx_3xx": int(figure(r"Non-2xx or 3xx responses: (\d+)").group(1))
        if figure(r"Non-2xx or 3xx responses: (\d+)") else 0,
        "statuses": {int(s): int(n) for s, n in re.findall(r"^STATUS (\d+) (\d+)$", out, re.M)},
        "missing_retry_after": int(figure(r"^MISSING_RETRY_AFTER (\d+)$").group(1))
        if figure(r"^MISSING_RETRY_AFTER (\d+)$") else None,
    }


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def copy_data(source: Path, target: Path) -> None:
    """A consistent copy of the store (SQLite's backup, even while another
    process writes it) and the media files; the search index is rebuilt."""
    target.mkdir()
    with sqlite3.connect(source / "dateline.db") as src, sqlite3.connect(target / "dateline.db") as dst:
        src.backup(dst)
    shutil.copytree(source / "media", target / "media")


def start(data: Path, listen: str, extra_env: dict) -> subprocess.Popen:
    env = {**os.environ, "DATELINE_WORKERS": "0", **extra_env}
    env.pop("DATELINE_CONFIG", None)
    return subprocess.Popen([str(BIN), "serve", "--data", str(data), "--listen", listen],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run `make bench-load`, which installs it")
    _, _, cached = prepare(N)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data"
        copy_data(cached, data)
        listen = f"127.0.0.1:{free_port()}"
        base = f"http://{listen}"

        # 1. Load.
        server = start(data, listen, {})
        try:
            wait_for(f"{base}/healthz")
            rss_start = memory(server.pid)
            paths = sample(base)
            failing = [p for p in paths if status_of(base + p) != 200]
            if failing:
                sys.exit(f"not every URL of the mix answers 200: {failing[:5]}")
            rss_warm = memory(server.pid)
            mix = tmp / "mix.lua"
            mix.write_text(mix_script(paths))
            load = run_wrk(base, mix, LOAD_SECONDS)
            rss_after = memory(server.pid)
            healthy_after_load = status_of(f"{base}/healthz") == 200
        finally:
            stop(server)
        print(load["out"])
        if load["socket_errors"] or load["non_2xx_3xx"] or not healthy_after_load:
            sys.exit(f"load run failed: {load['socket_errors']} socket errors, "
                     f"{load['non_2xx_3xx']} non-2xx/3xx answers")

        # 2. Overload.
        limits = {"DATELINE_CONCURRENCY": str(OVERLOAD_LIMIT), "DATELINE_QUEUE": str(OVERLOAD_QUEUE)}
        server = start(data, listen, limits)
        try:
            wait_for(f"{base}/healthz")
            home = get(f"{base}/").decode()
            words = sorted(set(w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"<[^>]+>", " ", home))))
            random.Random(6).shuffle(words)
            script = tmp / "search.lua"
            words = words[:SEARCH_WORDS]
            script.write_text(search_script(words))
            rss_before_overload = memory(server.pid)
            overload = run_wrk(base, script, OVERLOAD_SECONDS)
            rss_after_overload = memory(server.pid)
            began = time.monotonic()
            after = {p: status_of(base + p) for p in ["/healthz", "/", "/search?q=harbour+works"]}
            answered_in = time.monotonic() - began
            metrics = get(f"{base}/metrics").decode()
            shed_counted = int(float(re.search(r"^dateline_http_shed_total (\S+)", metrics, re.M).group(1)))
        finally:
            stop(server)
        print(overload["out"])
        statuses = overload["statuses"]
        shed = statuses.get(503, 0)
        others = {s: n for s, n in statuses.items() if s not in (200, 503)}
        if not shed or overload["missing_retry_after"] or others or overload["socket_errors"]:
            sys.exit(f"overload run failed: {statuses}, {overload['missing_retry_after']} 503s without Retry-After, "
                     f"{overload['socket_errors']} socket errors")
        if any(s != 200 for s in after.values()):
            sys.exit(f"not healthy after the overload: {after}")

    mb = lambda kb: f"{kb / 1024:.0f} MB"
    section = f"""<!-- load:start -->
## Load and overload on 10,000 articles

Command: `make bench-load` — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores (shared by wrk and the
server), release build, `dateline serve` on a copy of the generated 10,000-article data folder,
narration workers off, default limits ({os.cpu_count()} cores: {64 * os.cpu_count()} requests at once, {256 * os.cpu_count()} waiting).

**Load**: wrk, 2 threads, {CONNECTIONS} connections, {LOAD_SECONDS} s, loopback, each request a random
one of {len(paths)} URLs (home, lite home, every section's first three pages and lite page,
section and site feeds, sitemaps, 200 articles and their lite twins, four searches), asking for
`br, gzip`. Each URL was asked once first (all 200), so most answers come from the page cache.

| requests | requests/s | p50 | p99 | socket errors | non-2xx/3xx |
|---|---|---|---|---|---|
| {load['requests']:,} | {load['rps']:,.0f} | {load['p50']} | {load['p99']} | {load['socket_errors']} | {load['non_2xx_3xx']} |

| when | VmRSS | VmHWM (peak) |
|---|---|---|
| serving, before any request | {mb(rss_start[0])} | {mb(rss_start[1])} |
| after asking each URL once | {mb(rss_warm[0])} | {mb(rss_warm[1])} |
| after {LOAD_SECONDS} s of load | {mb(rss_after[0])} | {mb(rss_after[1])} |

**Overload**: the same server restarted with a concurrency limit of {OVERLOAD_LIMIT} and a queue of
{OVERLOAD_QUEUE} (`DATELINE_CONCURRENCY={OVERLOAD_LIMIT} DATELINE_QUEUE={OVERLOAD_QUEUE}`), {CONNECTIONS} connections for
{OVERLOAD_SECONDS} s, every request a search for three of {len(words)} words from the home page, walking
through the {len(words) ** 3:,} combinations (so the page cache rarely answers).

| requests | requests/s | p50 | p99 | 200 | 503 (all with Retry-After) | other | socket errors |
|---|---|---|---|---|---|---|---|
| {overload['requests']:,} | {overload['rps']:,.0f} | {overload['p50']} | {overload['p99']} | {statuses.get(200, 0):,} | {shed:,} | {sum(others.values())} | {overload['socket_errors']} |

The server counted {shed_counted:,} shed requests in `/metrics`; VmRSS {mb(rss_before_overload[0])} before
the overload, {mb(rss_after_overload[0])} after. Right afterwards `/healthz`, the home page and a search
answered 200 (all three in {answered_in * 1000:.0f} ms).
<!-- load:end -->"""
    print(section)
    write_section("load", section)


if __name__ == "__main__":
    main()
