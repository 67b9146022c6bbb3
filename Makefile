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

# Dashboard assets: pinned npm packages copied into the package (built, not committed).
# Browser tests: Debian's chromium, installed only when missing and we are root.
VENDOR := src/eventwatch/web/static/vendor
NPM_DIR := build/npm/node_modules
NPM_PACKAGES := uplot@1.6.32 d3-array@3.2.4 d3-geo@3.1.2 topojson-client@3.1.0 world-atlas@2.0.2 \
                swagger-ui-dist@5.35.0

.PHONY: assets chromium serve bench-api clean-assets

assets: $(VENDOR)/.stamp

$(VENDOR)/.stamp: Makefile
	@command -v npm >/dev/null || { echo "npm not found: dashboard charts and map stay off (make assets)"; exit 0; }; \
	npm install --prefix build/npm --no-audit --no-fund --loglevel=error $(NPM_PACKAGES) && \
	mkdir -p $(VENDOR) && \
	cp $(NPM_DIR)/uplot/dist/uPlot.iife.min.js $(NPM_DIR)/uplot/dist/uPlot.min.css \
	   $(NPM_DIR)/d3-array/dist/d3-array.min.js $(NPM_DIR)/d3-geo/dist/d3-geo.min.js \
	   $(NPM_DIR)/topojson-client/dist/topojson-client.min.js \
	   $(NPM_DIR)/world-atlas/countries-110m.json \
	   $(NPM_DIR)/swagger-ui-dist/swagger-ui-bundle.js $(NPM_DIR)/swagger-ui-dist/swagger-ui.css \
	   $(VENDOR)/ && \
	cp $(NPM_DIR)/uplot/LICENSE $(VENDOR)/LICENSE.uplot && \
	cp $(NPM_DIR)/d3-geo/LICENSE $(VENDOR)/LICENSE.d3-geo && \
	cp $(NPM_DIR)/d3-array/LICENSE $(VENDOR)/LICENSE.d3-array && \
	cp $(NPM_DIR)/topojson-client/LICENSE $(VENDOR)/LICENSE.topojson-client && \
	cp $(NPM_DIR)/world-atlas/LICENSE $(VENDOR)/LICENSE.world-atlas && \
	cp $(NPM_DIR)/swagger-ui-dist/LICENSE $(VENDOR)/LICENSE.swagger-ui && \
	touch $@

chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	fi

demo: assets
test: assets chromium

serve: $(STAMP) assets
	test -f $(DEMO_DB) || $(BIN)/eventwatch run examples/ --db $(DEMO_DB)
	$(BIN)/eventwatch serve --db $(DEMO_DB)

bench-api: $(STAMP)
	$(BIN)/python bench/api.py

clean-assets:
	rm -rf $(VENDOR) build/npm
clean: clean-assets
