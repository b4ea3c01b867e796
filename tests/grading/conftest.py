"""Tests here marked `slow` (the whole class, a Dask cluster) run in CI (.ci/run sets CI=true) or with
PROOFCHECK_SLOW=1; the default `python -m pytest -q` stays fast."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CI") or os.environ.get("PROOFCHECK_SLOW"):
        return
    skip = pytest.mark.skip(reason="slow: runs in CI (CI=true) or with PROOFCHECK_SLOW=1")
    here = os.path.dirname(os.path.abspath(__file__))
    for item in items:
        if "slow" in item.keywords and str(item.fspath).startswith(here):
            item.add_marker(skip)
