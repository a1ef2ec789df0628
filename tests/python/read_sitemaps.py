"""Reads a site's sitemaps the way crawlers do, starting from its robots.txt,
with ultimate-sitemap-parser, and prints what it found as JSON for the Rust
tests to check.

    python3 tests/python/read_sitemaps.py BASE_URL

Exits 2 when the parser is missing (`make setup` installs it).
"""

import json
import sys

try:
    from usp.objects.sitemap import InvalidSitemap
    from usp.tree import sitemap_tree_for_homepage
except ImportError:
    print("ultimate-sitemap-parser is not installed: run `make setup`", file=sys.stderr)
    sys.exit(2)


def walk(sitemap, out):
    entry = {"url": sitemap.url, "kind": type(sitemap).__name__}
    if isinstance(sitemap, InvalidSitemap):
        entry["invalid"] = sitemap.reason
    out.append(entry)
    for sub in getattr(sitemap, "sub_sitemaps", []):
        walk(sub, out)


def main(base):
    tree = sitemap_tree_for_homepage(base, use_known_paths=False)
    sitemaps = []
    walk(tree, sitemaps)
    pages = []
    for page in tree.all_pages():
        story = page.news_story
        pages.append(
            {
                "url": page.url,
                "last_modified": page.last_modified.isoformat() if page.last_modified else None,
                "news": None
                if story is None
                else {
                    "title": story.title,
                    "published": story.publish_date.isoformat() if story.publish_date else None,
                    "publication": story.publication_name,
                    "language": story.publication_language,
                },
            }
        )
    json.dump({"sitemaps": sitemaps, "pages": pages}, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
