#!/usr/bin/env python3
"""Narration benchmark: real-time factors, the one-sentence edit, peak memory.

Measures, in one run on this machine:
  - Dateline's neural voice (Piper en_US-joe-medium via ONNX Runtime) on a
    ~1,000-word article, cold cache;
  - the same model driven by Python + onnxruntime, sentence by sentence,
    phonemised by the same espeak-ng program (the reference in DESIGN.md);
  - Dateline with eSpeak NG on the same article;
  - re-narrating after a one-sentence edit (warm cache);
  - peak resident memory of each Dateline run;
  - the neural voice, eSpeak NG and the reference on shorter articles, for a
    plot of narration time against article length (docs/plots/narration.svg).
Writes the figures into docs/BENCHMARKS.md (between the narration markers).

Run: make build && python3 bench/narration.py   (or: make bench-narration)
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from benchdoc import write_section
from benchlib import BIN
from plots import line_chart

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "crates/dateline/demo/content"
VOICES = Path(os.environ.get("DATELINE_VOICES", Path.home() / ".local/share/dateline/voices"))
VOICE = "en_US-joe-medium"
SOURCES = ["world/nyando-floods-displace-thousands.md", "business/mertola-solar-cooperative.md"]
EDIT_FROM = "The older people are the hardest."
# Shorter articles for the plot of narration time against length (the full one is the last point).
SWEEP = [100, 250, 500]


def body_of(md: str) -> str:
    return md.split("+++", 2)[2].strip()


def bench_article(limit: int = 1000) -> tuple[str, int]:
    """One article of about LIMIT words: whole paragraphs of two demo articles."""
    paragraphs = []
    for source in SOURCES:
        # Pictures are not read aloud (and their files are not in the bench folder).
        paragraphs += [p for p in body_of((DEMO / "articles" / source).read_text()).split("\n\n")
                       if p.strip() and not p.lstrip().startswith("![")]
    body, words = [], 0
    for p in paragraphs:
        if words >= limit:
            break
        body.append(p)
        words += len(p.split())
    front = (
        '+++\nheadline = "Benchmark: floods and a solar co-operative"\nslug = "bench"\n'
        'section = "world"\npublished = 2026-11-20T08:00:00Z\ncontributors = ["amara-osei"]\n+++\n\n'
    )
    return front + "\n\n".join(body) + "\n", words


def make_content(folder: Path, article: str) -> None:
    shutil.copy(DEMO / "sections.toml", folder / "sections.toml")
    (folder / "contributors").mkdir()
    shutil.copy(DEMO / "contributors/amara-osei.toml", folder / "contributors/amara-osei.toml")
    text = (folder / "contributors/amara-osei.toml").read_text()
    (folder / "contributors/amara-osei.toml").write_text(re.sub(r'(?m)^photo = .*\n', "", text))
    (folder / "articles").mkdir()
    (folder / "articles/bench.md").write_text(article)


def run(args: list[str]) -> tuple[float, int, str]:
    """Runs a command; returns (wall seconds, its own peak RSS in MB, output)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        child = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, text=True)
        # wait4 reports the resources of this child alone (RUSAGE_CHILDREN is a running maximum).
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        output = out.read()
    if child.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{output}")
    return wall, usage.ru_maxrss // 1024, output


def audio_seconds(report: str) -> float:
    m = re.search(r": (\d+) s of audio", report)
    if not m:
        sys.exit(f"cannot read the audio length from:\n{report}")
    return float(m.group(1))


def dateline_narrate(data: Path, config: Path) -> tuple[float, int, str]:
    return run([str(BIN), "narrate", "bench", "--data", str(data), "--config", str(config)])


# ---------------------------------------------------------------- reference --

