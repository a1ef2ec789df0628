#!/usr/bin/env python3
"""The content API under load, and how soon a webhook follows a change.

Starts `dateline demo` (release build, narration workers off so nothing
else competes for the CPU), makes an API key with the CLI and runs wrk on
loopback (2 threads, 32 connections, 10 s each) against: the public article
list (answered from the page cache), one article (cached), and the same list
with the key (never cached: a store query per request). Then subscribes a
receiver (a Python HTTP server on loopback) to webhooks and makes 20 edits of
a live article through the API, one at a time, timing each from the API's
answer to the signed delivery's arrival. Bounded: every step has a time
limit; only loopback is used. Writes the figures into docs/BENCHMARKS.md.

Run: make bench-api  (installs wrk, builds, runs this)
"""

import hashlib
import hmac
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from benchdoc import write_section
from benchlib import BIN, free_port, wait_for, wrk

EDITS = 20


def call(method: str, url: str, key: str | None = None, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if key:
        request.add_header("Authorization", f"Bearer {key}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as r:
        return json.loads(r.read())


def dateline(*args: str) -> str:
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, timeout=60, check=True).stdout.strip()


def receiver(secret_box: list, arrivals: "queue.Queue[tuple[float, dict]]") -> HTTPServer:
    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            at = time.monotonic()
            ts = self.headers["X-Dateline-Timestamp"]
            mac = hmac.new(secret_box[0].encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest("sha256=" + mac, self.headers["X-Dateline-Signature"]):
                sys.exit("a delivery with a wrong signature")
            self.send_response(204)
            self.end_headers()
            arrivals.put((at, json.loads(body)))

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run `make bench-api`, which installs it")
    if not BIN.exists():
        sys.exit(f"{BIN} is missing: run `make build` first")
    with tempfile.TemporaryDirectory() as tmp_name:
        data = str(Path(tmp_name) / "data")
        base = f"http://127.0.0.1:{free_port()}"
        # Without the request log: the figures are the API's own.
        env = {**os.environ, "DATELINE_WORKERS": "0", "DATELINE_LOG": "info,dateline::request=off"}
        log = open(Path(tmp_name) / "server.log", "w")
        server = subprocess.Popen([str(BIN), "demo", "--data", data, "--listen", base[7:]],
                                  stdout=subprocess.DEVNULL, stderr=log, env=env)
        hook = None
        try:
            wait_for(f"{base}/healthz")
            key = dateline("apikey", "add", "--name", "bench", "--role", "editor", "--data", data)
            listing = call("GET", f"{base}/api/v1/articles")
            slug = listing["items"][0]["slug"]
            size = len(urllib.request.urlopen(f"{base}/api/v1/articles", timeout=5).read())
            public_list = wrk(f"{base}/api/v1/articles")
            one = wrk(f"{base}/api/v1/articles/{slug}")
            keyed = wrk(f"{base}/api/v1/articles", [f"Authorization: Bearer {key}"])

            arrivals: "queue.Queue[tuple[float, dict]]" = queue.Queue()
            secret_box: list = []
            hook = receiver(secret_box, arrivals)
            secret_box.append(dateline("webhook", "add", f"http://127.0.0.1:{hook.server_port}/hook",
                                       "--events", "update", "--data", data))
            contributor = call("GET", f"{base}/api/v1/contributors")["items"][0]["slug"]
            section = listing["items"][0]["section"]["slug"]
            article = {"headline": "Bench story", "section": section, "body": "A line.",
                       "contributors": [contributor]}
            made = call("POST", f"{base}/api/v1/articles", key, article)
            live = call("POST", f"{base}/api/v1/articles/{made['slug']}/publish", key, {"revision": made["revision"]})
            revision = live["revision"]
            latencies = []
            for n in range(EDITS):
                edit = {**article, "revision": revision, "headline": f"Bench story, edit {n + 1}"}
                saved = call("PUT", f"{base}/api/v1/articles/{made['slug']}", key, edit)
                answered = time.monotonic()
                revision = saved["revision"]
                arrived, event = arrivals.get(timeout=30)
                if event["article"]["revision"] != revision:
                    sys.exit(f"an unexpected delivery: {event}")
                latencies.append((arrived - answered) * 1000)
        except Exception:
            print((Path(tmp_name) / "server.log").read_text()[-3000:], file=sys.stderr)
            raise
        finally:
            server.terminate()
            server.wait(timeout=10)
            if hook:
                hook.shutdown()
    latencies.sort()
    median = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    section = f"""<!-- api:start -->
## The content API and webhooks

Command: `make bench-api` — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, release build,
narration workers off, the demo newsroom. wrk with 2 threads, 32 connections, 10 s, on loopback
(wrk shares the two cores with the server).

| request | requests/s | p99 latency |
|---|---|---|
| `GET /api/v1/articles` ({size:,} bytes), public: page cache | {public_list[0]:,.0f} | {public_list[1]} |
| `GET /api/v1/articles/{slug}`, public: page cache | {one[0]:,.0f} | {one[1]} |
| `GET /api/v1/articles` with an API key: never cached | {keyed[0]:,.0f} | {keyed[1]} |

Webhook delay, from the API's answer to an edit to the signed delivery's arrival at a receiver on
loopback ({EDITS} edits, one at a time): median {median:.0f} ms, p95 {p95:.0f} ms. Delivery workers poll
the outbox every 0.5 s when idle, which sets most of this.
<!-- api:end -->"""
    print(section)
    write_section("api", section)


if __name__ == "__main__":
    main()
