"""CLI commands ``argmap import`` and ``argmap export``: the format registry's readers and writers.

``render`` and ``html`` write through the same registry and
:func:`argmap.cli._common.write_format`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.cli._common import add_command, out, read_map_arg, write_format
from argmap.cli.core import add_evaluation_options, add_render_options, write_options
from argmap.files import read_utf8, write_atomic
from argmap.formats.base import finish
from argmap.formats.registry import FORMATS, Format, format_of_path, guess_reader, writers
from argmap.formats.yamlmap import to_yaml
from argmap.load import load_map

__all__ = ["chosen_format", "register"]


def chosen_format(args: argparse.Namespace, command: str) -> Format:
    """The format of ``--format``, else of the output's suffix (a usage error if neither)."""
    if args.format:
        return FORMATS[args.format]
    found = format_of_path(args.output, command) if args.output else None
    if found is None:
        what = f"the format of {args.output!r}" if args.output else "the format"
        parser: argparse.ArgumentParser = args.parser
        parser.error(f"cannot tell {what}; use --format {'|'.join(writers(command))}")
    return found


def _cmd_export(args: argparse.Namespace) -> int:
    fmt = chosen_format(args, "export")
    m = read_map_arg(args)
    write_format(fmt, m, write_options(args, m), args.output, warn=True)
    if args.output:
        out(f"wrote {args.output} ({fmt.name})")
    return 0


def _source_path(output: Path) -> Path:
    beside = output.with_suffix(".txt")
    return beside if beside != output else output.with_name(output.name + ".source.txt")


def _cmd_import(args: argparse.Namespace) -> int:
    text = read_utf8(args.file, "file-not-found", "input")
    fmt = FORMATS[args.from_format] if args.from_format else guess_reader(text, args.file)
    assert fmt.reader is not None  # noqa: S101 - --from offers only readers
    imported = fmt.reader(text, args.file)
    output = Path(args.output)
    source = _source_path(output)
    m, source_text, built = finish(imported, source.name)
    yaml_text = to_yaml(m)
    load_map(yaml_text, str(output))  # the map is valid before anything is written
    keep = (args.file,)
    write_atomic(source, source_text.encode(), keep=keep)
    write_atomic(output, yaml_text.encode(), keep=keep)
    if imported.dropped:
        out(f"argmap: warning: not imported: {', '.join(imported.dropped)}", sys.stderr)
    out(f"wrote {output} ({fmt.name}: {len(m.claims)} claims, {len(m.relations)} relations)")
    how = "built from the quotes: the file carries no essay text" if built else "the essay's text"
    out(f"wrote {source} ({how})")
    return 0


def register(sub: Any) -> None:
    """Add the import and export commands to the subparsers ``sub``."""
    readers = [f.name for f in FORMATS.values() if f.reader]
    p = add_command(
        sub,
        "import",
        _cmd_import,
        summary="read a map made in another tool (AIF, xAIF, Argdown, microtext XML)",
        description="Read FILE in another tool's format and write an argmap YAML map, "
        "OUT, with its source text beside it (OUT with suffix .txt): the file's own essay "
        "text, or, when it carries none, the claims' quotes one per paragraph. The format "
        "comes from --from or is guessed from the content and suffix. "
        f"Formats: {', '.join(readers)}. docs/formats.md says what maps to what.",
        file="the file to read",
    )
    p.add_argument("--from", dest="from_format", choices=readers, help="format of FILE")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="YAML map to write")
    p.set_defaults(parser=p)

    p = add_command(
        sub,
        "export",
        _cmd_export,
        summary="write the map in another format (AIF, GraphML, ICCMA, Mermaid, ...)",
        description="Write FILE in another format, to OUT or standard output. The format "
        "comes from --format or OUT's suffix. What a format has no place for is named in "
        "one warning. docs/formats.md says what maps to what. "
        + "; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values() if f.writer),
    )
    p.add_argument("--format", choices=writers("export"), help="output format")
    p.add_argument("-o", "--output", metavar="OUT", help="file to write (default: stdout)")
    p.add_argument("--quotes", action="store_true", help="markdown: quotes in the outline")
    add_render_options(p)
    add_evaluation_options(p)
    p.set_defaults(parser=p)
