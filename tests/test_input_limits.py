"""Hostile input files (issue 10): every read bounded, every error located.

The reproducers of tests/data/robust/ through the CLI with their exact message
and exit code; special files (FIFOs, devices, sockets) as map, source and
framework; size limits; the source kept in the map's folder; YAML values its
tags cannot hold; control characters; merge keys; capped reports;
write-protected outputs.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from argmap import files
from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.files import MAX_FRAMEWORK_BYTES, MAX_MAP_BYTES, MAX_SOURCE_BYTES, read_utf8
from argmap.load import load_map, read_map
from test_cli_robustness import _argmap  # a child process: a blocked read fails the test

DATA = Path(__file__).parent / "data" / "robust"
OUTSIDE_HINT = (
    "(hint: put the essay in the map's folder or below it; to read it where it is, "
    "pass --allow-source-anywhere (only for a map you trust))"
)
TAG_HINT = "(hint: remove the !! tag, or quote the value to make it text)"


@pytest.fixture
def robust(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/data/robust/ (in a copy of tests/data/) as the working folder."""
    shutil.copytree(DATA.parent, tmp_path / "data")
    work = tmp_path / "data" / "robust"
    monkeypatch.chdir(work)
    return work


def _check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


# name of the map in tests/data/robust -> (extra arguments, the exact error line)
REPRODUCERS: dict[str, tuple[list[str], str]] = {
    "passwd-source": (
        [],
        (
            "passwd-source.yaml:3:1: error: source-outside: the source '/etc/passwd' is outside "
            f"the map's folder {OUTSIDE_HINT}"
        ),
    ),
    "passwd-hint": (
        [],
        (
            "passwd-hint.yaml:3:1: error: source-outside: the source '/etc/passwd' is outside "
            f"the map's folder {OUTSIDE_HINT}"
        ),
    ),
    "outside": (
        [],
        (
            "outside.yaml:3:1: error: source-outside: the source '../core/essay.txt' is outside "
            f"the map's folder {OUTSIDE_HINT}"
        ),
    ),
    "zero-source": (
        [],
        (
            "zero-source.yaml:3:1: error: source-outside: the source '/dev/zero' is outside "
            f"the map's folder {OUTSIDE_HINT}"
        ),
    ),
    "zero-source-anywhere": (
        ["--allow-source-anywhere"],
        (
            "zero-source.yaml:3:1: error: source-not-found: cannot read the source: '/dev/zero' "
            "is a device, not a regular file (hint: give the path of the source file itself)"
        ),
    ),
    "empty-source": (
        [],
        (
            "empty-source.yaml:3:1: error: empty-source: the source 'empty.txt' has no text, "
            "so no quote could be checked (hint: give the path of the essay the claims quote)"
        ),
    ),
    "tag-int": (
        [],
        (
            f"tag-int.yaml:5:4: error: yaml-value: 'abc' cannot be read as a whole number (!!int) "
            f"{TAG_HINT}"
        ),
    ),
    "tag-float": (
        [],
        (
            f"tag-float.yaml:5:4: error: yaml-value: 'abc' cannot be read as a number (!!float) "
            f"{TAG_HINT}"
        ),
    ),
    "tag-bool": (
        [],
        (
            f"tag-bool.yaml:5:4: error: yaml-value: 'maybe' cannot be read as a boolean (!!bool) "
            f"{TAG_HINT}"
        ),
    ),
    "tag-timestamp": (
        [],
        (
            "tag-timestamp.yaml:5:4: error: yaml-value: '2020-13-45' cannot be read as a date "
            f"(!!timestamp) {TAG_HINT}"
        ),
    ),
    "bigint": (
        [],
        (
            "bigint.yaml:1:9: error: yaml-value: a number of 4,301 digits is longer than argmap "
            "reads (4,300 digits) (hint: quote the value to make it text)"
        ),
    ),
    "thesis-empty": (
        [],
        (
            "thesis-empty.yaml:4:1: error: missing-thesis: 'thesis:' is empty "
            "(hint: set 'thesis:' to the id of the main conclusion)"
        ),
    ),
    # the merge key works: what is left is the anchor's own key, unknown at the top
    "merge": (
        [],
        (
            "merge.yaml:1:1: error: unknown-field: map has unknown field 'd' (hint: known fields: "
            "argmap, title, source, thesis, speakers, claims, relations, skipped, quotes)"
        ),
    ),
    "control": (
        [],
        (
            "control.yaml:2:10: error: yaml-syntax: character U+001B is not allowed in YAML, not "
            "even in quotes (hint: delete it (it often comes from copy and paste); write it as an "
            "escape such as \\x1b inside double quotes if it is meant)"
        ),
    ),
}


