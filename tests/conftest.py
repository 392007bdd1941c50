"""Shared fixtures: paths to the test data and the essay's map."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path

import pytest
from hypothesis import settings

# The machine is shared and noisy: a property test checks answers, never how fast one
# example runs (speed is benchmarks/' job), so no per-example deadline anywhere.
settings.register_profile("argmap", deadline=None)
settings.load_profile("argmap")

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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None]:
    """Under ``make test`` (``ARGMAP_NO_SKIP=1``) a skipped test is a failed test.

    ``make test`` installs Graphviz, Chromium and the Node parsers itself, so a test that
    skips there means an install step is missing; CI must say so instead of passing.
    """
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("ARGMAP_NO_SKIP") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under ARGMAP_NO_SKIP=1 (make test): {report.longrepr}"
