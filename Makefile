# make demo: create .venv, install pinned dependencies, code the bundled examples, print TUR–RUS.
# make test: create .venv, lint, run the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= demo.duckdb

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/eventwatch run examples/ --db $(DEMO_DB) --workers 2
	$(BIN)/eventwatch dyad TUR RUS --db $(DEMO_DB) --by year

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .ruff_cache
