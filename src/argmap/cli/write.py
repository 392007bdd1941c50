"""CLI commands for writing a map of a new text: ``argmap init`` and ``argmap watch``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.cli._common import add_command, out
from argmap.cli.core import _print_findings, add_render_options, dot_options
from argmap.errors import ArgmapError, Diagnostic
from argmap.files import read_utf8, write_atomic
from argmap.scaffold import skeleton
from argmap.source import paragraphs, sentences

if TYPE_CHECKING:
    from argmap.watch import Build

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
    if source.startswith("../"):
        out(
            f"note: the text is outside the map's folder ({source}); argmap reads it only "
            "with --allow-source-anywhere, so keep the map beside the text or below its folder"
        )
    return 0


def _cmd_watch(args: argparse.Namespace) -> int:
    from argmap.watch import Watcher, serve

    output = Path(args.output) if args.output else None
    watcher = Watcher(
        Path(args.file), output, dot_options(args), source_anywhere=args.allow_source_anywhere
    )
    limit = 1 if args.once else args.max_cycles
    serving = output is not None and not args.no_serve and not args.once
    server = serve(watcher, args.port) if serving else None
    if server is not None:
        out(f"serving http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    if not args.once:
        out(f"watching {args.file} and its source; Ctrl-C stops")
    ok = True
    try:
        cycles = 0
        while limit is None or cycles < limit:
            if watcher.changed():
                build = watcher.build()
                _report(build, args.file)
                ok = build.ok
                cycles += 1
            if limit is None or cycles < limit:
                time.sleep(args.interval)
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
    return 1 if args.once and not ok else 0


def _report(build: Build, file: str) -> None:
    if build.report is None:
        for d in build.diagnostics:
            out(str(d), sys.stderr)
        n = sum(d.severity == "error" for d in build.diagnostics)
        kept = "; kept the last good output" if build.version else ""
        out(f"{file}: {n} error{'s' * (n != 1)}{kept}", sys.stderr)
        return
    _print_findings(list(build.report.findings), verbose=False)
    wrote = f"; wrote {build.wrote}" if build.wrote else ""
    out(f"{file}: OK (build {build.version}){wrote}")
    sys.stdout.flush()


def register(sub: Any) -> None:
    """Add the ``init`` and ``watch`` commands to the subparsers ``sub``."""
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

    p = add_command(
        sub,
        "watch",
        _cmd_watch,
        summary="re-check and re-draw a map on every save; a page that reloads",
        description="Check FILE, and again each time it or its source text is saved, printing "
        "the findings. With -o, also write OUT (an HTML page, or an SVG, PNG, PDF or DOT image "
        "by its suffix) and serve it on http://127.0.0.1 with a page that reloads itself after "
        "each save. A map with errors keeps the last good OUT; the page shows the error.",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="page or image to keep up to date")
    p.add_argument("--port", type=int, default=8000, help="local port to serve on (default 8000)")
    p.add_argument("--no-serve", action="store_true", help="write OUT but serve nothing")
    p.add_argument(
        "--once", action="store_true", help="check and write OUT once, then stop (no server)"
    )
    p.add_argument(
        "--interval", type=float, default=0.5, help="seconds between looks (default 0.5)"
    )
    p.add_argument("--max-cycles", type=int, help=argparse.SUPPRESS)  # for tests: stop after N
    add_render_options(p)
