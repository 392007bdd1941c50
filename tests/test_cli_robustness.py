"""Every command against bad input: a located message and exit 1, never a traceback.

Bad maps, bad sources, bad output paths, no Graphviz, closed pipes, Ctrl-C and
bad framework files.  Whatever fails, an output file the user already had is
left as it was.
"""

from __future__ import annotations

import errno
import os
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.load import MAX_ALIAS_VALUES

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims.yaml"
SEED = "seeds/000_a6816591cb9c5cdb.txt"
THESIS = "stalinism-not-only-russian"
OLD = b"old output\n"
IS_ROOT = os.geteuid() == 0

#: line of 'source:' in claims.yaml, where source errors are reported
SOURCE_LINE = CLAIMS.read_text(encoding="utf-8").splitlines().index(f"source: {SEED}") + 1


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder holding a copy of claims.yaml (as good.yaml) and its source."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(ROOT / SEED, tmp_path / SEED)
    shutil.copy(CLAIMS, tmp_path / "good.yaml")
    return tmp_path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _argmap(
    args: list[str], *, env: dict[str, str] | None = None, limit_memory: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m argmap`` (at most 60 s, optionally within 1.5 GB of memory)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=env,
        preexec_fn=limit if limit_memory else None,
    )


# ----------------------------------------------------------------- bad maps

# each command that reads a map; MAP is the map under test, OUT a file in the folder
COMMANDS: dict[str, list[str]] = {
    "check": ["check", "MAP"],
    "check-json": ["check", "MAP", "--format", "json"],
    "render": ["render", "MAP", "-o", "OUT.dot", "--format", "dot"],
    "html": ["html", "MAP", "-o", "OUT.html"],
    "evaluate": ["evaluate", "MAP"],
    "explain": ["explain", "MAP", THESIS],
    "outline": ["outline", "MAP"],
    "export": ["export", "MAP", "--format", "markdown", "-o", "OUT.md"],
    "quiz": ["quiz", "MAP"],
    "compare-student": ["compare", "MAP", "GOOD"],
    "compare-reference": ["compare", "GOOD", "MAP"],
}


def _argv(command: str, work: Path, map_path: Path) -> tuple[list[str], Path | None]:
    """The command line of ``command`` on ``map_path``, and its output file (made to hold OLD)."""
    names = {"MAP": str(map_path), "GOOD": str(work / "good.yaml")}
    out = None
    for arg in COMMANDS[command]:
        if arg.startswith("OUT"):
            out = work / "out" / f"result{arg[3:]}"
            out.parent.mkdir(exist_ok=True)
            out.write_bytes(OLD)
            names[arg] = str(out)
    return [names.get(arg, arg) for arg in COMMANDS[command]], out


def _good_text() -> str:
    return CLAIMS.read_text(encoding="utf-8")


def _write(name: str, data: str | bytes) -> Callable[[Path, pytest.MonkeyPatch], Path]:
    def make(work: Path, _mp: pytest.MonkeyPatch) -> Path:
        path = work / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    return make


def _missing(work: Path, _mp: pytest.MonkeyPatch) -> Path:
    return work / "missing.yaml"


def _folder(work: Path, _mp: pytest.MonkeyPatch) -> Path:
    (work / "folder.yaml").mkdir()
    return work / "folder.yaml"


def _unreadable(work: Path, mp: pytest.MonkeyPatch) -> Path:
    path = work / "secret.yaml"
    shutil.copy(CLAIMS, path)
    path.chmod(0)
    if IS_ROOT:  # root reads any file: make reading this one fail as it would for a user
        real = os.open

        def open_file(file: str | Path, flags: int, *args: int) -> int:
            if Path(file) == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real(file, flags, *args)

        mp.setattr("argmap.files.os.open", open_file)
    return path


def _with_source(source: str, data: bytes | None) -> Callable[[Path, pytest.MonkeyPatch], Path]:
    def make(work: Path, _mp: pytest.MonkeyPatch) -> Path:
        if data is not None:
            (work / source).write_bytes(data)
        path = work / "bad-source.yaml"
        path.write_text(_good_text().replace(f"source: {SEED}", f"source: {source}"), "utf-8")
        return path

    return make


_NESTED = "argmap: 1\ntitle: x\nx:" + "".join(f"\n{' ' * (2 * i + 2)}k{i}:" for i in range(990))
_DUPLICATE = _good_text().replace("\nsource:", "\ntitle: again\nsource:", 1)

