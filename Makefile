# Two entry points: `make run` (the main job on the seed articles) and `make test`
# (the full suite; `make test-fast` leaves out the tests marked slow).
SHELL  := bash
.SHELLFLAGS := -o pipefail -c  # a failing command before a pipe fails the target
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
# the real CLI (`kg extract`) on each gold file, then the shared scorer's full table (people,
# organisations, roles, quote spans, attributed quotes; PolNeAR has quotes only, so its entity rows
# read zero), and agreement on the labelled corpus. polnear_train (840 articles) takes ~10 minutes
# on one core the first time (EVAL_JOBS=2 to use two); the record cache, keyed on the code and
# word lists, makes an unchanged re-run fast.
EVAL_GOLD ?= seeds polnear_dev polnear_train
EVAL_JOBS ?= 1
eval: $(VENV)/.installed
	@mkdir -p out/eval
	@for gold in $(EVAL_GOLD); do \
	  $(BIN)/kg extract $(SHARED)/gold/$$gold.jsonl --out out/eval/$$gold.jsonl --jobs $(EVAL_JOBS) > /dev/null || exit 1; \
	done
	@for gold in $(EVAL_GOLD); do \
	  echo "== $$gold" && $(BIN)/python $(SHARED)/eval/score.py $(SHARED)/gold/$$gold.jsonl out/eval/$$gold.jsonl || exit 1; \
	done
	@echo "== agreement (tests/data/agreement_corpus.tsv)"
	@$(BIN)/python -m pytest -q -s tests/test_agreement_corpus.py -k accuracy | grep -v '^[.sF]*$$'

clean:
	rm -rf $(VENV) out

# Speed, memory and scale figures (not a test; takes a while: see benchmarks/extract.py).
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/extract.py --gold $(SHARED)/gold/polnear_dev.jsonl --articles $(or $(ARTICLES),1000)
