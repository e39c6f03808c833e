# `make serve` and `make test` do all set-up on a fresh machine: each creates .venv when missing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

LOCK_CMD := uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 \
	--python-platform x86_64-manylinux_2_28 --index-url https://pypi.org/simple --no-config \
	--output-file requirements/lock.txt

.PHONY: serve build site test review evaluate evaluate-all lock clean

# Installs exactly the hashed versions of requirements/lock.txt, then the package itself.
$(STAMP): pyproject.toml requirements/lock.txt requirements/pip.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --only-binary=:all: --require-hashes -r requirements/pip.txt
	$(BIN)/python -m pip install --quiet --only-binary=:all: --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

serve: $(STAMP)           ## build the pages and serve the site on http://127.0.0.1:8000
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(STAMP)           ## regenerate docs/ from seeds/
	$(BIN)/python -m generator build

site: $(STAMP)            ## build the static site into site/
	$(BIN)/mkdocs build --strict

test: $(STAMP)            ## run the test suite
	$(BIN)/python -m pytest

review: $(STAMP)          ## what the dossier's owner should check, with YAML to paste
	$(BIN)/python -m generator review

evaluate: $(STAMP)        ## score the seed pages against the gold annotations
	$(BIN)/python -m generator build --seeds seeds --docs docs --quiet || test $$? = 1
	$(BIN)/python ../shared/eval/score.py --gold ../shared/eval/gold/seeds.yml --docs docs

evaluate-all: $(STAMP)    ## score the seeds and every corpus of tests/ (one line each)
	bench/evaluate.sh

lock:                     ## refresh the hashed lock after editing pyproject.toml (needs uv)
	$(LOCK_CMD) --custom-compile-command '$(LOCK_CMD)'

clean:
	rm -rf site
