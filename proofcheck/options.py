"""Options of a run (seed, budgets, workers, autodiff backend, decision cache)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    seed: int = 0
    timeout: float = 10.0  # CPU seconds per comparison (see sandbox.py)
    memory_mb: int = 2048
    workers: int = 2
    ad: str = "autograd"
    cache_dir: str | None = None  # the decision cache's folder (cache.py); None: no cache


# ------------------------------------------------------------------ what a step is checked over
