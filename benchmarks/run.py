"""Benchmark argmap's Dung semantics against Python peers and clingo.

Run ``make bench`` (or ``python benchmarks/run.py``) from the repository root.
``BENCH_QUICK=1`` runs small sizes only (under a minute) and writes
``build/bench-results-quick.md`` instead of ``benchmarks/results.md``.

Every system runs in its own subprocess under its own virtualenv
(``build/bench-venvs/NAME``, made by ``benchmarks/setup_peers.sh``); argmap
runs under the project's ``.venv``.  Each repetition is a fresh process that
loads the framework (not timed) and times only the solving call.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENVS = ROOT / "build" / "bench-venvs"
DATA = ROOT / "build" / "bench-data"
QUICK = os.environ.get("BENCH_QUICK") == "1"

SYSTEMS = ["argmap", "formal_argumentation", "pygarg", "py_arg", "clingo"]
PACKAGES = {
    "argmap": "argmap (this repo)",
    "formal_argumentation": "formal-argumentation",
    "pygarg": "pygarg",
    "py_arg": "python-argumentation",
    "clingo": "clingo + own ASP encodings",
}
TASKS = {
    "SE-GR": [10**3, 10**4] if QUICK else [10**3, 10**4, 10**5, 5 * 10**5],
    "SE-ST": [10**3, 10**4] if QUICK else [10**3, 10**4, 10**5],
    "SE-PR": [10**3, 10**4] if QUICK else [10**3, 10**4, 10**5],
}
REPS = 2 if QUICK else 5
TIMEOUT = 2.0 if QUICK else 60.0
LOAD_ALLOWANCE = 30.0 if QUICK else 180.0  # building a peer's framework is not timed
SLOW = 10.0  # a repetition slower than this is not repeated
SEED = 20240601
COMMANDS_HEADING = "# Commands on big maps"  # benchmarks/commands.py's section


@dataclass
class Cell:
    times: list[float] = field(default_factory=list)
    size: int | None = None
    status: str = ""  # "" = ok, else "timeout", "failed: ..."

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times and not self.status else None


def python_for(system: str) -> Path | None:
    if system == "argmap":
        return ROOT / ".venv" / "bin" / "python"
    py = VENVS / system / "bin" / "python"
    return py if (VENVS / system / "OK").exists() and py.exists() else None


def install_failure(system: str) -> str:
    failed = VENVS / system / "FAILED"
    if failed.exists():
        tail = failed.read_text().strip().splitlines()
        return "failed: install: " + (tail[-1] if tail else "pip failed")[:120]
    return "failed: not installed (run benchmarks/setup_peers.sh)"


def framework_file(n: int) -> Path:
    """Write (once) a random framework with n arguments and 2n distinct attacks."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"random-{n}-{SEED}.txt"
    if not path.exists():
        rng = random.Random(SEED + n)
        edges: set[tuple[int, int]] = set()
        while len(edges) < 2 * n:
            edges.add((rng.randrange(n), rng.randrange(n)))
        body = "".join(f"{a} {b}\n" for a, b in sorted(edges))
        path.write_text(f"{n}\n{body}")
    return path


