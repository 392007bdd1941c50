"""Command-line interface: the only package that prints or sets exit codes.

Each command is a small function that calls the library pipeline
(load → graph → check/evaluate/render) and formats its result.  Each module
of this package registers its commands with ``register(subparsers)``.
Library errors (:class:`~argmap.errors.ArgmapError`) become messages on
stderr and exit code 1 in one place, :func:`main`.

Exit codes: 0 success, 1 bad input or failed check, 2 bad command line,
130 interrupted (Ctrl-C), 141 output pipe closed early (e.g. by ``head``).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence

from argmap import __version__
from argmap.cli._streams import OutputError, flush_stdout

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (and re): a faster start
if TYPE_CHECKING:  # argparse and the commands' helpers are imported once a command is known
    import argparse
    from typing import NoReturn

__all__ = ["COMMANDS", "COMMAND_MODULES", "build_parser", "main", "run"]

#: modules of this package whose ``register`` adds commands, in the order of ``argmap --help``
COMMAND_MODULES = ["core", "html", "evaluate", "teach", "interchange", "write"]

#: the module that registers each command, so that a command imports only its own module
#: (a command missing here still works: then every module is imported)
COMMANDS = {
    "check": "core",
    "render": "core",
    "schemes": "core",
    "schema": "core",
    "html": "html",
    "evaluate": "evaluate",
    "explain": "evaluate",
    "af": "evaluate",
    "outline": "teach",
    "quiz": "teach",
    "compare": "teach",
    "import": "interchange",
    "export": "interchange",
    "init": "write",
    "watch": "write",
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand and its help text.

    Given the command line ``argv``, only the module of its command is
    imported (none for ``--version`` alone), for a fast start.
    """
    from argmap.cli._common import CommandParser

    parser = CommandParser(
        prog="argmap",
        description="Turn an essay into an argument map you can check and look at.",
        epilog="Run 'argmap COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _modules_for(argv):
        importlib.import_module(f"argmap.cli.{name}").register(sub)
    return parser


def _modules_for(argv: Sequence[str] | None) -> list[str]:
    if argv is None:
        return COMMAND_MODULES
    words = [a for a in argv if not a.startswith("-")]
    if words and words[0] in COMMANDS:
        return [COMMANDS[words[0]]]
    return [] if list(argv) == ["--version"] else COMMAND_MODULES


def main(argv: Sequence[str] | None = None) -> int:
    """Run the argmap command line; return the exit code.

    Ctrl-C exits with 130 and output into a closed pipe (``argmap outline
    m.yaml | head -1``) with 141, the shell's codes for SIGINT and SIGPIPE,
    both without a traceback; standard output that cannot be written (a full
    disk) is a one-line message and exit code 1.
    """
    try:
        try:
            with _few_collections():
                code = _run(argv)
        finally:  # also after --help: buffered output meets a closed pipe here, not at exit
            flush_stdout()
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        _discard_stdout()
        return 141
    except OutputError as exc:
        _discard_stdout()
        with contextlib.suppress(OSError):
            _say(f"argmap: cannot write the output: {exc}")
        return 1
    except Exception as exc:
        # python-sat turns Ctrl-C inside the solver into its own exception type
        if "keyboard interrupt" in str(exc).lower():
            return _interrupted()
        raise
    return code


def run() -> NoReturn:
    """The ``argmap`` program: :func:`main`, then end the process at once.

    A command on a big map leaves millions of objects that Python would free
    one by one on the way out (0.45 s of ``check``'s 6 s at 10^5 claims);
    the process ends without that, as mypy's does, and what the command
    read is kept (:func:`argmap.cli._common.keep`) so that it is not freed
    as the command's function returns either (0.1 s more).  Output is flushed first,
    and argmap registers no exit handlers.  Library callers use :func:`main`.

    argmap does no linear algebra, so numpy's OpenBLAS is told to start no
    thread pool (0.12 s of CPU at import, a tenth of loading 10^5 claims'
    quotes) unless the environment says otherwise.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code = main()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None: started with that stream closed
            with contextlib.suppress(OSError, ValueError):  # a closed pipe: main reported it
                stream.flush()
    os._exit(code)


#: the cyclic collector's thresholds while a command runs (Python's default: 700, 10, 10)
_GC_THRESHOLDS = (200_000, 30, 30)


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Run with ``_GC_THRESHOLDS``, then put the collector's thresholds back.

    A big map is millions of objects that all live until the command ends;
    with the default thresholds the collector walks them over and over (a
    third of ``quiz``'s time at 10^4 claims, see benchmarks/README.md).  A map once
    read is frozen out of the collector's sight until the command ends.
    """
    before = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.unfreeze()  # what reading the map froze (``read_map_arg``) is collectable again
        gc.set_threshold(*before)


def _interrupted() -> int:
    with contextlib.suppress(OSError):
        _say("argmap: interrupted")
    return 130


def _say(message: str) -> None:
    """Print ``message`` on stderr, terminal-safe."""
    from argmap.cli._common import out

    out(message, sys.stderr)


def _run(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if list(argv) == ["--version"]:
        _version()
    from argmap.cli._common import KEPT, UsageError, emit_json, out

    KEPT.clear()  # what the command before this one kept (``keep``) is freed now
    args = build_parser(argv).parse_args(argv)
    from argmap.errors import ArgmapError  # after parsing: ``argmap --version`` needs none

    try:
        code: int = args.run(args)
    except ArgmapError as exc:
        if getattr(args, "format", None) == "json":
            emit_json({"ok": False, "diagnostics": [d.to_dict() for d in exc.diagnostics]})
        for d in exc.diagnostics:
            out(str(d), sys.stderr)
        n = sum(d.severity == "error" for d in exc.diagnostics)
        out(f"argmap: {n} error{'s' if n != 1 else ''}", sys.stderr)
        return 1
    except UsageError as exc:
        out(f"argmap {args.command}: error: {exc}", sys.stderr)
        return 2
    return code


def _version() -> NoReturn:
    """Print the version and exit as argparse's ``--version`` does, without building a parser.

    (argparse ignores a stream it cannot write to; a closed pipe then shows at the flush.)
    """
    with contextlib.suppress(AttributeError, OSError):  # no stdout, or it is closed
        sys.stdout.write(f"argmap {__version__}\n")
    raise SystemExit(0)


def _discard_stdout() -> None:
    """Point stdout at the null device, so that Python's last flush at exit stays silent."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no descriptor (pytest, >&-)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
