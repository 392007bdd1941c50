"""The one entry point for evaluating a map: labels, strengths, full report.

:func:`claim_labels` labels every claim ``in``, ``out`` or ``undec`` in the
Dung framework the map means (:func:`argmap.semantics.bipolar.framework_of`).
Grounded semantics has one labelling.  Complete, preferred and stable
semantics may have several extensions; a claim's label is then the
**sceptical** reading: ``in`` if it is in every extension, ``out`` if every
extension attacks it, ``undec`` otherwise (it is accepted in some and not
others, or in none without being defeated in all).  With no stable extension
at all every claim is ``undec``.  :func:`evaluate` also reports credulous
acceptance (in at least one extension).

:func:`claim_strengths` gives each claim a gradual strength in [0, 1]
(:mod:`argmap.semantics.gradual`).  :func:`assess` computes what a drawing
shows (labels and strengths, as an :class:`~argmap.model.Assessment`) and
:func:`evaluate` the full report; each compiles the framework once and runs
the semantics' enumeration once.

Examples
--------
>>> from argmap.model import Claim, Map, Relation
>>> from argmap.graph import to_networkx
>>> cs = (Claim("t", "t", "t", "thesis", "authors"), Claim("o", "o", "o", "opponent", "x"),
...       Claim("r", "r", "r", "rebuttal", "authors"))
>>> rs = (Relation("o-t", "opposition", ("o",), "t"), Relation("r-o", "opposition", ("r",), "o"))
>>> G = to_networkx(Map("", "t", "", cs, rs))
>>> claim_labels(G)
{'o': 'out', 'r': 'in', 't': 'in'}
>>> claim_strengths(G)
{'o': 0.25, 'r': 0.5, 't': 0.375}
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from argmap.errors import ArgmapError, Diagnostic
from argmap.graph import claim_nodes
from argmap.lazy import lazy_module
from argmap.model import Assessment
from argmap.semantics.bipolar import DEFAULT_SUPPORT, SupportName, framework_of
from argmap.semantics.commitments import Commitment, commitments
from argmap.semantics.dung import (
    LABELS,
    Extension,
    Label,
    SemanticsName,
    extension_masks,
    node_sorted,
    sceptical_codes,
)
from argmap.semantics.framework import AnyFramework, Framework, as_framework
from argmap.semantics.gradual import Gradual, GradualName, gradual
from argmap.semantics.mapindex import MapIndex, MapLike, as_index

if TYPE_CHECKING:
    import networkx as nx
else:  # imported when first used (the doctests build graphs): evaluate needs no graph
    nx = lazy_module("networkx")

_Mask = npt.NDArray[np.bool_]

__all__ = [
    "Acceptance",
    "Evaluation",
    "assess",
    "check_claim",
    "claim_labels",
    "claim_strengths",
    "evaluate",
    "labels_of",
]


def labels_of(
    af: AnyFramework, semantics: SemanticsName, exts: list[Extension] | None = None
) -> dict[Hashable, Label]:
    """Label every argument of ``af``: the sceptical reading of its extensions (module doc).

    Under grounded semantics that is the grounded labelling.  ``exts``, if
    given, are the extensions of ``af`` under ``semantics``, already computed.

    Examples
    --------
    >>> af = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    >>> labels_of(af, "preferred")
    {'a': 'undec', 'b': 'undec', 'c': 'undec'}
    >>> labels_of(nx.DiGraph([("a", "b"), ("b", "c")]), "stable")
    {'a': 'in', 'b': 'out', 'c': 'in'}
    """
    fw = as_framework(af)
    masks = (
        extension_masks(fw, semantics)
        if exts is None
        else [fw.mask(e, "the extension") for e in exts]
    )
    labels = dict(zip(fw.names, _labels(sceptical_codes(fw, masks)), strict=True))
    return {a: labels[a] for a in node_sorted(fw.names)}


def _labels(codes: npt.NDArray[np.intp]) -> map[Label]:
    """The labels of label codes (:func:`argmap.semantics.dung.sceptical_codes`)."""
    return map(LABELS.__getitem__, codes.tolist())


def claim_labels(
    G: nx.DiGraph, semantics: SemanticsName = "grounded", support: SupportName = DEFAULT_SUPPORT
) -> dict[str, Label]:
    """Return ``in``/``out``/``undec`` per claim of the map graph ``G``, sorted by id."""
    labels = labels_of(framework_of(G, support), semantics)
    return {c: labels[c] for c in claim_nodes(G)}


def claim_strengths(G: nx.DiGraph, method: GradualName = "df-quad") -> dict[str, float]:
    """Return the gradual strength in [0, 1] of every claim, sorted by id."""
    return gradual(G, method).strengths


def assess(
    G: nx.DiGraph,
    semantics: SemanticsName | None = None,
    support: SupportName = DEFAULT_SUPPORT,
    method: GradualName | None = None,
) -> Assessment:
    """Return the labels under ``semantics`` and the strengths under ``method``.

    Either may be None (not asked for).  This is what ``render`` and ``html``
    draw; pass it to :func:`argmap.render.dot.to_dot` or
    :func:`argmap.render.html.to_html`.

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = (Claim("a", "a", "a", "thesis", "x"), Claim("b", "b", "b", "opponent", "y"))
    >>> G = to_networkx(Map("", "a", "", cs, (Relation("ba", "opposition", ("b",), "a"),)))
    >>> assess(G, "grounded", method="df-quad")
    Assessment(labels={'a': 'out', 'b': 'in'}, semantics='grounded', support='necessary', \
strengths={'a': 0.25, 'b': 0.5}, gradual='df-quad', converged=True)
    """
    labels: dict[str, Label] = {} if semantics is None else claim_labels(G, semantics, support)
    grad = Gradual("", {}) if method is None else gradual(G, method)
    return Assessment(
        labels=labels,
        semantics=semantics or "",
        support=support if semantics else "",
        strengths=grad.strengths,
        gradual=grad.method,
        converged=grad.converged,
    )


def check_claim(G: MapLike, claim: str) -> None:
    """Raise ``unknown-claim`` (with a did-you-mean hint) unless ``claim`` is a claim of ``G``.

    ``G`` is a map graph or the map's index (:func:`argmap.semantics.mapindex.as_index`).

    Examples
    --------
    >>> check_claim(nx.DiGraph(file="m.yaml"), "x")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: m.yaml: error: unknown-claim: no claim 'x' in the map ...
    """
    if isinstance(G, MapIndex):
        claims, file, thesis = G.claims, G.file, G.thesis
    else:
        claims, file, thesis = (
            claim_nodes(G),
            str(G.graph.get("file", "<map>")),
            G.graph.get("thesis"),
        )
    if claim in claims:
        return
    close = difflib.get_close_matches(claim, claims, n=3)
    hint = f"did you mean {', '.join(close)}?" if close else "'argmap check' lists the claims"
    raise ArgmapError(
        [
            Diagnostic(
                file,
                0,
                0,
                "unknown-claim",
                f"no claim {claim!r} in the map (the thesis is {thesis!r})",
                hint=hint,
            )
        ]
    )


@dataclass(frozen=True)
class Acceptance:
    """Whether one claim is accepted in some (credulous) and every (sceptical) extension."""

    claim: str
    credulous: bool
    sceptical: bool


@dataclass(frozen=True)
class Evaluation:
    """The full evaluation report of a map (what ``argmap evaluate`` prints)."""

    semantics: str
    support: str
    gradual: str
    arguments: int
    attacks: list[tuple[str, str]]
    extensions: list[list[str]]
    labels: dict[str, str]
    strengths: dict[str, float]
    converged: bool
    commitments: list[Commitment]
    acceptance: Acceptance | None = None
    inference_labels: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dictionary."""
        return {
            "semantics": self.semantics,
            "support": self.support,
            "gradual": self.gradual,
            "arguments": self.arguments,
            "attacks": [list(e) for e in self.attacks],
            "extensions": self.extensions,
            "labels": self.labels,
            "inference_labels": self.inference_labels,
            "strengths": self.strengths,
            "converged": self.converged,
            "acceptance": None
            if self.acceptance is None
            else {
                "claim": self.acceptance.claim,
                "credulous": self.acceptance.credulous,
                "sceptical": self.acceptance.sceptical,
            },
            "commitments": [
                {
                    "speaker": c.speaker,
                    "name": c.name,
                    "claims": list(c.claims),
                    "arguments": list(c.arguments),
                    "conflict_free": c.conflict_free,
                    "admissible": c.admissible,
                    "conflicts": [list(e) for e in c.conflicts],
                    "unanswered": [list(e) for e in c.unanswered],
                }
                for c in self.commitments
            ],
        }


