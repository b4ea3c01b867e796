"""The comparisons grading decides beyond the checker's own: one way to run them (sandboxed, under
the step budget), so they share the checker's limits and, where it is enabled, its decision cache."""

from __future__ import annotations

from dataclasses import replace

from .. import nodes as n
from ..check.decide import Decision
from ..check.goals import opaque, opaque_context
from ..check.jobs import _Job, decide_jobs
from ..elaborate import Context
from ..options import Options
from ..results import ACCEPTED


def decide(jobs: list[_Job], options: Options) -> list[Decision]:
    """Each job decided under the step budget, through the decision cache where it is enabled."""
    return [d for d, _ in decide_jobs(jobs, options)] if jobs else []


def same_quantity_job(ctx: Context, a: n.Expr, b: n.Expr, options: Options) -> _Job:
    """Is `a` the same quantity as `b`, for every value (not only at the given point), through the
    definitions in force, with derivatives read as quantities (the goal rule's reading)?"""
    general = replace(ctx, point=(), case=())
    idx = general.index_names
    return _Job("goal", None, 0, 0, opaque_context(general), opaque(a, idx), opaque(b, idx), "=", options.seed)


def holds(decisions: list[Decision]) -> list[bool]:
    return [d.verdict in ACCEPTED for d in decisions]
