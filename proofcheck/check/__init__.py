"""Stage 5, check: decide every step of every chain, then the goals.

One module per responsibility: `instances` (sizes and index patterns a step is checked over),
`assumptions` (assumptions and the given point), `numbers` (evaluation at exact points),
`sampling` (random exact points), `kinks` (kink arguments and their constants' reach),
`regions` (probe lines and the points on them), `signs` (certified signs on a piece of a line, the
bisections' primitives), `far` (sign changes past |t| = 4,096 and past 10^400), `extrema` (the
extremum search behind off-line probes), `symbolic` (the zero test), `counterexample`,
`compare` (one instance), `decide` (a verdict over all instances), `jobs` (sandboxed comparisons),
`goals`, and `problem` (the orchestration). Verdicts:
  proved   every instance zero-tested symbolically (and the larger N agreed numerically)
  numeric  no counterexample at any point, but some instance not shown symbolically
  refuted  a confirmed counterexample (re-evaluated at higher precision) with both values
  unknown  otherwise (time, undefined everywhere, unusable assumption): never counted as correct
"""

from __future__ import annotations

# What SymPy imports on the first sum it builds (`Add.flatten` imports sympy.tensor.tensor, which loads
# sympy.combinatorics and builds its polyhedra: about 35 ms of CPU) and on the first assumption queries:
# imported once here, before the workers fork, instead of in every worker at its first job.
import sympy.assumptions.wrapper  # noqa: F401
import sympy.sets.setexpr  # noqa: F401
import sympy.tensor.tensor  # noqa: F401

from ..options import Options
from .approx import decide_approx
from .decide import Decision, decide
from .problem import check_problem

__all__ = ["Decision", "Options", "check_problem", "decide", "decide_approx"]
