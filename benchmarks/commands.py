"""Time every argmap command on generated maps of 10^3, 10^4 and 10^5 claims.

Run ``make bench-commands`` (or ``python benchmarks/commands.py``) from the
repository root; ``make bench`` runs it after the semantics benchmark.
``BENCH_QUICK=1`` runs 10^3 claims only and writes
``build/bench-results-quick.md`` instead of ``benchmarks/results.md``.

The maps come from ``benchmarks/generate.py`` (seed 1).  Each repetition of a
command is a fresh ``python -m argmap`` process: its CPU time (user + system,
its children's such as Graphviz included) covers the whole run, startup and
loading included, and its peak memory is its maximum resident set; the process
reports both itself when it exits.  Beside the commands,
the bare parsers on the same data: PyYAML's C loader on ``map.yaml`` and
``json.loads`` on ``map.json`` (each timed in CPU seconds inside its own
process, file read outside the clock), and argmap's ``read_map`` alone.  The report gives the
median of the repetitions and each command's ratio to the PyYAML parse.

The results go to their own section of the results file, starting at
``# Commands on big maps``; the rest of the file (the semantics benchmark of
``run.py``) is left as it is.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write
from run import fmt_time

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"
MAPS = ROOT / "build" / "bench-maps"
QUICK = os.environ.get("BENCH_QUICK") == "1"
SIZES = [10**3] if QUICK else [10**3, 10**4, 10**5]
REPS = 2 if QUICK else 3
TIMEOUT = 120.0 if QUICK else 900.0
SLOW = 20.0  # a repetition slower than this is not repeated
LOAD_TIMEOUT = 60 if QUICK else 300  # past this, loading alone rules the commands out
STAGE_LIMIT = 60 if QUICK else 300  # seconds per library stage (stages.py)
OLD_COMMIT = "a0b1189"  # the code before the near-linear rewrite, for the stage table
#: the old code is too slow beyond this size (it takes about 17 minutes at 10^4 claims;
#: ``BENCH_OLD_UP_TO=1000`` leaves that column out)
OLD_UP_TO = int(os.environ.get("BENCH_OLD_UP_TO", str(10**4)))
SEED = 1
LOADER = "argmap `read_map` (parse, validate, find quotes)"
#: what every ratio is to: repeated as often as the commands, however slow
YARDSTICK = "PyYAML C loader (`yaml.load`, `CSafeLoader`)"
HEADING = "# Commands on big maps"

#: parsers timed inside their own process: (name, file, code); the code reads
#: ``data`` (the file's text) and the clock covers only its last statement
PARSERS = {
    YARDSTICK: (
        "map.yaml",
        "import yaml\nyaml.load(data, Loader=yaml.CSafeLoader)",
    ),
    "argmap `parse_fast` (libyaml's events, no node tree; the fallback)": (
        "map.yaml",
        "from argmap.fastyaml import parse_fast\nparse_fast(data)",
    ),
    "yaml-rs `loads` alone (YAML 1.2)": (
        "map.yaml",
        "import yaml_rs\nyaml_rs.loads(data, parse_datetime=False)",
    ),
    "argmap `parse_quick` (yaml-rs, screened and type-checked: the fast path)": (
        "map.yaml",
        "from argmap.quickyaml import parse_quick\nparse_quick(data)",
    ),
    "rapidyaml `parse_in_arena` (its tree only; measured, not used)": (
        "map.yaml",
        "import ryml\nbuf = data.encode()\nryml.parse_in_arena(buf)",
    ),
    "`json.loads` of the same data": ("map.json", "import json\njson.loads(data)"),
    LOADER: (
        "map.yaml",
        "from argmap.load import read_map\nread_map(path)",
    ),
}

#: commands: name -> arguments after ``python -m argmap`` ({map}, {out} filled in)
COMMANDS = {
    "`argmap --version` (startup)": ["--version"],
    "`check`": ["check", "{map}"],
    "`evaluate` (grounded)": ["evaluate", "{map}"],
    "`evaluate --semantics preferred`": ["evaluate", "{map}", "--semantics", "preferred"],
    "`explain` (the thesis)": ["explain", "{map}", "c0"],
    "`outline`": ["outline", "{map}"],
    "`export --format markdown`": ["export", "{map}", "--format", "markdown"],
    "`export --format mermaid`": ["export", "{map}", "--format", "mermaid"],
    "`render -o x.dot`": ["render", "{map}", "-o", "{out}/x.dot"],
    "`render --focus c0 -o x.svg` (depth 2)": [
        "render",
        "{map}",
        "--focus",
        "c0",
        "-o",
        "{out}/x.svg",
    ],
    "`quiz` (10 questions)": ["quiz", "{map}"],
    "`compare` (map with itself)": ["compare", "{map}", "{map}"],
    "`html`": ["html", "{map}", "-o", "{out}/x.html"],
}

#: the goals of issue 9: row -> (size, at most this ratio to the PyYAML C parse)
GOALS = {
    "`check`": (10**5, 0.3),
    "`evaluate` (grounded)": (10**5, 0.6),
    "`evaluate --semantics preferred`": (10**5, 0.6),
    "`outline`": (10**5, 0.6),
    "`export --format markdown`": (10**5, 0.6),
    "`export --format mermaid`": (10**5, 0.6),
    "`render -o x.dot`": (10**5, 0.6),
    "`quiz` (10 questions)": (10**4, 1.0),
    "`compare` (map with itself)": (10**4, 1.0),
    "`explain` (the thesis)": (10**4, 1.0),
    "`html`": (10**4, 3.0),
}
GIGABYTE = 2**30  # `check` at 10^5 must also stay under this peak

#: the child reports its CPU time (its own and its children's, e.g. Graphviz) and its
#: peak resident set on stderr when it exits (atexit, or just before ``os._exit``)
_USAGE = """
import atexit, os, resource, sys
def _usage():
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    print(f"\\nusage {cpu} {max(me.ru_maxrss, kids.ru_maxrss)}", file=sys.stderr)
atexit.register(_usage)
_end_now = os._exit  # the argmap program ends by os._exit (argmap.cli.run), past atexit
os._exit = lambda code: (_usage(), sys.stderr.flush(), _end_now(code))
"""
_COMMAND = (
    _USAGE
    + """
