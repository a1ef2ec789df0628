"""Reads a /metrics answer the way a scraper does (prometheus_client's
OpenMetrics parser, strict about the format) and prints the samples as JSON,
for the Rust tests to check.

    python3 tests/python/read_metrics.py URL

Exits 1 when the answer is not valid OpenMetrics text, and 2 when
prometheus_client is missing (`make setup` installs it): never a silent pass.
"""

import json
import sys
import urllib.request

try:
    from prometheus_client.openmetrics.parser import text_string_to_metric_families
except ImportError:
    print("prometheus_client is not installed: run `make setup` (pip install prometheus-client==0.26.0)",
          file=sys.stderr)
    sys.exit(2)


def main(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        content_type = answer.headers.get("Content-Type", "")
        text = answer.read().decode("utf-8")
    try:
        families = list(text_string_to_metric_families(text))
    except ValueError as e:
        print(f"{url}: not valid OpenMetrics text: {e}\n{text}", file=sys.stderr)
        sys.exit(1)
    out = {
        "content_type": content_type,
        "families": {f.name: f.type for f in families},
        "samples": [
            {"name": s.name, "labels": s.labels, "value": s.value}
            for f in families for s in f.samples
        ],
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
