"""Export a map as a Markdown page: the outline and a coverage table of the essay.

The outline is :func:`argmap.teach.outline.format_markdown`; the table lists
every sentence of the source with its paragraph, its status (covered, skipped
or uncovered, from :func:`argmap.coverage.coverage`) and the claims quoting it.

Examples
--------
>>> from argmap.model import Claim, Map, Span
>>> c = Claim(id="a", text="Cats purr.", quote="Cats purr", role="thesis", by="authors",
...           span=Span(0, 9), paragraph=1)
>>> m = Map(title="Cats", thesis="a", source="s.txt", claims=(c,), relations=(),
...         source_text="Cats purr. Dogs | bark.")
>>> print(to_markdown(m))
# Cats
<BLANKLINE>
Source: `s.txt` · thesis: `a` · 1 claims, 0 relations
<BLANKLINE>
## Outline
<BLANKLINE>
- `a`: Cats purr. *thesis*
<BLANKLINE>
## Coverage
<BLANKLINE>
1 of 2 argumentative sentences quoted (50%), 0 skipped, 1 uncovered.
<BLANKLINE>
| # | ¶ | status | claims | sentence |
|---:|---:|---|---|---|
| 1 | 1 | covered | `a` | Cats purr. |
| 2 | 1 | **uncovered** |  | Dogs \\| bark. |
<BLANKLINE>
"""

from __future__ import annotations

from argmap.coverage import coverage
from argmap.escape import markdown_code, markdown_text, markdown_texts
from argmap.model import Map
from argmap.teach.outline import format_markdown, outline

__all__ = ["coverage_table", "table_cell", "to_markdown"]


def table_cell(text: str) -> str:
    """Text safe in one cell of a Markdown table (one line, pipes and all markup escaped).

    Examples
    --------
    >>> table_cell("a | <b>\\nc")
    'a \\\\| \\\\<b\\\\> c'
    """
    return markdown_text(text)


#: how the table shows a status (a skipped sentence also says why)
_STATUS = {"covered": "covered", "uncovered": "**uncovered**"}


def coverage_table(m: Map) -> str:
    """A summary line and a Markdown table with one row per sentence of the source."""
    cov = coverage(m)
    statuses = [s.status for s in cov.sentences]
    skipped = statuses.count("skipped")
    covered = statuses.count("covered")
    uncovered = len(statuses) - skipped - covered
    lines = [
        (
            f"{covered} of {len(statuses) - skipped} argumentative sentences quoted "
            f"({cov.ratio:.0%}), {skipped} skipped, {uncovered} uncovered."
        ),
        "",
        "| # | ¶ | status | claims | sentence |",
        "|---:|---:|---|---|---|",
    ]
    texts = markdown_texts([s.text for s in cov.sentences])  # all at once: 10^5 in a book
    for s, status, text in zip(cov.sentences, statuses, texts, strict=True):
        shown = _STATUS.get(status) or f"skipped: {table_cell(s.skipped)}"
        claims = ", ".join(map(markdown_code, s.claims))
        lines.append(f"| {s.number} | {s.paragraph} | {shown} | {claims} | {text} |")
    return "\n".join(lines)


def to_markdown(m: Map, *, quotes: bool = False) -> str:
    """The map as a Markdown page: title, outline (with quotes if asked), coverage."""
    return "\n".join(
        [
            f"# {markdown_text(m.title) or 'Argument map'}",
            "",
            (
                f"Source: {markdown_code(m.source)} · thesis: {markdown_code(m.thesis)} · "
                f"{len(m.claims)} claims, {len(m.relations)} relations"
            ),
            "",
            "## Outline",
            "",
            format_markdown(outline(m), m, quotes=quotes, level=3),
            "",
            "## Coverage",
            "",
            coverage_table(m),
            "",
        ]
    )