import runpy
sys.argv = ["argmap", *sys.argv[1:]]
runpy.run_module("argmap", run_name="__main__", alter_sys=True)
"""
)
_PARSE = (
    _USAGE
    + """
import json, time
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    data = f.read()
*setup, last = sys.argv[2].splitlines()
exec("\\n".join(setup))
t = time.process_time()
exec(last)
print(json.dumps(time.process_time() - t))
"""
)


@dataclass
class Cell:
    """The repetitions of one row at one size."""

    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)  # bytes
    status: str = ""  # "" = ok, else "timeout", "failed: ...", "skipped ..."
    #: a goal's command: its time as a ratio to a PyYAML parse run just before each run
    ratios: list[float] = field(default_factory=list)

    @property
    def time(self) -> float | None:
        return statistics.median(self.times) if self.times and not self.status else None

    @property
    def peak(self) -> int | None:
        return max(self.peaks) if self.peaks and not self.status else None


def run(
    argv: list[str], timeout: float = TIMEOUT, env: dict[str, str] | None = None
) -> tuple[float, float, int, str] | str:
    """Run a process; return (wall s, CPU s, peak RSS bytes, stdout) or why it failed."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": "0", **(env or {})},
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    wall = time.perf_counter() - start
    err = proc.stderr.strip().splitlines()
    if proc.returncode not in (0, 1) or not err or not err[-1].startswith("usage "):
        return "failed: " + (err[-1] if err else f"exit {proc.returncode}")[:160]
    _, cpu, kb = err[-1].split()
    return wall, float(cpu), int(kb) * 1024, proc.stdout


def measure(
    argv: list[str],
    parse_time: bool = False,
    timeout: float = TIMEOUT,
    *,
    every: bool = False,
    paired: list[str] | None = None,
) -> Cell:
    """Repeat a process; keep its CPU time (or the parse time it prints) and peak memory.

    A slow process is run once, unless ``every`` (the yardstick of every ratio) or
    ``paired``: the yardstick's process, run just before each run of this one, so
    that each run has a ratio to a parse made in the same state of the machine (a
    shared machine's speed drifts by a third within minutes).
    """
    cell = Cell()
    for _ in range(REPS):
        before = run(paired, timeout) if paired else None
        got = run(argv, timeout)
        if isinstance(got, str):
            cell.status = got
            return cell
        wall, cpu, peak, out = got
        cell.times.append(float(json.loads(out.strip().splitlines()[-1])) if parse_time else cpu)
        cell.peaks.append(peak)
        if before is not None and not isinstance(before, str):
            cell.ratios.append(cell.times[-1] / float(json.loads(before[3].strip().split()[-1])))
        if wall > SLOW and not (every or paired):
            break
    return cell


def fmt_cell(c: Cell, base: float | None) -> str:
    if c.status:
        return c.status
    text = fmt_time(c.time)
    if base and c.time is not None:
        text += f" (x{c.time / base:.2f})"
    if c.peak:
        text += f", {c.peak / 2**20:.0f} MB"
    if len(c.times) < REPS:
        text += f" [{len(c.times)} run]"
    return text


