"""Reads an RSS or Atom feed the way feed readers do (feedparser, the parser
most of them build on) and prints what it understood as JSON, for the Rust
tests to check. (feedparser 6 does not read JSON Feed; the Rust tests check
that format against its specification's rules themselves.)

    python3 tests/python/read_feed.py URL

Exits 1 with the parser's complaint when the feed is not well-formed, and 2
when feedparser is missing (`make setup` installs it): never a silent pass.
"""

import json
import sys

try:
    import feedparser
except ImportError:
    print("feedparser is not installed: run `make setup` (pip install feedparser==6.0.14)", file=sys.stderr)
    sys.exit(2)


def main(url):
    parsed = feedparser.parse(url)
    if parsed.bozo:
        print(f"{url}: not a well-formed feed: {parsed.bozo_exception!r}", file=sys.stderr)
        sys.exit(1)
    feed = parsed.feed
    out = {
        "version": parsed.version,
        "status": parsed.get("status"),
        "title": feed.get("title"),
        "link": feed.get("link"),
        "self": next((l["href"] for l in feed.get("links", []) if l.get("rel") == "self"), None),
        "language": feed.get("language"),
        "entries": [
            {
                "title": e.get("title"),
                "link": e.get("link"),
                "id": e.get("id"),
                "published": e.get("published"),
                "updated": e.get("updated"),
                "authors": [a.get("name") for a in e.get("authors", [])],
                "summary": e.get("summary"),
                "content": [c.get("value") for c in e.get("content", [])],
                "tags": [t.get("term") for t in e.get("tags", [])],
                "enclosures": [
                    {"href": x.get("href"), "type": x.get("type"), "length": x.get("length")}
                    for x in e.get("enclosures", [])
                ],
            }
            for e in parsed.entries
        ],
    }
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
