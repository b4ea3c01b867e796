"""Goals: which chain meets each `show`/`find`."""

from __future__ import annotations

from .. import nodes as n
from ..diagnostics import Diagnostic
from ..elaborate import Chain, Goal, Problem
from ..options import Options
from ..results import ACCEPTED, GoalResult
from .counterexample import _cx_text
from .instances import _names
from .jobs import _contains, _Job, decide_jobs


def _normal(e):
    """A comparable form of a node: spans dropped (dataclass equality ignores them), and the
    product spellings `a b`, `a * b`, `a \\cdot b` made one."""
    if isinstance(e, n.Product):
        return ("product", tuple(_normal(f) for f in e.factors), tuple("*" if o == "juxt" else o for o in e.ops))
    if isinstance(e, (tuple, list)):
        return tuple(_normal(x) for x in e)
    if isinstance(e, n.Node):
        return (type(e).__name__,) + tuple(_normal(getattr(e, f)) for f in e.__dataclass_fields__ if f not in ("span", "styled"))
    return e


def _same(a: n.Expr, b: n.Expr) -> bool:
    return _normal(a) == _normal(b)


def _is_value(e: n.Expr) -> bool:
    return not _names(e) and not _contains(e, n.Deriv)


def _goals(problem: Problem, chain_ends, options: Options, diags: list[Diagnostic]) -> list[GoalResult]:
    out: list[GoalResult] = []
    pending: list[tuple[Goal, Chain, int]] = []
    for g in problem.goals:
        chains = [(c, ok, last) for c, ok, last in chain_ends if _same(c.members[0].expr, g.lhs)
                  or (c.let_target is not None and isinstance(g.lhs, n.Name) and _same(c.let_target, g.lhs))]
        if not chains:
            what = "show" if g.kind == "show" else "find"
            msg = f"no chain starts at this {what} goal's left side"
            diags.append(Diagnostic.make("E302", msg, g.span))
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "unmet", msg))
            continue
        if g.kind == "find":
            ends = [(c, ok, last) for c, ok, last in chains if _is_value(c.members[-1].expr)]
            met = [(c, ok, last) for c, ok, last in ends if ok]
            if met:
                c = met[-1][0]
                out.append(GoalResult(g.span.line, g.span.column, g.kind, "met", f"found at line {c.members[-1].span.line}"))
            elif ends:
                c = ends[-1][0]
                msg = f"the chain at line {c.members[0].span.line} ends at a value that does not follow"
                diags.append(Diagnostic.make("E303", msg, g.span))
                out.append(GoalResult(g.span.line, g.span.column, g.kind, "wrong", msg))
            else:
                msg = "no chain for this goal ends in a number"
                diags.append(Diagnostic.make("E302", msg, g.span))
                out.append(GoalResult(g.span.line, g.span.column, g.kind, "unmet", msg))
            continue
        direct = [(c, ok, last) for c, ok, last in chains if _same(c.members[-1].expr, g.rhs)]
        if any(ok for _, ok, _ in direct):
            c = next(c for c, ok, _ in direct if ok)
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "met", f"shown by the chain at line {c.members[0].span.line}"))
            continue
        if direct:
            c = direct[-1][0]
            msg = f"the chain at line {c.members[0].span.line} reaches the goal only through a step that does not follow"
            diags.append(Diagnostic.make("E303", msg, g.span))
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "wrong", msg))
            continue
        good = [(c, ok, last) for c, ok, last in chains if ok]
        if good:
            # the student must write the goal's right side: a chain that stops early (or does no work,
            # like `dy/dx = dy/dx`) does not meet the goal even though the two are equal
            pending.append((g, good[-1][0], len(out)))
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "unmet", ""))
        else:
            msg = "the chain for this goal does not check"
            diags.append(Diagnostic.make("E303", msg, g.span))
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "wrong", msg))
    if pending:
        jobs = [_Job("goal", None, 0, 0, g.context, c.members[-1].expr, g.rhs, "=", options.seed) for g, c, _ in pending]
        for (g, c, pos), (dec, _) in zip(pending, decide_jobs(jobs, options)):
            if dec.verdict in ACCEPTED:
                msg = (f"the chain at line {c.members[0].span.line} ends at an expression equal to the goal's right side "
                       "but not written as it; add it as the last step")
                diags.append(Diagnostic.make("E302", msg, g.span))
                out[pos] = GoalResult(g.span.line, g.span.column, g.kind, "unmet", msg)
            elif dec.verdict == "refuted":
                msg = f"the chain at line {c.members[0].span.line} ends at a different value"
                diags.append(Diagnostic.make("E303", msg, g.span, [f"counterexample: {_cx_text(dec.counterexample or {})}"]))
                out[pos] = GoalResult(g.span.line, g.span.column, g.kind, "wrong", msg)
            else:
                msg = f"no chain is known to reach this goal's right side ({dec.reason})"
                diags.append(Diagnostic.make("E302", msg, g.span))
                out[pos] = GoalResult(g.span.line, g.span.column, g.kind, "unmet", msg)
    return out
