# argmap: `make demo` renders the essay's map, `make test` runs the whole suite.
# Both set up what they need: a local .venv, and Graphviz from Debian when `dot` is missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
MAP    := claims.yaml
OUT    := build

.PHONY: demo test lint typecheck unit graphviz chromium clean bench

demo: $(STAMP) graphviz
	$(PY) -m argmap check $(MAP)
	$(PY) -m argmap render $(MAP) -o $(OUT)/claims.dot
	$(PY) -m argmap render $(MAP) -o $(OUT)/claims.svg
	$(PY) -m argmap render $(MAP) -o $(OUT)/claims.png
	$(PY) -m argmap render $(MAP) -o $(OUT)/claims.pdf

test: $(STAMP) graphviz lint typecheck unit

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests

typecheck: $(STAMP)
	$(VENV)/bin/mypy src

unit: $(STAMP)
	$(VENV)/bin/pytest

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Graphviz from Debian when `dot` is missing (sudo only when not root).
graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "installing Graphviz (Debian package graphviz)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q graphviz; }

clean:
	rm -rf $(OUT) $(VENV) .pytest_cache .mypy_cache .ruff_cache
