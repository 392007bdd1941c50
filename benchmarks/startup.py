"""Start-up time of the command line: median of 10 runs of a few commands.

Run ``make bench`` (or ``python benchmarks/startup.py``) from the repository
root.  Each run is a fresh process; the table compares ``argmap --version``
and ``argmap check claims.yaml`` with a bare Python start.  Goals (issue 12):
``--version`` under 0.1 s and ``check claims.yaml`` under 0.3 s on an idle
machine.  Python writes and uses its bytecode cache, as for an installed argmap
(whatever ``PYTHONDONTWRITEBYTECODE`` says), and a first run, not counted,
fills it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 10
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "argmap --version": [sys.executable, "-m", "argmap", "--version"],
    "argmap check claims.yaml": [sys.executable, "-m", "argmap", "check", "claims.yaml"],
}


def median_seconds(argv: list[str], runs: int = RUNS) -> float:
    """Median wall time of ``runs`` runs of ``argv`` in the repository root."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}
    subprocess.run(argv, cwd=ROOT, capture_output=True, check=True, env=env)  # fills the cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print a Markdown table of the medians."""
    print(f"| command | median of {RUNS} runs |")
    print("|---|---|")
    for name, argv in COMMANDS.items():
        print(f"| `{name}` | {median_seconds(argv):.3f} s |")


if __name__ == "__main__":
    main()
