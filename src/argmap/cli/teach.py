"""CLI commands for teaching: outline, quiz and compare (export is in :mod:`.interchange`)."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._common import add_command, emit_json, out, read_map_arg

__all__ = ["register"]


# each command imports only its own module: ``quiz`` needs neither compare nor outline


def _cmd_outline(args: argparse.Namespace) -> int:
    from argmap.teach import outline as ol

    m = read_map_arg(args)
    tree = ol.outline(m)
    if args.format == "markdown":
        out(ol.format_markdown(tree, m, quotes=args.quotes))
    else:
        out(ol.format_text(tree, m, quotes=args.quotes))
    return 0


def _cmd_quiz(args: argparse.Namespace) -> int:
    from argmap.teach import quiz as qz

    m = read_map_arg(args)
    questions = qz.make_quiz(m, seed=args.seed, count=args.count)
    if args.format == "json":
        emit_json({"title": m.title, "seed": args.seed, "questions": qz.to_dicts(questions)})
    else:
        out(qz.format_markdown(questions, m.title))
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from argmap.teach import compare as cmp

    result = cmp.compare(
        read_map_arg(args, args.student),
        read_map_arg(args, args.reference),
        args.min_overlap,
        args.paragraphs,
    )
    if args.format == "json":
        emit_json(cmp.to_dict(result))
    elif args.format == "markdown":
        out(cmp.format_markdown(result).rstrip("\n"))
    else:
        out(cmp.format_text(result))
    return 0


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _paragraph_range(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    try:
        span = (int(first), int(last or first))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a paragraph range like 9-12: {text!r}") from None
    if not 1 <= span[0] <= span[1]:
        raise argparse.ArgumentTypeError(f"not a paragraph range like 9-12: {text!r}")
    return span


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], not {value}")
    return value


def register(sub: Any) -> None:
    """Add the outline, quiz and compare commands to the subparsers ``sub``."""
    p = add_command(
        sub,
        "outline",
        _cmd_outline,
        summary="print the argument as an indented tree from the thesis down",
        description="Print FILE's argument as a tree: under each claim the relations "
        "into it, marked + support, - opposition, ~ undercut (under the inference it "
        "attacks). Linked premises are grouped under one [linked] line. A claim met "
        "again is shown as '↑ see ID'. Claims with no path to the thesis come last.",
        formats=["text", "markdown"],
    )
    p.add_argument("--quotes", action="store_true", help="show each claim's quote too")

    p = add_command(
        sub,
        "quiz",
        _cmd_quiz,
        summary="make multiple-choice questions about a map",
        description="Make multiple-choice questions from FILE: which claim does X "
        "support, who asserts Y, what answers the objection Z, which passage states W, "
        "what role does V play. Distractors come from the same map; the same --seed "
        "gives the same quiz. Answers are listed at the end (markdown) or per question "
        "(json).",
        formats=["markdown", "json"],
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument(
        "--count", type=_positive_int, default=10, help="number of questions (default 10)"
    )

    p = add_command(
        sub,
        "compare",
        _cmd_compare,
        summary="grade a student's map against a reference map",
        description="Compare STUDENT with REFERENCE, two maps of the same essay. Claims "
        "are matched by their quotes (overlap / union of the two passages at least "
        "--min-overlap), relations by their matched claims and kind. Reports precision, "
        "recall and F1 of claims and relations, whether the thesis was found, and the "
        "missed, extra and wrong-kind items with their quotes.",
        file=None,
        reads_maps=True,
    )
    p.add_argument("student", metavar="STUDENT", help="the student's YAML map")
    p.add_argument("reference", metavar="REFERENCE", help="the reference YAML map")
    p.add_argument(
        "--format", choices=["text", "markdown", "json"], default="text", help="report format"
    )
    p.add_argument(
        "--min-overlap",
        type=_fraction,
        default=0.5,
        metavar="X",
        help="least overlap/union of two quotes to match their claims, in (0, 1] (default 0.5)",
    )
    p.add_argument(
        "--paragraphs",
        type=_paragraph_range,
        metavar="A-B",
        help="grade only claims quoting paragraphs A to B of the essay (and the relations "
        "among them), for an exercise on part of the essay",
    )
