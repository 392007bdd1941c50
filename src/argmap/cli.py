"""Command-line interface: the only module that prints or sets exit codes.

Each command is a small function that calls the library pipeline
(load → graph → check/evaluate/render) and formats its result.  Library
errors (:class:`~argmap.errors.ArgmapError`) become messages on stderr and
exit code 1 in one place, :func:`main`.

Exit codes: 0 success, 1 bad input or failed check, 2 bad command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from argmap import __version__
from argmap.coverage import Coverage, coverage
from argmap.errors import ArgmapError
from argmap.files import write_atomic
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import Map
from argmap.render.dot import FORMATS, DotOptions, render_image, to_dot
from argmap.schemes import SCHEMES

__all__ = ["build_parser", "main"]

Command = Callable[[argparse.Namespace], int]


def _out(text: str = "", stream: TextIO | None = None) -> None:
    print(text, file=stream or sys.stdout)


def _emit_json(data: Any) -> None:
    _out(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False))


# --- check -----------------------------------------------------------------


def _summary(m: Map, cov: Coverage) -> dict[str, Any]:
    kinds = {k: sum(r.kind == k for r in m.relations) for k in ("support", "opposition", "undercut")}
    return {
        "file": m.file,
        "title": m.title,
        "thesis": m.thesis,
        "source": m.source,
        "claims": len(m.claims),
        "relations": {**kinds, "linked": sum(r.linked for r in m.relations)},
        "speakers": sorted({c.by for c in m.claims}),
        "quotes_verified": sum(c.span is not None for c in m.claims),
        "coverage": {
            "sentences": len(cov.sentences),
            "covered": len(cov.covered),
            "skipped": sum(s.status == "skipped" for s in cov.sentences),
            "uncovered": len(cov.uncovered),
            "ratio": round(cov.ratio, 4),
            "rows": [
                {"sentence": s.number, "paragraph": s.paragraph, "status": s.status,
                 "claims": list(s.claims), "skipped": s.skipped, "text": s.text}
                for s in cov.sentences
            ],
        },
    }


def _cmd_check(args: argparse.Namespace) -> int:
    m = read_map(args.file)
    cov = coverage(m)
    summary = _summary(m, cov)
    if args.format == "json":
        _emit_json({**summary, "ok": True, "diagnostics": []})
        return 0
    rel = summary["relations"]
    c = summary["coverage"]
    _out(f"{m.file}: {m.title!r}")
    _out(f"  {len(m.claims)} claims, {len(m.relations)} relations ({rel['support']} support, "
         f"{rel['opposition']} opposition, {rel['undercut']} undercut; {rel['linked']} linked), "
         f"speakers: {', '.join(m.speaker_name(s) for s in summary['speakers'])}")
    _out(f"  quotes: {summary['quotes_verified']}/{len(m.claims)} found verbatim in {m.source}")
    _out(f"  coverage: {c['covered']}/{c['sentences'] - c['skipped']} argumentative sentences "
         f"quoted ({c['ratio']:.0%}), {c['skipped']} skipped, {c['uncovered']} uncovered")
    for s in cov.sentences:
        if args.verbose or s.status == "uncovered":
            mark = {"covered": "+", "skipped": "·", "uncovered": "!"}[s.status]
            who = ", ".join(s.claims) if s.claims else (s.skipped or "NOT ENCODED")
            _out(f"   {mark} ¶{s.paragraph} s{s.number}: {_clip(s.text, 70)}  [{who}]")
    _out("OK")
    return 0


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- render ----------------------------------------------------------------


def _dot_options(args: argparse.Namespace) -> DotOptions:
    return DotOptions(label=args.label, group=args.group, direction=args.direction)


def _cmd_render(args: argparse.Namespace) -> int:
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() or "svg")
    if fmt not in FORMATS:
        raise SystemExit(f"argmap render: cannot tell the format of {args.output!r}; "
                         f"use --format {'|'.join(FORMATS)}")
    m = read_map(args.file)
    dot = to_dot(to_networkx(m), _dot_options(args))
    write_atomic(args.output, render_image(dot, fmt))
    _out(f"wrote {args.output} ({fmt})")
    return 0


def _add_render_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--label", choices=["id", "short", "full"], default="short",
                   help="node text: the id, the paraphrase (default), or paraphrase and quote")
    p.add_argument("--group", choices=["none", "paragraph"], default="none",
                   help="draw a box around the claims of each paragraph")
    p.add_argument("--direction", choices=["BT", "TB", "LR", "RL"], default="BT",
                   help="Graphviz rank direction; BT (default) puts conclusions on top")


# --- schemes ---------------------------------------------------------------


def _cmd_schemes(args: argparse.Namespace) -> int:
    if args.format == "json":
        _emit_json({s.id: {"name": s.name, "questions": {q.id: q.text for q in s.questions}}
                    for s in SCHEMES.values()})
        return 0
    for s in SCHEMES.values():
        _out(f"{s.id}: {s.name}")
        for q in s.questions:
            _out(f"    {q.id}: {q.text}")
    return 0


# --- parser and main -------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand and its help text."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Turn an essay into an argument map you can check and look at.",
        epilog="Run 'argmap COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("check", help="validate a map and report quote coverage",
                       description="Validate FILE (ids, references, quotes against the source) "
                       "and report which sentences of the source the map encodes.")
    p.add_argument("file", metavar="FILE", help="the map's YAML file")
    p.add_argument("--format", choices=["text", "json"], default="text", help="report format")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="list every sentence with the claims that quote it")
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("render", help="draw the map as DOT, SVG, PNG or PDF",
                       description="Draw FILE with Graphviz. The format comes from --format or "
                       "the suffix of OUT; --format dot needs no Graphviz.")
    p.add_argument("file", metavar="FILE", help="the map's YAML file")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from OUT's suffix)")
    _add_render_options(p)
    p.set_defaults(run=_cmd_render)

    p = sub.add_parser("schemes", help="list argumentation schemes and critical questions",
                       description="List the argumentation schemes a relation may name, with "
                       "the ids of their critical questions (for 'answered:').")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    p.set_defaults(run=_cmd_schemes)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the argmap command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except ArgmapError as exc:
        if getattr(args, "format", None) == "json" and args.command == "check":
            _emit_json({"ok": False, "diagnostics": [d.to_dict() for d in exc.diagnostics]})
        for d in exc.diagnostics:
            _out(str(d), sys.stderr)
        n = sum(d.severity == "error" for d in exc.diagnostics)
        _out(f"argmap: {n} error{'s' if n != 1 else ''}", sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return code
