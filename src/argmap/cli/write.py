"""CLI commands for writing a map of a new text: ``argmap init``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from argmap.cli._common import add_command, out
from argmap.errors import ArgmapError, Diagnostic
from argmap.files import read_utf8, write_atomic
from argmap.scaffold import skeleton
from argmap.source import paragraphs, sentences

__all__ = ["register"]


def _cmd_init(args: argparse.Namespace) -> int:
    text_path = Path(args.text)
    target = Path(args.output) if args.output else text_path.with_suffix(".yaml")
    if target.exists() or target.is_symlink():
        raise ArgmapError(
            [
                Diagnostic(
                    str(target),
                    0,
                    0,
                    "file-exists",
                    "the map file exists already; 'argmap init' never overwrites one",
                    "name a new file with -o, or remove this one first",
                )
            ]
        )
    text = read_utf8(text_path, "file-not-found", "text")
    source = Path(os.path.relpath(text_path.resolve(), target.resolve().parent)).as_posix()
    write_atomic(target, skeleton(text, source).encode(), keep=[text_path])
    n, p = len(sentences(text)), len(paragraphs(text))
    out(
        f"wrote {target}: {n} sentence{'s' * (n != 1)} in {p} paragraph{'s' * (p != 1)}, "
        "each a commented entry; uncomment the ones you encode"
    )
    return 0


def register(sub: Any) -> None:
    """Add the ``init`` command to the subparsers ``sub``."""
    p = add_command(
        sub,
        "init",
        _cmd_init,
        summary="start a map of a text: one commented entry per sentence",
        description="Write MAP (default: TEXT with the suffix .yaml), the skeleton of a map "
        "of TEXT: title, source, and every sentence of TEXT, paragraph by paragraph, as a "
        "commented claim quoting the whole sentence. Uncomment the entries you encode. "
        "An existing MAP is never overwritten.",
        file=None,
    )
    p.add_argument("text", metavar="TEXT", help="the source text (UTF-8)")
    p.add_argument("-o", "--output", metavar="MAP", help="map file to write (must not exist)")
