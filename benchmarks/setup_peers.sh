#!/usr/bin/env bash
# Create one virtualenv per peer under build/bench-venvs/ and install it from PyPI.
# A peer that fails to install gets a FAILED file with the pip output tail; run.py reports it.
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${BENCH_PYTHON:-python3.11}"
DEST="$ROOT/build/bench-venvs"
mkdir -p "$DEST"
# pygarg imports pysat but does not declare it; formal-argumentation's SAT
# functions need its z3 extra.  Both are added so the peers can run at all.
for spec in "py_arg:python-argumentation" "pygarg:pygarg python-sat" \
            "formal_argumentation:formal-argumentation[z3]" "clingo:clingo"; do
  name="${spec%%:*}"; pkgs="${spec#*:}"
  venv="$DEST/$name"
  if [ -f "$venv/OK" ] && [ "$(head -1 "$venv/SPEC" 2>/dev/null)" = "$pkgs" ]; then echo "$name: already installed"; continue; fi
  rm -rf "$venv"
  echo "$name: installing $pkgs"
  if "$PY" -m venv "$venv" >"$DEST/$name.log" 2>&1 \
     && "$venv/bin/python" -m pip install --disable-pip-version-check -q $pkgs >>"$DEST/$name.log" 2>&1; then
    "$venv/bin/python" -m pip freeze >"$venv/OK" 2>/dev/null
    echo "$pkgs" >"$venv/SPEC"
    echo "$name: ok"
  else
    mkdir -p "$venv"; tail -n 5 "$DEST/$name.log" >"$venv/FAILED"
    echo "$name: failed (see $DEST/$name.log)"
  fi
done
