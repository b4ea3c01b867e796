"""Fast high-precision evaluation of SymPy expressions at exact points, with mpmath, for the autodiff
cross-check (autodiff.py compares SymPy's derivative values with an autodiff library's floats).
Verdicts never rest on it: the checker compares sides with certified arithmetic (check/certified.py).

`evalf` is adaptive and re-walks shared subexpressions; a softmax at N = 4 shares its denominator
many times. This evaluator walks the expression DAG once per point (memoised), in mpmath at a fixed
number of digits, and answers None wherever the value is undefined (log of a non-positive number,
division by zero, a real power of a negative number) or too close to a kink to trust (a Heaviside,
ReLU, |x| or comparison whose argument is within rounding of its threshold). A None point is never
used as evidence either way.
"""

from __future__ import annotations

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

# a function the problem never defines (and its derivatives) has no value; check/functions.py
# instantiates it before anything is evaluated (SymPy's own evalf of a Subs never returns)
_ABSTRACT = (AppliedUndef, sp.Subs, sp.Derivative)

PRECISION = 30  # digits of a first evaluation; refutations are confirmed at more
_UNDEFINED = object()


class _Undefined(Exception):
    pass


class _Kink(_Undefined):
    """Defined, but the value cannot be trusted: too close to a kink or a pole, too large to compute,
    or beyond this evaluator. Never evidence, and never a claim that a side is undefined."""


def evaluate(expr: sp.Expr, point: dict, digits: int = 30):
    """expr at point (Symbol -> Rational) as an mpmath mpf, or None where undefined or on a kink."""
    with mpmath.workdps(digits):
        eps = mpmath.mpf(10) ** (-(digits - 8))
        memo: dict = {}
        try:
            v = _ev(expr, point, memo, eps)
        except (_Undefined, ZeroDivisionError, ValueError, OverflowError):
            return None
        if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
            return None
        return +v


def float64_noise(expr: sp.Expr, point: dict) -> float:
    r"""How far expr, evaluated with float64's precision (mpmath at 53 bits, every operation rounded), lies
    from its 30-digit value, relative to max(1, |value|): the round-off a float64 autodiff library may show
    at this point. `\log(1 - \sigma(z))`'s derivative at z = 19 loses 8 of its 16 digits to the
    cancellation in 1 - sigma(z) (autograd and SymPy then differ by 3e-8, past DISAGREE_TOL, with nothing
    wrong on either side). inf where 53 bits cannot evaluate it or the 30-digit value is not known."""
    exact = evaluate(expr, point, PRECISION)
    if exact is None:
        return float("inf")
    with mpmath.workprec(53):
        try:
            v = _ev(expr, point, {}, mpmath.mpf(2) ** -1000)  # no kink guard: a sign decided wrongly is noise too
        except (_Undefined, ZeroDivisionError, ValueError, OverflowError):
            return float("inf")
        if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
            return float("inf")
    with mpmath.workdps(PRECISION):
        return float(abs(v - exact) / max(1, abs(exact)))


def _cmp_sign(x, eps):
    if abs(x) <= eps * max(1, abs(x)) or abs(x) <= eps:
        raise _Kink()
    return 1 if x > 0 else -1


def _ev(e, point, memo, eps):
    if e in memo:
        return memo[e]
    v = _ev1(e, point, memo, eps)
    memo[e] = v
    return v


