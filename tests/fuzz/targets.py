"""What argmap's readers may do with any bytes: return, or raise a located ArgmapError.

Each target of :data:`TARGETS` turns bytes into a file's text as argmap reads
it (:func:`argmap.files.decode_utf8`) and hands it to one reader: the map
loader (then the graph built from the map), or an importer.  :func:`run`
lets an ArgmapError through only when each of its diagnostics names the file
and a line; anything else escapes as itself or as :class:`UnlocatedError`.
The atheris driver (``run_fuzz.py``, ``make fuzz``) and the hypothesis tests
(``tests/test_fuzz_inputs.py``) both call :func:`run`.  An importer is added
with one line in :data:`TARGETS`.

Examples
--------
>>> run("apx", b"arg(a).\\natt(a,a).\\n") is None
True
>>> print(run("apx", b"arg(a").diagnostics[0].code)
af-syntax
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.files import decode_utf8
from argmap.formats import aif, argdown, iccma, kialo, microtext, sadface
from argmap.formats.base import Imported, finish
from argmap.formats.yamlmap import to_yaml
from argmap.graph import to_networkx
from argmap.load import load_map

__all__ = ["ESSAY", "SEEDS", "TARGETS", "Target", "UnlocatedError", "run"]

#: the essay beside every fuzzed map (the seed maps of tests/data/robust quote it)
ESSAY = "A. B.\n"
#: folders of tests/data whose files start each target's corpus
SEEDS = Path(__file__).resolve().parents[1] / "data"


@cache
def _map_folder() -> Path:
    """A folder with the essay the fuzzed maps name as ``source: e.txt``."""
    folder = Path(tempfile.mkdtemp(prefix="argmap-fuzz-"))
    (folder / "e.txt").write_text(ESSAY, encoding="utf-8")
    return folder


def _load(text: str, file: str) -> None:
    to_networkx(load_map(text, file, _map_folder()))


def _importer(read: Callable[[str, str], Imported]) -> Callable[[str, str], object]:
    """An importer, then what ``argmap import`` does with its map: source, YAML, load."""

    def run(text: str, file: str) -> None:
        m, _source_text, _built = finish(read(text, file), "fuzz.txt")
        load_map(to_yaml(m), "fuzz-out.yaml")

    return run


@dataclass(frozen=True)
class Target:
    """One reader: its file name (suffix included), how it reads text, and its seed files."""

    file: str
    read: Callable[[str, str], object]
    seeds: tuple[str, ...]
    dictionary: str = ""  # a libFuzzer dictionary beside this file


#: target name -> reader; the names are the arguments of ``run_fuzz.py``
TARGETS: dict[str, Target] = {
    "map": Target("fuzz.yaml", _load, ("core/*.yaml", "robust/*.yaml"), "yaml.dict"),
    "apx": Target("fuzz.apx", iccma.read_apx, ("iccma/*.apx",)),
    "tgf": Target("fuzz.tgf", iccma.read_tgf, ("iccma/*.tgf",)),
    "i23": Target("fuzz.af", iccma.read_iccma23, ("iccma/*.af", "iccma/*.i23")),
    "i23-framework": Target("fuzz.af", iccma.read_iccma23_framework, ("iccma/*.af",)),
    "aif": Target("fuzz.json", _importer(aif.read_aif), ("formats/*.json", "formats/bad/*.json")),
    "sadface": Target("fuzz.json", _importer(sadface.read_sadface), ("formats/*.json",)),
    "argdown": Target("fuzz.argdown", _importer(argdown.read_argdown), ("formats/*.argdown",)),
    "argdown-json": Target(
        "fuzz.json", _importer(argdown.read_argdown_json), ("formats/*.argdown.json",)
    ),
    "microtext": Target("fuzz.xml", _importer(microtext.read_microtext), ("formats/*.xml",)),
    "kialo": Target("fuzz.txt", _importer(kialo.read_kialo), ("formats/*.kialo.txt",)),
}


class UnlocatedError(AssertionError):
    """An ArgmapError with a diagnostic that names another file or no line."""


def run(name: str, data: bytes) -> ArgmapError | None:
    """Read ``data`` with target ``name``: None if it is read, the error if it is refused.

    Any other exception, and an error with a diagnostic that is not located
    in the file (:class:`UnlocatedError`), is raised.
    """
    target = TARGETS[name]
    try:
        target.read(decode_utf8(data, target.file, "file-not-found", "fuzzed"), target.file)
    except ArgmapError as exc:
        bad = [d for d in exc.diagnostics if d.file != target.file or d.line < 1]
        if bad:
            raise UnlocatedError(f"{name}: unlocated diagnostics: {bad}") from exc
        return exc
    return None
