"""Extended enclosures (certified.IntervalEvaluator(extended=True)) against an independent oracle.

An end past arb's range becomes -oo or +oo, exp/sinh/cosh of a huge lower end are bounded at a cap,
and 0 times an infinite end is 0. A wrong end there would let the far bisection drop a piece that holds
a region (a false claim accepted), so every enclosure here is checked against mpmath, whose exponents
are unbounded (e^{10^{300}} is an ordinary mpf), at points of the box: each value must lie inside.
No SymPy evaluation is used for the values (SymPy only builds the expressions the evaluator reads)."""

from __future__ import annotations

import random

import mpmath
import pytest
import sympy as sp
from flint import arb

from proofcheck.check.certified import IntervalEvaluator, NEG_INF, POS_INF, Straddle, Undecided, Undefined, interval_sign
from proofcheck.check.kinks import rational_interval

T = sp.Symbol("t", real=True)
mpmath.mp.dps = 60


def _mp(e, t):
    """e at t with mpmath alone (an independent evaluator of the few forms generated here)."""
    if e == T:
        return t
    if e is sp.E:
        return mpmath.e
    if e is sp.pi:
        return mpmath.pi
    if e.is_Integer or e.is_Rational:
        return mpmath.mpf(int(e.p)) / int(e.q)
    if e.is_Add:
        return mpmath.fsum(_mp(a, t) for a in e.args)
    if e.is_Mul:
        out = mpmath.mpf(1)
        for a in e.args:
            out *= _mp(a, t)
        return out
    if e.is_Pow:
        return _mp(e.base, t) ** int(e.exp) if e.exp.is_Integer else mpmath.power(_mp(e.base, t), _mp(e.exp, t))
    f = {sp.exp: mpmath.exp, sp.sinh: mpmath.sinh, sp.cosh: mpmath.cosh, sp.tanh: mpmath.tanh,
         sp.atan: mpmath.atan, sp.log: mpmath.log, sp.sech: mpmath.sech, sp.asinh: mpmath.asinh}[type(e)]
    return f(_mp(e.args[0], t))


def _random_expr(rng: random.Random, depth: int):
    if depth == 0:
        return rng.choice([T, T, sp.Integer(rng.randint(-9, 9)), T ** 2, -T])
    kind = rng.choice(["add", "mul", "fn", "pow", "neg"])
    if kind == "add":
        return _random_expr(rng, depth - 1) + _random_expr(rng, depth - 1)
    if kind == "mul":
        return _random_expr(rng, depth - 1) * _random_expr(rng, depth - 1)
    if kind == "pow":
        return _random_expr(rng, depth - 1) ** rng.choice([2, 3, -1, -2])
    if kind == "neg":
        return -_random_expr(rng, depth - 1) + rng.randint(-3, 3)
    fn = rng.choice([sp.exp, sp.sinh, sp.cosh, sp.tanh, sp.atan, sp.sech, sp.asinh])
    return fn(_random_expr(rng, depth - 1))


def _inside(v, lo: arb, hi: arb) -> bool:
    """mpmath value v within [lo, hi] (ends exact arbs, possibly infinite)."""
    def as_mpf(x):
        if x == POS_INF:
            return mpmath.inf
        if x == NEG_INF:
            return -mpmath.inf
        return mpmath.mpf(x.mid().str(80, radius=False))
    # the ends are exact; 80 digits of them, with a relative slack far below any width checked here
    slack = lambda x: abs(x) * mpmath.mpf(10) ** -70 if mpmath.isfinite(x) else 0
    a, b = as_mpf(lo), as_mpf(hi)
    return a - slack(a) <= v <= b + slack(b)


BOXES = [(sp.Integer(10) ** 3, sp.Integer(10) ** 4), (sp.Integer(10) ** 20, sp.Integer(10) ** 60),
         (-sp.Integer(10) ** 300, -sp.Integer(10) ** 100), (sp.Rational(-1, 3), sp.Rational(1, 2)),
         (sp.Integer(10) ** 300, sp.Integer(10) ** 400)]


@pytest.mark.parametrize("seed", range(40))
def test_extended_enclosures_contain_every_value(seed):
    rng = random.Random(seed)
    checked = 0
    for _ in range(25):
        e = _random_expr(rng, rng.randint(1, 3))
        t1, t2 = rng.choice(BOXES)
        try:
            lo, hi = IntervalEvaluator({T: rational_interval(t1, t2, 128)}, 128, extended=True).enclose(e)
        except (Straddle, Undecided, Undefined):
            continue
        for k in range(5):
            q = t1 + (t2 - t1) * sp.Rational(k, 4)  # exact, then rounded once
            t = mpmath.mpf(int(q.p)) / int(q.q)
            try:
                v = _mp(e, t)
            except (ZeroDivisionError, ValueError, OverflowError):
                continue
            if not isinstance(v, mpmath.mpf) or mpmath.isnan(v):
                continue
            checked += 1
            assert _inside(v, lo, hi), f"{e} at t = {mpmath.nstr(t, 10)}: {mpmath.nstr(v, 10)} outside [{lo}, {hi}]"
    assert checked > 0


@pytest.mark.parametrize("expr, box, sign", [
    (T * sp.exp(T) - 1, (10 ** 300, 10 ** 400), 1),  # [huge, +oo]
    (1 - sp.exp((T - 5) ** 2), (-10 ** 400, -10 ** 300), -1),
    (sp.exp(T) - T - 1, (10 ** 288, 10 ** 400), 1),
    (-(sp.exp(T) + 1) * (T ** 2 - 3) - 1, (10 ** 144, 10 ** 288), -1),
    (sp.sinh(T ** 2) * ((T - 3 * sp.Integer(10) ** 60) ** 2 - 1), (10 ** 60, 10 ** 61), None),  # holds a region
    (sp.exp(T) - sp.exp(T - 1), (10 ** 300, 10 ** 400), None),  # oo - oo: no sign, never a guess
    (sp.exp(-T) * sp.sinh(T) - 1, (10 ** 300, 10 ** 400), (None, -1)),  # 0 times oo: about -1/2, never +
    (sp.exp(-T) * sp.sinh(T) - sp.Rational(1, 3), (10 ** 300, 10 ** 400), (None, 1)),  # about 1/6
])
def test_extended_signs_far_out(expr, box, sign):
    """Signs that only extended ends give (the far bisection's pieces), and the ones they must not."""
    t1, t2 = (sp.Integer(b) for b in box)
    try:
        iv = IntervalEvaluator({T: rational_interval(t1, t2, 128)}, 128, extended=True).enclose(expr)
        got = interval_sign(iv)
    except (Straddle, Undecided, Undefined):
        got = None
    assert got in sign if isinstance(sign, tuple) else got == sign


def test_without_extended_ends_far_values_are_undecided():
    """What `extended` is for: e^t at 10^400 is past arb's range, and t e^t - 1 had no sign there."""
    box = {T: rational_interval(sp.Integer(10) ** 300, sp.Integer(10) ** 400, 128)}
    with pytest.raises(Undecided):
        IntervalEvaluator(box, 128).enclose(T * sp.exp(T) - 1)