def evaluate(
    G: MapLike,
    semantics: SemanticsName = "grounded",
    support: SupportName = DEFAULT_SUPPORT,
    method: GradualName = "df-quad",
    claim: str | None = None,
) -> Evaluation:
    """Evaluate the map graph ``G``: extensions, labels, strengths, commitments.

    Extensions list claims only (inference arguments are left out), sorted.
    ``claim``, if given, is checked for credulous and sceptical acceptance.
    ``G`` may also be the map's index (:func:`argmap.semantics.mapindex.index_map`
    indexes a map without building its graph).

    Examples
    --------
    >>> from argmap.model import Claim, Map, Relation
    >>> from argmap.graph import to_networkx
    >>> cs = (Claim("a", "a", "a", "thesis", "x"), Claim("b", "b", "b", "opponent", "y"))
    >>> rs = (Relation("ab", "opposition", ("a",), "b"), Relation("ba", "opposition", ("b",), "a"))
    >>> ev = evaluate(to_networkx(Map("", "a", "", cs, rs)), "preferred", claim="a")
    >>> ev.extensions, ev.labels
    ([['a'], ['b']], {'a': 'undec', 'b': 'undec'})
    >>> ev.acceptance
    Acceptance(claim='a', credulous=True, sceptical=False)
    """
    ix = as_index(G)
    if claim is not None:
        check_claim(ix, claim)
    af = framework_of(ix, support)
    masks = extension_masks(af, semantics)
    claims = ix.claims
    nc = len(claims)
    codes = sceptical_codes(af, masks)
    grad = gradual(ix, method)
    acceptance = None
    if claim is not None:
        held = [bool(m[af.index(claim)]) for m in masks]
        acceptance = Acceptance(claim, credulous=any(held), sceptical=all(held))
    src, dst = af.names_of(af.sources()), af.names_of(af.succ_idx)
    if af.names[:nc] == tuple(claims):  # framework_of numbers the (distinct) claims first
        claim_codes = codes[:nc]
        rest = np.arange(nc, len(af))
    else:  # pragma: no cover - a claim id given twice
        claim_codes = codes[af.indices(claims)]
        rest = np.setdiff1d(np.arange(len(af)), af.indices(claims))
    return Evaluation(
        semantics=semantics,
        support=support,
        gradual=method,
        arguments=len(af),
        attacks=sorted(zip(map(str, src), map(str, dst), strict=True)),
        extensions=[list(t) for t in sorted({_claims_in(af, m, rest) for m in masks})],
        labels=dict(zip(claims, _labels(claim_codes), strict=True)),
        strengths=grad.strengths,
        converged=grad.converged,
        commitments=commitments(ix, support, framework=af),
        acceptance=acceptance,
        inference_labels=_inference_labels(af.names_of(rest), codes[rest]),
    )


def _claims_in(af: Framework, members: _Mask, rest: npt.NDArray[np.intp]) -> tuple[str, ...]:
    """The claims of an extension, sorted (the claims are in sorted order, ``rest`` is not)."""
    held = members.copy()
    held[rest] = False
    return tuple(sorted(map(str, af.names_of(held))))


def _inference_labels(names: list[Hashable], codes: npt.NDArray[np.intp]) -> dict[str, str]:
    """The labels of the arguments ``names`` (not claims), in :func:`node_sorted` order."""
    order = node_sorted(names)
    if order == names:  # the usual case: the inferences are numbered in sorted order
        return dict(zip(map(str, names), _labels(codes), strict=True))
    labels = dict(zip(names, _labels(codes), strict=True))
    return {str(a): labels[a] for a in order}