@pytest.mark.parametrize("name", REPRODUCERS)
def test_reproducer_gives_its_located_error(
    name: str, robust: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra, line = REPRODUCERS[name]
    map_file = f"{name.removesuffix('-anywhere')}.yaml"
    code, err = _check(["check", map_file, *extra], capsys)
    assert code == 1
    assert err == [line, "argmap: 1 error"]


def test_passwd_is_read_only_when_the_user_allows_it(
    robust: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "passwd-source.yaml", "--allow-source-anywhere"]) == 0
    assert "quotes: 1/1 found verbatim in /etc/passwd" in capsys.readouterr().out


def test_merge_key_merges(robust: Path) -> None:
    m = read_map("merge-ok.yaml")
    assert [(c.id, c.text, c.quote, c.role) for c in m.claims] == [
        ("a", "A", "A", "thesis"),
        ("b", "B", "B", "evidence"),
    ]


def test_merged_keys_are_not_duplicates_but_written_ones_are() -> None:
    text = "a: &a {x: 1, y: 2}\nb: {<<: *a, x: 3, z: 4, z: 5}\n"
    with pytest.raises(ArgmapError) as info:
        load_map(text, "m.yaml")
    dups = [(d.code, d.line, d.column) for d in info.value.diagnostics]
    assert dups == [("duplicate-key", 2, 25)]


def test_merge_of_a_scalar_is_located() -> None:
    with pytest.raises(ArgmapError) as info:
        load_map("a: &a 1\nb: {<<: *a}\n", "m.yaml")
    (d,) = info.value.diagnostics
    assert (d.code, d.line, d.column) == ("invalid-type", 1, 4)
    assert d.message.startswith("a merge key (<<) must name a mapping")


def test_merge_keys_cannot_make_an_alias_bomb() -> None:
    lines = ["a0: &a0 {k: 1}"]
    lines += [
        f"a{i}: &a{i} {{<<: *a{i - 1}, {', '.join(f'x{j}: *a{i - 1}' for j in range(9))}}}"
        for i in range(1, 12)
    ]
    with pytest.raises(ArgmapError) as info:
        load_map("\n".join(lines), "m.yaml")
    (d,) = info.value.diagnostics
    assert (d.code, d.line, d.column) == ("yaml-alias", 11, 6)


# ----------------------------------------------------------------- special files


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_fifo_source_is_refused_without_waiting(robust: Path) -> None:
    fifo = _fifo(robust / "fifo.txt")
    done = _argmap(["check", str(robust / "fifo-source.yaml")])
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        (
            f"{robust}/fifo-source.yaml:3:1: error: source-not-found: cannot read the source: "
            f"'{fifo}' "
            "is a named pipe (FIFO), not a regular file (hint: give the path of the source file "
            "itself)"
        ),
        "argmap: 1 error",
    ]


