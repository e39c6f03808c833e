# `make serve` and `make test` do all set-up on a fresh machine: each creates .venv when missing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build site test evaluate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)           ## build the pages and serve the site on http://127.0.0.1:8000
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(STAMP)           ## regenerate docs/ from seeds/
	$(BIN)/python -m generator build

site: $(STAMP)            ## build the static site into site/
	$(BIN)/mkdocs build --strict

test: $(STAMP)            ## run the test suite
	$(BIN)/python -m pytest

evaluate: $(STAMP)        ## score the seed pages against the gold annotations
	$(BIN)/python -m generator build --seeds seeds --docs docs --quiet || test $$? = 1
	$(BIN)/python ../shared/eval/score.py --gold ../shared/eval/gold/seeds.yml --docs docs

clean:
	rm -rf site
