#!/usr/bin/env python3
"""Writes N articles as a Dateline content folder (docs/CONTENT.md) for the
export and memory benchmarks, and the same content as a Hugo site.

The text is made here by code from small word lists (no copied prose): each
article has 600–900 words in paragraphs, a subheading or two and a quotation,
spread over six sections, twelve contributors and a year of dates. No images,
so the import stays fast. Deterministic: the same N gives the same folder.

    python3 bench/generate_articles.py N CONTENT_DIR [--hugo HUGO_DIR]
"""

import argparse
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

SECTIONS = [
    ("world", "World"),
    ("business", "Business"),
    ("climate", "Climate"),
    ("culture", "Culture"),
    ("science", "Science"),
    ("sport", "Sport"),
]
FIRST = ["Amina", "Kofi", "Leila", "Mateo", "Nadia", "Oskar", "Priya", "Rafael", "Sana", "Tomas", "Wanjiru", "Yusuf"]
LAST = ["Achieng", "Baptiste", "Chowdhury", "Delgado", "Eriksen", "Fofana", "Gathoni", "Haddad", "Ivanova", "Jansen", "Kamau", "Lindqvist"]
PLACES = ["Kisumu", "Accra", "Dakar", "Bogotá", "Tbilisi", "Jakarta", "Lamu", "Mindelo", "Tamale", "Walvis Bay", "Delhi", "Mértola"]
SUBJECTS = ["the council", "farmers", "the port authority", "teachers", "fishing crews", "the ministry", "residents",
            "engineers", "the cooperative", "young voters", "market traders", "health workers"]
VERBS = ["announced", "questioned", "approved", "delayed", "welcomed", "criticised", "measured", "extended",
         "reviewed", "funded", "rebuilt", "opened"]
OBJECTS = ["a new water plan", "the road budget", "a solar scheme", "the harbour works", "school meals",
           "a seed bank", "the flood barriers", "night buses", "a radio archive", "clinic hours",
           "the market roof", "a training course"]
TAILS = ["after months of talks", "despite the rain", "before the season starts", "for the third year running",
         "with support from donors", "at a crowded meeting", "in a statement on Tuesday", "amid rising costs",
         "under pressure from residents", "ahead of the elections"]
LINKS = ["Officials said", "Critics argued", "Figures show", "Local people say", "The report found",
         "According to the agency,", "Supporters noted", "Observers expect"]
DETAILS = ["costs have risen by a third", "the work will take two years", "more than 4,000 households are affected",
           "the first phase is already complete", "the money arrives in instalments", "demand has doubled since 2020",
           "several villages still wait for a connection", "the plan depends on the weather"]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        s = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
    else:
        s = f"{rng.choice(LINKS)} {rng.choice(DETAILS)}, and {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    return s


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def body(rng: random.Random) -> str:
    target = rng.randint(600, 900)
    parts, words = [], 0
    while words < target:
        if parts and rng.random() < 0.08:
            parts.append(f"## {rng.choice(OBJECTS).capitalize()}")
        elif parts and rng.random() < 0.06:
            parts.append(f"> {sentence(rng)}\n>\n> — {rng.choice(FIRST)} {rng.choice(LAST)}, {rng.choice(SUBJECTS)}")
        else:
            p = paragraph(rng)
            parts.append(p)
            words += len(p.split())
    return "\n\n".join(parts) + "\n"


def contributors() -> list[tuple[str, str]]:
    return [(f"{f.lower()}-{l.lower()}", f"{f} {l}") for f, l in zip(FIRST, LAST)]


def articles(n: int):
    rng = random.Random(20261124)
    start = datetime(2025, 11, 1, 6, 0, tzinfo=timezone.utc)
    people = contributors()
    for i in range(n):
        section = SECTIONS[i % len(SECTIONS)]
        place = rng.choice(PLACES)
        headline = f"{place}: {rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        yield {
            "slug": f"story-{i + 1:05d}",
            "headline": f"{headline} ({i + 1})",
            "dek": sentence(rng),
            "section": section,
            "dateline": place.upper(),
            "published": start + timedelta(minutes=(i * 525_600 // max(n, 1))),
            "contributors": [p[0] for p in rng.sample(people, rng.choice([1, 1, 2]))],
            "body": body(rng),
        }


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_dateline(n: int, root: Path) -> None:
    (root / "contributors").mkdir(parents=True, exist_ok=True)
    (root / "sections.toml").write_text(
        "".join(f'[[section]]\nslug = "{slug}"\nname = "{name}"\nlanguage = "en"\n\n' for slug, name in SECTIONS)
    )
    for slug, name in contributors():
        (root / "contributors" / f"{slug}.toml").write_text(
            f'slug = "{slug}"\nname = "{name}"\nkind = "person"\nbio = "{name} reports for the benchmark desk."\n'
        )
    for a in articles(n):
        folder = root / "articles" / a["section"][0]
        folder.mkdir(parents=True, exist_ok=True)
        front = (
            f"headline = {toml_str(a['headline'])}\ndek = {toml_str(a['dek'])}\nslug = \"{a['slug']}\"\n"
            f"section = \"{a['section'][0]}\"\ndateline = \"{a['dateline']}\"\n"
            f"published = {a['published'].strftime('%Y-%m-%dT%H:%M:%SZ')}\n"
            f"contributors = [{', '.join(toml_str(c) for c in a['contributors'])}]\n"
        )
        (folder / f"{a['slug']}.md").write_text(f"+++\n{front}+++\n\n{a['body']}")


def write_hugo(n: int, root: Path) -> None:
    """The same articles as Hugo content (root/content, sections as Hugo sections); the Hugo
    sites that build it are bench/hugo_sites.py's."""
    for slug, name in SECTIONS:
        (root / "content" / slug).mkdir(parents=True, exist_ok=True)
        (root / "content" / slug / "_index.md").write_text(f"+++\ntitle = {toml_str(name)}\n+++\n")
    for a in articles(n):
        front = (
            f"title = {toml_str(a['headline'])}\ndek = {toml_str(a['dek'])}\nslug = \"{a['slug']}\"\n"
            f"dateline = \"{a['dateline']}\"\ndate = {a['published'].strftime('%Y-%m-%dT%H:%M:%SZ')}\n"
            f"contributors = [{', '.join(toml_str(c) for c in a['contributors'])}]\n"
        )
        (root / "content" / a["section"][0] / f"{a['slug']}.md").write_text(f"+++\n{front}+++\n\n{a['body']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("content", type=Path)
    parser.add_argument("--hugo", type=Path)
    args = parser.parse_args()
    write_dateline(args.n, args.content)
    if args.hugo:
        write_hugo(args.n, args.hugo)


if __name__ == "__main__":
    main()
