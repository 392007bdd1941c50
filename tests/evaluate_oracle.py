"""The evaluation as it was before eval3 (commit 1b2f65b), kept as an oracle.

The framework came from the name-level closure (:func:`argmap.semantics.bipolar._close`
over :func:`~argmap.semantics.bipolar._need_links`, unchanged), labels from one
labelling per extension, strengths from a dictionary per node.
"""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np

from argmap.evaluate import Acceptance, Evaluation
from argmap.semantics.bipolar import _close, _need_links
from argmap.semantics.commitments import commitments
from argmap.semantics.dung import (
    Extension,
    Label,
    SemanticsName,
    extensions,
    labelling_from_extension,
    node_order_key,
)
from argmap.semantics.framework import AnyFramework, Framework, as_framework
from argmap.semantics.gradual import (
    Edges,
    Gradual,
    _check_method,
    _depth,
    _Links,
    _rk4,
)
from argmap.semantics.mapindex import MapIndex

__all__ = ["old_evaluate", "old_framework_of", "old_gradual", "old_labels_of"]


def old_framework_of(ix: MapIndex, support: str) -> Framework:
    direct = [(r, t) for r, (t, role) in ix.target.items() if role in ("conflict", "undercut")]
    attacks = _close(direct, _need_links(ix, support))
    return Framework.from_edges(sorted(attacks), arguments=ix.claims + ix.inferences)


def old_labels_of(
    af: AnyFramework, semantics: SemanticsName, exts: list[Extension] | None = None
) -> dict[Hashable, Label]:
    fw = as_framework(af)
    if exts is None:
        exts = extensions(fw, semantics)
    labellings = [labelling_from_extension(fw, e) for e in exts]
    order = sorted(fw, key=node_order_key)
    if len(labellings) == 1:
        return {a: labellings[0][a] for a in order}
    result: dict[Hashable, Label] = {}
    for a in order:
        seen = {lab[a] for lab in labellings}
        result[a] = seen.pop() if seen in ({"in"}, {"out"}) else "undec"
    return result


def _edges(pairs: list[tuple[int, int]]) -> Edges:
    arr = np.array(sorted(pairs), dtype=np.intp).reshape(-1, 2)
    return arr[:, 0].copy(), arr[:, 1].copy()


def _links(ix: MapIndex) -> _Links:
    nodes = sorted(ix.claims + ix.inferences)
    index = {n: i for i, n in enumerate(nodes)}
    inference = sorted(index[r] for r in ix.inferences)
    premise = [(index[p], index[r]) for r, ps in ix.premises.items() for p in ps]
    attacks: list[tuple[int, int]] = []
    supports: list[tuple[int, int]] = []
    for r, (t, role) in ix.target.items():
        (supports if role == "conclusion" else attacks).append((index[r], index[t]))
    src, dst = _edges(premise)
    order = np.lexsort((src, dst))
    counts = np.bincount(dst, minlength=len(nodes))[inference]
    ptr = np.zeros(len(inference) + 1, dtype=np.intp)
    np.cumsum(counts, out=ptr[1:])
    base = ix.base
    claims = set(ix.claims)
    return _Links(
        nodes,
        np.fromiter(map(claims.__contains__, nodes), np.bool_, len(nodes)),
        np.array([base.get(n, 0.5) for n in nodes], dtype=np.float64),
        np.array(inference, dtype=np.intp),
        ptr,
        src[order],
        _edges(attacks),
        _edges(supports),
    )


def old_gradual(ix: MapIndex, method: str = "df-quad") -> Gradual:
    update = _check_method(method).update
    g = _links(ix)
    s = g.bases(g.base)
    depth = _depth(g)
    if depth is not None:
        iterations, converged = depth + 1, True
        for _ in range(iterations):
            s = np.clip(update(g, s), 0.0, 1.0)
    else:
        s, iterations, converged = _rk4(g, update, s, 1e-10, 20000)
    claims = set(ix.claims)
    values = dict(zip(g.nodes, (round(float(x), 6) + 0.0 for x in s), strict=True))
    return Gradual(
        method=method,
        strengths={n: v for n, v in values.items() if n in claims},
        inferences={n: v for n, v in values.items() if n not in claims},
        iterations=iterations,
        converged=converged,
    )


def old_evaluate(
    ix: MapIndex, semantics: SemanticsName, support: str, method: str, claim: str | None
) -> Evaluation:
    af = old_framework_of(ix, support)
    exts = extensions(af, semantics)
    labels = old_labels_of(af, semantics, exts)
    claims = ix.claims
    claim_set = set(claims)
    grad = old_gradual(ix, method)
    acceptance = None
    if claim is not None:
        acceptance = Acceptance(
            claim,
            credulous=any(claim in e for e in exts),
            sceptical=all(claim in e for e in exts),
        )
    return Evaluation(
        semantics=semantics,
        support=support,
        gradual=method,
        arguments=len(af),
        attacks=sorted(
            (str(a), str(b))
            for a, b in zip(af.names_of(af.sources()), af.names_of(af.succ_idx), strict=True)
        ),
        extensions=[list(t) for t in sorted({tuple(sorted(claim_set & e)) for e in exts})],
        labels={c: labels[c] for c in claims},
        strengths=grad.strengths,
        converged=grad.converged,
        commitments=commitments(ix, support, framework=af),
        acceptance=acceptance,
        inference_labels={str(a): lab for a, lab in labels.items() if a not in claim_set},
    )