def stages(path: Path, src: Path, stand_in: bool = False) -> dict[str, float | str]:
    """CPU seconds of each library stage (benchmarks/stages.py) with the code in ``src``."""
    argv = [str(PY), "-c", _USAGE + _STAGES, str(path), str(STAGE_LIMIT)]
    argv += ["--stand-in"] if stand_in else []
    got = run(argv, TIMEOUT * 2, {"PYTHONPATH": str(src)})
    if isinstance(got, str):
        return {"(all)": got}
    result: dict[str, float | str] = json.loads(got[3].strip().splitlines()[-1])
    return result


_STAGES = f"""
import runpy
sys.argv = ["stages.py", *sys.argv[1:]]
runpy.run_path({str(Path(__file__).resolve().parent / "stages.py")!r}, run_name="__main__")
"""


def byte_compile(src: Path) -> Path:
    """Byte-compile the modules under ``src`` as installing a package does; return ``src``.

    Python writes a module's compiled form when it first imports it, unless told not
    to (``PYTHONDONTWRITEBYTECODE=1``, set in some shells and CI images): then every
    run would compile the modules changed since the last compiled form again (0.1 s
    and more per run).
    """
    subprocess.run([str(PY), "-m", "compileall", "-q", str(src)], check=True)
    return src


def old_source() -> Path:
    """The ``src`` tree of :data:`OLD_COMMIT`, extracted once under build/."""
    target = ROOT / "build" / f"bench-old-{OLD_COMMIT}"
    if not (target / "src").exists():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", OLD_COMMIT, "src"], cwd=ROOT, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return byte_compile(target / "src")


def main() -> None:
    byte_compile(ROOT / "src")
    rows = [*PARSERS, *COMMANDS]
    results: dict[tuple[str, int], Cell] = {}
    staged: dict[tuple[str, int], dict[str, float | str]] = {}
    gave_up: dict[str, str] = {}
    for n in SIZES:
        folder = MAPS / str(n)
        path = folder / "map.yaml"
        if not path.exists():
            write(n, SEED, folder)
        out = ROOT / "build" / "bench-out"
        out.mkdir(parents=True, exist_ok=True)
        yardstick = [str(PY), "-c", _PARSE, str(folder / PARSERS[YARDSTICK][0])]
        yardstick.append(PARSERS[YARDSTICK][1])
        for name in rows:
            if name in gave_up:
                results[name, n] = Cell(status=gave_up[name])
                continue
            if name in PARSERS:
                file, code = PARSERS[name]
                argv = [str(PY), "-c", _PARSE, str(folder / file), code]
                timeout = LOAD_TIMEOUT if name == LOADER else TIMEOUT
                cell = measure(argv, True, timeout, every=name == YARDSTICK)
            else:
                args = [a.format(map=path, out=out) for a in COMMANDS[name]]
                goal = name in GOALS and GOALS[name][0] == n
                cell = measure([str(PY), "-c", _COMMAND, *args], paired=yardstick if goal else None)
            results[name, n] = cell
            print(f"N={n:>7} {name}: {fmt_cell(cell, None)}", flush=True)
            if cell.status:
                gave_up[name] = f"skipped ({cell.status.split(':')[0]} at N={n:,})"
            if name == LOADER and cell.status:
                gave_up.update(dict.fromkeys(COMMANDS, f"skipped (loading: {cell.status})"))
        if not results[LOADER, n].status:  # quotes are found in linear time: no stand-ins
            staged["new", n] = stages(path, ROOT / "src")
            print(f"N={n:>7} stages, this code: {staged['new', n]}", flush=True)
            if n <= OLD_UP_TO:
                staged["old", n] = stages(path, old_source())
                print(f"N={n:>7} stages, {OLD_COMMIT}: {staged['old', n]}", flush=True)
        write_report(rows, results, staged)  # after every size, so a stopped run keeps some


def _sizes(n: int) -> str:
    folder = MAPS / str(n)
    yaml_mb = (folder / "map.yaml").stat().st_size / 2**20
    return f"{n:,} claims ({yaml_mb:.1f} MB of YAML)"


