"""The library face: read, check, evaluate and draw a map without the command line.

``import argmap`` makes these available as ``argmap.read_map``,
``argmap.check``, ``argmap.evaluate`` and ``argmap.render``; each returns
data (the reports the CLI prints are built here, and the CLI only formats
them).  Bad input raises :class:`~argmap.errors.ArgmapError`.

Examples
--------
>>> import argmap
>>> m = argmap.read_map("tests/data/core/valid.yaml")
>>> report = argmap.check(m)
>>> report.ok, report.summary()["coverage"]["ratio"]
(True, 1.0)
>>> argmap.evaluate(m).labels["cats-best"]
'in'
>>> argmap.render(m, format="dot").startswith("digraph")
True
>>> G = m.to_networkx()
>>> sorted(G.successors("cats-purr"))
['cats-purr--supports--cats-best']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.checks import Finding, run_checks
from argmap.coverage import Coverage, coverage
from argmap.graph import to_networkx
from argmap.load import read_map
from argmap.model import RELATION_KINDS, Map
from argmap.semantics.bipolar import DEFAULT_SUPPORT, SupportName

if TYPE_CHECKING:  # evaluating and drawing import numpy, the SAT solver and pydot: where used
    from argmap import evaluate as ev
    from argmap.render.dot import DotOptions
    from argmap.semantics.dung import SemanticsName
    from argmap.semantics.gradual import GradualName

__all__ = ["FAIL_ON", "CheckReport", "check", "evaluate", "read_map", "render"]

#: severities that make a check fail, for each ``fail_on`` setting
FAIL_ON: dict[str, tuple[str, ...]] = {
    "error": ("error",),
    "warning": ("error", "warning"),
    "never": (),
}


@dataclass(frozen=True)
class CheckReport:
    """What ``argmap check`` reports: the map's summary, its coverage and the lint findings."""

    map: Map
    coverage: Coverage
    findings: tuple[Finding, ...]
    fail_on: str = "error"

    @property
    def ok(self) -> bool:
        """Whether no finding has a severity that ``fail_on`` counts as failing."""
        return not any(f.severity in FAIL_ON[self.fail_on] for f in self.findings)

    def summary(self, *, rows: bool = True) -> dict[str, Any]:
        """Counts of claims and relations, speakers, quotes found and sentence coverage.

        ``rows=False`` leaves out the row of each sentence (``coverage.rows``).
        """
        m, cov = self.map, self.coverage
        kinds = dict.fromkeys(RELATION_KINDS, 0)
        kinds.update(Counter([r.kind for r in m.relations]))
        sizes = [len(r.premises) for r in m.relations]  # linked: 2 or more
        counts = cov.counts
        coverage_counts: dict[str, Any] = {
            "sentences": sum(counts.values()),
            "covered": counts["covered"],
            "skipped": counts["skipped"],
            "uncovered": counts["uncovered"],
            "ratio": round(cov.ratio, 4),
        }
        if rows:
            coverage_counts["rows"] = [
                {
                    "sentence": s.number,
                    "paragraph": s.paragraph,
                    "status": s.status,
                    "claims": list(s.claims),
                    "skipped": s.skipped,
                    "text": s.text,
                }
                for s in cov.sentences
            ]
        return {
            "file": m.file,
            "title": m.title,
            "thesis": m.thesis,
            "source": m.source,
            "claims": len(m.claims),
            "relations": {**kinds, "linked": len(sizes) - sizes.count(0) - sizes.count(1)},
            "speakers": sorted({c.by for c in m.claims}),
            "quotes_verified": len(m.claims) - [c.span for c in m.claims].count(None),
            "coverage": coverage_counts,
        }

    def to_dict(self) -> dict[str, Any]:
        """The report as ``argmap check --format json`` prints it."""
        return {
            **self.summary(),
            "ok": self.ok,
            "diagnostics": [],
            "findings": [f.to_dict() for f in self.findings],
        }


def check(
    m: Map, select: Iterable[str] = (), ignore: Iterable[str] = (), fail_on: str = "error"
) -> CheckReport:
    """Check ``m``: coverage of its source and the lints (all, or ``select`` minus ``ignore``)."""
    return CheckReport(m, coverage(m), tuple(run_checks(m, select=select, ignore=ignore)), fail_on)


def evaluate(
    m: Map,
    semantics: SemanticsName = "grounded",
    support: SupportName = DEFAULT_SUPPORT,
    gradual: GradualName = "df-quad",
    claim: str | None = None,
) -> ev.Evaluation:
    """Evaluate ``m`` (what ``argmap evaluate`` prints): see :func:`argmap.evaluate.evaluate`."""
    from argmap import evaluate as ev

    return ev.evaluate(to_networkx(m), semantics, support, gradual, claim)


def render(
    m: Map,
    format: str = "svg",
    *,
    options: DotOptions | None = None,
    semantics: SemanticsName | None = None,
    support: SupportName = DEFAULT_SUPPORT,
    gradual: GradualName | None = None,
) -> str | bytes:
    """Draw ``m``: DOT or SVG text, PNG or PDF bytes (Graphviz for all but DOT).

    ``semantics`` and ``gradual`` draw an evaluation as ``argmap render
    --evaluate/--gradual`` do.
    """
    from argmap import evaluate as ev
    from argmap.render.dot import DotOptions, render_image, to_dot

    G = to_networkx(m)
    dot = to_dot(G, options or DotOptions(), ev.assess(G, semantics, support, gradual))
    if format == "dot":
        return dot
    image = render_image(dot, format)
    return image.decode() if format == "svg" else image
