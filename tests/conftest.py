"""Shared fixtures: paths to the test data and the essay's map."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def core_data() -> Path:
    """Folder of the core fixtures (one small map per error code)."""
    return DATA / "core"


@pytest.fixture
def essay_map() -> Path:
    """The essay's map, claims.yaml, at the top of the repository."""
    return ROOT / "claims.yaml"