def run_once(system: str, task: str, path: Path) -> dict[str, float | int | None] | str:
    py = python_for(system)
    assert py is not None
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    try:
        proc = subprocess.run(
            [
                str(py),
                str(ROOT / "benchmarks" / "worker.py"),
                system,
                task,
                str(path),
                str(TIMEOUT),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT + LOAD_ALLOWANCE,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    if proc.returncode == -14:  # SIGALRM from the worker's own solve timer
        return "timeout"
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return "failed: " + (lines[-1] if lines else f"exit {proc.returncode}")[:160]
    out: dict[str, float | int | None] = json.loads(proc.stdout.strip().splitlines()[-1])
    solve = out["solve"]
    if isinstance(solve, float) and solve > TIMEOUT:
        return "timeout"
    return out


def measure(system: str, task: str, n: int) -> Cell:
    cell = Cell()
    if python_for(system) is None:
        cell.status = install_failure(system)
        return cell
    path = framework_file(n)
    for _ in range(REPS):
        got = run_once(system, task, path)
        if isinstance(got, str):
            cell.status = got
            return cell
        solve = float(got["solve"] or 0.0)
        cell.times.append(solve)
        size = got["size"]
        cell.size = int(size) if isinstance(size, int) else None
        if solve > SLOW:
            break
    return cell


def fmt_time(t: float | None) -> str:
    if t is None:
        return "-"
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {os.cpu_count()} CPUs (nproc), {cpu}, {platform.machine()}",
        f"- Python {platform.python_version()} ({sys.executable})",
        (
            f"- mode: {'QUICK' if QUICK else 'full'}; {REPS} repetitions, median reported;"
            f" timeout {TIMEOUT:.0f} s per solve"
        ),
    ]


def versions() -> list[str]:
    lines = []
    for s in SYSTEMS[1:]:
        ok = VENVS / s / "OK"
        pins = ok.read_text().split() if ok.exists() else []
        lines.append(f"- {PACKAGES[s]}: " + (", ".join(pins) if pins else install_failure(s)))
    return lines


def main() -> None:
    results: dict[tuple[str, str, int], Cell] = {}
    for task, sizes in TASKS.items():
        for system in SYSTEMS:
            gave_up: str | None = None
            for n in sizes:
                if gave_up:
                    results[task, system, n] = Cell(status=gave_up)
                    continue
                cell = measure(system, task, n)
                results[task, system, n] = cell
                shown = cell.status or fmt_time(cell.median)
                print(f"{task} {system:>22} N={n:>7}: {shown}", flush=True)
                if cell.status:
                    gave_up = f"skipped ({cell.status.split(':')[0]} at N={n})"
    write_report(results)


def write_report(results: dict[tuple[str, str, int], Cell]) -> None:
    out = [
        "# Dung semantics benchmark",
        "",
        "Generated by `benchmarks/run.py` (`make bench`); do not edit by hand.",
        "",
        *machine(),
        "",
        "Peers:",
        "",
        *versions(),
        "",
        "## What is timed",
        "",
        (
            "Random frameworks: N arguments, 2N distinct random attacks (self-attacks allowed),"
            f" seed {SEED}+N.  Each repetition is a fresh subprocess; it reads the edge list and"
            " builds the system's own framework object (argmap's compiled `Framework`: names"
            " plus CSR attack arrays; `ArgumentationFramework` for formal-argumentation,"
            " argument/attack lists for pygarg, `AbstractArgumentationFramework` for py_arg,"
            " the fact text for clingo) **outside** the clock.  The clock covers only the call"
            " that answers the task and returns the extension as a set of names: for argmap"
            " that includes the grounded pre-pass of SE-ST/SE-PR; for clingo it includes"
            " grounding and solving."
        ),
        "",
        (
            "Tasks: SE-GR = the grounded extension; SE-ST = one stable extension (or none);"
            " SE-PR = one preferred extension.  py_arg has no single-extension call, so for"
            " SE-ST/SE-PR it enumerates all extensions.  clingo's preferred uses the admissible"
            " encoding with a domain heuristic (`--heuristic=Domain --enum-mode=domRec`)."
        ),
        "",
        (
            f"A solve over {TIMEOUT:.0f} s is `timeout`; after a timeout or failure the"
            " larger sizes of that system and task are skipped.  ratio = peer median /"
            " argmap median (> 1 means argmap is faster)."
        ),
    ]
    for task, sizes in TASKS.items():
        out += ["", f"## {task}", ""]
        out.append("| system | " + " | ".join(f"N={n:,}" for n in sizes) + " |")
        out.append("|---|" + "---|" * len(sizes))
        for system in SYSTEMS:
            row = []
            for n in sizes:
                c = results[task, system, n]
                base = results[task, "argmap", n].median
                if c.status:
                    row.append(c.status)
                    continue
                text = fmt_time(c.median)
                if system != "argmap" and base and c.median is not None:
                    text += f" (x{c.median / base:.1f})"
                if len(c.times) < REPS:
                    text += f" [{len(c.times)} run]"
                row.append(text)
            out.append(f"| {PACKAGES[system]} | " + " | ".join(row) + " |")
        sizes_row = [str(results[task, "argmap", n].size) for n in sizes]
        out.append("| argmap extension size | " + " | ".join(sizes_row) + " |")
    out += ["", "## Grounded scaling (argmap)", ""]
    out += ["| attacks | median | per attack |", "|---|---|---|"]
    for n in TASKS["SE-GR"]:
        m = results["SE-GR", "argmap", n].median
        if m is not None:
            out.append(f"| {2 * n:,} | {fmt_time(m)} | {m / (2 * n) * 1e9:.0f} ns |")
    target = ROOT / ("build/bench-results-quick.md" if QUICK else "benchmarks/results.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    # keep the section benchmarks/commands.py writes (it starts at its own heading)
    old = target.read_text() if target.exists() else ""
    commands = old[old.index(COMMANDS_HEADING) :] if COMMANDS_HEADING in old else ""
    target.write_text("\n".join(out) + "\n" + ("\n" + commands if commands else ""))
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
