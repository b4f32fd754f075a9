# kliping: make demo (core install + the main job on the bundled sample), make test (every extra +
# all tests)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two installs, two stamps: the demo needs the core install only (`pip install -e .`); the tests,
# lint and benchmarks need every extra (`.[dev]`, which includes the core). A demo-only venv is
# upgraded by `make test`; a full one satisfies `make demo` (the dev rule touches both stamps).
STAMP_CORE := $(VENV)/.installed-core
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: setup servers demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_CORE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP_CORE)

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP_DEV) $(STAMP_CORE)

setup: $(STAMP_DEV)

# Real servers some tests start on 127.0.0.1 (Debian packages). Tests that need one skip with a
# message when it is missing; as root this installs it.
servers:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) \
	      || echo "warning: could not install redis-server; the cluster tests will skip"; \
	  else echo "note: install redis-server (apt-get install redis-server) to run the cluster tests"; fi; }

demo: $(STAMP_CORE)
	$(BIN)/kliping demo --out data/demo

test: $(STAMP_DEV) servers
	$(BIN)/python -m pytest -q

lint: $(STAMP_DEV)
	$(BIN)/ruff check .

bench: $(STAMP_DEV) servers
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/rewrites.py
	$(BIN)/python bench/seen_set.py
	$(BIN)/python bench/reclean.py
	$(BIN)/python bench/distributed.py
	$(BIN)/python bench/chaos.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/warc.py

clean:
	rm -rf data/demo .pytest_cache
