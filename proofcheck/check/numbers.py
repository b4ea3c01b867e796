"""Numeric evaluation at exact points and the comparisons built on it."""

from __future__ import annotations

import functools

import mpmath
import sympy as sp

from .. import numeric
from ..numeric import PRECISION
from ..numeric import exact_value as _evaluate

CONFIRM_PRECISION = 60
EQUAL_TOL = sp.Float("1e-20")
DIFFER_TOL = sp.Float("1e-12")
EQUAL_REL = mpmath.mpf("1e-20")
DIFFER_REL = mpmath.mpf("1e-12")


def _differ(va, vb, tol) -> bool:
    scale = max(sp.Integer(1), abs(va), abs(vb))
    return abs(va - vb) > tol * scale


def _rels_hold(rels, point) -> bool:
    for op, a, b in rels:
        va, vb = _num(a, point), _num(b, point)
        if va is None or vb is None:
            return False
        ok = {">": va > vb, "<": va < vb, ">=": va >= vb, "<=": va <= vb, "!=": va != vb}[op]
        if not bool(ok):
            return False
    return True


def _num(expr, point, digits: int = PRECISION):
    """Fast mpmath value at a point; None where undefined or on a kink (see numeric.py)."""
    return numeric.evaluate(expr, point, digits)


def _differ_mp(va, vb, rel) -> bool:
    scale = max(mpmath.mpf(1), abs(va), abs(vb))
    return abs(va - vb) > rel * scale


_EXACT_HEADS = {"Abs", "sign", "Heaviside", "Max", "Min", "Piecewise", "ExprCondPair", "KroneckerDelta", "ReLU",
                "And", "Or", "Not", "StrictGreaterThan", "StrictLessThan", "GreaterThan", "LessThan", "Equality",
                "Unequality", "BooleanTrue", "BooleanFalse"}


@functools.lru_cache(maxsize=64)
def _exactly_evaluable(e) -> bool:
    """Does e evaluate to an exact rational at a rational point (no root, exp, log, trig, constant)?"""
    for x in sp.preorder_traversal(e):
        if x.is_Symbol or x.is_Rational or x.is_Add or x.is_Mul:
            continue
        if x.is_Pow and x.exp.is_Integer:
            continue
        if type(x).__name__ in _EXACT_HEADS:
            continue
        return False
    return True


def _fine_differ(a, b, point: dict) -> bool:
    """Do a and b differ at the point, where the tolerant comparison saw them agree? Exactly when both
    are rational there (`x + 10^{-30}` vs `x`); otherwise when their difference is the same nonzero
    value at 60 and at 120 digits (rounding noise shrinks with precision, a real difference does not:
    `e^{-100} x` vs 0). Only ever used to refute a step no symbolic test has proved."""
    if _exactly_evaluable(a) and _exactly_evaluable(b):
        try:
            ea, eb = a.xreplace(point), b.xreplace(point)
        except (ZeroDivisionError, ValueError, TypeError, ArithmeticError):
            return False
        return bool(ea.is_Rational and eb.is_Rational and ea != eb)
    diffs = []
    for digits in (CONFIRM_PRECISION, 2 * CONFIRM_PRECISION):
        va, vb = _num(a, point, digits), _num(b, point, digits)
        if va is None or vb is None:
            return False
        with mpmath.workdps(digits):
            diffs.append(va - vb)
    lo, hi = diffs
    with mpmath.workdps(2 * CONFIRM_PRECISION):
        return bool(hi != 0 and abs(lo - hi) <= abs(hi) * mpmath.mpf("1e-6"))


def _rels_hold_exact(rels, point) -> bool:
    for op, a, b in rels:
        va, vb = _evaluate(a, point, CONFIRM_PRECISION), _evaluate(b, point, CONFIRM_PRECISION)
        if va is None or vb is None:
            return False
        if not bool({">": va > vb, "<": va < vb, ">=": va >= vb, "<=": va <= vb, "!=": va != vb}[op]):
            return False
    return True


def _exact_text(v: sp.Rational) -> str:
    """An exact rational as a student writes it: 0.38 when it has a finite decimal form, else 1/3."""
    q = int(v.q)
    twos = fives = 0
    while q % 2 == 0:
        q //= 2
        twos += 1
    while q % 5 == 0:
        q //= 5
        fives += 1
    if q != 1 or max(twos, fives) > 12:
        return str(v)
    places = max(twos, fives)
    scaled = int(v.p) * 10 ** places // int(v.q)
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return sign + (digits[:-places] + "." + digits[-places:] if places else digits)


def _fmt(v) -> str:
    if v is None:
        return "undefined"
    if isinstance(v, sp.Rational):
        return _exact_text(v)
    f = sp.Float(v, 15)
    s = f"{float(f):.12g}"
    return s
