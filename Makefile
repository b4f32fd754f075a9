# kliping: make demo (set-up + the main job on the bundled sample), make test (set-up + all tests)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup servers demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Real servers some tests start on 127.0.0.1 (Debian packages). Tests that need one skip with a
# message when it is missing; as root this installs it.
servers:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) \
	      || echo "warning: could not install redis-server; the cluster tests will skip"; \
	  else echo "note: install redis-server (apt-get install redis-server) to run the cluster tests"; fi; }

demo: $(STAMP)
	$(BIN)/kliping demo --out data/demo

test: $(STAMP) servers
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP) servers
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/seen_set.py
	$(BIN)/python bench/reclean.py
	$(BIN)/python bench/distributed.py

clean:
	rm -rf data/demo .pytest_cache
