#!/usr/bin/env python3
"""`dateline export` against Hugo building the same articles, in the same run.

For 1,000 and 10,000 generated articles (bench/generate_articles.py: own text,
600-900 words, six sections, twelve contributors, no images), times a fresh
`dateline export` of the imported data folder and fresh `hugo` builds of the
same Markdown as two Hugo sites (bench/hugo_sites.py: one with Dateline's
outputs, one minimal), each best of RUNS; then one article's headline is changed (by
importing that one file again) and the re-export is timed. Release build;
Debian's hugo. Writes the figures into docs/BENCHMARKS.md.

Run: make bench-export  (installs hugo, builds, runs this)
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from benchdoc import write_section
import hugo_sites
from corpus import BIN, prepare

# Where the outputs go: memory (tmpfs), where the time is the programs' own; a new ext4 file system
# made by mkfs.ext4's defaults (journal on, as a Debian install makes it) on a loop device, where
# nothing was ever deleted; and this machine's own disk as found (ext4 without a journal, where
# creating ~22,000 files and folders costs more than rendering them, and that cost swings with
# what else was deleted in the last minutes: ext4 without a journal skips recently freed inodes).
LOCATIONS = [("memory", "/dev/shm"), ("new ext4", "loop"), ("disk", None)]
EXT4_IMAGE_GB = 12
SIZES = [int(n) for n in os.environ.get("EXPORT_SIZES", "1000,10000").split(",")]
RUNS = 3
BASE = "https://news.example"


def timed(cmd: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user + system), peak memory (MB) and output of CMD."""
    start = time.monotonic()
    with tempfile.TemporaryFile("w+") as out:
        child = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, text=True)
        # wait4 reports this child's own resources (RUSAGE_CHILDREN's peak is a running maximum).
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - start
        out.seek(0)
        printed = out.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{printed}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, printed


def files_in(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def hugo_version() -> str:
    out = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=True).stdout
    m = re.search(r"v(\d+\.\d+\.\d+)", out)
    return m.group(1) if m else out.strip()


def one_edit(content: Path, data: Path, tmp: Path) -> None:
    """Changes the newest article's headline by importing that one file again."""
    edit = tmp / "edit"
    shutil.rmtree(edit, ignore_errors=True)
    shutil.copytree(content, edit, ignore=shutil.ignore_patterns("articles"))
    newest = sorted((content / "articles").rglob("*.md"))[-1]
    target = edit / "articles" / newest.name
    target.parent.mkdir(parents=True)
    text = newest.read_text()
    # A new headline every run (the data folder is kept between runs).
    target.write_text(text.replace('headline = "', f'headline = "Updated {time.time():.0f}: ', 1))
    subprocess.run([str(BIN), "import", str(edit), "--data", str(data)], check=True, timeout=600,
                   stdout=subprocess.DEVNULL)


