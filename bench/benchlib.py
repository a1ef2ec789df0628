"""What the benchmark scripts share: the release binary, a free loopback port,
plain GETs, waiting for a server, and wrk's throughput and p99."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

TARGET = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache/dateline/target"))
BIN = TARGET / "release/dateline"
READY_LIMIT = 120
WRK = ["wrk", "--threads", "2", "--latency"]


def require_bin() -> None:
    if not BIN.exists():
        sys.exit(f"{BIN} is missing: run `make build` first")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 30) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()


def wait_for(url: str) -> None:
    """Until `url` answers, or exits after READY_LIMIT seconds."""
    start = time.monotonic()
    while time.monotonic() - start < READY_LIMIT:
        try:
            get(url, timeout=5)
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{url} did not answer within {READY_LIMIT} s")


def stop(process: subprocess.Popen, grace: float = 30) -> None:
    """Asks a server to stop; kills it if it is still busy (narrating) after `grace` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def wrk(url: str, headers: list[str] = (), connections: int = 32, seconds: int = 10) -> tuple[float, str]:
    """(requests per second, p99 latency); exits if any answer failed."""
    args = WRK + ["--duration", f"{seconds}s", "--connections", str(connections)] + [a for h in headers for a in ("--header", h)] + [url]
    out = subprocess.run(args, capture_output=True, text=True, timeout=60, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        sys.exit(f"{url}: {errors.group(1)} failed responses:\n{out}")
    return rps, p99
