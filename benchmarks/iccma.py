"""``argmap af solve`` on ICCMA files against a plain-Python reference (issue 9).

Run ``make bench`` (or ``python benchmarks/iccma.py``) from the repository
root; ``BENCH_QUICK=1`` runs 10^4 arguments only.  It writes one random
framework (N arguments, 2N distinct attacks, fixed seed) as ``.apx`` (names
``a1 .. aN``), ``.tgf`` and ICCMA 2023 ``.af`` (names ``1 .. N``) under
``build/bench-iccma/``, then times, each in fresh processes (CPU seconds, user +
system, startup included; median of the repetitions):

- the reference peer: a plain-Python reader of the file and a linear grounded
  pass printing the ICCMA 2019 answer, written here (:data:`REFERENCE`);
- ``argmap af solve FILE --task SE-GR`` on each of the three files.

Both must print the same answer.  The table goes to stdout (Markdown), with
each row's ratio to the reference on the same file; the goal is at most 1.5x.
Python writes and uses its bytecode cache (as for an installed argmap, whatever
``PYTHONDONTWRITEBYTECODE`` says) and a first run, not counted, fills it.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from commands import _COMMAND, _USAGE, run

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"
DATA = ROOT / "build" / "bench-iccma"
QUICK = os.environ.get("BENCH_QUICK") == "1"
SIZES = [10**4] if QUICK else [10**5]
REPS = 3 if QUICK else 7
SEED = 9
TASK = "SE-GR"
#: as an installed package runs: from its bytecode cache
CACHED = {"PYTHONDONTWRITEBYTECODE": ""}

#: the peer: read the file with plain Python, label it grounded in one linear pass, print
#: the extension as ICCMA 2019 does (names that are numbers in numeric order, then the rest)
REFERENCE = (
    _USAGE
    + r"""
from collections import deque
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines()
names, attacks = [], []
if path.endswith(".apx"):
    for line in lines:
        if line.startswith("arg("):
            names.append(line[4:-2])
        elif line.startswith("att("):
            attacks.append(line[4:-2].split(","))
elif path.endswith(".tgf"):
    cut = lines.index("#")
    names = [line.split()[0] for line in lines[:cut] if line.strip()]
    attacks = [line.split()[:2] for line in lines[cut + 1 :] if line.strip()]
else:
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    names = [str(i) for i in range(1, int(body[0].split()[2]) + 1)]
    attacks = [line.split() for line in body[1:]]
index = {name: i for i, name in enumerate(names)}
targets = [[] for _ in names]
attackers = [0] * len(names)
for a, b in attacks:
    targets[index[a]].append(index[b])
    attackers[index[b]] += 1
label = [0] * len(names)  # 0 undecided, 1 in, 2 out
todo = deque(i for i, n in enumerate(attackers) if n == 0)
while todo:
    i = todo.popleft()
    label[i] = 1
    for t in targets[i]:
        if label[t] == 0:
            label[t] = 2
            for u in targets[t]:
                attackers[u] -= 1
                if attackers[u] == 0 and label[u] == 0:
                    todo.append(u)
ext = [names[i] for i in range(len(names)) if label[i] == 1]
ext.sort(key=lambda s: (0, int(s), s) if s.isdecimal() and s.isascii() else (1, 0, s))
print("[" + ",".join(ext) + "]")
"""
)


def write_frameworks(n: int) -> dict[str, Path]:
    """Write (once) the random framework of ``n`` arguments as .apx, .tgf and .af."""
    DATA.mkdir(parents=True, exist_ok=True)
    paths = {s: DATA / f"random-{n}-{SEED}{s}" for s in (".apx", ".tgf", ".af")}
    if all(p.exists() for p in paths.values()):
        return paths
    rng = random.Random(SEED + n)
    edges: set[tuple[int, int]] = set()
    while len(edges) < 2 * n:
        edges.add((rng.randrange(1, n + 1), rng.randrange(1, n + 1)))
    attacks = sorted(edges)
    args = range(1, n + 1)
    paths[".apx"].write_text(
        "".join(f"arg(a{i}).\n" for i in args) + "".join(f"att(a{a},a{b}).\n" for a, b in attacks)
    )
    paths[".tgf"].write_text(
        "".join(f"{i}\n" for i in args) + "#\n" + "".join(f"{a} {b}\n" for a, b in attacks)
    )
    paths[".af"].write_text(f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks))
    return paths


def cpu_median(argv: list[str]) -> tuple[float, str]:
    """Median CPU seconds of ``REPS`` fresh runs of ``argv``, and what it printed."""
    times, answers = [], set()
    run(argv, env=CACHED)  # fills the bytecode cache
    for _ in range(REPS):
        got = run(argv, env=CACHED)
        if isinstance(got, str):
            raise SystemExit(f"{' '.join(argv)}: {got}")
        _wall, cpu, _peak, out = got
        times.append(cpu)
        answers.add(out.strip())
    if len(answers) != 1:
        raise SystemExit(f"{' '.join(argv)}: the answer changed between runs")
    return statistics.median(times), answers.pop()


def main() -> None:
    """Print the table: each row's median CPU seconds and its ratio to the reference."""
    print(f"| `af solve --task {TASK}` | arguments | CPU s (median of {REPS}) | ratio |")
    print("|---|---|---|---|")
    for n in SIZES:
        for suffix, path in write_frameworks(n).items():
            ref, want = cpu_median([str(PY), "-c", REFERENCE, str(path)])
            print(f"| reference reader + linear grounded, `{suffix}` | {n:,} | {ref:.2f} | 1.00 |")
            cmd = [str(PY), "-c", _COMMAND, "af", "solve", str(path), "--task", TASK]
            took, got = cpu_median(cmd)
            if got != want:
                raise SystemExit(f"argmap and the reference differ on {path}")
            print(f"| `argmap af solve` on `{suffix}` | {n:,} | {took:.2f} | {took / ref:.2f} |")


if __name__ == "__main__":
    main()