@pytest.mark.parametrize(
    ("args", "file", "code", "what"),
    [
        (["check"], "map.yaml", "file-not-found", "map's YAML"),
        (["af", "solve", "--task", "SE-GR"], "framework.af", "af-unreadable", "framework"),
    ],
)
def test_fifo_as_input_is_refused_without_waiting(
    args: list[str], file: str, code: str, what: str, tmp_path: Path
) -> None:
    file = str(_fifo(tmp_path / file))
    done = _argmap([*args, file])
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        (
            f"{file}: error: {code}: '{file}' is a named pipe (FIFO), not a regular file "
            f"(hint: give the path of the {what} file itself)"
        ),
        "argmap: 1 error",
    ]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_device_as_map_is_refused(device: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _check(["check", device], capsys)
    assert code == 1
    assert err[0] == (
        f"{device}: error: file-not-found: '{device}' is a device, not a regular file "
        "(hint: give the path of the map's YAML file itself)"
    )


def test_socket_source_is_refused(robust: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock.txt")
        (robust / "socket.yaml").write_text(
            (robust / "empty-source.yaml").read_text().replace("empty.txt", "sock.txt")
        )
        code, err = _check(["check", "socket.yaml"], capsys)
    assert code == 1
    assert "error: source-not-found: cannot read the source: 'sock.txt' is a socket" in err[0]


def test_symbolic_link_out_of_the_folder_is_refused(
    robust: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (robust / "link.txt").symlink_to("/etc/passwd")
    text = (robust / "passwd-source.yaml").read_text().replace("/etc/passwd", "link.txt")
    (robust / "link.yaml").write_text(text)
    code, err = _check(["check", "link.yaml"], capsys)
    assert code == 1
    assert err[0].startswith("link.yaml:3:1: error: source-outside: the source 'link.txt'")


def test_source_below_the_folder_and_links_inside_it_are_read(robust: Path) -> None:
    (robust / "texts").mkdir()
    (robust / "e.txt").rename(robust / "texts" / "e.txt")
    (robust / "inside.txt").symlink_to("texts/e.txt")
    text = (robust / "empty-source.yaml").read_text().replace("this quote is nowhere", "A")
    for source in ("texts/e.txt", "inside.txt", str(robust / "texts" / "e.txt")):
        (robust / "in.yaml").write_text(text.replace("empty.txt", source))
        assert read_map("in.yaml").claims[0].span is not None


def test_compare_takes_the_flag_for_both_maps(
    robust: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _check(["compare", "outside.yaml", "outside.yaml"], capsys)
    assert code == 1
    assert "error: source-outside" in err[0]
    assert main(["compare", "outside.yaml", "outside.yaml", "--allow-source-anywhere"]) == 0


# ----------------------------------------------------------------- sizes


def _sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on disk."""
    with path.open("wb") as f:
        f.truncate(size)
    return path


def test_map_over_the_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = _sparse(tmp_path / "big.yaml", MAX_MAP_BYTES + 1)
    code, err = _check(["check", str(big)], capsys)
    assert code == 1
    assert err == [
        (
            f"{big}: error: file-too-large: '{big}' is larger than 64 MiB, the most argmap "
            "reads as a map's YAML file "
            "(hint: check that this is the map's YAML file; split a larger one)"
        ),
        "argmap: 1 error",
    ]


def test_source_over_the_limit_is_refused(robust: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _sparse(robust / "empty.txt", MAX_SOURCE_BYTES + 1)
    code, err = _check(["check", "empty-source.yaml"], capsys)
    assert code == 1
    assert err[0] == (
        "empty-source.yaml:3:1: error: file-too-large: cannot read the source: 'empty.txt' is "
        "larger than 16 MiB, the most argmap reads as a source file (hint: check that this is "
        "the source file; split a larger one)"
    )


def test_framework_over_the_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = _sparse(tmp_path / "big.af", MAX_FRAMEWORK_BYTES + 1)
    code, err = _check(["af", "solve", str(big), "--task", "SE-GR"], capsys)
    assert code == 1
    assert err[0] == (
        f"{big}: error: file-too-large: '{big}' is larger than 256 MiB, the most argmap reads "
        "as a framework file (hint: check that this is the framework file; split a larger one)"
    )


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 10)
    assert read_utf8(path, "file-not-found", "map", limit=10) == "x" * 10
    with pytest.raises(ArgmapError) as info:
        read_utf8(path, "file-not-found", "map", limit=9)
    assert info.value.diagnostics[0].code == "file-too-large"


def test_read_is_bounded_when_the_size_is_misreported(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files are regular files of size 0 that hold text: only limit + 1 bytes are read
    sizes: list[int] = []
    real = os.read

    def read(fd: int, n: int) -> bytes:
        sizes.append(n)
        return real(fd, n)

    monkeypatch.setattr(files.os, "read", read)
    with pytest.raises(ArgmapError) as info:
        read_utf8("/proc/self/status", "file-not-found", "map", limit=16)
    assert info.value.diagnostics[0].code == "file-too-large"
    assert sum(sizes) <= 17


# ----------------------------------------------------------------- reports and outputs


def test_a_million_problems_are_capped_per_code() -> None:
    head = "argmap: 1\ntitle: t\nsource: e.txt\nthesis: a\n"
    text = head + "".join(f"k{i}: 1\n" for i in range(1000))
    with pytest.raises(ArgmapError) as info:
        load_map(text + "claims:\n  - {id: a, text: A, quote: A, role: thesis}\n", "m.yaml")
    ds = info.value.diagnostics
    assert len(ds) == 101
    assert str(ds[0]) == (
        "m.yaml:5:1: error: unknown-field: map has unknown field 'k0' "
        "(hint: known fields: argmap, title, source, thesis, speakers, claims, relations, "
        "skipped, quotes)"
    )
    assert str(ds[-1]) == (
        "m.yaml:105:1: error: unknown-field: ... and 900 more unknown-field problems "
        "(hint: fix the ones shown and run argmap again)"
    )


@pytest.mark.parametrize("mode", [0o444, 0o044])
def test_write_protected_output_is_kept(
    mode: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    out = tmp_path / "out.dot"
    out.write_text("old\n")
    out.chmod(mode)
    code, err = _check(["render", str(tmp_path / "merge-ok.yaml"), "-o", str(out)], capsys)
    assert code == 1
    assert err == [
        (
            f"{out}: error: cannot-write: cannot write '{out}': the file is write-protected "
            "(hint: make it writable (chmod u+w) to replace it, or choose another output path)"
        ),
        "argmap: 1 error",
    ]
    assert out.read_text() == "old\n"
    out.chmod(0o644)
    assert main(["render", str(tmp_path / "merge-ok.yaml"), "-o", str(out)]) == 0
    assert out.read_text().startswith("digraph")
