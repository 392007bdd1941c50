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

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.cli import core, evaluate, html, teach
from argmap.cli._common import OutputError, UsageError, emit_json, flush_stdout, out
from argmap.errors import ArgmapError

__all__ = ["build_parser", "main"]

#: modules whose ``register`` adds commands, in the order of ``argmap --help``
COMMAND_MODULES = [core, html, evaluate, teach]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand and its help text."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Turn an essay into an argument map you can check and look at.",
        epilog="Run 'argmap COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the argmap command line; return the exit code.

    Ctrl-C exits with 130 and output into a closed pipe (``argmap outline
    m.yaml | head -1``) with 141, the shell's codes for SIGINT and SIGPIPE,
    both without a traceback; standard output that cannot be written (a full
    disk) is a one-line message and exit code 1.
    """
    try:
        try:
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
            out(f"argmap: cannot write the output: {exc}", sys.stderr)
        return 1
    except Exception as exc:
        # python-sat turns Ctrl-C inside the solver into its own exception type
        if "keyboard interrupt" in str(exc).lower():
            return _interrupted()
        raise
    return code


def _interrupted() -> int:
    with contextlib.suppress(OSError):
        out("argmap: interrupted", sys.stderr)
    return 130


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
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


def _discard_stdout() -> None:
    """Point stdout at the null device, so that Python's last flush at exit stays silent."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no descriptor (pytest, >&-)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
