"""Comparing two translated sides over one concrete instance."""

from __future__ import annotations

import random

import sympy as sp

from ..elaborate import Context
from ..translate import Translator
from .assumptions import _assumption_relations, _solve_equalities
from .counterexample import _counterexample, _node_names, _simplify_point, _with_solved
from .functions import compare_with_functions, undeclared
from .instances import Instance
from .numbers import (
    CONFIRM_PRECISION,
    DIFFER_REL,
    DIFFER_TOL,
    EQUAL_REL,
    _differ,
    _differ_mp,
    _evaluate,
    _fine_differ,
    _num,
)
from .regions import FIRST_POINTS, _kink_points, _sample
from .symbolic import zero_test


def _compare_instance(t: Translator, inst: Instance, a, b, ctx: Context, rng: random.Random,
                      fixed: dict, npoints: int, symbolic: bool) -> tuple[str, int, dict | None, str]:
    """-> (status, points, counterexample, reason); status: symbolic | numeric | differ | undecided."""
    if undeclared(a, b):  # functions the problem never defines: abstract or instantiated (functions.py)
        return compare_with_functions(_compare_instance, t, inst, a, b, ctx, rng, fixed, npoints, symbolic)
    eqs, rels = _assumption_relations(ctx, t)
    sub = _solve_equalities(eqs)
    a2, b2 = a.xreplace(sub), b.xreplace(sub)
    a1, b1 = a2, b2
    if fixed:
        a2, b2 = a2.xreplace(fixed), b2.xreplace(fixed)
        sub_vals = {k: v.xreplace(fixed) for k, v in sub.items()}
        rels = [(op, x.xreplace(sub).xreplace(fixed), y.xreplace(sub).xreplace(fixed)) for op, x, y in rels]
    else:
        sub_vals = sub
        rels = [(op, x.xreplace(sub), y.xreplace(sub)) for op, x, y in rels]
    syms = sorted(a2.free_symbols | b2.free_symbols | set().union(*[x.free_symbols | y.free_symbols for _, x, y in rels]),
                  key=lambda s: s.name)
    d = a2 - b2
    exprs = [a2, b2]
    if not syms:
        t.samples = (sub_vals, [dict(fixed)])  # the points autodiff.CrossCheck.add compares derivatives at
        va, vb = _evaluate(a2, {}, CONFIRM_PRECISION), _evaluate(b2, {}, CONFIRM_PRECISION)
        if va is None or vb is None:
            return "undecided", 0, None, "a side is undefined at this point (division by zero, log of a non-positive number)"
        if isinstance(va, sp.Rational) and isinstance(vb, sp.Rational):
            if va == vb:
                return "symbolic", 1, None, ""
            return "differ", 1, _with_solved(_counterexample(inst, dict(fixed), a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, {}), ""
        if _differ(va, vb, DIFFER_TOL):
            va2, vb2 = _evaluate(a2, {}, 2 * CONFIRM_PRECISION), _evaluate(b2, {}, 2 * CONFIRM_PRECISION)
            if va2 is not None and vb2 is not None and _differ(va2, vb2, DIFFER_TOL):
                return "differ", 1, _with_solved(_counterexample(inst, dict(fixed), a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, {}), ""
            return "undecided", 1, None, "the two values are too close to separate"
        if symbolic and zero_test(d):
            return "symbolic", 1, None, ""
        if _fine_differ(a2, b2, {}):  # exp(-100) = 0: equal to 12 digits absolute, different all the same
            return "differ", 1, _with_solved(_counterexample(inst, dict(fixed), a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, {}), ""
        return "numeric", 1, None, ""
    # numeric search for a counterexample first
    lopsided: list[dict] = []
    points, values = _sample(rng, syms, rels, exprs, FIRST_POINTS, {}, lopsided)
    t.samples = (sub_vals, [{**fixed, **p} for p in points])  # for autodiff.CrossCheck.add
    checked = 0

    def refute(p):
        va2, vb2 = _num(a2, p, CONFIRM_PRECISION), _num(b2, p, CONFIRM_PRECISION)
        if va2 is None or vb2 is None or not _differ_mp(va2, vb2, DIFFER_REL):
            return None
        small = _simplify_point(p, syms, a2, b2, rels, exprs)
        full = dict(fixed)
        full.update(small)
        return _with_solved(_counterexample(inst, full, a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, full, fixed)

    for p, (va, vb) in zip(points, values):
        checked += 1
        if _differ_mp(va, vb, DIFFER_REL):
            cx = refute(p)
            if cx is not None:
                return "differ", checked, cx, ""
    def domain_mismatch():
        # one side defined where the other is not (log(x^2) = 2 log x at x < 0): not an identity
        if not lopsided:
            return None
        full = dict(fixed)
        full.update(lopsided[0])
        return _with_solved(_counterexample(inst, full, a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, full, fixed)

    if not points:
        cx = domain_mismatch()
        if cx is not None:
            return "differ", checked, cx, ""
        return "undecided", 0, None, "found no point where the assumptions hold and both sides are defined"

    if symbolic and zero_test(d):
        cx = domain_mismatch()
        return ("differ", checked, cx, "") if cx is not None else ("symbolic", checked, None, "")

    def fine_refute(p):
        # not shown symbolically: a difference below the tolerance (x + 10^{-30} = x, e^{-100} x = 0)
        # is still a difference; exact where the sides are rational, else stable at 60 and 120 digits
        if not symbolic or not _fine_differ(a2, b2, p):
            return None
        full = dict(fixed)
        full.update(p)
        return _with_solved(_counterexample(inst, full, a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, full, fixed)

    for p in points:
        cx = fine_refute(p)
        if cx is not None:
            return "differ", checked, cx, ""
    more, more_values = _sample(rng, syms, rels, exprs, npoints, {}, lopsided)
    for p, (va, vb) in zip(more, more_values):
        checked += 1
        if _differ_mp(va, vb, DIFFER_REL):
            cx = refute(p)
            if cx is not None:
                return "differ", checked, cx, ""
        elif _differ_mp(va, vb, EQUAL_REL):
            return "undecided", checked, None, "the two sides agree to 12 digits but not to 20"
        else:
            cx = fine_refute(p)
            if cx is not None:
                return "differ", checked, cx, ""
    # random points never land on a kink, where conventions differ ((x >= 0) vs (x > 0)): probe them
    for p in _kink_points(rng, syms, rels, exprs):
        checked += 1
        va, vb = _evaluate(a2, p, CONFIRM_PRECISION), _evaluate(b2, p, CONFIRM_PRECISION)
        if va is None or vb is None:
            continue
        exact = isinstance(va, sp.Rational) and isinstance(vb, sp.Rational)
        if (exact and va != vb) or (not exact and _differ(va, vb, DIFFER_TOL)):
            full = dict(fixed)
            full.update(p)
            return "differ", checked, _with_solved(_counterexample(inst, full, a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, full, fixed), ""
    cx = domain_mismatch()
    if cx is not None:
        return "differ", checked, cx, ""
    return "numeric", checked, None, ""
