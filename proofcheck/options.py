"""Options of a run (seed, budgets, workers, autodiff backend)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    seed: int = 0
    timeout: float = 10.0
    memory_mb: int = 2048
    workers: int = 2
    ad: str = "autograd"


# ------------------------------------------------------------------ what a step is checked over
