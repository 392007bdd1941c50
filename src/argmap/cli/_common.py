"""Output helpers shared by the CLI commands (the only code that prints)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

__all__ = ["MAP_FILE", "add_command", "clip", "emit_json", "out"]

#: help text of the FILE argument of the commands that read a map
MAP_FILE = "the map's YAML file"

Run = Callable[[argparse.Namespace], int]


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
    **parser_options: Any,
) -> argparse.ArgumentParser:
    """Add the subcommand ``name`` running ``run`` and return its parser.

    ``summary`` is its line in ``argmap --help``, ``description`` the text of
    ``argmap NAME --help``.  With ``file`` it takes a positional ``FILE`` (so
    helped); with ``formats`` a ``--format`` whose default is the first one.
    """
    p: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, description=description, **parser_options
    )
    if file:
        p.add_argument("file", metavar="FILE", help=file)
    if formats:
        p.add_argument("--format", choices=list(formats), default=formats[0], help=format_help)
    p.set_defaults(run=run)
    return p


def out(text: str = "", stream: TextIO | None = None) -> None:
    """Print one line to stdout (or ``stream``)."""
    print(text, file=stream or sys.stdout)


def emit_json(data: Any) -> None:
    """Print ``data`` as indented JSON."""
    out(json.dumps(data, indent=2, ensure_ascii=False))


def clip(text: str, width: int) -> str:
    """Shorten ``text`` to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"
