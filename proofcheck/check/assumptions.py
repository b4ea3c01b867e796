"""Assumptions and the given point, as relations and exact values for one instance."""

from __future__ import annotations

import itertools

import sympy as sp

from ..diagnostics import ProofError
from ..elaborate import Context
from ..translate import Scope, Translator, leaf_symbol
from .certified import Evaluator, Undecided, Undefined
from .instances import _index_only, free_indices


class Unusable(Exception):
    pass


def _assumption_relations(ctx: Context, t: Translator) -> tuple[list, list]:
    """Equalities (as expressions equal to 0) and other relations.

    A free index in an `assume` means every value (`assume y_i = 0` is y_j = 0 for every j, also
    when the step has its own free i); a free index in a `case` is the step's own index where the step
    has one (`case x_i > 0` guards the step's i), and every value otherwise."""
    eqs, rels = [], []
    conds = [(c, False) for c in ctx.assumptions] + [(c, True) for c in ctx.case if not _index_only(c, ctx)]
    for cond, step_bound in conds:
        free = [nm for nm in free_indices([cond], ctx) if not (step_bound and nm in dict(t.free))]
        ranges = []
        for nm in free:
            lo, hi = ctx.index_range(nm)
            ranges.append(range(t.int_value(lo, t.scope()), t.int_value(hi, t.scope()) + 1))
        for combo in itertools.product(*ranges):
            scope = t.scope() if step_bound else Scope()
            for nm, v in zip(free, combo):
                scope = scope.bind(nm, v)
            terms = [t.expr(x, scope) for x in cond.terms]
            for op, a, b in zip(cond.ops, terms, terms[1:]):
                for a, b in _entrywise(a, b, cond):
                    if op == "=":
                        eqs.append(a - b)
                    else:
                        rels.append((op, a, b))
    return eqs, rels


def _entrywise(a, b, cond) -> list:
    """The pairs a comparison of two terms stands for: itself for scalars; for a vector or matrix,
    entry by entry (`assume x > 0`: every x_i > 0), a scalar standing for every entry (docs/matrices.md)."""
    from ..matrix import Mat  # noqa: PLC0415

    if not isinstance(a, Mat) and not isinstance(b, Mat):
        return [(a, b)]
    if isinstance(a, Mat) and isinstance(b, Mat):
        if (a.rows, a.cols) != (b.rows, b.cols):
            raise ProofError("E212", f"a comparison of {a.rows} x {a.cols} with {b.rows} x {b.cols}", cond.span)
        return list(zip(a.entries, b.entries))
    if isinstance(a, Mat):
        return [(x, b) for x in a.entries]
    return [(a, y) for y in b.entries]


def _solve_equalities(eqs: list, given: dict | None = None) -> dict:
    """Solve each equality for one of its symbols (linearly); the substitution makes points satisfy it.
    The given point's values go in first, so an equality is never solved for a given input
    (`assume y = z` with `at z = 0` makes y = 0, not z = y)."""
    sub: dict = {}
    for e in eqs:
        e = sp.expand(e.xreplace(given or {}).xreplace(sub))
        if e == 0:
            continue
        if not e.free_symbols:
            raise Unusable(f"the given point contradicts an assumption ({e} = 0)")
        for s in sorted(e.free_symbols, key=lambda s: s.name, reverse=True):
            c = sp.diff(e, s)
            if c.free_symbols or c == 0:
                continue
            rest = sp.expand(e - c * s)
            if s in rest.free_symbols:
                continue
            value = -rest / c
            sub = {k: v.xreplace({s: value}) for k, v in sub.items()}
            sub[s] = value
            break
        else:
            raise Unusable(f"cannot use the assumption {e} = 0 (it is not linear in any input)")
    return sub


def _point_values(ctx: Context, t: Translator) -> dict:
    values = {}
    for name, value in ctx.point:
        if name.sub is None and name.base in t.sizes:
            raise ProofError("E207", f"`{name.display}` is a size (it bounds an index); `at` gives values to inputs only",
                             name.span)
        key = t.key_of(name, t.scope())
        v = t.expr(value, t.scope())
        if not v.is_number:
            raise ProofError("E207", f"the value of `{name.display}` must be a number", value.span)
        if not _real_number(v):
            raise ProofError("E207", f"the value of `{name.display}` must be a real number", value.span)
        if t.is_defined(key):
            raise ProofError("E207", f"`{name.display}` is defined by a `let`; `at` gives values to inputs only", name.span)
        values[leaf_symbol(key)] = v
    return values


def _real_number(v) -> bool:
    """A given value must have a certified real value (not sqrt(-1), not 1/0)."""
    try:
        Evaluator({}).run(lambda e: e.value(v))
    except (Undefined, Undecided):
        return False
    return True
