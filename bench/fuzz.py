#!/usr/bin/env python3
"""Runs each cargo-fuzz target (fuzz/) for a bounded time and reports
executions per second, corpus size, peak memory and crashes; writes the
figures to docs/BENCHMARKS.md.

    python3 bench/fuzz.py [--seconds 60] [--no-doc] [TARGET ...]

Each target starts from its committed seeds (fuzz/seeds/TARGET/) plus the
corpus earlier runs grew (fuzz/corpus/TARGET/, not committed). A crash stops
that target; its input is in fuzz/artifacts/TARGET/. Make it a regression:
copy it to fuzz/regressions/TARGET/ (the crate's tests/fuzz_regressions.rs
replays that folder), then fix the code.
"""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdoc import write_section  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"
TARGETS = ["markdown", "front_matter", "normalize", "images"]
# Bounds for every run: memory (the image pipeline's own limits sit well
# below), one input's time, and the input size (bodies and files of this size
# exercise every path; larger ones only slow the search).
LIBFUZZER_FLAGS = ["-rss_limit_mb=2560", "-malloc_limit_mb=1024", "-timeout=20", "-max_len=65536"]


def files(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.is_file()) if folder.is_dir() else 0


def run(target: str, seconds: int) -> dict:
    corpus, seeds, artifacts = FUZZ / "corpus" / target, FUZZ / "seeds" / target, FUZZ / "artifacts" / target
    corpus.mkdir(parents=True, exist_ok=True)
    before_crashes = set(artifacts.iterdir()) if artifacts.is_dir() else set()
    before = files(corpus)
    command = ["cargo", "+nightly", "fuzz", "run", target, str(corpus), str(seeds), "--",
               f"-max_total_time={seconds}", "-print_final_stats=1", *LIBFUZZER_FLAGS]
    print(f"fuzz: {target} for {seconds} s", flush=True)
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    elapsed = time.monotonic() - started
    log = done.stdout
    (FUZZ / "artifacts").mkdir(exist_ok=True)
    (FUZZ / "artifacts" / f"{target}.log").write_text(log)
    stat = lambda name: int(m.group(1)) if (m := re.search(rf"stat::{name}:\s+(\d+)", log)) else None  # noqa: E731
    crashes = sorted(p.name for p in (set(artifacts.iterdir()) if artifacts.is_dir() else set()) - before_crashes)
    if done.returncode != 0 and not crashes:
        tail = "\n".join(log.splitlines()[-30:])
        raise SystemExit(f"fuzz: {target} failed to run (exit {done.returncode}):\n{tail}")
    result = {
        "target": target,
        "seconds": seconds,
        "execs": stat("number_of_executed_units"),
        "per_sec": stat("average_exec_per_sec"),
        "corpus_before": before,
        "corpus_after": files(corpus),
        "rss_mb": stat("peak_rss_mb"),
        "crashes": crashes,
        "elapsed": elapsed,
    }
    print(
        f"fuzz: {target}: {result['execs']} execs, {result['per_sec']}/s, corpus {before} → {result['corpus_after']}, "
        f"peak {result['rss_mb']} MB, crashes: {', '.join(crashes) or 'none'}",
        flush=True,
    )
    for name in crashes:
        print(f"fuzz:   {artifacts / name}  (log: fuzz/artifacts/{target}.log)")
    return result


def section(results: list, seconds: int) -> str:
    rows = "\n".join(
        f"| `{r['target']}` | {r['seconds']} | {r['execs']:,} | {r['per_sec']:,} | {r['corpus_before']} → {r['corpus_after']} "
        f"| {r['rss_mb']} | {', '.join(r['crashes']) or 'none'} |"
        for r in results
    )
    return f"""<!-- fuzz:start -->
## Fuzzing

`make bench-fuzz` (`python3 bench/fuzz.py --seconds {seconds}`): each cargo-fuzz target
(libFuzzer, AddressSanitizer, debug assertions and overflow checks on) for a bounded
time on the 2-core machine, starting from the committed seeds plus the corpus of earlier
runs (the corpus column counts only what runs kept, not the seeds). Peak RSS includes the
sanitizer's shadow memory. The image target takes every input through the header checks
and the full decode, and pictures up to 1 megapixel through the whole pipeline.

| target | seconds | inputs run | per second | corpus kept (before → after) | peak RSS (MB) | crashes |
|---|---:|---:|---:|---|---:|---|
{rows}

Targets: `markdown` (Markdown → sanitised HTML; nothing a browser could run may come
out), `front_matter` (an article file as the importer reads it: TOML front matter, slugs,
language, times, body), `normalize` (the speech normaliser in English and Swahili;
output at most 32 bytes per input byte + 256), `images` (the image pipeline from the
header checks through decoding, EXIF orientation and re-encoding). Crashes become
regression inputs in `fuzz/regressions/<target>/`, replayed by the normal test suite.
<!-- fuzz:end -->"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "60")))
    parser.add_argument("--no-doc", action="store_true", help="print only; leave docs/BENCHMARKS.md alone")
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=f"some of: {' '.join(TARGETS)} (default: all)")
    args = parser.parse_args()
    targets = args.targets or TARGETS
    if unknown := [t for t in targets if t not in TARGETS]:
        parser.error(f"unknown targets {unknown}; choose from {TARGETS}")
    build = subprocess.run(["cargo", "+nightly", "fuzz", "build"], cwd=ROOT)
    if build.returncode != 0:
        raise SystemExit("fuzz: the targets did not build (make setup-fuzz installs nightly and cargo-fuzz)")
    results = [run(t, args.seconds) for t in targets]
    if not args.no_doc:
        write_section("fuzz", section(results, args.seconds))
        print("fuzz: wrote docs/BENCHMARKS.md")
    if any(r["crashes"] for r in results):
        raise SystemExit("fuzz: crashes found (see above)")


if __name__ == "__main__":
    main()
