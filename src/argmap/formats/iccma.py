"""ICCMA framework formats (APX, TGF, ICCMA 2023) and answer-format solving.

Readers return a ``networkx.DiGraph`` with ``str`` argument names; edge
``(a, b)`` means "a attacks b".  Writers return deterministic text (arguments
in :func:`argmap.semantics.node_order_key` order, attacks sorted by attacker
then target).  Bad input raises :class:`argmap.errors.ArgmapError` whose
diagnostics name the file, line and column.

Formats
-------
APX
    ``arg(a).`` and ``att(a,b).`` facts; ``%`` starts a comment.
TGF
    one argument per line, a line ``#``, then one ``attacker target`` per line.
ICCMA 2023 (``.af``, ``.i23``)
    ``p af N`` then ``a b`` attack lines over arguments ``1 .. N``; lines that
    start with ``#`` are comments.

Examples
--------
>>> af = read_apx("arg(a). arg(b).\\natt(a,b).")
>>> print(write_tgf(af), end="")
a
b
#
a b
>>> solve(af, "EE-PR")
'[[a]]'
>>> print(solve(read_iccma23("p af 2\\n1 2\\n"), "DC-CO", "1", style="iccma23"))
YES
w 1
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from itertools import chain
from pathlib import Path
from typing import Literal

import networkx as nx
import numpy as np
import numpy.typing as npt

from argmap.errors import ArgmapError, Diagnostic
from argmap.files import MAX_FRAMEWORK_BYTES, read_utf8
from argmap.semantics.dung import (
    SemanticsName,
    credulous_witness,
    extensions,
    node_order_key,
    sceptical_counterexample,
    some_extension,
)
from argmap.semantics.framework import AnyFramework, Framework, IndexArray

__all__ = [
    "SEMANTICS_CODES",
    "TASKS",
    "Style",
    "read_af",
    "read_apx",
    "read_framework",
    "read_iccma23",
    "read_iccma23_framework",
    "read_tgf",
    "solve",
    "write_apx",
    "write_iccma23",
    "write_tgf",
]

Style = Literal["iccma19", "iccma23"]

SEMANTICS_CODES: dict[str, SemanticsName] = {
    "GR": "grounded",
    "CO": "complete",
    "PR": "preferred",
    "ST": "stable",
}
TASKS: tuple[str, ...] = tuple(
    f"{p}-{s}" for p in ("SE", "EE", "DC", "DS") for s in SEMANTICS_CODES
)

_APX_HINT = "write one fact per statement: arg(name). or att(attacker,target)."
_TGF_HINT = "write argument names one per line, then a line '#', then 'attacker target' lines"
_I23_HINT = "start with 'p af N', then one 'attacker target' line per attack, numbers 1..N"

#: most arguments an ICCMA 2023 header may declare (each costs memory before any attack is read)
MAX_ARGUMENTS = 10_000_000
#: most arguments :func:`read_iccma23` makes graph nodes of (each costs about 400 bytes)
MAX_GRAPH_ARGUMENTS = 1_000_000
#: past :data:`MAX_GRAPH_ARGUMENTS`, how many arguments a framework file may declare per
#: character it holds (each costs about 120 bytes; ``p af 9999999`` alone would take 1 GB)
ARGUMENTS_PER_CHARACTER = 8


def _small_int(token: str) -> int | None:
    """``token`` as a number if it is decimal with at most 18 digits after leading zeros."""
    digits = token.lstrip("0")
    if not token.isdecimal() or len(digits) > 18:
        return None
    return int(digits or "0")


def _err(*args: str | int) -> Diagnostic:
    file, line, col, code, msg, hint = args
    return Diagnostic(str(file), int(line), int(col), str(code), str(msg), str(hint))


def _raise_if(diags: list[Diagnostic]) -> None:
    if diags:
        raise ArgmapError(diags)


# ---------------------------------------------------------------- APX

_NAME = r"[^\s,()%.]+(?:\.[^\s,()%.]+)*"
_APX_FACT = re.compile(
    rf"(?P<kind>arg|att)\s*\(\s*(?P<a>{_NAME})\s*(?:,\s*(?P<b>{_NAME})\s*)?\)\s*\."
)
_SPACE = re.compile(r"\s*")


_APX_ARG = re.compile(rf"arg\(({_NAME})\)\.")
_APX_ATT = re.compile(rf"att\(({_NAME}),({_NAME})\)\.")

#: a framework as read: the argument names (distinct, in file order) and the attacks,
#: ``names[src[k]]`` attacks ``names[dst[k]]``
Parsed = tuple[list[str], list[int], list[int]]


def read_apx(text: str, file: str = "<apx>") -> nx.DiGraph:
    """Parse APX text (``arg(a).``, ``att(a,b).``, ``%`` comments).

    Examples
    --------
    >>> sorted(read_apx("arg(a).\\narg(b).\\natt(a,b).\\n").edges)
    [('a', 'b')]
    >>> read_apx("arg(a).\\natt(a;b).")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <apx>:2:1: error: af-syntax: ...
    """
    return _digraph(*_parse_apx(text, file))


def _digraph(names: list[str], src: list[int], dst: list[int]) -> nx.DiGraph:
    af = nx.DiGraph()
    af.add_nodes_from(names)
    af.add_edges_from(zip(map(names.__getitem__, src), map(names.__getitem__, dst), strict=True))
    return af


def _parse_apx(text: str, file: str) -> Parsed:
    """The arguments and attacks of APX text: plain text fast, the rest (and errors) exactly."""
    plain = _parse_apx_plain(text)
    return _parse_apx_exact(text, file) if plain is None else plain


def _parse_apx_plain(text: str) -> Parsed | None:
    """The arguments and attacks of plain APX text, or None for the exact reader to decide.

    Plain: facts with no space inside and no comment, separated by spaces, tabs
    and line breaks only, every attack between declared arguments.  Two
    scans of the whole text find the facts; their lengths show that nothing
    else is there (a fact holds one parenthesis, so two facts never overlap).

    Examples
    --------
    >>> _parse_apx_plain("arg(a). arg(b).\\natt(b,a).\\narg(a).\\n")
    (['a', 'b'], [1], [0])
    >>> _parse_apx_plain("arg(a).\\natt(a,b).\\n"), _parse_apx_plain("arg( a ).")
    (None, None)
    """
    names: list[str] = _APX_ARG.findall(text)
    attacks: list[tuple[str, str]] = _APX_ATT.findall(text)
    facts = sum(map(len, names)) + 6 * len(names) + 7 * len(attacks)
    facts += sum(map(len, chain.from_iterable(attacks)))
    if facts + sum(map(text.count, " \t\r\n")) != len(text):
        return None
    number = {name: i for i, name in enumerate(dict.fromkeys(names))}
    try:
        src = [number[a] for a, _ in attacks]
        dst = [number[b] for _, b in attacks]
    except KeyError:  # an undeclared argument
        return None
    return list(number), src, dst


def _parse_apx_exact(text: str, file: str) -> Parsed:
    """The arguments and attacks of any APX text; ArgmapError locating every mistake."""
    declared: dict[str, None] = {}
    diags: list[Diagnostic] = []
    attacks: list[tuple[str, str, int, int]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("%", 1)[0]
        pos = _SPACE.match(line, 0).end()  # type: ignore[union-attr]
        while pos < len(line):
            m = _APX_FACT.match(line, pos)
            if m is None:
                bad = line[pos:].split()[0]
                diags.append(
                    _err(file, lineno, pos + 1, "af-syntax", f"cannot read {bad!r}", _APX_HINT)
                )
                break
            kind, a, b = m.group("kind"), m.group("a"), m.group("b")
            if kind == "arg" and b is None:
                declared[a] = None
            elif kind == "att" and b is not None:
                attacks.append((a, b, lineno, pos + 1))
            else:
                want = "arg(name)." if kind == "arg" else "att(attacker,target)."
                diags.append(
                    _err(
                        file,
                        lineno,
                        pos + 1,
                        "af-syntax",
                        f"{kind} needs the form {want}",
                        _APX_HINT,
                    )
                )
            pos = _SPACE.match(line, m.end()).end()  # type: ignore[union-attr]
    for a, b, lineno, col in attacks:
        diags.extend(
            _err(
                file,
                lineno,
                col,
                "af-undeclared-argument",
                f"attack att({a},{b}) names {name!r}, which has no arg({name}).",
                f"add arg({name}). or fix the name",
            )
            for name in (a, b)
            if name not in declared
        )
        declared.update(dict.fromkeys((a, b)))  # each undeclared name is reported once
    _raise_if(diags)
    number = {name: i for i, name in enumerate(declared)}
    return list(number), [number[a] for a, *_ in attacks], [number[b] for _, b, *_ in attacks]


def _ordered(af: nx.DiGraph) -> list[Hashable]:
    return sorted(af, key=node_order_key)


def _sorted_attacks(af: nx.DiGraph, nodes: list[Hashable]) -> list[tuple[Hashable, Hashable]]:
    rank = {n: i for i, n in enumerate(nodes)}
    return sorted(af.edges, key=lambda e: (rank[e[0]], rank[e[1]]))


def _check_names(af: nx.DiGraph, pattern: re.Pattern[str], fmt: str) -> None:
    bad = [n for n in af if not (isinstance(n, str | int) and pattern.fullmatch(str(n)))]
    _raise_if(
        [
            _err(
                f"<{fmt}>",
                0,
                0,
                "af-unwritable-name",
                f"argument {n!r} cannot be written in {fmt.upper()}",
                "use names without spaces, commas, parentheses, '%' or '#'",
            )
            for n in bad
        ]
    )


def write_apx(af: nx.DiGraph) -> str:
    """Return APX text for ``af``: ``arg`` facts, then ``att`` facts, one per line.

    Examples
    --------
    >>> write_apx(nx.DiGraph([("b", "a")]))
    'arg(a).\\narg(b).\\natt(b,a).\\n'
    """
    _check_names(af, re.compile(_NAME), "apx")
    nodes = _ordered(af)
    lines = [f"arg({n})." for n in nodes]
    lines += [f"att({a},{b})." for a, b in _sorted_attacks(af, nodes)]
    return "".join(line + "\n" for line in lines)


# ---------------------------------------------------------------- TGF


def read_tgf(text: str, file: str = "<tgf>") -> nx.DiGraph:
    """Parse Trivial Graph Format: node lines, ``#``, edge lines.

    A node line is ``name [label ...]`` (the label is ignored); an edge line
    is ``attacker target [label ...]``.

    Examples
    --------
    >>> sorted(read_tgf("1\\n2\\n#\\n1 2\\n").edges)
    [('1', '2')]
    >>> read_tgf("1\\n#\\n1 3\\n")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <tgf>:3:3: error: af-undeclared-argument: ...
    """
    return _digraph(*_parse_tgf(text, file))


def _parse_tgf(text: str, file: str) -> Parsed:
    """The arguments and attacks of TGF text; ArgmapError locating every mistake."""
    number: dict[str, int] = {}
    src: list[int] = []
    dst: list[int] = []
    diags: list[Diagnostic] = []
    in_edges = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        tokens = raw.split()
        if not tokens:
            continue
        if tokens == ["#"]:
            if in_edges:
                diags.append(
                    _err(
                        file, lineno, _indent(raw), "af-syntax", "a second '#' separator", _TGF_HINT
                    )
                )
            in_edges = True
        elif not in_edges:
            number.setdefault(tokens[0], len(number))
        elif len(tokens) < 2:
            diags.append(
                _err(
                    file,
                    lineno,
                    _indent(raw),
                    "af-syntax",
                    f"edge line {raw.strip()!r} needs an attacker and a target",
                    _TGF_HINT,
                )
            )
        else:
            a, b = tokens[0], tokens[1]
            if a not in number or b not in number:
                diags.extend(_tgf_undeclared(file, lineno, raw, number))
            src.append(number[a])
            dst.append(number[b])
    _raise_if(diags)
    return list(number), src, dst


def _indent(raw: str) -> int:
    """The column of the first character of ``raw`` that is not a space."""
    return len(raw) - len(raw.lstrip()) + 1


def _tgf_undeclared(file: str, lineno: int, raw: str, number: dict[str, int]) -> list[Diagnostic]:
    """The errors of the edge line ``raw`` naming undeclared arguments (declared now)."""
    a, b = raw.split()[:2]
    col = _indent(raw)
    diags = [
        _err(
            file,
            lineno,
            c,
            "af-undeclared-argument",
            f"edge '{a} {b}' names {name!r}, which is not listed before '#'",
            f"add a line '{name}' before '#'",
        )
        for name, c in ((a, col), (b, raw.index(b, col - 1 + len(a)) + 1))
        if name not in number
    ]
    for name in (a, b):  # each undeclared name is reported once
        number.setdefault(name, len(number))
    return diags


def write_tgf(af: nx.DiGraph) -> str:
    """Return TGF text for ``af``.

    Examples
    --------
    >>> write_tgf(nx.DiGraph([("a", "b")]))
    'a\\nb\\n#\\na b\\n'
    """
    _check_names(af, re.compile(r"[^\s#]\S*"), "tgf")
    nodes = _ordered(af)
    lines = [str(n) for n in nodes] + ["#"]
    lines += [f"{a} {b}" for a, b in _sorted_attacks(af, nodes)]
    return "".join(line + "\n" for line in lines)


# ---------------------------------------------------------------- ICCMA 2023


def read_iccma23(text: str, file: str = "<i23>") -> nx.DiGraph:
    """Parse the ICCMA 2023 format (``p af N``; ``a b`` attacks; ``#`` comments).

    Arguments are named ``"1" .. "N"``; a graph of more than
    :data:`MAX_GRAPH_ARGUMENTS` is refused (``af-too-large``), as the
    graph would take gigabytes (:func:`read_iccma23_framework` reads more).

    Examples
    --------
    >>> af = read_iccma23("# two\\np af 3\\n1 2\\n")
    >>> sorted(af.nodes), sorted(af.edges)
    (['1', '2', '3'], [('1', '2')])
    >>> read_iccma23("p af 2\\n1 5\\n")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <i23>:2:3: error: af-syntax: ...
    """
    n, attacks, where = _parse_iccma23(text, file)
    if n > MAX_GRAPH_ARGUMENTS:
        raise ArgmapError([_too_large(file, where, MAX_GRAPH_ARGUMENTS)])
    af = nx.DiGraph()
    af.add_nodes_from(str(i) for i in range(1, n + 1))
    af.add_edges_from((str(a), str(b)) for a, b in attacks)
    return af


def _parse_iccma23(text: str, file: str) -> tuple[int, list[tuple[int, int]], tuple[int, int]]:
    """N, the attacks and the place of N of ICCMA 2023 text; ArgmapError for every mistake.

    Nothing is built for the N arguments, so a broken file fails fast whatever it declares.
    """
    diags: list[Diagnostic] = []
    attacks: list[tuple[int, int]] = []
    n: int | None = None
    where = (1, 1)
    for lineno, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        col = len(raw) - len(raw.lstrip()) + 1
        tokens = stripped.split()
        if n is None:
            if len(tokens) == 3 and tokens[:2] == ["p", "af"] and tokens[2].isdecimal():
                n = _small_int(tokens[2])
                where = (lineno, raw.index(tokens[2]) + 1)
                if n is None or n > MAX_ARGUMENTS:
                    diags.append(_too_large(file, where, MAX_ARGUMENTS))
                    break
            else:
                diags.append(
                    _err(
                        file,
                        lineno,
                        col,
                        "af-syntax",
                        f"expected the header 'p af N', found {stripped!r}",
                        _I23_HINT,
                    )
                )
                break
            continue
        if len(tokens) != 2:
            diags.append(
                _err(
                    file,
                    lineno,
                    col,
                    "af-syntax",
                    f"an attack line has two numbers, found {stripped!r}",
                    _I23_HINT,
                )
            )
            continue
        start, ok = col - 1, True
        for tok in tokens:
            at = raw.index(tok, start)
            start = at + len(tok)
            number = _small_int(tok)
            if number is None or not 1 <= number <= n:
                ok = False
                diags.append(
                    _err(
                        file,
                        lineno,
                        at + 1,
                        "af-syntax",
                        f"{tok!r} is not an argument number between 1 and {n}",
                        _I23_HINT,
                    )
                )
        if ok:
            attacks.append((int(tokens[0]), int(tokens[1])))
    if n is None and not diags:
        diags.append(_err(file, 1, 1, "af-syntax", "missing the header 'p af N'", _I23_HINT))
    _raise_if(diags)
    return n or 0, attacks, where


def _too_large(file: str, where: tuple[int, int], limit: int) -> Diagnostic:
    return _err(
        file,
        *where,
        "af-too-large",
        f"the header declares more than {limit:,} arguments",
        "check N in 'p af N'; argmap cannot hold a framework this large",
    )


# A plain ICCMA 2023 file (ASCII; blank or comment lines, then the header;
# then only attack lines) is read by numpy; anything else, including every
# file with an error, goes through read_iccma23 for its located diagnostics.
_I23_HEADER = re.compile(
    r"(?:[ \t]*(?:#[\t -~]*)?(?:\r\n|\r|\n))*[ \t]*p[ \t]+af[ \t]+([0-9]+)[ \t]*(?:\r\n|\r|\n|\Z)"
)
_I23_MAX_DIGITS = 17  # longer numbers could overflow int64: left to the exact reader


def _runs(flags: npt.NDArray[np.bool_]) -> tuple[IndexArray, IndexArray]:
    """Return the first and last positions of every run of true values in ``flags``."""
    before = np.concatenate(([False], flags[:-1]))
    after = np.concatenate((flags[1:], [False]))
    return np.flatnonzero(flags & ~before), np.flatnonzero(flags & ~after)


def _i23_attacks(body: str, n: int) -> tuple[IndexArray, IndexArray] | None:
    """Return (attackers, targets) numbered from 0, or None if the exact reader must decide.

    ``body`` follows the header.  Every line must be blank or hold two
    numbers between 1 and ``n``, separated by spaces or tabs.
    """
    raw = np.frombuffer(body.encode("ascii"), dtype=np.uint8)
    digit = (raw >= ord("0")) & (raw <= ord("9"))
    breaks = (raw == ord("\n")) | (raw == ord("\r"))
    if not (digit | breaks | (raw == ord(" ")) | (raw == ord("\t"))).all():
        return None
    starts, ends = _runs(digit)  # one run of digits per number
    if starts.size and int((ends - starts).max()) >= _I23_MAX_DIGITS:
        return None
    per_line = np.bincount(np.cumsum(breaks)[starts])
    if not ((per_line == 0) | (per_line == 2)).all():
        return None
    numbers = np.fromstring(body, dtype=np.intp, sep=" ")
    if numbers.size != starts.size:
        return None
    if numbers.size and not 1 <= numbers.min() <= numbers.max() <= n:
        return None
    return numbers[0::2] - 1, numbers[1::2] - 1


def read_iccma23_framework(text: str, file: str = "<i23>") -> Framework:
    """Parse ICCMA 2023 text straight into a compiled :class:`Framework`.

    Accepts and rejects exactly what :func:`read_iccma23` does (arguments
    ``"1" .. "N"`` in that order), up to :data:`MAX_ARGUMENTS` arguments; past
    :data:`MAX_GRAPH_ARGUMENTS`, at most :data:`ARGUMENTS_PER_CHARACTER` per
    character of the text (``af-too-large``: a short file cannot declare
    millions of arguments and cost gigabytes).  A
    plain file, ASCII with no comment after the header line, is read with
    numpy, about fifty times faster than building the graph; anything else
    goes through the exact reader.

    Examples
    --------
    >>> af = read_iccma23_framework("p af 3\\n1 2\\n2 3\\n")
    >>> af.names, af.attackers("3")
    (('1', '2', '3'), ['2'])
    >>> read_iccma23_framework("p af 2\\n1 5\\n")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <i23>:2:3: error: af-syntax: ...
    >>> read_iccma23_framework("p af 9999999\\n")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <i23>:1:6: error: af-too-large: the header declares 9,999,999 ...
    """
    limit = min(MAX_ARGUMENTS, max(MAX_GRAPH_ARGUMENTS, ARGUMENTS_PER_CHARACTER * len(text)))
    header = _I23_HEADER.match(text) if text.isascii() else None
    n = None if header is None else _small_int(header.group(1))
    if header is not None and n is not None and n <= limit:
        attacks = _i23_attacks(text[header.end() :], n)
        if attacks is not None:
            return Framework(map(str, range(1, n + 1)), *attacks)
    n, pairs, where = _parse_iccma23(text, file)
    if n > limit:
        raise ArgmapError(
            [
                _err(
                    file,
                    *where,
                    "af-too-large",
                    f"the header declares {n:,} arguments, more than a file of "
                    f"{len(text):,} characters may (at most {limit:,})",
                    f"check N in 'p af N'; past {MAX_GRAPH_ARGUMENTS:,} arguments a file may "
                    f"declare {ARGUMENTS_PER_CHARACTER} per character it holds",
                )
            ]
        )
    numbers = np.array(pairs, dtype=np.intp).reshape(-1, 2) - 1
    return Framework(map(str, range(1, n + 1)), numbers[:, 0], numbers[:, 1])


def write_iccma23(af: nx.DiGraph) -> str:
    """Return ICCMA 2023 text for ``af``.

    Arguments are numbered ``1 .. N`` in name order.  Unless the names already
    are ``1 .. N``, a comment line ``# i name`` records each number's name.

    Examples
    --------
    >>> print(write_iccma23(nx.DiGraph([("x", "y")])), end="")
    p af 2
    # 1 x
    # 2 y
    1 2
    """
    nodes = _ordered(af)
    number = {n: i for i, n in enumerate(nodes, 1)}
    lines = [f"p af {len(nodes)}"]
    if any(str(n) != str(i) for n, i in number.items()):
        lines += [f"# {i} {n}" for n, i in number.items()]
    lines += [f"{number[a]} {number[b]}" for a, b in _sorted_attacks(af, nodes)]
    return "".join(line + "\n" for line in lines)


# ---------------------------------------------------------------- files

_READERS = {".apx": read_apx, ".tgf": read_tgf, ".af": read_iccma23, ".i23": read_iccma23}


def _read_text(p: Path) -> str:
    """Return the text of a framework file whose extension names a known format."""
    if p.suffix.lower() not in _READERS:
        raise ArgmapError(
            [
                _err(
                    str(p),
                    0,
                    0,
                    "af-unknown-format",
                    f"cannot tell the framework format from the extension {p.suffix!r}",
                    "name the file .apx, .tgf, .af or .i23",
                )
            ]
        )
    return read_utf8(p, "af-unreadable", "framework", limit=MAX_FRAMEWORK_BYTES)


def read_af(path: str | Path) -> nx.DiGraph:
    """Read a framework file, choosing the format by extension.

    ``.apx`` is APX, ``.tgf`` is TGF, ``.af`` and ``.i23`` are ICCMA 2023.

    Examples
    --------
    >>> read_af("framework.txt")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: framework.txt: error: af-unknown-format: ...
    """
    p = Path(path)
    text = _read_text(p)
    return _READERS[p.suffix.lower()](text, str(p))


def read_framework(path: str | Path) -> Framework:
    """Read a framework file into a compiled :class:`Framework` (see :func:`read_af`).

    ICCMA 2023 files take the fast path of :func:`read_iccma23_framework`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "two.i23"
    >>> _ = p.write_text("p af 2\\n1 2\\n")
    >>> read_framework(p)
    Framework(2 arguments, 1 attacks)
    """
    p = Path(path)
    text = _read_text(p)
    parse = _PARSERS.get(p.suffix.lower())
    if parse is None:
        return read_iccma23_framework(text, str(p))
    return _framework(*parse(text, str(p)))


#: the readers of :func:`read_framework` that give names and attacks, not a graph
_PARSERS = {".apx": _parse_apx, ".tgf": _parse_tgf}


def _framework(names: list[str], src: list[int], dst: list[int]) -> Framework:
    """Compile what a reader found (see :data:`Parsed`), without a graph."""
    return Framework(names, np.array(src, dtype=np.intp), np.array(dst, dtype=np.intp))


# ---------------------------------------------------------------- solving


def _fmt19(ext: Iterable[Hashable]) -> str:
    return "[" + ",".join(map(str, _in_order(ext))) + "]"


def _fmt23(ext: Iterable[Hashable]) -> str:
    return " ".join(["w", *map(str, _in_order(ext))])


def _in_order(names: Iterable[Hashable]) -> list[Hashable]:
    """``names`` sorted by :func:`~argmap.semantics.node_order_key`, several times faster.

    Strings of digits come first, by number and then as text, the other
    strings next; names that are not all strings take the key itself.

    Examples
    --------
    >>> _in_order({"b", "10", "2", "a", "02"})
    ['02', '2', '10', 'a', 'b']
    """
    items = list(names)
    strings = [a for a in items if isinstance(a, str)]
    if len(strings) < len(items):
        return sorted(items, key=node_order_key)
    numbers = sorted(a for a in strings if a.isdecimal() and a.isascii())
    numbers.sort(key=int)  # stable: equal numbers ("02", "2") stay in text order
    words = sorted(a for a in strings if not (a.isdecimal() and a.isascii()))
    return [*numbers, *words]


def _task_error(msg: str, code: str = "unknown-task") -> ArgmapError:
    return ArgmapError(
        [
            _err(
                "<task>",
                0,
                0,
                code,
                msg,
                "use XX-YY with XX in SE, EE, DC, DS and YY in GR, CO, PR, ST",
            )
        ]
    )


def solve(
    af: AnyFramework, task: str, arg: Hashable | None = None, *, style: Style = "iccma19"
) -> str:
    """Answer an ICCMA task, returning the answer text (no trailing newline).

    ``style="iccma19"`` (default): ``SE`` prints ``[a,b]`` or ``NO`` (no
    stable extension), ``EE`` prints ``[[a],[b,c]]`` (``[]`` when there is
    none), ``DC``/``DS`` print ``YES`` or ``NO``.

    ``style="iccma23"``: an extension is a line ``w a b``; ``SE`` prints it or
    ``NO``; ``DC`` prints ``YES`` and a ``w`` line with an extension containing
    the query, or ``NO``; ``DS`` prints ``YES``, or ``NO`` and a ``w`` line
    with an extension lacking it.  ICCMA 2023 dropped ``EE``; here it prints
    one ``w`` line per extension (nothing for none).

    Under stable semantics with no stable extension, ``DS`` answers ``YES``
    (vacuous truth, as ICCMA does).

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> solve(af, "EE-CO"), solve(af, "SE-GR"), solve(af, "DS-PR", "a")
    ('[[],[a],[b]]', '[]', 'NO')
    >>> print(solve(af, "DS-PR", "a", style="iccma23"))
    NO
    w b
    >>> solve(af, "XX-PR")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <task>: error: unknown-task: unknown task 'XX-PR' ...
    """
    problem, _, code = task.partition("-")
    semantics = SEMANTICS_CODES.get(code)
    if problem not in ("SE", "EE", "DC", "DS") or semantics is None:
        raise _task_error(f"unknown task {task!r} (supported: {', '.join(TASKS)})")
    fmt = _fmt23 if style == "iccma23" else _fmt19
    if problem == "SE":
        ext = some_extension(af, semantics)
        return "NO" if ext is None else fmt(ext)
    if problem == "EE":
        exts = extensions(af, semantics)
        if style == "iccma23":
            return "\n".join(fmt(e) for e in exts)
        return "[" + ",".join(fmt(e) for e in exts) + "]"
    if arg is None:
        raise _task_error(f"task {task} needs a query argument", "missing-argument")
    if arg not in af and str(arg) in af:
        arg = str(arg)
    if problem == "DC":
        witness = credulous_witness(af, arg, semantics)
        if witness is None:
            return "NO"
        return "YES\n" + fmt(witness) if style == "iccma23" else "YES"
    counter = sceptical_counterexample(af, arg, semantics)
    if counter is None:
        return "YES"
    return "NO\n" + fmt(counter) if style == "iccma23" else "NO"
