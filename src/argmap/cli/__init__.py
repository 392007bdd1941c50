"""Command-line interface: the only package that prints or sets exit codes.

Each command is a small function that calls the library pipeline
(load → graph → check/evaluate/render) and formats its result.  Each module
of this package registers its commands with ``register(subparsers)``.
Library errors (:class:`~argmap.errors.ArgmapError`) become messages on
stderr and exit code 1 in one place, :func:`main`.

Exit codes: 0 success, 1 bad input or failed check, 2 bad command line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from argmap import __version__
from argmap.cli import core, evaluate, html, teach
from argmap.cli._common import emit_json, out
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
    """Run the argmap command line; return the exit code."""
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
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return code
