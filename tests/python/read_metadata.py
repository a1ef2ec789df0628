"""Extracts a page's structured data the way search engines and link
previews read it (extruct: JSON-LD, OpenGraph) and prints it as JSON for
the Rust tests to check.

    python3 tests/python/read_metadata.py URL

Exits 2 when extruct is missing (`make setup` installs it).
"""

import json
import sys
import urllib.request

try:
    import extruct
except ImportError:
    print("extruct is not installed: run `make setup`", file=sys.stderr)
    sys.exit(2)


def main(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        html = response.read().decode("utf-8")
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True)
    json.dump(data, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