def measure(n: int, tmp: Path) -> dict:
    content, hugo, data = prepare(n)
    sites = {name: hugo_sites.write(name, hugo) for name in hugo_sites.SITES}
    tools = {
        "dateline": lambda out: [str(BIN), "export", str(out), "--data", str(data), "--base-url", BASE],
        **{name: (lambda out, site=site: ["hugo", "--quiet", "--source", str(site), "--destination", str(out)])
           for name, site in sites.items()},
    }
    times: dict[str, list[float]] = {name: [] for name in tools}
    cpu: dict[str, list[float]] = {name: [] for name in tools}
    peak: dict[str, int] = {name: 0 for name in tools}
    outs: dict[str, Path] = {}
    # Every run writes into a new folder and nothing is deleted until all runs are done: ext4 skips
    # inodes freed in the last minutes when it allocates new ones, so a build right after deleting
    # the previous one pays for the deletion (half of both tools' time in perf, here).
    for run in range(RUNS):
        order = list(tools)[run % len(tools):] + list(tools)[:run % len(tools)]
        for name in order:
            outs[name] = tmp / f"{name}-{n}-{run}"
            seconds, cpu_seconds, mb, printed = timed(tools[name](outs[name]))
            times[name].append(seconds)
            cpu[name].append(cpu_seconds)
            peak[name] = max(peak[name], mb)
            if name == "dateline":
                exported = printed.strip()
    best = {name: min(t) for name, t in times.items()}
    print(f"{n}: " + ", ".join(f"{name} {s:.2f} s ({min(cpu[name]):.2f} s CPU)" for name, s in best.items())
          + f" ({exported})", flush=True)
    one_edit(content, data, tmp)
    out = outs["dateline"]
    again, _, _, printed = timed([str(BIN), "export", str(out), "--data", str(data), "--base-url", BASE])
    written = re.search(r"(\d+) written, (\d+) unchanged", printed)
    print(f"{n}: re-export after one edit {again:.2f} s ({printed.strip()})", flush=True)
    row = {
        "n": n,
        "best": best,
        "cpu": {name: min(t) for name, t in cpu.items()},
        "peak": peak,
        "files": {name: files_in(path) - (1 if name == "dateline" else 0) for name, path in outs.items()},
        "again": again,
        "rewritten": written.group(1) if written else "?",
        "bytes": sum(f.stat().st_size for f in out.rglob("*") if f.is_file()),
    }
    # Nothing is deleted until every size is done (the folder goes as a whole): a deletion now would
    # slow the next size's builds on ext4 without a journal.
    return row


@contextmanager
def location(parent: str | None):
    """A folder for the outputs: under PARENT, or on a new ext4 file system when PARENT is "loop"."""
    if parent != "loop":
        with tempfile.TemporaryDirectory(dir=parent) as folder:
            yield Path(folder)
        return
    with tempfile.TemporaryDirectory(dir="/var/tmp") as holder:
        image, mount = Path(holder) / "ext4.img", Path(holder) / "mnt"
        mount.mkdir()
        subprocess.run(["truncate", "-s", f"{EXT4_IMAGE_GB}G", str(image)], check=True)
        subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], check=True)
        mounted = subprocess.run(["mount", "-o", "loop", str(image), str(mount)], capture_output=True, text=True)
        if mounted.returncode != 0:
            sys.exit(f"cannot mount a new ext4 file system (this benchmark needs root and loop devices):\n"
                     f"{mounted.stderr}")
        try:
            yield mount
        finally:
            subprocess.run(["umount", str(mount)], check=True)


