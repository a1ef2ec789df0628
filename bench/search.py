#!/usr/bin/env python3
"""Search: index time and query latency for generated articles.

Runs the `search_bench` example of the search crate (a temporary index, no
network, bounded) and writes its section into docs/BENCHMARKS.md.

Run: make bench-search
"""

import subprocess
import sys

from benchdoc import write_section


def main() -> None:
    out = subprocess.run(["cargo", "run", "-q", "-p", "dateline-search", "--example", "search_bench"],
                         capture_output=True, text=True, timeout=1800)
    if out.returncode != 0:
        sys.exit(out.stderr)
    section = out.stdout.strip()
    print(section)
    write_section("search", section)


if __name__ == "__main__":
    main()