def _ev1(e, point, memo, eps):
    if e.is_Symbol:
        if e not in point:
            raise _Kink()
        r = point[e]
        return mpmath.mpf(int(r.p)) / int(r.q) if isinstance(r, sp.Rational) else mpmath.mpf(str(r))
    if e.is_Integer:
        return mpmath.mpf(int(e))
    if e.is_Rational:
        return mpmath.mpf(int(e.p)) / int(e.q)
    if e.is_Float:
        return mpmath.mpf(str(e))
    if e is sp.pi:
        return +mpmath.pi
    if e is sp.E:
        return +mpmath.e
    if e in (sp.nan, sp.zoo, sp.oo, -sp.oo) or e is sp.S.NaN:
        raise _Undefined()
    if e.is_Add:
        return mpmath.fsum(_ev(a, point, memo, eps) for a in e.args)
    if e.is_Mul:
        out = mpmath.mpf(1)
        for a in e.args:
            out *= _ev(a, point, memo, eps)
        return out
    if e.is_Pow:
        base, ex = e.args
        b = _ev(base, point, memo, eps)
        if ex.is_Integer:
            k = int(ex)
            if k < 0 and b == 0:
                raise _Undefined()
            if k < 0 and abs(b) <= eps:
                raise _Kink()
            return b ** k
        x = _ev(ex, point, memo, eps)
        if b < 0:
            raise _Undefined()
        if b == 0:
            if x > 0:
                return mpmath.mpf(0)
            raise _Undefined()
        return mpmath.power(b, x)
    if isinstance(e, _ABSTRACT):  # before the names: an undeclared function may be called `log` or `Max`
        raise _Kink()
    f = type(e)
    name = f.__name__
    args = e.args
    if name == "exp":
        x = _ev(args[0], point, memo, eps)
        if x > 10 ** 6:
            raise _Kink()
        return mpmath.exp(x)
    if name == "log":
        if len(args) != 1:
            raise _Kink()
        x = _ev(args[0], point, memo, eps)
        if x <= 0:
            raise _Undefined()
        if x <= eps:
            raise _Kink()
        return mpmath.log(x)
    simple = {"sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan, "tanh": mpmath.tanh,
              "cosh": mpmath.cosh, "sinh": mpmath.sinh, "atan": mpmath.atan, "erf": mpmath.erf, "sech": mpmath.sech}
    if name in simple:
        return simple[name](_ev(args[0], point, memo, eps))
    if name == "Abs":
        x = _ev(args[0], point, memo, eps)
        _cmp_sign(x, eps)
        return abs(x)
    if name == "sign":
        return mpmath.mpf(_cmp_sign(_ev(args[0], point, memo, eps), eps))
    if name == "Heaviside":
        s = _cmp_sign(_ev(args[0], point, memo, eps), eps)
        return mpmath.mpf(1 if s > 0 else 0)
    if name == "ReLU":
        x = _ev(args[0], point, memo, eps)
        _cmp_sign(x, eps)
        return x if x > 0 else mpmath.mpf(0)
    if name == "DiracDelta":
        _cmp_sign(_ev(args[0], point, memo, eps), eps)
        return mpmath.mpf(0)
    if name in ("Max", "Min"):
        vals = [_ev(a, point, memo, eps) for a in args]
        best = max(vals) if name == "Max" else min(vals)
        ties = [v for v in vals if abs(v - best) <= eps * max(1, abs(best))]
        if len(ties) > 1:
            raise _Kink()
        return best
    if name == "KroneckerDelta":
        a, b = (_ev(x, point, memo, eps) for x in args)
        return mpmath.mpf(1 if abs(a - b) <= eps else 0)
    if name == "Piecewise":
        for value, cond in args:
            if _truth(cond, point, memo, eps):
                return _ev(value, point, memo, eps)
        raise _Undefined()
    # anything else: SymPy's own evaluation of this subexpression
    v = e.xreplace({s: point[s] for s in e.free_symbols if s in point}).evalf(mpmath.mp.dps)
    if not v.is_number:
        raise _Kink()
    re_, im_ = v.as_real_imag()
    if abs(im_) > eps:
        raise _Undefined()
    return mpmath.mpf(str(re_)) if re_.is_Float else mpmath.mpf(str(sp.Float(re_, mpmath.mp.dps)))


def _truth(c, point, memo, eps) -> bool:
    if c is sp.true or c is True:
        return True
    if c is sp.false or c is False:
        return False
    name = type(c).__name__
    if name == "And":
        return all(_truth(a, point, memo, eps) for a in c.args)
    if name == "Or":
        return any(_truth(a, point, memo, eps) for a in c.args)
    if name == "Not":
        return not _truth(c.args[0], point, memo, eps)
    if name in ("StrictGreaterThan", "StrictLessThan", "GreaterThan", "LessThan", "Equality", "Unequality"):
        d = _ev(c.args[0], point, memo, eps) - _ev(c.args[1], point, memo, eps)
        if name in ("Equality", "Unequality"):
            eq = abs(d) <= eps
            return eq if name == "Equality" else not eq
        s = _cmp_sign(d, eps)
        return {"StrictGreaterThan": s > 0, "GreaterThan": s > 0, "StrictLessThan": s < 0, "LessThan": s < 0}[name]
    raise _Kink()


def exact_value(expr, point: dict, prec: int):
    """expr at the exact point: a Rational where exact, else a Float to `prec` digits; None where it is undefined (log of <= 0, 1/0, ...)."""
    try:
        v = expr.xreplace(point)
        if v.free_symbols or v.has(*_ABSTRACT):
            return None
        if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        if v.is_Rational:
            return v
        f = v.evalf(prec)
        if not f.is_number or f.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        re, im = f.as_real_imag()
        if im != 0 and abs(im) > sp.Float(10) ** (-prec + 5) * (1 + abs(re)):
            return None
        if not re.is_finite:
            return None
        return re
    except (ZeroDivisionError, ValueError, TypeError, ArithmeticError):
        return None