def write_report(
    rows: list[str],
    results: dict[tuple[str, int], Cell],
    staged: dict[tuple[str, int], dict[str, float | str]],
) -> None:
    base = next(iter(PARSERS))
    done = [n for n in SIZES if (base, n) in results]
    section = [
        HEADING,
        "",
        (
            "Generated by `benchmarks/commands.py` (`make bench-commands`, also in `make bench`);"
            " do not edit by hand."
        ),
        "",
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        (
            f"- machine: {os.cpu_count()} CPUs (nproc), {platform.machine()},"
            f" Python {platform.python_version()}"
        ),
        (
            f"- mode: {'QUICK' if QUICK else 'full'}; median of {REPS} runs (a run over"
            f" {SLOW:.0f} s is not repeated, but the PyYAML parse every ratio is to);"
            f" a command over {TIMEOUT:.0f} s is killed"
        ),
        "",
        (
            "Maps from `benchmarks/generate.py` (seed 1): a synthetic essay of N unique"
            " sentences, one claim quoting each, a random tree of supports with about 10%"
            " oppositions, 2% undercuts and 1% linked supports.  A command's time is the CPU"
            " time (user + system, Graphviz included) of a fresh `python -m argmap` process,"
            " startup and loading included (argmap's modules byte-compiled beforehand, as"
            " an installed package's are): the machine is shared, so CPU time is steadier"
            " than wall time.  Memory is the peak resident set.  The parser rows time only the"
            " parse (CPU), inside their own process.  (xR) = ratio to the PyYAML C parse of the"
            " same file."
        ),
        "",
        "| | " + " | ".join(_sizes(n) for n in done) + " |",
        "|---|" + "---|" * len(done),
    ]
    for name in rows:
        cells = [fmt_cell(results[name, n], results[base, n].time) for n in done]
        section.append(f"| {name} | " + " | ".join(cells) + " |")
    section += _goal_table(results)
    section += _stage_table(staged)
    write_section(HEADING, section)


def write_section(heading: str, section: list[str]) -> None:
    """Put ``section`` in the results file from ``heading`` on, in place of what was there."""
    target = ROOT / ("build/bench-results-quick.md" if QUICK else "benchmarks/results.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    kept = old.split(heading)[0].rstrip("\n")
    target.write_text((kept + "\n\n" if kept else "") + "\n".join(section) + "\n", encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")


def _goal_table(results: dict[tuple[str, int], Cell]) -> list[str]:
    """Each goal of issue 9 beside what this run measured."""
    base = next(iter(PARSERS))
    lines = [
        "",
        "## The goals",
        "",
        (
            "Issue 9's goals as ratios to the PyYAML C parse of the same file in this run."
            f"  Each of the {REPS} runs of a goal's command follows a PyYAML parse of its own,"
            " and is divided by it: 'paired' is the median of these ratios (the machine's"
            " speed drifts by up to a third within minutes, so a parse timed minutes apart"
            " can be off by as much).  'to the median' divides the medians of the table"
            " above."
        ),
        "",
        "| command | size | goal | paired | to the median | peak | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, (n, limit) in GOALS.items():
        cell, parse = results.get((name, n)), results.get((base, n))
        if cell is None or parse is None or cell.time is None or not parse.time:
            lines.append(f"| {name} | {n:,} | <= x{limit} | not measured | - | - | - |")
            continue
        ratio = statistics.median(cell.ratios) if cell.ratios else cell.time / parse.time
        met = ratio <= limit and (name != "`check`" or (cell.peak or 0) < GIGABYTE)
        each = ", ".join(f"x{r:.2f}" for r in cell.ratios)
        paired = f"x{ratio:.2f} ({each})" if cell.ratios else "-"
        lines.append(
            f"| {name} | {n:,} | <= x{limit} | {paired}"
            f" | x{cell.time / parse.time:.2f} | {(cell.peak or 0) / 2**20:.0f} MB"
            f" | {'yes' if met else 'no'} |"
        )
    return lines


def _stage_table(staged: dict[tuple[str, int], dict[str, float | str]]) -> list[str]:
    """The library stages after loading: this code beside the code before the rewrite."""
    columns = [(code, n) for n in SIZES for code in ("old", "new") if (code, n) in staged]
    if not columns:
        return []
    names = list(dict.fromkeys(k for col in columns for k in staged[col]))
    head = [f"{n:,}: {OLD_COMMIT if code == 'old' else 'now'}" for code, n in columns]
    lines = [
        "",
        "## The work behind each command, after loading",
        "",
        (
            "`benchmarks/stages.py`: one process loads the map once (not timed), then times"
            " each library call in CPU seconds; a stage over"
            f" {STAGE_LIMIT} s is stopped (`timeout`).  The same run times the code before the"
            f" near-linear rewrite (commit {OLD_COMMIT}) up to {OLD_UP_TO:,} claims."
        ),
        "",
        "| stage | " + " | ".join(head) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for name in names:
        cells = []
        for col in columns:
            got = staged[col].get(name, "-")
            cells.append(fmt_time(got) if isinstance(got, float) else str(got))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


if __name__ == "__main__":
    main()
