# Two entry points: `make run` (the main job on the seed articles) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test eval clean

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

eval: $(VENV)/.installed
	$(BIN)/kg extract $(SHARED)/seeds --out out/eval/seeds.jsonl
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/gold/seeds.jsonl out/eval/seeds.jsonl

clean:
	rm -rf $(VENV) out
