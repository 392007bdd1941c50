"""Output helpers shared by the CLI commands (the only code that prints)."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from argmap.cli._streams import OutputError, flush_stdout, writing
from argmap.escape import json_terminal, terminal

if TYPE_CHECKING:  # the format registry imports every format: only ``write_format`` needs it
    from pathlib import Path

    from _typeshed import SupportsWrite

    from argmap.formats.base import WriteOptions
    from argmap.formats.registry import Format
    from argmap.model import Map

__all__ = [
    "MAP_FILE",
    "CommandParser",
    "OutputError",
    "UsageError",
    "add_command",
    "clip",
    "emit_json",
    "flush_stdout",
    "inputs_of",
    "keep",
    "out",
    "write_format",
    "read_map_arg",
]

#: help text of the FILE argument of the commands that read a map
MAP_FILE = "the map's YAML file"

Run = Callable[[argparse.Namespace], int]
Options = Callable[[argparse.ArgumentParser], None]


class CommandParser(argparse.ArgumentParser):
    """An argument parser that adds some options only once it is used, and prints safely.

    Options whose choices come from a module that is slow to import (the
    semantics, which load numpy and a SAT solver; the format registry, which
    loads every format) are added by a function given to :meth:`defer`; it
    runs when this parser parses or formats its help.  So ``argmap check``
    builds the parser of ``render`` without importing what ``render`` needs.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: list[Options] = []

    def defer(self, options: Options) -> None:
        """Run ``options(self)`` before this parser is first used."""
        self._deferred.append(options)

    def _add_deferred(self) -> None:
        while self._deferred:
            self._deferred.pop(0)(self)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> tuple[Any, list[str]]:
        """Add the deferred options, then parse as :class:`argparse.ArgumentParser` does."""
        self._add_deferred()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        """Add the deferred options, then format the usage line."""
        self._add_deferred()
        return super().format_usage()

    def format_help(self) -> str:
        """Add the deferred options, then format the help text."""
        self._add_deferred()
        return super().format_help()

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """Print as argparse does, terminal-safe (usage errors quote the arguments)."""
        super()._print_message(terminal(message), file)


def add_command(
    sub: Any,
    name: str,
    run: Run,
    *,
    summary: str,
    description: str,
    file: str | None = MAP_FILE,
    formats: Sequence[str] = (),
    format_help: str = "output format",
    reads_maps: bool | None = None,
    options: Options | None = None,
    **parser_options: Any,
) -> argparse.ArgumentParser:
    """Add the subcommand ``name`` running ``run`` and return its parser.

    ``summary`` is its line in ``argmap --help``, ``description`` the text of
    ``argmap NAME --help``.  With ``file`` it takes a positional ``FILE`` (so
    helped); with ``formats`` a ``--format`` whose default is the first one.
    A command that ``reads_maps`` (by default, one whose FILE is a map) takes
    ``--allow-source-anywhere``; it reads them with :func:`read_map_arg`.
    ``options(parser)`` adds the options that need slow imports, when the
    parser is first used (see :class:`CommandParser`).
    """
    p: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, description=description, **parser_options
    )
    if file:
        p.add_argument("file", metavar="FILE", help=file)
    if formats:
        p.add_argument("--format", choices=list(formats), default=formats[0], help=format_help)
    if reads_maps or (reads_maps is None and file == MAP_FILE):
        p.add_argument(
            "--allow-source-anywhere",
            action="store_true",
            help="read the map's 'source:' even outside the map's folder "
            "(by default refused: only for maps you trust)",
        )
    p.set_defaults(run=run)
    if options is not None:
        if isinstance(p, CommandParser):
            p.defer(options)
        else:
            options(p)
    return p


def read_map_arg(args: argparse.Namespace, path: str | None = None) -> Map:
    """Read the map named by ``path`` (default: the FILE argument) as the flags say."""
    from argmap.load import read_map  # not at the top: ``argmap --version`` needs no YAML

    m = read_map(args.file if path is None else path, source_anywhere=args.allow_source_anywhere)
    # The map lives until the command ends: keep the collector's full passes off its
    # millions of objects (``check`` at 10^5 claims: 1.1 s less; the CLI's main unfreezes)
    gc.freeze()
    return keep(m)


#: what the running command made that holds most of its objects (the map it read, its
#: report), kept until the next command starts (:func:`argmap.cli.main` empties it)
KEPT: list[object] = []

_T = TypeVar("_T")


def keep(made: _T) -> _T:
    """Return ``made``, kept alive until the next command starts.

    The last command of the process never frees it: :func:`argmap.cli.run`
    ends the process at once, without freeing millions of objects one by
    one as the command's function returns (``check`` at 10^5 claims: 0.1 s).
    """
    KEPT.append(made)
    return made


class UsageError(Exception):
    """A bad command line found after parsing: exit code 2, like argparse's own errors."""


def out(text: str = "", stream: TextIO | None = None) -> None:
    """Print one line to stdout (or ``stream``); nothing if that stream is closed.

    Everything argmap prints passes here, so it is made safe for a terminal:
    control characters (escape sequences, carriage returns, bells) are shown
    as symbols and bidi overrides as U+FFFD (:func:`argmap.escape.terminal`),
    whatever a map holds.  A closed pipe raises BrokenPipeError; any other
    failure to write raises :class:`OutputError`.
    """
    _print(terminal(text), stream)


def _print(text: str, stream: TextIO | None) -> None:
    target = stream or sys.stdout
    if target is None:  # started with the stream closed (``argmap ... >&-``)
        return
    with writing():
        print(text, file=target)


def emit_json(data: Any) -> None:
    """Print ``data`` as indented JSON, exact, with no control or bidi character raw.

    Such characters are written as ``\\uXXXX`` escapes
    (:func:`argmap.escape.json_terminal`), so the JSON means the same.
    """
    import json

    _print(json_terminal(json.dumps(data, indent=2, ensure_ascii=False)), None)


def clip(text: str, width: int) -> str:
    """Shorten ``text`` to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


def inputs_of(m: Map) -> tuple[Path, ...]:
    """The files a command read to get ``m``: the map and its essay (not to be overwritten)."""
    from pathlib import Path

    map_file = Path(m.file)
    return (map_file, map_file.parent / m.source) if m.source else (map_file,)


def write_format(
    fmt: Format, m: Map, options: WriteOptions, output: str | None, *, warn: bool = False
) -> str | bytes:
    """Write ``m`` in the registry format ``fmt`` to ``output``, or stdout when None; return it.

    With ``warn``, one warning on stderr names what of the map ``fmt`` has no
    place for.  The map's own files are never overwritten.
    """
    from argmap.files import write_atomic
    from argmap.formats.registry import dropped

    if fmt.writer is None:
        raise SystemExit(f"argmap: {fmt.name} cannot be written")
    data = fmt.writer(m, options)
    lost = dropped(fmt, m) if warn else []
    if lost:
        out(f"argmap: warning: {fmt.name} has no place for the map's {', '.join(lost)}", sys.stderr)
    if output:
        write_atomic(output, data if isinstance(data, bytes) else data.encode(), keep=inputs_of(m))
    elif isinstance(data, bytes):
        raise SystemExit(f"argmap: {fmt.name} is binary; give a file to write with -o")
    else:
        out(data.rstrip("\n"))
    return data