# name: (make the map, expected exit code, texts stderr must contain; {f} is the map's path)
CASES: dict[str, tuple[Callable[[Path, pytest.MonkeyPatch], Path], int, list[str]]] = {
    "missing": (_missing, 1, ["{f}: error: file-not-found: no such file", "check the path"]),
    "folder": (_folder, 1, ["{f}: error: file-not-found: '{f}' is a folder, not a file"]),
    "unreadable": (_unreadable, 1, ["{f}: error: file-not-found: no permission", "chmod"]),
    "latin-1": (
        _write("latin1.yaml", b"argmap: 1\ntitle: caf\xe9\n"),
        1,
        ["{f}:2:11: error: file-not-found: '{f}' is not UTF-8 text", "iconv"],
    ),
    "bom": (_write("bom.yaml", "\ufeff" + _good_text()), 0, []),
    "empty": (_write("empty.yaml", ""), 1, ["{f}:1:1: error: invalid-type: map must be a mapping"]),
    "list": (_write("list.yaml", "- a\n- b\n"), 1, ["{f}:1:1: error: invalid-type", "not a list"]),
    "scalar": (_write("scalar.yaml", "hello\n"), 1, ["{f}:1:1: error: invalid-type", "not text"]),
    "syntax": (
        _write("syntax.yaml", "argmap: 1\ntitle: a: b\n"),
        1,
        ["{f}:2:9: error: yaml-syntax: invalid YAML: mapping values are not allowed"],
    ),
    "tabs": (
        _write("tabs.yaml", "argmap: 1\ntitle: x\nclaims:\n\t- id: a\n"),
        1,
        ["{f}:4:1: error: yaml-syntax", "indent with spaces"],
    ),
    "duplicate-key": (
        _write("dup.yaml", _DUPLICATE),
        1,
        [f"{{f}}:{SOURCE_LINE}:1: error: duplicate-key: key 'title' appears twice"],
    ),
    "unhashable-key": (
        _write("key.yaml", "argmap: 1\n? [a]\n: 1\n"),
        1,
        ["{f}:2:3: error: invalid-type: a key must be text"],
    ),
    "recursive-alias": (
        _write("loop.yaml", "argmap: 1\nclaims: &c [*c]\n"),
        1,
        ["{f}:2:9: error: yaml-alias: an alias (*name) refers to the value that contains it"],
    ),
    "deep-nesting": (_write("deep.yaml", _NESTED), 1, ["{f}:3:1: error: unknown-field"]),
    "source-missing": (
        _with_source("seeds/missing.txt", None),
        1,
        [f"{{f}}:{SOURCE_LINE}:1: error: source-not-found", "no such file", "relative to the map"],
    ),
    "source-latin-1": (
        _with_source("seeds/latin1.txt", "Caf\xe9 au lait.".encode("latin-1")),
        1,
        [
            f"{{f}}:{SOURCE_LINE}:1: error: source-not-found",
            "is not UTF-8 text (byte 0xe9 at line 1, column 4)",
            "save the source file as UTF-8",
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", COMMANDS)
def test_bad_map(
    command: str,
    case: str,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make, want_code, want = CASES[case]
    map_path = make(work, monkeypatch)
    argv, out = _argv(command, work, map_path)
    code, _, err = _run(argv, capsys)
    assert code == want_code, err
    for text in want:
        assert text.format(f=map_path) in err
    if want_code:
        assert re.search(r"\nargmap: \d+ errors?\n$", err)
        if out is not None:
            assert out.read_bytes() == OLD  # the old output is kept
    elif out is not None:
        assert out.read_bytes() != OLD


@pytest.mark.parametrize("command", COMMANDS)
def test_alias_bomb_is_refused_quickly(command: str, work: Path) -> None:
    lines = ["argmap: 1", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]"
        for p, c in zip("abcdefghi", "bcdefghij", strict=True)
    ]
    bomb = work / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    argv, out = _argv(command, work, bomb)
    done = _argmap(argv, limit_memory=True)  # 9**10 values if expanded: time-out or MemoryError
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{bomb}:10:4: error: yaml-alias: aliases (*name) of this value expand" in done.stderr
    assert f"more than {MAX_ALIAS_VALUES:,} values (an alias bomb)" in done.stderr
    if out is not None:
        assert out.read_bytes() == OLD


# ----------------------------------------------------------------- output paths

# commands writing a file; OUT is the path under test
WRITERS: dict[str, list[str]] = {
    "render-dot": ["render", "GOOD", "--format", "dot", "-o", "OUT"],
    "render-svg": ["render", "GOOD", "--format", "svg", "-o", "OUT"],
    "html": ["html", "GOOD", "-o", "OUT"],
    "export": ["export", "GOOD", "--format", "mermaid", "-o", "OUT"],
}


def _writer(name: str, work: Path, out: Path) -> list[str]:
    subst = {"GOOD": str(work / "good.yaml"), "OUT": str(out)}
    return [subst.get(a, a) for a in WRITERS[name]]


@pytest.mark.parametrize("writer", WRITERS)
def test_output_into_missing_folder_creates_it(
    writer: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = work / "new" / "deeper" / "result"
    code, stdout, _ = _run(_writer(writer, work, out), capsys)
    assert code == 0
    assert f"wrote {out}" in stdout
    assert out.stat().st_size > 100
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()  # not mkstemp's private 0o600


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("writer", WRITERS)
def test_output_onto_a_folder(writer: str, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = work / "folder"
    folder.mkdir()
    (folder / "inside.txt").write_bytes(OLD)
    code, _, err = _run(_writer(writer, work, folder), capsys)
    assert code == 1
    assert f"{folder}: error: cannot-write: cannot write '{folder}': it is a folder" in err
    assert "give the path of a file" in err
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]
    assert (folder / "inside.txt").read_bytes() == OLD


@pytest.mark.parametrize("writer", WRITERS)
def test_output_below_a_file(writer: str, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = work / "plain.txt"
    blocker.write_bytes(OLD)
    out = blocker / "result"
    code, _, err = _run(_writer(writer, work, out), capsys)
    assert code == 1
    assert f"cannot write '{out}': '{blocker}' is a file, not a folder" in err
    assert blocker.read_bytes() == OLD


@pytest.mark.parametrize("writer", WRITERS)
def test_output_into_read_only_folder(
    writer: str, work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = work / "read-only"
    folder.mkdir()
    out = folder / "result"
    out.write_bytes(OLD)
    folder.chmod(0o555)
    if IS_ROOT:  # root may write anywhere: fail the temporary file as the kernel would for a user

        def mkstemp(**_kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr("argmap.files.tempfile.mkstemp", mkstemp)
    try:
        code, _, err = _run(_writer(writer, work, out), capsys)
    finally:
        folder.chmod(0o755)
    assert code == 1
    assert f"{out}: error: cannot-write: cannot write '{out}': permission denied" in err
    assert "choose a folder you can write to" in err
    assert out.read_bytes() == OLD
    assert [p.name for p in folder.iterdir()] == ["result"]


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), None])
def test_failed_write_keeps_the_old_file(
    failure: OSError | None,
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A write that fails at the rename (disk full), or is interrupted, keeps the old file."""
    out = work / "map.dot"
    out.write_bytes(OLD)

    def replace(_src: str, _dst: str) -> None:
        raise failure if failure is not None else KeyboardInterrupt

    monkeypatch.setattr("argmap.files.os.replace", replace)
    code, _, err = _run(["render", str(work / "good.yaml"), "-o", str(out)], capsys)
    if failure is not None:
        assert code == 1
        assert f"{out}: error: cannot-write: cannot write '{out}': No space left" in err
    else:
        assert code == 130
        assert "argmap: interrupted" in err
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in work.iterdir()) == ["good.yaml", "map.dot", "seeds"]


def test_output_through_a_symlink_keeps_the_link(work: Path) -> None:
    target = work / "real.dot"
    target.write_bytes(OLD)
    target.chmod(0o640)
    link = work / "link.dot"
    link.symlink_to(target.name)
    assert main(["render", str(work / "good.yaml"), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert target.read_text().startswith("digraph")
    assert target.stat().st_mode & 0o777 == 0o640  # the old file's permissions are kept


def test_output_to_a_device_is_written_not_replaced(work: Path) -> None:
    """``-o /dev/stdout`` (here a pipe's /proc/self/fd link) is written to, never renamed over."""
    fifo = work / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    done = _argmap(["render", str(work / "good.yaml"), "--format", "dot", "-o", str(fifo)])
    text = reader.communicate(timeout=60)[0].decode()
    assert done.returncode == 0, done.stderr
    assert text.startswith("digraph")
    assert fifo.is_fifo()


def test_output_through_a_symlink_loop(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "a.dot").symlink_to("b.dot")
    (work / "b.dot").symlink_to("a.dot")
    code, _, err = _run(["render", str(work / "good.yaml"), "-o", str(work / "a.dot")], capsys)
    assert code == 1
    assert "cannot-write" in err
    assert "symbolic links form a loop" in err
    assert (work / "a.dot").is_symlink()


@pytest.mark.parametrize(
    ("name", "words"),
    [("x" * 300 + ".dot", "File name too long"), ("nul\0.dot", "not a possible file name")],
)
def test_output_name_impossible(
    name: str, words: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(["render", str(work / "good.yaml"), "-o", str(work / name)], capsys)
    assert code == 1
    assert "cannot-write" in err
    assert words in err


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("which", ["map", "essay"])
def test_output_onto_an_input_is_refused(
    writer: str, which: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = work / ("good.yaml" if which == "map" else SEED)
    before = victim.read_bytes()
    code, _, err = _run(_writer(writer, work, victim), capsys)
    assert code == 1
    assert f"it is the input file '{victim}'" in err
    assert victim.read_bytes() == before


@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/fd/3"])
def test_output_to_a_descriptor_of_a_file_appends(target: str, work: Path) -> None:
    """``-o /dev/stdout >> log`` must not replace log (and lose what it held) by a rename."""
    log = work / "log.txt"
    redirect = ">> log.txt" if target == "/dev/stdout" else "3>> log.txt"
    script = (
        f"echo OLD > log.txt && {sys.executable} -m argmap render good.yaml --format dot"
        f" -o {target} {redirect} && echo AFTER >> log.txt"
    )
    done = subprocess.run(
        ["sh", "-c", script], cwd=work, capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    text = log.read_text()
    assert text.startswith("OLD\ndigraph")
    said = "wrote /dev/stdout (dot)\n" if target == "/dev/stdout" else ""
    assert text.endswith("}\n" + said + "AFTER\n")
    assert Path("/dev/stdout").is_symlink()  # the device links are left alone


@pytest.mark.parametrize(
    "argv", [["schema"], ["check", "GOOD"], ["outline", "GOOD"], ["schema", "--help"]]
)
def test_closed_stdout(argv: list[str], work: Path) -> None:
    args = [str(work / "good.yaml") if a == "GOOD" else a for a in argv]
    done = subprocess.run(
        ["sh", "-c", '"$0" -m argmap "$@" >&-', sys.executable, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr


def test_full_disk_on_stdout(work: Path) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "schema"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr == "argmap: cannot write the output: No space left on device\n"


def test_null_byte_in_source_path(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = work / "nul.yaml"
    bad.write_text(_good_text().replace(f"source: {SEED}", 'source: "essay\\0.txt"'))
    code, _, err = _run(["check", str(bad)], capsys)
    assert code == 1
    assert "source-not-found" in err
    assert "NUL byte" in err


# ----------------------------------------------------------------- Graphviz missing

NO_DOT = {**os.environ, "PATH": "/nonexistent"}


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "GOOD", "-o", "OUT.svg"],
        ["render", "GOOD", "-o", "OUT.png"],
        ["render", "GOOD", "-o", "OUT.pdf"],
        ["html", "GOOD", "-o", "OUT.html"],
    ],
    ids=lambda a: f"{a[0]}-{a[-1].rsplit('.')[-1]}",
)
def test_without_graphviz(argv: list[str], work: Path) -> None:
    assert shutil.which("dot", path=NO_DOT["PATH"]) is None
    out = work / f"result.{argv[-1].rsplit('.')[-1]}"
    out.write_bytes(OLD)
    subst = {"GOOD": str(work / "good.yaml"), argv[-1]: str(out)}
    done = _argmap([subst.get(a, a) for a in argv], env=NO_DOT)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "error: graphviz-missing: Graphviz 'dot' is not installed" in done.stderr
    assert "apt-get install graphviz" in done.stderr
    assert out.read_bytes() == OLD


# ----------------------------------------------------------------- closed pipes


def _big_map(folder: Path, n: int = 4000) -> Path:
    """A valid map whose outline, verbose check and DOT are each far over a pipe's 64 KiB."""
    sentences = [f"Reason number {i} supports the thesis." for i in range(n)]
    (folder / "big.txt").write_text("The thesis holds. " + " ".join(sentences) + "\n")
    claims = [
        "  - {id: thesis, text: The thesis holds., quote: The thesis holds, role: thesis}",
        *(
            f"  - {{id: r{i}, text: Reason {i}., quote: {s[:-1]}, role: evidence, "
            "supports: [thesis]}"
            for i, s in enumerate(sentences)
        ),
    ]
    head = "argmap: 1\ntitle: Big\nsource: big.txt\nthesis: thesis\nclaims:\n"
    path = folder / "big.yaml"
    path.write_text(head + "\n".join(claims) + "\n")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["outline", "BIG"],
        ["check", "BIG", "-v"],
        ["render", "BIG", "--format", "dot", "-o", "/dev/stdout"],
    ],
    ids=lambda a: a[0],
)
def test_shell_pipe_into_head(args: list[str], tmp_path: Path) -> None:
    """``argmap ... | head -1`` in a real shell: quiet, exit 141 (SIGPIPE's code)."""
    big = _big_map(tmp_path)
    err, rc = tmp_path / "err", tmp_path / "rc"
    argv = " ".join(f"'{big}'" if a == "BIG" else a for a in args)
    script = f"{{ '{sys.executable}' -m argmap {argv} 2>'{err}'; echo $? >'{rc}'; }} | head -1"
    done = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1
    assert err.read_text() == ""  # no traceback, no "Exception ignored ... BrokenPipeError"
    assert rc.read_text().strip() == "141"


# stdout-writing commands, run with the pipe's read end closed before they start
PIPED: dict[str, list[str]] = {
    "check": ["check", "GOOD"],
    "check-json-error": ["check", "MISSING", "--format", "json"],
    "outline": ["outline", "GOOD"],
    "render-dot": ["render", "GOOD", "--format", "dot", "-o", "/dev/stdout"],
    "export": ["export", "GOOD", "--format", "markdown"],
    "evaluate": ["evaluate", "GOOD"],
    "explain": ["explain", "GOOD", THESIS],
    "quiz": ["quiz", "GOOD"],
    "compare": ["compare", "GOOD", "GOOD"],
    "schemes": ["schemes"],
    "schema": ["schema"],
    "af-solve": ["af", "solve", "AF", "--task", "EE-PR"],
    "help": ["check", "--help"],
}


@pytest.mark.parametrize("command", PIPED)
def test_closed_pipe(command: str, work: Path) -> None:
    (work / "f.apx").write_text("arg(a).\narg(b).\natt(a,b).\n")
    subst = {
        "GOOD": str(work / "good.yaml"),
        "MISSING": str(work / "missing.yaml"),
        "AF": str(work / "f.apx"),
    }
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *(subst.get(a, a) for a in PIPED[command])],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        os.close(write_end)
    # argparse itself ignores a failed write of --help and exits 0
    assert done.returncode in ((0, 141) if command == "help" else (141,)), done.stderr
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr
    assert "Exception ignored" not in done.stderr


# ----------------------------------------------------------------- Ctrl-C


@pytest.mark.parametrize(
    ("function", "argv"),
    [
        ("argmap.cli.teach._cmd_outline", ["outline", "GOOD"]),
        ("argmap.cli.core._cmd_check", ["check", "GOOD"]),
        ("argmap.cli.evaluate._cmd_af_solve", ["af", "solve", "x.apx", "--task", "EE-PR"]),
    ],
)
def test_keyboard_interrupt(
    function: str,
    argv: list[str],
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def interrupted(_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(function, interrupted)
    good = str(work / "good.yaml")
    code, _, err = _run([good if a == "GOOD" else a for a in argv], capsys)
    assert code == 130
    assert err == "argmap: interrupted\n"


def test_interrupt_inside_the_sat_solver(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """python-sat reports Ctrl-C in the solver as its own error type, not KeyboardInterrupt."""

    class SolverError(Exception):  # like pysolvers.error
        pass

    def interrupted(_args: object) -> int:
        raise SolverError("Caught keyboard interrupt")

    monkeypatch.setattr("argmap.cli.evaluate._cmd_evaluate", interrupted)
    code, _, err = _run(["evaluate", str(work / "good.yaml")], capsys)
    assert code == 130
    assert err == "argmap: interrupted\n"


def test_other_exceptions_are_not_swallowed(monkeypatch: pytest.MonkeyPatch, work: Path) -> None:
    def broken(_args: object) -> int:
        raise ZeroDivisionError

    monkeypatch.setattr("argmap.cli.evaluate._cmd_evaluate", broken)
    with pytest.raises(ZeroDivisionError):
        main(["evaluate", str(work / "good.yaml")])


# ----------------------------------------------------------------- af solve

AF_FILES: dict[str, tuple[str, bytes | None, list[str]]] = {
    # name: (file name, content or None for none, texts stderr must contain)
    "unknown-extension": (
        "f.csv",
        b"arg(a).\n",
        ["{f}: error: af-unknown-format: cannot tell the framework format", ".apx, .tgf"],
    ),
    "missing": ("nope.apx", None, ["{f}: error: af-unreadable: no such file"]),
    "apx-syntax": (
        "f.apx",
        b"arg(a).\natt(a;b).\n",
        ["{f}:2:1: error: af-syntax: att needs the form att(attacker,target)."],
    ),
    "apx-undeclared": (
        "u.apx",
        b"arg(a).\natt(a,b).\n",
        ["{f}:2:1: error: af-undeclared-argument"],
    ),
    "tgf-syntax": ("f.tgf", b"a\nb\n#\na\n", ["{f}:4:1: error: af-syntax: edge line 'a' needs"]),
    "i23-syntax": ("f.i23", b"p af 2\n1 5\n", ["{f}:2:3: error: af-syntax: '5' is not"]),
    "i23-no-header": ("f.af", b"1 2\n", ["{f}:1:1: error: af-syntax: expected the header"]),
    "i23-huge-header": (
        "huge.af",
        b"p af 99999999999999999999\n",
        ["{f}:1:6: error: af-too-large: the header declares more than 10,000,000 arguments"],
    ),
    "i23-huge-number": (
        "long.af",
        b"p af 2\n1 " + b"9" * 5000 + b"\n",
        ["{f}:2:3: error: af-syntax: '999"],
    ),
    "latin-1": (
        "latin.apx",
        b"arg(a).\narg(caf\xe9).\n",
        ["{f}:2:8: error: af-unreadable: '{f}' is not UTF-8 text", "save the framework file"],
    ),
}


@pytest.mark.parametrize("case", AF_FILES)
def test_af_solve_bad_file(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, data, want = AF_FILES[case]
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    code, out, err = _run(["af", "solve", str(path), "--task", "EE-PR"], capsys)
    assert code == 1
    assert out == ""
    for text in want:
        assert text.format(f=path) in err


def test_af_solve_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.apx").mkdir()
    code, _, err = _run(["af", "solve", str(tmp_path / "d.apx"), "--task", "EE-PR"], capsys)
    assert code == 1
    assert f"af-unreadable: '{tmp_path / 'd.apx'}' is a folder, not a file" in err


@pytest.mark.parametrize("name", ["bom.apx", "bom.i23"])
def test_af_solve_accepts_a_bom(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    body = "arg(a).\narg(b).\natt(a,b).\n" if name.endswith("apx") else "p af 2\n1 2\n"
    path.write_text("\ufeff" + body, encoding="utf-8")
    code, out, _ = _run(["af", "solve", str(path), "--task", "EE-PR"], capsys)
    assert code == 0
    assert out.strip() in ("[[a]]", "[[1]]")


@pytest.mark.parametrize(
    ("task", "want"),
    [
        (["--task", "XX-PR"], "unknown-task: unknown task 'XX-PR'"),
        (["--task", "EE-XX"], "unknown-task: unknown task 'EE-XX'"),
        (["--task", "ee-pr"], "unknown-task: unknown task 'ee-pr'"),
        (["--task", "EE"], "unknown-task: unknown task 'EE'"),
        (["--task", "DC-PR"], "missing-argument: task DC-PR needs a query argument"),
        (["--task", "DS-ST", "--arg", "zz"], "unknown-argument: the query names argument 'zz'"),
    ],
)
def test_af_solve_bad_task(
    task: list[str], want: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\n")
    code, out, err = _run(["af", "solve", str(path), *task], capsys)
    assert code == 1
    assert out == ""
    assert want in err
    assert "hint:" in err
