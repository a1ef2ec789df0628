#!/usr/bin/env python3
"""A cached article page served by Dateline against nginx serving the same
bytes from disk, in the same run, with wrk on loopback.

Starts `dateline demo` (release build, narration workers off so nothing else
competes for the CPU), takes the top story's page once (which also puts it
in the page cache), writes those exact bytes to a folder, starts nginx on
that folder, and runs wrk against each, in turn, at 8, 32, 128 and 256 connections: 2
threads, 5 seconds each, no compression asked (both send the same bytes).
The whole sweep runs ROUNDS times, who goes first alternating, and each
point reports the median round: these shared machines swing by a quarter
from one ten-second run to the next, for nginx as much as for Dateline.
Plots requests per second against connections (docs/plots/serving.svg). Bounded: every
step has a time limit; only loopback is used. Writes the figures into
docs/BENCHMARKS.md.

Run: make bench-serve  (installs wrk and nginx-light, builds, runs this)
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchdoc import write_section
from benchlib import BIN, free_port, get, stop, wait_for, wrk
from plots import line_chart

CONNECTIONS = [8, 32, 128, 256]
ROUNDS = 3
SECONDS = 5



def nginx_config(root: Path, port: int, tmp: Path) -> Path:
    config = tmp / "nginx.conf"
    config.write_text(f"""
worker_processes 2;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
user root;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    location / {{ default_type "text/html; charset=utf-8"; etag on; }}
  }}
}}
""")
    return config


def median_run(results: list[tuple[float, str]]) -> tuple[float, str]:
    """The run with the median requests per second (its own p99 with it)."""
    return sorted(results)[len(results) // 2]


def spread(results: list[tuple[float, str]]) -> str:
    rates = [rps for rps, _ in results]
    return f"{min(rates) / 1000:.0f}k–{max(rates) / 1000:.0f}k"


def main() -> dict:
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is missing: run `make bench-serve`, which installs it")
    if not BIN.exists():
        sys.exit(f"{BIN} is missing: run `make build` first")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = f"http://127.0.0.1:{free_port()}"
        # Without the request log, as nginx runs with access_log off.
        env = {**os.environ, "DATELINE_WORKERS": "0", "DATELINE_LOG": "info,dateline::request=off"}
        server = subprocess.Popen([str(BIN), "demo", "--data", str(tmp / "data"), "--listen", base[7:]],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        nginx = None
        try:
            wait_for(f"{base}/")
            home = get(f"{base}/").decode()
            slug = re.search(r'href="/articles/([a-z0-9-]+)"', home).group(1)
            page = get(f"{base}/articles/{slug}")
            www = tmp / "www"
            www.mkdir()
            (www / f"{slug}.html").write_bytes(page)
            nginx_port = free_port()
            nginx_bin = shutil.which("nginx") or "/usr/sbin/nginx"
            nginx = subprocess.Popen([nginx_bin, "-c", str(nginx_config(www, nginx_port, tmp))],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            nginx_url = f"http://127.0.0.1:{nginx_port}/{slug}.html"
            wait_for(nginx_url)
            if get(nginx_url) != page:
                sys.exit("nginx does not serve the same bytes")
            runs = {c: ([], []) for c in CONNECTIONS}
            for round_ in range(ROUNDS):
                for connections in CONNECTIONS:
                    turns = [(f"{base}/articles/{slug}", runs[connections][0]), (nginx_url, runs[connections][1])]
                    for url, results in turns if round_ % 2 == 0 else reversed(turns):
                        results.append(wrk(url, connections=connections, seconds=SECONDS))
                    print(f"round {round_ + 1}, {connections} connections: dateline {runs[connections][0][-1]}, "
                          f"nginx {runs[connections][1][-1]}", flush=True)
            sweep = [(c, median_run(ours), median_run(theirs), spread(ours), spread(theirs))
                     for c, (ours, theirs) in runs.items()]
        finally:
            stop(server)
            if nginx:
                stop(nginx)
    ratios = [ours[0] / theirs[0] for _, ours, theirs, _, _ in sweep]
    plot = line_chart("serving", f"A cached article page on loopback (wrk, 2 threads, median of {ROUNDS} × {SECONDS} s)",
                      "connections", "requests per second", {
                          "Dateline (page cache)": [(c, ours[0]) for c, ours, _, _, _ in sweep],
                          "nginx (same bytes from disk)": [(c, theirs[0]) for c, _, theirs, _, _ in sweep],
                      }, log_x=True)
    table = "\n".join(f"| {c} | {ours[0]:,.0f} ({our_spread}) | {ours[1]} | {theirs[0]:,.0f} ({their_spread}) | {theirs[1]} "
                      f"| **{ours[0] / theirs[0]:.2f}×** |"
                      for c, ours, theirs, our_spread, their_spread in sweep)
    section = f"""<!-- serve:start -->
## Serving a cached article page

Command: `make bench-serve` — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, release build,
narration workers off, request log off (nginx's access log is off too). The top story's page ({len(page):,} bytes, uncompressed) from Dateline's
page cache, against nginx-light serving the same bytes from a file, in the same run, taking turns;
wrk with 2 threads, {SECONDS} s per point, on loopback (wrk shares the two cores with the server).
The sweep ran {ROUNDS} times, who goes first alternating; each point is the median round
(requests/s with the range over the rounds in brackets), as single runs on this shared machine
swing by up to a quarter.

| connections | Dateline requests/s | Dateline p99 | nginx requests/s | nginx p99 | ratio |
|---|---|---|---|---|---|
{table}

Dateline serves **{min(ratios):.2f}–{max(ratios):.2f}×** nginx's requests per second (target ≥ 0.8).

![Requests per second against connections, Dateline and nginx]({plot})
<!-- serve:end -->"""
    print(section)
    write_section("serve", section)
    return {"ratio_min": min(ratios), "ratio_max": max(ratios)}


if __name__ == "__main__":
    main()
