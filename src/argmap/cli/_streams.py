"""Writing to the standard streams: the one failure the CLI turns into a message.

Kept apart from :mod:`argmap.cli._common` (argparse, the terminal escapes) so
that ``argmap --version`` needs nothing else.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

__all__ = ["OutputError", "flush_stdout", "writing"]


class OutputError(Exception):
    """Standard output could not be written (e.g. the disk is full)."""


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Turn a failed write to a stream into :class:`OutputError` (a closed pipe stays itself).

    >>> with writing():
    ...     raise OSError(28, "No space left on device")
    Traceback (most recent call last):
    ...
    argmap.cli._streams.OutputError: No space left on device
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc)) from None


def flush_stdout() -> None:
    """Flush stdout, turning a failure into :class:`OutputError`."""
    if sys.stdout is not None:
        with writing():
            sys.stdout.flush()
