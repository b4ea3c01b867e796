"""`\\approx` steps: the exact left value against the rounding interval of the right side."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from .. import nodes as n
from ..autodiff import CrossCheck
from ..diagnostics import Diagnostic
from ..elaborate import Context
from .assumptions import _assumption_relations, _point_values, _solve_equalities
from .decide import Decision, _translate_pair
from .instances import instances
from .numbers import CONFIRM_PRECISION, _evaluate, _fmt


def _decimal_interval(node: n.Expr) -> tuple[Fraction, Fraction] | None:
    sign = 1
    if isinstance(node, n.Neg):
        sign, node = -1, node.arg
    if not isinstance(node, n.Num):
        return None
    text = node.text.lower()
    if "e" in text:
        return None
    v = Fraction(text)
    places = len(text.split(".")[1]) if "." in text else 0
    half = Fraction(1, 2 * 10 ** places)
    lo, hi = v - half, v + half
    return (lo, hi) if sign == 1 else (-hi, -lo)


def decide_approx(ctx: Context, a_node: n.Expr, b_node: n.Expr, free: list[str], seed: int,
                  ad: str | None = None) -> Decision:
    interval = _decimal_interval(b_node)
    xc = CrossCheck(ctx, ad, at_point=True)
    if interval is None:
        return Decision("unknown", "none", reason="the right side of `\\approx` must be one rounded number",
                        diagnostics=[Diagnostic.make("E209", "the right side of `\\approx` must be one rounded number, such as 0.73", b_node.span)])
    lo, hi = interval
    results = []
    for inst in instances(ctx, free, exprs=(a_node, b_node)):
        t, a, _ = _translate_pair(ctx, inst, a_node, b_node)
        fixed = _point_values(ctx, t) if ctx.point else {}
        eqs, _ = _assumption_relations(ctx, t)
        a2 = a.xreplace(_solve_equalities(eqs)).xreplace(fixed)
        if a2.free_symbols:
            return Decision("unknown", "none", reason="the left side of `\\approx` must have a value (give one with `at`)",
                            diagnostics=[Diagnostic.make("E209", "the left side of `\\approx` has no value here; give the inputs with `at`", a_node.span)])
        va = _evaluate(a2, {}, CONFIRM_PRECISION)
        if va is None:
            return Decision("unknown", "none", reason="the left side is undefined")
        results.append({**inst.describe(), "method": "interval", "value": _fmt(va), "range": [str(lo), str(hi)]})
        t.samples = ({}, [dict(fixed)])  # autodiff cross-check at the given point
        xc.add(t, inst)
        lo_s, hi_s = sp.Rational(lo.numerator, lo.denominator), sp.Rational(hi.numerator, hi.denominator)
        inside = (va >= lo_s and va <= hi_s) if isinstance(va, sp.Rational) else (va > lo_s and va < hi_s)
        if not bool(inside):
            cx = {**inst.describe(), "values": {}, "lhs": _fmt(va), "rhs": f"[{float(lo):g}, {float(hi):g}]", "kinks": []}
            return xc.finish(Decision("refuted", "interval", 1, results, cx))
    return xc.finish(Decision("proved", "interval", len(results), results))


# ------------------------------------------------------------------ orchestration
