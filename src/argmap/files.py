"""Writing output files so that a failure never leaves one half-written.

Examples
--------
>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out" / "a.txt"
>>> write_atomic(p, b"hello")
>>> p.read_bytes()
b'hello'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from argmap.errors import ArgmapError, Diagnostic

__all__ = ["write_atomic"]


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    The old file, if any, stays untouched until the new content is complete.
    Parent folders are created.  Failures raise ArgmapError (``cannot-write``).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ArgmapError(
            [
                Diagnostic(
                    str(path),
                    0,
                    0,
                    "cannot-write",
                    f"cannot write {str(path)!r}: {exc.strerror or exc}",
                    "check that the folder exists and is writable",
                )
            ]
        ) from None
