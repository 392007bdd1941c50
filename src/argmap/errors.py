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

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal, TypeVar

__all__ = ["ArgmapError", "Diagnostic", "Severity", "SEVERITIES", "registered"]

_T = TypeVar("_T")

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


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

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        text = f"{where}: {self.severity}: {self.code}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def to_dict(self) -> dict[str, Any]:
        """Return the diagnostic as a JSON-ready dictionary."""
        return asdict(self)


class ArgmapError(Exception):
    """Bad input: carries every diagnostic found, sorted by place.

    Examples
    --------
    >>> err = ArgmapError([Diagnostic("m.yaml", 3, 1, "duplicate-id", "again")])
    >>> err.diagnostics[0].code
    'duplicate-id'
    >>> str(err)
    'm.yaml:3:1: error: duplicate-id: again'
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: list[Diagnostic] = sorted(diagnostics)
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