def python_reference(article: str) -> tuple[float, float, int]:
    """Python + onnxruntime, sentence by sentence: (seconds, audio seconds, sentences)."""
    import numpy as np
    import onnxruntime as ort

    start = time.perf_counter()
    config = json.loads((VOICES / f"{VOICE}.onnx.json").read_text())
    session = ort.InferenceSession(str(VOICES / f"{VOICE}.onnx"), providers=["CPUExecutionProvider"])
    id_map = config["phoneme_id_map"]
    inference = config["inference"]
    scales = np.array([inference["noise_scale"], inference["length_scale"], inference["noise_w"]], dtype=np.float32)
    rate = config["audio"]["sample_rate"]
    voice = config["espeak"]["voice"]

    text = body_of(article)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?m)^[#>\-*|]+\s*", "", text).replace("—", ",")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.strip()]

    samples = 0
    for sentence in sentences:
        clauses = re.findall(r"[^,;:.!?]+[,;:.!?]?", sentence)
        phonemes = ""
        for clause in clauses:
            words, punct = (clause[:-1], clause[-1]) if clause[-1] in ",;:.!?" else (clause, "")
            if not words.strip():
                continue
            ipa = subprocess.run(["espeak-ng", "-q", "--ipa", "-v", voice], input=words, capture_output=True,
                                 text=True).stdout
            phonemes += " ".join(ipa.split()) + punct + " "
        ids = list(id_map["^"])
        for ch in unicodedata.normalize("NFD", phonemes.strip()):
            if ch in id_map:
                ids += id_map[ch] + id_map["_"]
        ids += id_map["$"]
        audio = session.run(None, {
            "input": np.array([ids], dtype=np.int64),
            "input_lengths": np.array([len(ids)], dtype=np.int64),
            "scales": scales,
        })[0]
        samples += audio.size
    return time.perf_counter() - start, samples / rate, len(sentences)


# -------------------------------------------------------------------- sweep --

def sweep_point(tmp: Path, limit: int, piper_cfg: Path, espeak_cfg: Path) -> tuple[int, float, float, float]:
    """(words, Dateline neural s, Dateline eSpeak s, reference s) for an article of about LIMIT words."""
    article, words = bench_article(limit)
    content, data = tmp / f"content-{limit}", tmp / f"data-{limit}"
    content.mkdir()
    make_content(content, article)
    run([str(BIN), "import", str(content), "--data", str(data)])
    piper_wall, _, _ = dateline_narrate(data, piper_cfg)
    shutil.rmtree(data / "narration-cache")
    espeak_wall, _, _ = dateline_narrate(data, espeak_cfg)
    py_wall, _, _ = python_reference(article)
    print(f"{words} words: neural {piper_wall:.1f} s, eSpeak {espeak_wall:.1f} s, reference {py_wall:.1f} s", flush=True)
    return words, piper_wall, espeak_wall, py_wall


# --------------------------------------------------------------------- main --

def main() -> dict:
    if not BIN.exists():
        sys.exit(f"{BIN} is missing: run `make build` first")
    article, words = bench_article()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content, data = tmp / "content", tmp / "data"
        content.mkdir()
        make_content(content, article)
        run([str(BIN), "import", str(content), "--data", str(data)])
        piper_cfg = tmp / "piper.toml"
        piper_cfg.write_text(f'[voice]\nthreads = {cores}\n[voice.languages]\nen = "piper:{VOICE}"\n')
        espeak_cfg = tmp / "espeak.toml"
        espeak_cfg.write_text('[voice.languages]\nen = "espeak:en-us"\n')

        piper_wall, piper_mb, piper_out = dateline_narrate(data, piper_cfg)
        piper_audio = audio_seconds(piper_out)
        same_wall, _, same_out = dateline_narrate(data, piper_cfg)

        edited = article.replace(EDIT_FROM, "The oldest people find it the hardest.", 1)
        if edited == article:
            sys.exit(f"the benchmark article lost the sentence to edit ('{EDIT_FROM}')")
        (content / "articles/bench.md").write_text(edited)
        run([str(BIN), "import", str(content), "--data", str(data)])
        edit_wall, _, edit_out = dateline_narrate(data, piper_cfg)
        if "(1 spoken now" not in edit_out:
            sys.exit(f"the edit did not re-synthesise exactly one sentence:\n{edit_out}")

        shutil.rmtree(data / "narration-cache")
        espeak_wall, espeak_mb, espeak_out = dateline_narrate(data, espeak_cfg)
        espeak_audio = audio_seconds(espeak_out)

        py_wall, py_audio, py_sentences = python_reference(article)
        points = [sweep_point(tmp, limit, piper_cfg, espeak_cfg) for limit in SWEEP]
        points.append((words, piper_wall, espeak_wall, py_wall))

    rtf = piper_wall / piper_audio
    py_rtf = py_wall / py_audio
    rows = [
        ("Dateline, neural voice (Piper en_US-joe-medium, cold cache)", f"{piper_wall:.1f} s", f"{piper_audio:.0f} s", f"{rtf:.3f}", f"{piper_mb} MB"),
        ("Python + onnxruntime, same model, sentence by sentence", f"{py_wall:.1f} s", f"{py_audio:.0f} s", f"{py_rtf:.3f}", "–"),
        ("Dateline, eSpeak NG (en-us, cold cache)", f"{espeak_wall:.1f} s", f"{espeak_audio:.0f} s", f"{espeak_wall / espeak_audio:.3f}", f"{espeak_mb} MB"),
        ("Dateline, neural voice, nothing changed (all cached)", f"{same_wall:.2f} s", f"{piper_audio:.0f} s", "–", "–"),
        ("Dateline, neural voice, one sentence edited", f"{edit_wall:.2f} s", f"{piper_audio:.0f} s", "–", "–"),
    ]
    table = "\n".join(f"| {' | '.join(r)} |" for r in rows)
    plot = line_chart("narration", "Narrating one article, whole command, cold cache", "words in the article",
                      "seconds", {
                          "Dateline, neural voice (Piper)": [(w, p) for w, p, _, _ in points],
                          "Python + onnxruntime, same model": [(w, r) for w, _, _, r in points],
                          "Dateline, eSpeak NG": [(w, e) for w, _, e, _ in points],
                      })
    sweep = "\n".join(f"| {w} | {p:.1f} s | {r:.1f} s | **{r / p:.2f}×** | {e:.1f} s |" for w, p, e, r in points)
    section = f"""<!-- narration:start -->
## Narration

Command: `make build && python3 bench/narration.py` — {time.strftime('%Y-%m-%d')}, {cores} cores.
A {words}-word article (two sample articles' bodies); every Dateline figure is the whole
`dateline narrate` command (process start, voice load, synthesis, MP3 encoding, storing).
The Python reference loads the same model with onnxruntime ({py_sentences} sentences, phonemised
by the same `espeak-ng`), in the same run.

| run | wall time | audio | real-time factor | peak memory |
|---|---|---|---|---|
{table}

Neural voice against the reference: **{py_rtf / rtf:.2f}×** its speed (higher is faster; target ≥ 1).
One-sentence edit re-narrated in **{edit_wall:.2f} s** (target < 1.5 s).

Narration time against article length (same run; the {words}-word article is the one above; wall
times, while the speed above compares real-time factors, as the two make slightly different audio
lengths from the same text):

| words | Dateline, neural | Python + onnxruntime | wall time, reference ÷ Dateline | Dateline, eSpeak NG |
|---|---|---|---|---|
{sweep}

![Narration time against article length]({plot})
<!-- narration:end -->"""
    print(section)
    write_section("narration", section)
    print("\nwritten to docs/BENCHMARKS.md")
    return {"speed": py_rtf / rtf, "edit": edit_wall}


if __name__ == "__main__":
    main()
