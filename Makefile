# argmap: `make demo` checks and draws the essay's map, `make test` runs the whole suite.
# Both set up what they need: a local .venv with argmap installed, Graphviz from Debian
# when `dot` is missing, and (for the browser tests) Debian's Chromium.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
MAP    := claims.yaml
OUT    := build
# root needs no sudo; everyone else does
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT    := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends

.PHONY: demo test lint typecheck unit graphviz chromium nodejs bench bench-commands bench-page clean corpora

demo: $(STAMP) graphviz
	$(PY) -m argmap check $(MAP)
	$(PY) -m argmap render $(MAP) -o $(OUT)/claims.dot
	$(PY) -m argmap render $(MAP) -o $(OUT)/claims.svg
	$(PY) -m argmap render $(MAP) -o $(OUT)/claims.png
	$(PY) -m argmap render $(MAP) -o $(OUT)/claims.pdf
	$(PY) -m argmap html $(MAP) -o $(OUT)/claims.html --evaluate grounded
	@echo "open $(OUT)/claims.png, $(OUT)/claims.pdf or $(OUT)/claims.html"

test: $(STAMP) graphviz chromium nodejs lint typecheck unit

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy src

# ARGMAP_NO_SKIP: a skipped test fails (make test installs everything the tests need).
unit: $(STAMP)
	ARGMAP_NO_SKIP=1 $(VENV)/bin/pytest -m "not corpus"

# Tests over real corpora, read in place from $(ARGMAP_CORPORA) (e.g. ../shared/corpora,
# which holds arg-microtexts/): every microtext imports, checks, renders and makes a page.
corpora: $(STAMP) graphviz
	@[ -n "$$ARGMAP_CORPORA" ] || { echo "make corpora: set ARGMAP_CORPORA to the folder that holds arg-microtexts/ (e.g. ARGMAP_CORPORA=../shared/corpora make corpora)"; exit 2; }
	ARGMAP_NO_SKIP=1 $(VENV)/bin/pytest -m corpus tests/test_corpus.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

graphviz:
	@command -v dot >/dev/null 2>&1 || { echo "installing Graphviz (Debian package graphviz)"; \
	  $(SUDO) apt-get update -q && $(APT) graphviz; }

# The browser tests drive Debian's Chromium through Playwright (never `playwright install`).
chromium:
	@[ -x /usr/bin/chromium ] || { echo "installing Chromium (Debian package chromium)"; \
	  $(SUDO) apt-get update -q && $(APT) chromium fonts-dejavu-core; }

# Node packages the exporter tests check their output with (Mermaid's own parser).
JS := tests/js
nodejs: $(JS)/node_modules/.installed
$(JS)/node_modules/.installed: $(JS)/package.json
	@command -v npm >/dev/null 2>&1 || { echo "installing Node.js (Debian packages nodejs npm)"; \
	  $(SUDO) apt-get update -q && $(APT) nodejs npm; }
	cd $(JS) && npm install --no-audit --no-fund --loglevel=error
	touch $@

# Benchmarks against the peers (each in its own virtualenv under build/bench-venvs/);
# writes benchmarks/results.md. `BENCH_QUICK=1 make bench` runs small sizes only.
bench: $(STAMP)
	bash benchmarks/setup_peers.sh
	$(PY) benchmarks/run.py
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/iccma.py
	$(MAKE) bench-commands
	$(MAKE) bench-page

# Every command on generated maps of 10^3..10^5 claims beside the bare parsers; writes its
# own section of benchmarks/results.md (`BENCH_QUICK=1`: 10^3 claims only, in build/).
bench-commands: $(STAMP) graphviz
	$(PY) -m pip install --quiet "rapidyaml>=0.15"  # measured beside the parsers (yaml-rs is a dependency)
	$(PY) benchmarks/commands.py

# The interactive page of 10^3 and 10^4 claims opened in Chromium: first paint, search,
# select; its own section at the end of benchmarks/results.md (run after bench-commands).
bench-page: $(STAMP) graphviz chromium
	$(PY) benchmarks/page.py

clean:
	rm -rf $(OUT) $(VENV) $(JS)/node_modules .pytest_cache .mypy_cache .ruff_cache test-artifacts

# Coverage-guided fuzzing (atheris) of the map loader and every importer, FUZZ_SECONDS
# each; fails on an exception other than a located ArgmapError, a hang (60 s per input)
# or a memory blow-up (2 GB). Not part of `make test`. Corpus and findings: build/fuzz/.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: $(STAMP)
	$(PY) -m pip install --quiet -e ".[fuzz]"
	for target in $$($(PY) -c "import sys; sys.path.insert(0, 'tests'); \
	    from fuzz.targets import TARGETS; print(*TARGETS)"); do \
	  echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  $(PY) tests/fuzz/run_fuzz.py $$target $(FUZZ_SECONDS) || exit 1; \
	done
