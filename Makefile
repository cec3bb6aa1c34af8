# The README's two commands (`make site`, `make test`) and what CI adds (`make lint`).
# Each target creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site site-properdocs site-zensical pages example example-properdocs example-zensical test lint serve rules-doc bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,lint]"
	touch $(STAMP)

site: $(STAMP)  ## build this repository's own site into site/, failing on any error
	$(BIN)/mkdocs build --strict

site-properdocs: $(STAMP)  ## the same site built by ProperDocs (it runs the plugin) into site-properdocs/
	$(BIN)/properdocs build --strict -f mkdocs.yml -d site-properdocs

pages: $(STAMP)  ## write the pages for generators without plugins into generated-docs/
	$(BIN)/decisions pages

site-zensical: pages  ## the same site built by Zensical from generated-docs/ into site-zensical/
	$(BIN)/zensical build --strict -f zensical.yml

example: $(STAMP)  ## build the demand-forecasting example into examples/demand-forecasting/site/
	$(BIN)/mkdocs build --strict -f examples/demand-forecasting/mkdocs.yml

example-properdocs: $(STAMP)  ## the example built by ProperDocs into examples/demand-forecasting/site-properdocs/
	$(BIN)/properdocs build --strict -f examples/demand-forecasting/mkdocs.yml -d site-properdocs

example-zensical: $(STAMP)  ## the example built by Zensical into examples/demand-forecasting/site-zensical/
	$(BIN)/decisions pages -f examples/demand-forecasting/mkdocs.yml
	$(BIN)/zensical build --strict -f examples/demand-forecasting/zensical.yml

test: $(STAMP)  ## run the whole test suite
	$(BIN)/pytest

lint: $(STAMP)  ## style and types, as CI runs them
	$(BIN)/ruff check plugin tests bench
	$(BIN)/ruff format --check plugin tests bench
	$(BIN)/mypy

serve: $(STAMP)
	$(BIN)/mkdocs serve

rules-doc: $(STAMP)  ## regenerate docs/reference/rules.md from the rule catalogue
	$(BIN)/python -m mkdocs_decisions.catalogue > docs/reference/rules.md

bench: $(STAMP)
	$(BIN)/python bench/build_time.py