def main() -> dict:
    if shutil.which("hugo") is None:
        sys.exit("hugo is missing: run `make bench-export`, which installs it")
    rows = []
    for where, parent in LOCATIONS:
        with location(parent) as folder:
            rows += [{**measure(n, folder), "where": where} for n in SIZES]
    table = "\n".join(
        f"| {r['n']:,} | {r['where']} | {r['best']['dateline']:.2f} s ({r['files']['dateline']:,} files, {r['bytes'] / 1e6:.0f} MB) "
        f"| {r['best']['equivalent']:.2f} s ({r['files']['equivalent']:,} files) "
        f"| **{r['best']['dateline'] / r['best']['equivalent']:.2f}×** "
        f"| {r['best']['minimal']:.2f} s ({r['files']['minimal']:,} files) "
        f"| **{r['best']['dateline'] / r['best']['minimal']:.2f}×** "
        f"| {r['cpu']['dateline'] / r['cpu']['equivalent']:.2f}× / {r['cpu']['dateline'] / r['cpu']['minimal']:.2f}× "
        f"| {r['again']:.2f} s ({r['rewritten']} files rewritten) |"
        for r in rows
    )
    memory = "\n".join(
        f"| {r['n']:,} | {r['where']} | {r['peak']['dateline']} MB | {r['peak']['equivalent']} MB | {r['peak']['minimal']} MB "
        f"| **{r['peak']['dateline'] / r['peak']['equivalent']:.2f}×** |"
        for r in rows
    )
    def worst(where: str, peer: str) -> float:
        return max(r["best"]["dateline"] / r["best"][peer] for r in rows if r["where"] == where)

    verdicts = {
        where: ("met" if worst(where, "equivalent") <= 0.5 else "**not met**") for where, _ in LOCATIONS
    }
    section = f"""<!-- export:start -->
## Static export against Hugo

Command: `make bench-export` — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, release build,
Hugo {hugo_version()} (Debian). The same generated articles (600–900 words, six sections, twelve
contributors, no images) exported by `dateline export` from an imported data folder and built by
`hugo` from the same Markdown, as two Hugo sites (bench/hugo_sites.py):

- **equivalent** — the outputs Dateline writes: article pages with OpenGraph and JSON-LD, a lite
  twin of every article, section and the home page, RSS, Atom, JSON Feed and a podcast feed for the
  site and each section, paged contributor pages with their three feeds, full-content feeds of 30
  items, a search index, sitemap, robots.txt and a 404 page — about as many files as Dateline;
- **minimal** — article pages, section lists paged by 20 and RSS: about half the files.

Every size is measured in three places: in memory (tmpfs, `/dev/shm`), where the time is the
programs' own; on a **new ext4** file system made by `mkfs.ext4` with its defaults (journal on, as
a Debian install makes it) on a loop device, where nothing was ever deleted; and on this machine's
own **disk** as found (ext4 *without* a journal). Times are wall-clock, best of {RUNS}; the CPU-time
ratio (user + system, best of {RUNS}) is given too, as it is less disturbed by other work on the
machine. Each run writes into a new folder, the three tools in rotating order; nothing is deleted
until every size is done. On ext4 without a journal, allocating an inode skips every inode freed in
the last half minute (five and a half while its block is unwritten), checking each one: a build
right after deleting an earlier build spent half its time there in perf, Hugo and Dateline alike,
so the last row swings with whatever the machine deleted minutes before. Re-export: one article's
headline changed, then `dateline export` into
the same folder (only files whose bytes changed are written).

| articles | written to | Dateline export | Hugo, equivalent site | ratio | Hugo, minimal site | ratio | CPU time ratio (equivalent / minimal) | re-export after one edit |
|---|---|---|---|---|---|---|---|---|
{table}

Peak memory (resident, the largest of the runs):

| articles | written to | Dateline export | Hugo, equivalent site | Hugo, minimal site | Dateline / equivalent |
|---|---|---|---|---|---|
{memory}

Target: Dateline ≤ 0.5× Hugo's time building the same site. In memory, where the time is the
programs' own: {verdicts["memory"]}, at most {worst("memory", "equivalent"):.2f}× the equivalent site
(and at most {worst("memory", "minimal"):.2f}× the minimal one, which builds about half as much). On a
new ext4 file system: {verdicts["new ext4"]}, at most {worst("new ext4", "equivalent"):.2f}×
({worst("new ext4", "minimal"):.2f}× the minimal site). On this machine's disk as found:
{verdicts["disk"]}, at most {worst("disk", "equivalent"):.2f}× ({worst("disk", "minimal"):.2f}× the minimal
site). On disk much of both programs' time is the kernel making about 22,000 files and as many
folders, which costs both the same; there the ratio tends towards 1 as that cost grows. Dateline's own time is rendering,
link rewriting and hashing; it reads the data folder once (a `SnapshotStore` loaded in one read
transaction, corrections included and lists indexed by section and contributor, so no page makes
a query) and its workers share one queue of
URLs (no task, and no thread wake-up, per page). History: 1.69× and 1.23× the minimal site when
every page asked SQLite about ten small questions; 0.74–0.97× after the snapshot, measured on disk
right after deleting the previous output.
Timings vary by ±30% here: the two cores are shared with other builds; compare the ratios.
<!-- export:end -->"""
    print(section)
    write_section("export", section)
    return {
        "ratio": worst("memory", "equivalent"),
        "ratio_minimal": worst("memory", "minimal"),
        "ratio_ext4": worst("new ext4", "equivalent"),
        "ratio_disk": worst("disk", "equivalent"),
        "memory_ratio": max(r["peak"]["dateline"] / r["peak"]["equivalent"] for r in rows),
    }


if __name__ == "__main__":
    main()
