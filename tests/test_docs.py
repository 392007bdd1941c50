"""The documentation does what it says: every ``$ argmap ...`` line in a ``console`` block.

README.md and docs/*.md show commands in fenced ``console`` blocks: a line ``$ COMMAND``
followed by the output it prints. This test runs every ``argmap`` command of those blocks
(as ``python -m argmap``) in a scratch copy of the repository's inputs and compares what
it prints with what the document shows. In the shown output, a line that is only ``…``
stands for any number of lines, and ``…`` inside a line for any text, so documents may
shorten long output without going stale. Commands other than ``argmap`` (``make``,
``.``) are checked only for existing: they are what the README's set-up consists of.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ELLIPSIS = "…"


@dataclass(frozen=True)
class Example:
    """One ``$ command`` of a console block and the output the document shows."""

    doc: Path
    line: int
    command: str
    expected: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.doc.name}:{self.line}"


def examples(doc: Path) -> list[Example]:
    """The ``$`` commands of the ``console`` blocks of ``doc``, in order."""
    found: list[Example] = []
    lines = doc.read_text(encoding="utf-8").splitlines()
    in_block = False
    current: tuple[int, str] | None = None
    output: list[str] = []

    def flush() -> None:
        if current is not None:
            found.append(Example(doc, current[0], current[1], tuple(output)))

    for number, text in enumerate(lines, start=1):
        if not in_block:
            in_block = text.strip() == "```console"
            continue
        if text.strip() == "```":
            flush()
            in_block, current, output = False, None, []
        elif text.startswith("$ "):
            flush()
            current, output = (number, text[2:]), []
        else:
            output.append(text)
    return found


def matches(expected: tuple[str, ...], actual: list[str]) -> bool:
    """Whether ``actual`` fits ``expected``, where ``…`` lines and spans are wildcards.

    Examples
    --------
    >>> matches(("a", "…", "d"), ["a", "b", "c", "d"])
    True
    >>> matches(("size … KiB",), ["size 12 KiB"])
    True
    >>> matches(("a",), ["a", "b"])
    False
    """
    pattern = "".join(
        r"(?:.*\n)*?" if line.strip() == ELLIPSIS else _line_pattern(line) + r"\n"
        for line in expected
    )
    return re.fullmatch(pattern, "".join(f"{line}\n" for line in actual)) is not None


def _line_pattern(line: str) -> str:
    return ".*?".join(re.escape(part) for part in line.split(ELLIPSIS))


ALL = [example for doc in DOCS for example in examples(doc)]
ARGMAP = [example for example in ALL if example.command.startswith("argmap ")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of what the documented commands read: the map, the essay, the data."""
    work = tmp_path_factory.mktemp("docs")
    shutil.copy(ROOT / "claims.yaml", work / "claims.yaml")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copytree(ROOT / "schema", work / "schema")
    shutil.copytree(ROOT / "tests" / "data", work / "tests" / "data")
    (work / "build").mkdir()
    return work


def test_the_docs_have_examples() -> None:
    assert len(ARGMAP) >= 10
    assert {e.doc.name for e in ARGMAP} >= {"README.md", "teaching.md"}


@pytest.mark.parametrize("example", ARGMAP, ids=[e.name for e in ARGMAP])
def test_documented_command(example: Example, workdir: Path) -> None:
    argv = [sys.executable, "-m", "argmap", *shlex.split(example.command)[1:]]
    done = subprocess.run(
        argv, cwd=workdir, capture_output=True, text=True, timeout=120, check=False
    )
    printed = (done.stdout + done.stderr).splitlines()
    assert done.returncode == 0, f"{example.name}: `{example.command}` failed:\n{done.stderr}"
    assert matches(example.expected, printed), (
        f"{example.name}: `{example.command}` printed something else; update the document.\n"
        + "\n".join(printed)
    )


def test_readme_starts_with_the_two_set_up_commands() -> None:
    commands = [e.command for e in ALL if e.doc.name == "README.md"]
    assert commands[:2] == ["make demo", "make test"]
