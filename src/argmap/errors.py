"""Located diagnostics and the one exception type argmap raises to users.

Every problem argmap finds in a user's input becomes a :class:`Diagnostic`
naming the file, line and column, a stable kebab-case code, a message and a
hint.  Library code collects diagnostics and raises them together as one
:class:`ArgmapError`; the CLI is the only place that prints them.

Examples
--------
>>> d = Diagnostic("claims.yaml", 42, 7, "unknown-claim", "'x' is not defined",
...                hint="define it under claims:")
>>> print(d)
claims.yaml:42:7: error: unknown-claim: 'x' is not defined (hint: define it under claims:)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal, TypeVar

__all__ = [
    "MAX_PER_CODE",
    "ArgmapError",
    "Diagnostic",
    "Severity",
    "SEVERITIES",
    "capped",
    "located",
    "registered",
]

_T = TypeVar("_T")

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: most diagnostics of one code an error lists; the rest are counted in one line
MAX_PER_CODE = 100


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One located finding.

    Lines and columns are 1-based; 0 means "unknown" (for example a file that
    could not be read at all).
    """

    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = "error"
    #: more lines shown under the message, e.g. a quote over the closest passage and a caret
    detail: str = ""

    def __str__(self) -> str:
        text = located(
            self.file, self.line, self.column, self.severity, self.code, self.message, self.hint
        )
        if self.detail:
            text += "".join(f"\n    {line}" for line in self.detail.splitlines())
        return text

    def to_dict(self) -> dict[str, Any]:
        """Return the diagnostic as a JSON-ready dictionary."""
        return asdict(self)


def located(  # noqa: PLR0917 -- the fields of a diagnostic, in order
    file: str, line: int, column: int, severity: str, code: str, message: str, hint: str
) -> str:
    """The line a diagnostic is shown as (without its ``detail``).

    Examples
    --------
    >>> located("m.yaml", 3, 1, "warning", "disconnected", "claim 'a' ...", "relate it")
    "m.yaml:3:1: warning: disconnected: claim 'a' ... (hint: relate it)"
    >>> located("<command line>", 0, 0, "error", "unknown-check", "no such check", "")
    '<command line>: error: unknown-check: no such check'
    """
    where = f"{file}:{line}:{column}" if line else file
    if hint:
        return f"{where}: {severity}: {code}: {message} (hint: {hint})"
    return f"{where}: {severity}: {code}: {message}"


def capped(diagnostics: Iterable[Diagnostic], per_code: int = MAX_PER_CODE) -> list[Diagnostic]:
    """The diagnostics sorted by place, at most ``per_code`` of each code.

    Of a code with more, one more diagnostic, at the first one left out,
    says how many were left out: a file with a million unknown keys gets a
    readable report.

    Examples
    --------
    >>> ds = [Diagnostic("m.yaml", n, 1, "unknown-field", f"field k{n}") for n in (3, 1, 2)]
    >>> for d in capped(ds, per_code=1):
    ...     print(d)
    m.yaml:1:1: error: unknown-field: field k1
    m.yaml:2:1: error: unknown-field: ... and 2 more unknown-field problems (hint: fix ...)
    """
    kept: list[Diagnostic] = []
    counts: Counter[str] = Counter()
    first_left_out: dict[str, Diagnostic] = {}
    for d in sorted(diagnostics):
        counts[d.code] += 1
        if counts[d.code] <= per_code:
            kept.append(d)
        else:
            first_left_out.setdefault(d.code, d)
    for code, d in first_left_out.items():
        more = counts[code] - per_code
        message = f"... and {more:,} more {code} problems"
        kept.append(replace(d, message=message, hint="fix the ones shown and run argmap again"))
    return sorted(kept)


class ArgmapError(Exception):
    """Bad input: carries the diagnostics found, sorted by place (see :func:`capped`).

    Examples
    --------
    >>> err = ArgmapError([Diagnostic("m.yaml", 3, 1, "duplicate-id", "again")])
    >>> err.diagnostics[0].code
    'duplicate-id'
    >>> str(err)
    'm.yaml:3:1: error: duplicate-id: again'
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: list[Diagnostic] = capped(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def registered(registry: Mapping[str, _T], name: str, code: str, what: str) -> _T:
    """Return ``registry[name]``; raise ``code`` naming the choices if it is not there.

    ``what`` names the kind of entry in the message (``"semantics"``).

    Examples
    --------
    >>> registered({"a": 1}, "a", "unknown-letter", "letter")
    1
    >>> registered({"a": 1}, "b", "unknown-letter", "letter")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: <letter>: error: unknown-letter: unknown letter 'b' (hint: ...)
    """
    if name not in registry:
        raise ArgmapError(
            [
                Diagnostic(
                    f"<{what.split(maxsplit=1)[0]}>",
                    0,
                    0,
                    code,
                    f"unknown {what} {name!r}",
                    hint="use one of: " + ", ".join(registry),
                )
            ]
        )
    return registry[name]
