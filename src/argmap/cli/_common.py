"""Output helpers shared by the CLI commands (the only code that prints)."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

__all__ = ["clip", "emit_json", "out"]


def out(text: str = "", stream: TextIO | None = None) -> None:
    """Print one line to stdout (or ``stream``)."""
    print(text, file=stream or sys.stdout)


def emit_json(data: Any) -> None:
    """Print ``data`` as indented JSON."""
    out(json.dumps(data, indent=2, ensure_ascii=False))


def clip(text: str, width: int) -> str:
    """Shorten ``text`` to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"
