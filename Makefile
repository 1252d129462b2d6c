# Two entry points: `make run` (the main job on the seed articles) and `make test`
# (the full suite; `make test-fast` leaves out the tests marked slow).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test test-fast eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/kg build seeds/ --out out/

test: $(VENV)/.installed
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed
	$(BIN)/python -m pytest -m "not slow"

# Extraction quality against the team's hand-checked gold (needs ../shared beside the project):
# the scorer's full table for each gold file (people, organisations, roles, quote spans, attributed
# quotes; PolNeAR has quotes only, so its entity rows read zero), and agreement on the labelled corpus.
eval: $(VENV)/.installed
	@for gold in seeds polnear_dev; do \
	  $(BIN)/kg extract $(SHARED)/gold/$$gold.jsonl --out out/eval/$$gold.jsonl > /dev/null && \
	  echo "== $$gold" && $(BIN)/python $(SHARED)/eval/score.py $(SHARED)/gold/$$gold.jsonl out/eval/$$gold.jsonl; \
	done
	@echo "== agreement (tests/data/agreement_corpus.tsv)"
	@$(BIN)/python -m pytest -q -s tests/test_agreement_corpus.py -k accuracy | grep -v '^[.sF]*$$'

clean:
	rm -rf $(VENV) out

# Speed, memory and scale figures (not a test; takes a while: see benchmarks/extract.py).
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/extract.py --gold $(SHARED)/gold/polnear_dev.jsonl --articles $(or $(ARTICLES),1000)
