"""Coverage-guided fuzzing of one target of :mod:`fuzz.targets` with atheris.

Usage: ``python tests/fuzz/run_fuzz.py TARGET SECONDS`` (``make fuzz`` runs
every target).  The corpus grows in ``build/fuzz/TARGET/``, seeded from the
target's files in tests/data; an input that makes :func:`fuzz.targets.run`
raise, runs longer than 60 s or takes more than 2 GB is saved there as
``crash-*``, ``timeout-*`` or ``oom-*`` and the run exits non-zero.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: libFuzzer's limits: seconds per input (ten million arguments, the most an ICCMA 2023
#: framework may have, take half a minute to read on a busy machine), and memory
TIMEOUT_SECONDS = 60
RSS_LIMIT_MB = 2048


def main(argv: list[str]) -> None:
    """Fuzz the target ``argv[1]`` for ``argv[2]`` seconds (never returns)."""
    import atheris  # the fuzz extra: pip install -e '.[fuzz]'

    sys.path.insert(0, str(ROOT / "tests"))
    with atheris.instrument_imports(include=["argmap", "fuzz", "yaml"]):
        from fuzz.targets import SEEDS, TARGETS, run

    name, seconds = argv[1], argv[2]
    corpus = ROOT / "build" / "fuzz" / name
    corpus.mkdir(parents=True, exist_ok=True)
    for pattern in TARGETS[name].seeds:
        for seed in sorted(SEEDS.glob(pattern)):
            shutil.copy(seed, corpus / seed.name)

    def one_input(data: bytes) -> None:
        run(name, data)  # a located ArgmapError is returned; anything else escapes

    dictionary = TARGETS[name].dictionary
    options = [f"-dict={Path(__file__).parent / dictionary}"] if dictionary else []
    atheris.Setup(
        [
            argv[0],
            f"-max_total_time={seconds}",
            f"-timeout={TIMEOUT_SECONDS}",
            f"-rss_limit_mb={RSS_LIMIT_MB}",
            f"-artifact_prefix={corpus}/",
            "-print_final_stats=1",
            *options,
            str(corpus),
        ],
        one_input,
    )
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
