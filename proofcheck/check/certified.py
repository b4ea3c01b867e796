"""Certified values of SymPy expressions at exact points: exact rationals, else arb balls.

A value is an exact rational (`flint.fmpq`) as long as every operation on the way is rational, and an
arb ball from the first transcendental operation on: a midpoint and a radius that certainly contain the
true value (python-flint's ball arithmetic, rigorous error bounds at any precision). Nothing here ever
compares two rounded numbers under a tolerance.

Three things can stop a value:
- `Undefined`: the expression certainly has no real value here (log of a number <= 0, a division by
  exactly 0, a real power of a negative number); it names the failing condition.
- `NeedBits`: a decision (the sign of a kink argument, a domain test) straddles its threshold at this
  precision. The caller (`Evaluator.run`) decides such a sign exactly where it can (rational arguments,
  algebraic points, SymPy's own exact arithmetic) and otherwise retries with more bits.
- `Undecided`: not certified within `CAP_BITS`, or a head without a certified evaluation. Never
  evidence either way.

Points map symbols to exact SymPy numbers (rationals, or exact constants such as `CRootOf(t^3 - 2, 0)`
or `log(1000)` for probes placed exactly on a kink).

`IntervalEvaluator` encloses the values over an interval of inputs (root isolation along a line, the
rounding box of `\\approx`): values are pairs of exact end points [lo, hi] rather than balls, since a
ball cannot hold [e^1, e^100] without reaching below 0; a discontinuous head whose argument may be 0
somewhere gives the hull of its values, and a domain that may fail raises `Straddle`.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from fractions import Fraction

import sympy as sp
from flint import arb, ctx, fmpq
from sympy import integer_nthroot
from sympy.core.function import AppliedUndef

START_BITS = 128  # the first precision tried
CAP_BITS = 1 << 16  # beyond this a straddling decision is Undecided
GROWTH = 4  # precision multiplies by this on each retry
GUARD_BITS = 32  # extra bits a leaf enclosure carries beyond the working precision
EXACT_POWER_BITS = 1 << 20  # an exact rational power stays exact up to about this many bits, then a ball
SYMBOLS_MEMO = 1 << 16  # expressions whose free symbols are remembered (`symbols_of`)

Value = fmpq | arb


class Undefined(Exception):
    """Certainly undefined over the reals at this point; `kind`/`arg` name the failed condition."""

    def __init__(self, why: str, kind: str = "", arg: sp.Expr | None = None):
        super().__init__(why)
        self.why = why
        self.kind = kind  # nonzero | positive | nonnegative | "" (no condition expression)
        self.arg = arg


class Undecided(Exception):
    """Defined or not, no certified value could be had (precision cap, an unknown head, overflow)."""


class NeedBits(Exception):
    """A decision straddles its threshold at this precision."""

    def __init__(self, arg: sp.Expr):
        super().__init__(str(arg))
        self.arg = arg


def combined_truth(c, atom) -> bool | None:
    """Three-valued truth of a condition built with And, Or and Not, `atom` deciding each comparison
    (True, False, or None when it may vary): one place for the logic of every caller."""
    if c is sp.true or c is True:
        return True
    if c is sp.false or c is False:
        return False
    name = type(c).__name__
    if name in ("And", "Or"):
        parts = [combined_truth(a, atom) for a in c.args]
        if name == "And":
            return False if False in parts else (True if all(p is True for p in parts) else None)
        return True if True in parts else (False if all(p is False for p in parts) else None)
    if name == "Not":
        t = combined_truth(c.args[0], atom)
        return None if t is None else not t
    return atom(c)


class Straddle(Exception):
    """Interval mode: over this interval the value may jump or be undefined (the caller subdivides)."""


# ------------------------------------------------------------------ small helpers


def to_fmpq(r: sp.Rational) -> fmpq:
    return fmpq(int(r.p), int(r.q))


def to_rational(q: fmpq) -> sp.Rational:
    return sp.Rational(int(q.p), int(q.q))


def as_ball(v: Value) -> arb:
    return v if isinstance(v, arb) else arb(v)


def sign_of(v: Value) -> int | None:
    """The certain sign of a value, None when a ball straddles 0."""
    if isinstance(v, fmpq):
        return (v > 0) - (v < 0)
    if v > 0:
        return 1
    if v < 0:
        return -1
    if v.is_exact() and v.is_zero():
        return 0
    return None


def magnitude_bits(v: Value) -> int:
    """|log2 |v|| roughly (0 for zero, and for a ball that may be zero): how far a value is from 1 in
    binary orders of magnitude."""
    if isinstance(v, fmpq):
        if v == 0:
            return 0
        return abs(int(v.p).bit_length() - int(v.q).bit_length())
    if v.contains(0):
        return 0  # a ball around 0 is rounding noise, not a small term
    man, exp = v.mid().man_exp()
    return abs(int(exp) + int(man.bit_length()))


def _bits(q: fmpq) -> int:
    return int(q.p).bit_length() + int(q.q).bit_length()


def _exact_root(q: fmpq, n: int) -> fmpq | None:
    """The exact n-th root of a non-negative rational when it is rational."""
    p, d = int(q.p), int(q.q)
    rp, ok_p = integer_nthroot(p, n)
    if not ok_p:
        return None
    rd, ok_d = integer_nthroot(d, n)
    return fmpq(rp, rd) if ok_d else None


# ------------------------------------------------------------------ exact zero tests


def exact_zero(expr: sp.Expr, point: dict) -> bool | None:
    """Is expr exactly 0 at the point? True, False (certainly not), or None (cannot tell exactly).

    Used only where a ball straddles 0: rational arithmetic has already been exact, so this is for
    points with algebraic coordinates (a probe on the kink of x^2 - 2, at x = CRootOf(x^2 - 2, 1)),
    decided by the minimal polynomial, and closed forms that SymPy's own arithmetic settles
    (exp(log 1000) - 1000)."""
    try:
        v = expr.xreplace(point)
    except (ValueError, TypeError, ZeroDivisionError, RecursionError):  # SymPy's own evaluation of the
        return None  # numbers failed (sqrt of a 100-digit rational: "not a prime factor"): not decided exactly
    if v == 0:
        return True
    if v.is_Rational:
        return False
    roots = v.atoms(sp.CRootOf)
    if len(roots) == 1:
        quick = _zero_modulo(v, next(iter(roots)))
        if quick is not None:
            return quick
    if _algebraic(v):
        try:
            return sp.minimal_polynomial(v, _ZERO_TEST) == _ZERO_TEST
        except (NotImplementedError, ValueError, sp.PolynomialError):
            return None
    try:
        return True if sp.expand(v) == 0 else None
    except (ValueError, TypeError, ZeroDivisionError):  # pragma: no cover - SymPy arithmetic on numbers
        return None


_ZERO_TEST = sp.Dummy("z")
_ABSTRACT = (AppliedUndef, sp.Subs, sp.Derivative)  # check/functions.py instantiates these first


def _zero_modulo(v, root: sp.CRootOf) -> bool | None:
    """v a rational function, with rational coefficients, of one real algebraic number r (a probe on
    a line at a root of an irreducible polynomial f): v = 0 exactly when f divides its numerator.
    Much faster than a minimal polynomial; None when v is not of that form."""
    f = root.poly
    if not f.is_irreducible:
        return None
    w = sp.together(v.xreplace({root: _ZERO_TEST}))
    num, _ = sp.fraction(w)
    try:
        pn = sp.Poly(num, _ZERO_TEST)
    except sp.PolynomialError:
        return None
    if not (pn.domain.is_QQ or pn.domain.is_ZZ):
        return None
    return pn.rem(sp.Poly(f.as_expr().xreplace({f.gens[0]: _ZERO_TEST}), _ZERO_TEST)).is_zero


def _algebraic(v) -> bool:
    """Built from rationals, real roots of polynomials and rational powers by + and *."""
    for sub in sp.preorder_traversal(v):
        if sub.is_Rational or sub.is_Add or sub.is_Mul or isinstance(sub, sp.CRootOf):
            continue
        if sub.is_Pow and sub.exp.is_Rational:
            continue
        if isinstance(sub, sp.PurePoly) or sub.is_Symbol or isinstance(sub, sp.Tuple):
            continue  # the parts of a CRootOf
        return False
    return True


# ------------------------------------------------------------------ real algebraic numbers


@functools.lru_cache(maxsize=1024)
def _isolated(root: sp.CRootOf) -> tuple[tuple[int, ...], Fraction, Fraction]:
    """The integer coefficients (highest first) of the root's polynomial and an isolating interval
    of the root, narrowed by exact bisection until the derivative has no zero on it (so interval
    Newton converges there and certifies the root's uniqueness)."""
    poly = root.poly
    coeffs = tuple(int(c) for c in poly.clear_denoms()[1].all_coeffs())
    (a, b), _ = poly.intervals()[root.index]
    lo, hi = Fraction(int(a.p), int(a.q)), Fraction(int(b.p), int(b.q))
    if lo == hi:
        return coeffs, lo, hi
    derivative = _derivative(coeffs)
    height = max(abs(c) for c in coeffs).bit_length()
    while True:
        # enough bits that the expanded polynomial's cancellation near a cluster of roots (5 10^60
        # (t - 1)^4 - 1 at 1 + 2 10^-16) does not swamp the derivative's enclosure: its height and
        # the interval's own bits beyond START_BITS
        with ctx.workprec(START_BITS + height + _fraction_bits(lo, hi)):
            if not _horner(derivative, _interval_ball(lo, hi)).contains(0):
                break
            mid = (lo + hi) / 2
            s = _sign_at(coeffs, mid)
            if s == 0:
                return coeffs, mid, mid
            if s == _sign_at(coeffs, lo):
                lo = mid
            else:
                hi = mid
    return coeffs, lo, hi


def _fraction_bits(lo: Fraction, hi: Fraction) -> int:
    """The bits of the interval's end points' denominators (how narrow it has become)."""
    return max(lo.denominator.bit_length(), hi.denominator.bit_length())


def _derivative(coeffs: tuple[int, ...]) -> tuple[int, ...]:
    n = len(coeffs) - 1
    return tuple(c * (n - i) for i, c in enumerate(coeffs[:-1]))


def _horner(coeffs, x):
    out = x * 0
    for c in coeffs:
        out = out * x + c
    return out


def _sign_at(coeffs, q: Fraction) -> int:
    v = _horner(coeffs, q)
    return (v > 0) - (v < 0)


def _interval_ball(lo: Fraction, hi: Fraction) -> arb:
    return arb(fmpq(lo.numerator, lo.denominator)).union(arb(fmpq(hi.numerator, hi.denominator)))


@functools.lru_cache(maxsize=4096)
def root_ball(root: sp.CRootOf, bits: int) -> arb:
    """A ball of radius below 2^-bits around a real root of a polynomial, by interval Newton from an
    isolating interval: N(X) = m - f(m) / f'(X) contains the root and (intersected with X) shrinks
    quadratically; SymPy's own refinement (bisection) is far too slow at thousands of bits."""
    coeffs, lo, hi = _isolated(root)
    if lo == hi:
        return arb(fmpq(lo.numerator, lo.denominator))
    derivative = _derivative(coeffs)
    target = arb(2) ** (-bits)
    with ctx.workprec(bits + GUARD_BITS):
        x = _interval_ball(lo, hi)
        while not x.rad() < target:
            m = arb(x.mid())
            step = m - _horner(coeffs, m) / _horner(derivative, x)
            narrowed = step.intersection(x)
            if not narrowed.rad() < x.rad():
                break  # no progress at this precision: the enclosure is as good as it gets
            x = narrowed
        return x


# ------------------------------------------------------------------ the evaluator


_SIMPLE = {
    # name: (arb method, value at exact 0 or None)
    "exp": ("exp", fmpq(1)), "sin": ("sin", fmpq(0)), "cos": ("cos", fmpq(1)), "sinh": ("sinh", fmpq(0)),
    "cosh": ("cosh", fmpq(1)), "tanh": ("tanh", fmpq(0)), "atan": ("atan", fmpq(0)), "asinh": ("asinh", fmpq(0)),
    "erf": ("erf", fmpq(0)), "erfc": ("erfc", fmpq(1)), "sech": ("sech", fmpq(1)),
}
_LOG2E = 1.4426950408889634
_SATURATION = {  # bits hidden below a function's value at an argument of size |x|
    "exp": lambda x: x * _LOG2E, "sinh": lambda x: x * _LOG2E, "cosh": lambda x: x * _LOG2E,
    "tanh": lambda x: 2 * x * _LOG2E, "sech": lambda x: x * _LOG2E, "erf": lambda x: x * x * _LOG2E,
    "erfc": lambda x: x * x * _LOG2E, "atan": lambda x: 2 * math.log2(max(1.0, x)),
}
_NONZERO_ARG = {"coth": "coth", "csch": "csch"}  # undefined at 0
_RELATIONS = {"StrictGreaterThan", "StrictLessThan", "GreaterThan", "LessThan", "Equality", "Unequality"}
DISCONTINUOUS = {"Heaviside", "sign", "Piecewise", "KroneckerDelta", "DiracDelta", "floor", "ceiling"}


@dataclass
class Evaluator:
    """Certified values at one point; exact sign decisions are remembered across precisions."""

    point: dict  # Symbol -> exact SymPy number
    signs: dict = field(default_factory=dict)  # argument -> sign decided exactly here
    bits: int = START_BITS  # the precision of the last successful run
    magnitude: int = 0  # largest |log2| of a term of any sum met (cancellation can hide that much)
    boundary: bool = False  # a domain condition held with equality (sqrt(0)): defined here, not around
    inexact: bool = False  # a ball was needed somewhere (a sign decided by one counts too)

    def __post_init__(self):
        self._memo: dict = {}
        self._exact: dict = {}  # a symbol with a rational value -> that value as an fmpq (`_leaf`)
        self._prec = START_BITS
        self._tried: set = set()  # arguments whose exact zero test has run

    # -------------------------------------------------------------- driving
    def run(self, fn, start: int = START_BITS, cap: int = CAP_BITS):
        """fn(self) at increasing precision until no decision straddles; Undecided past the cap."""
        bits = max(start, START_BITS)
        while True:
            try:
                with ctx.workprec(bits + GUARD_BITS):
                    self._prec = bits
                    self._memo = {}
                    self.boundary = False
                    out = fn(self)
                self.bits = bits
                return out
            except NeedBits as need:
                if need.arg not in self._tried:
                    self._tried.add(need.arg)
                    if exact_zero(need.arg, self.point) is True:
                        self.signs[need.arg] = 0
                        continue
                if bits >= cap:
                    raise Undecided(f"the sign of {sp.sstr(need.arg)} could not be decided at {cap} bits") from None
                bits = min(cap, bits * GROWTH)


    def value(self, e: sp.Expr) -> Value:
        """The value of e at the current precision (inside `run`)."""
        v = self._memo.get(e)
        if v is None:
            v = self._eval(e)
            self._memo[e] = v
        return v

    def sign(self, arg: sp.Expr) -> int:
        """The certain sign of arg here (an exact decision where a ball straddles 0)."""
        v = self.value(arg)
        s = sign_of(v)
        if s is not None:
            return s
        known = self.signs.get(arg)
        if known is not None:
            return known
        raise NeedBits(arg)

    # -------------------------------------------------------------- heads
    def _eval(self, e) -> Value:
        # sums, products and powers first (most nodes); none of them is a number or a constant below.
        # The non-real constants are SymPy singletons, so they are told apart by identity (`e in
        # (oo, ...)` ran SymPy's `==`, four times per node).
        if e.is_Symbol:
            return self._leaf(e)
        if e.is_Add:
            return self._add(e)
        if e.is_Mul:
            out: Value = fmpq(1)
            memo = self._memo
            for a in e.args:
                v = memo.get(a)
                if v is None:
                    v = memo[a] = self._eval(a)  # `value` without its second lookup
                out = out * v if type(out) is fmpq and type(v) is fmpq else self._mul(out, v)
            return out
        if e.is_Pow:
            return self._pow(e)
        if e.is_Rational:
            return to_fmpq(e)
        if e.is_Float:
            raise Undecided("an inexact number")
        if e is sp.pi:
            return self._finite(arb.pi())
        if e is sp.E:
            return self._finite(arb(1).exp())
        if e is sp.nan or e is sp.zoo or e is sp.oo or e is sp.S.NegativeInfinity:
            raise Undefined("not a real number")
        if isinstance(e, sp.CRootOf):
            return self._algebraic(e)
        if isinstance(e, _ABSTRACT):  # an undeclared function (even one called `log`): no value of its own
            raise Undecided(f"no value for the undeclared function {type(e).__name__}")
        name = type(e).__name__
        if name in _RELATIONS or name in ("And", "Or", "Not", "BooleanTrue", "BooleanFalse"):
            return fmpq(1) if self.truth(e) else fmpq(0)
        method = getattr(self, "_f_" + name, None)
        if method is not None:
            return method(e)
        if name in _SIMPLE:
            fn, at_zero = _SIMPLE[name]
            x = self.value(e.args[0])
            if isinstance(x, fmpq) and x == 0:
                return at_zero
            self._saturation(name, x)
            return self._finite(getattr(self._ball(x), fn)())
        if name in _NONZERO_ARG:
            x = self.value(e.args[0])
            if self.sign(e.args[0]) == 0:
                raise Undefined(f"{name} of 0", "nonzero", e.args[0])
            return self._finite(getattr(self._ball(x), _NONZERO_ARG[name])())
        raise Undecided(f"no certified evaluation of {name}")

    def _saturation(self, name: str, x: Value) -> None:
        """A function that flattens out (tanh x = 1 - 2e^{-2x} + ...) hides terms as small as e^{-2x}:
        count them like the terms of a sum, so evidence is taken at enough bits to see them."""
        rate = _SATURATION.get(name)
        if rate is None:
            return
        size = float(abs(self._ball(x).mid())) if magnitude_bits(x) < 60 else float(2 ** 60)
        hidden = rate(size)
        if hidden > self.magnitude:
            self.magnitude = int(min(hidden, CAP_BITS))

    def _ball(self, v: Value) -> arb:
        """A value as a ball; an exact rational rounded here counts its size in bits like a term of a
        sum (1 + 10^{-180} must not round to 1 unnoticed)."""
        self.inexact = True
        if isinstance(v, arb):
            return v
        self.magnitude = max(self.magnitude, min(_bits(v), CAP_BITS))
        return arb(v)

    def _leaf(self, s) -> Value:
        q = self._exact.get(s)
        if q is not None:
            return q
        if s not in self.point:
            raise Undecided(f"no value for {s}")
        v = self.point[s]
        if isinstance(v, sp.Rational):
            q = self._exact[s] = to_fmpq(v)  # the same at every precision: kept across runs
            return q
        return self.value(v)

    def _mul(self, a: Value, b: Value) -> Value:
        if isinstance(a, fmpq) and isinstance(b, fmpq):
            return a * b
        if isinstance(a, fmpq) and a == 0 or isinstance(b, fmpq) and b == 0:
            return fmpq(0)
        return self._ball(a) * self._ball(b)

    def _add(self, e) -> Value:
        memo = self._memo
        terms = []
        exact = True
        for a in e.args:
            t = memo.get(a)
            if t is None:
                t = memo[a] = self._eval(a)  # `value` without its second lookup
            if type(t) is not fmpq:
                exact = False
            terms.append(t)
        if exact:
            return sum(terms, fmpq(0))
        self.magnitude = max(self.magnitude, max(magnitude_bits(t) for t in terms))
        self.inexact = True  # what `_ball` sets; it is called below only for the exact terms
        out = arb(0)
        for t in terms:
            out = out + (t if isinstance(t, arb) else self._ball(t))
        return out

    def _pow(self, e) -> Value:
        base, ex = e.args
        b = self.value(base)
        if ex.is_Integer:
            k = int(ex)
            if k < 0 and self.sign(base) == 0:
                raise Undefined("division by zero", "nonzero", base)
            if isinstance(b, fmpq) and (abs(k) <= 1 or abs(k) * _bits(b) <= EXACT_POWER_BITS):
                return b ** k
            ball = self._ball(b)
            return self._finite(_power_by_squaring(ball, k) if ball.contains(0) else ball ** k)
        if ex.is_Rational:
            s = self.sign(base)
            if s < 0:
                raise Undefined("a real power of a negative number", "nonnegative", base)
            if s == 0:
                if ex < 0:
                    raise Undefined("division by zero", "positive", base)
                self.boundary = True
                return fmpq(0)
            if isinstance(b, fmpq):
                root = _exact_root(b, int(ex.q))
                if root is not None:
                    return root ** int(ex.p)
            return self._finite(self._ball(b).root(int(ex.q)) ** int(ex.p))
        x = self.value(ex)
        s = self.sign(base)
        if s < 0:
            raise Undefined("a real power of a negative number", "nonnegative", base)
        if s == 0:
            if self.sign(ex) > 0:
                self.boundary = True
                return fmpq(0)
            raise Undefined("0 to a power that is not positive", "positive", base)
        if isinstance(x, fmpq) and x == 0:
            return fmpq(1)
        return self._finite((self._ball(x) * self._ball(b).log()).exp())

    def _algebraic(self, r: sp.CRootOf) -> arb:
        """A real algebraic number, enclosed to the working precision (interval Newton, root_ball)."""
        self.inexact = True
        if not r.is_real:
            raise Undefined("not a real number")
        return root_ball(r, self._prec + GUARD_BITS)

    def _finite(self, v: arb) -> arb:
        self.inexact = True
        if not v.is_finite():
            raise Undecided("a value too large for certified evaluation")
        return v

    # functions with a domain
    def _f_log(self, e) -> Value:
        if len(e.args) != 1:
            raise Undecided("a logarithm with a base")
        arg = e.args[0]
        x = self.value(arg)
        s = self.sign(arg)
        if s <= 0:
            raise Undefined("log of a non-positive number", "positive", arg)
        if isinstance(x, fmpq) and x == 1:
            return fmpq(0)
        return self._finite(self._ball(x).log())

    def _f_tan(self, e) -> Value:
        c = sp.cos(e.args[0])
        if self.sign(c) == 0:
            raise Undefined("tan at a pole", "nonzero", c)
        x = self.value(e.args[0])
        if isinstance(x, fmpq) and x == 0:
            return fmpq(0)
        return self._finite(self._ball(x).tan())

    def _f_asin(self, e) -> Value:
        return self._inverse_trig(e, "asin")

    def _f_acos(self, e) -> Value:
        return self._inverse_trig(e, "acos")

    def _inverse_trig(self, e, fn) -> Value:
        arg = e.args[0]
        if self.sign(1 - arg) < 0 or self.sign(arg + 1) < 0:
            raise Undefined(f"{fn} outside [-1, 1]", "nonnegative", 1 - arg ** 2)
        return self._finite(getattr(self._ball(self.value(arg)), fn)())

    def _f_atanh(self, e) -> Value:
        arg = e.args[0]
        if self.sign(1 - arg) <= 0 or self.sign(arg + 1) <= 0:
            raise Undefined("atanh outside (-1, 1)", "positive", 1 - arg ** 2)
        return self._finite(self._ball(self.value(arg)).atanh())

    def _f_acosh(self, e) -> Value:
        arg = e.args[0]
        if self.sign(arg - 1) < 0:
            raise Undefined("acosh below 1", "nonnegative", arg - 1)
        return self._finite(self._ball(self.value(arg)).acosh())

    # kinks: continuous ones need no decision, discontinuous ones do
    def _f_Abs(self, e) -> Value:
        x = self.value(e.args[0])
        return abs(x)

    def _f_ReLU(self, e) -> Value:
        x = self.value(e.args[0])
        if isinstance(x, fmpq):
            return x if x > 0 else fmpq(0)
        return (x + abs(x)) / 2

    def _f_Max(self, e) -> Value:
        return self._extreme(e, max_=True)

    def _f_Min(self, e) -> Value:
        return self._extreme(e, max_=False)

    def _extreme(self, e, max_: bool) -> Value:
        vals = [self.value(a) for a in e.args]
        if all(isinstance(v, fmpq) for v in vals):
            return max(vals) if max_ else min(vals)
        out = self._ball(vals[0])
        for v in vals[1:]:
            out = out.max(self._ball(v)) if max_ else out.min(self._ball(v))
        return out

    def _f_sign(self, e) -> Value:
        return fmpq(self.sign(e.args[0]))

    def _f_Heaviside(self, e) -> Value:
        at_zero = e.args[1] if len(e.args) > 1 else sp.S.Half
        s = self.sign(e.args[0])
        if s == 0:
            return self.value(at_zero)
        return fmpq(1) if s > 0 else fmpq(0)

    def _f_DiracDelta(self, e) -> Value:
        if len(e.args) > 1:
            raise Undecided("a derivative of DiracDelta")
        if self.sign(e.args[0]) == 0:
            raise Undefined("DiracDelta at 0", "nonzero", e.args[0])
        return fmpq(0)

    def _f_KroneckerDelta(self, e) -> Value:
        a, b = e.args[0], e.args[1]
        return fmpq(1) if self.sign(a - b) == 0 else fmpq(0)

    def _f_floor(self, e) -> Value:
        x = self.value(e.args[0])
        if isinstance(x, fmpq):
            return fmpq(int(x.p) // int(x.q))
        f = x.floor()
        if f.is_exact():
            return f
        raise Undecided("floor near a whole number")

    def _f_ceiling(self, e) -> Value:
        x = self.value(e.args[0])
        if isinstance(x, fmpq):
            return fmpq(-((-int(x.p)) // int(x.q)))
        c = x.ceil()
        if c.is_exact():
            return c
        raise Undecided("ceiling near a whole number")

    def _f_Piecewise(self, e) -> Value:
        for value, cond in e.args:
            if self.truth(cond):
                return self.value(value)
        raise Undefined("no case of a piecewise expression applies")

    def truth(self, c) -> bool:
        """A condition's truth here, decided exactly (a straddling comparison needs more bits)."""
        if c is sp.true or c is True:
            return True
        if c is sp.false or c is False:
            return False
        name = type(c).__name__
        if name == "And":
            return all(self.truth(a) for a in c.args)
        if name == "Or":
            return any(self.truth(a) for a in c.args)
        if name == "Not":
            return not self.truth(c.args[0])
        if name in _RELATIONS:
            s = self.sign(c.args[0] - c.args[1])
            return {"StrictGreaterThan": s > 0, "StrictLessThan": s < 0, "GreaterThan": s >= 0,
                    "LessThan": s <= 0, "Equality": s == 0, "Unequality": s != 0}[name]
        raise Undecided(f"no certified truth value of {name}")


@functools.lru_cache(maxsize=SYMBOLS_MEMO)
def symbols_of(e: sp.Basic) -> frozenset:
    """e's free symbols, kept: SymPy recomputes them over the whole subtree at every call, and an
    enclosure asks at every node, for every box of a bisection (quadratic in the tree's size)."""
    return frozenset(free_symbols([e]))


_BASIC_FREE_SYMBOLS = sp.Basic.__dict__["free_symbols"]
_GENERIC: dict = {}  # class -> its instances' free_symbols is Basic's (the union over the arguments)


def generic_free_symbols(cls) -> bool:
    """Do instances of cls get `free_symbols` from `sp.Basic` (the union of their arguments')? Read
    from the class's own MRO (`getattr(cls, ...)` would ask SymPy's metaclass, whose property gives
    the function class's, not its instances')."""
    got = _GENERIC.get(cls)
    if got is None:
        owner = next((k for k in cls.__mro__ if "free_symbols" in k.__dict__), None)
        got = _GENERIC[cls] = owner is not None and owner.__dict__["free_symbols"] is _BASIC_FREE_SYMBOLS
    return got


def free_symbols(exprs) -> set:
    """The union of the expressions' `free_symbols`, each distinct subtree read once. SymPy's own
    walks the whole tree at every call, and a matrix step's entries share most of theirs (each hidden
    unit in every output, the two sides' common parts). A node whose class keeps SymPy's generic rule
    (the union over its arguments) is unioned here the same way; any other (a symbol, a derivative or
    integral that binds its variables) answers for itself."""
    memo: dict = {}

    def walk(u):
        got = memo.get(u)
        if got is None:
            if generic_free_symbols(type(u)):
                got = frozenset().union(*[walk(a) for a in u.args]) if u.args else frozenset()
            else:
                got = frozenset(u.free_symbols)
            memo[u] = got
        return got

    out: set = set()
    for e in exprs:
        out |= walk(e)
    return out


def _power_by_squaring(x: arb, k: int) -> arb:
    """x^k for k > 0 by multiplications: python-flint's power of a ball that contains 0 is nan (a
    base like 1.41... - sqrt(2), 10^-60 wide, would stop the evaluation)."""
    out, base = arb(1), x
    while k:
        if k & 1:
            out *= base
        base *= base
        k >>= 1
    return out


# ------------------------------------------------------------------ convenience


def enclose(expr: sp.Expr, point: dict, bits: int = START_BITS) -> Value:
    """expr at the point (exact or a ball); raises Undefined / Undecided."""
    return Evaluator(point).run(lambda ev: ev.value(expr), start=bits)


# ------------------------------------------------------------------ enclosures over intervals


Interval = tuple  # (lo, hi): exact arb end points with lo <= hi

_INCREASING = {"exp": "exp", "sinh": "sinh", "tanh": "tanh", "atan": "atan", "asinh": "asinh", "erf": "erf"}
_DECREASING = {"erfc": "erfc"}
_BALL_FALLBACK = {"sin": "sin", "cos": "cos"}
_EVEN_MONOTONE = ("cosh", "sech")  # monotone on each side of 0 (`_even_monotone`)


POS_INF = arb(float("inf"))  # exactly +oo (rad 0): an upper end past arb's range (extended enclosures)
NEG_INF = -POS_INF
EXTENDED_CAP = arb(2) ** 20  # exp, sinh, cosh of a lower end past this are bounded below by their value here
_CAPPED = ("exp", "sinh", "cosh")


def _exactly_infinite(ball: arb) -> int:
    """1 for exactly +oo, -1 for exactly -oo, 0 otherwise (a finite ball, nan, [+/- inf])."""
    if ball.is_finite() or ball.rad() != 0:
        return 0
    return 1 if ball > 0 else (-1 if ball < 0 else 0)


def _power(x: arb, k: int) -> arb:
    """x^k for an integer k, also at x = +-oo (arb gives nan for (-oo)^3): +-oo by k's parity, 0
    for k < 0."""
    sign = _exactly_infinite(x)
    if not sign:
        return x ** k
    if k == 0:
        return arb(1)
    if k < 0:
        return arb(0)
    return POS_INF if sign > 0 or k % 2 == 0 else NEG_INF


def _product(x: arb, y: arb) -> arb:
    """x y with 0 times +-oo taken as 0 (interval multiplication's convention)."""
    if (x == 0 and _exactly_infinite(y)) or (y == 0 and _exactly_infinite(x)):
        return arb(0)
    return x * y


def _ends(ball: arb) -> Interval:
    if not ball.is_finite():
        raise Undecided("an enclosure too large for certified evaluation")
    return ball.lower(), ball.upper()


def _ball_of(iv: Interval) -> arb:
    lo, hi = iv
    return (lo + hi) / 2 + arb(0, 1) * ((hi - lo) / 2)


def interval_sign(iv: Interval) -> int | None:
    """The sign of every value in the interval, None when it contains 0 and something else."""
    lo, hi = iv
    if lo > 0:
        return 1
    if hi < 0:
        return -1
    if lo == 0 and hi == 0:
        return 0
    return None


class IntervalEvaluator:
    """Enclosures [lo, hi] of an expression over a box of inputs (Symbol -> (lo, hi) exact arbs).

    Every end point is computed from exact end points, so an increasing function keeps its range
    tight however wide the interval is (exp over [1, 100] is [e, e^100], not a ball around e^99).

    `extended`: an end past arb's range is -oo (a lower end) or +oo (an upper end) instead of an
    Undecided, so a sign survives values too large to write (t e^t - 1 far out is [huge, +oo], above
    0): for callers that read signs only, never the ends' values. Every end is then still a true bound:
    an end arb cannot compute is replaced by the trivial one (`_low`, `_high`), exp, sinh and cosh of a
    huge lower end are bounded below at EXTENDED_CAP (they increase), b^k and 1/b at an infinite end
    are taken by their limits (`_power`)."""

    def __init__(self, box: dict, bits: int = START_BITS, extended: bool = False):
        self.box = box
        self.bits = bits
        self.extended = extended
        self._memo: dict = {}

    def _low(self, ball: arb) -> arb:
        """A lower bound of every value in the ball: its lower end, +oo for exactly +oo, else -oo
        (extended) or Undecided."""
        if ball.is_finite():
            return ball.lower()
        if not self.extended:
            raise Undecided("an enclosure too large for certified evaluation")
        return POS_INF if _exactly_infinite(ball) == 1 else NEG_INF

    def _high(self, ball: arb) -> arb:
        """An upper bound of every value in the ball (see `_low`)."""
        if ball.is_finite():
            return ball.upper()
        if not self.extended:
            raise Undecided("an enclosure too large for certified evaluation")
        return NEG_INF if _exactly_infinite(ball) == -1 else POS_INF

    def _ends(self, ball: arb) -> Interval:
        return self._low(ball), self._high(ball)

    def _rising_low(self, name: str, x: arb) -> arb:
        """A lower bound of f(x) for an increasing f: f(min(x, EXTENDED_CAP)) when f(x) is past
        arb's range (exp of 10^50), a true bound because f increases."""
        v = getattr(x, name)()
        if not v.is_finite() and self.extended and name in _CAPPED and x > EXTENDED_CAP:
            v = getattr(EXTENDED_CAP, name)()
        return self._low(v)

    def enclose(self, e: sp.Expr) -> Interval:
        with ctx.workprec(self.bits + GUARD_BITS):
            return self.value(e)

    def value(self, e) -> Interval:
        v = self._memo.get(e)
        if v is None:
            v = self._eval(e)
            self._memo[e] = v
        return v

    def sign(self, e) -> int | None:
        return interval_sign(self.value(e))

    def continuous(self, e: sp.Expr) -> bool:
        """Whether no jump of a discontinuous function (sign, an indicator, a case split, floor) can
        lie inside the box. The enclosures of such functions are hulls of their values, so an
        argument for which continuity matters (the intermediate value theorem) must ask here."""
        with ctx.workprec(self.bits + GUARD_BITS):
            try:
                return all(self._settled(node) for node in sp.preorder_traversal(e)
                           if type(node).__name__ in DISCONTINUOUS and symbols_of(node) & self.box.keys())
            except (Straddle, Undecided, Undefined):
                return False

    def _settled(self, node) -> bool:
        """The side of its jump a discontinuous function's argument is on is the same over the box."""
        name = type(node).__name__
        if name == "Piecewise":
            for _, cond in node.args:
                holds = self.truth(cond)
                if holds is None:
                    return False
                if holds:
                    return True
            return False
        if name == "KroneckerDelta":
            return self.sign(node.args[0] - node.args[1]) is not None
        if name in ("Heaviside", "sign", "DiracDelta"):
            return self.sign(node.args[0]) is not None
        return False  # floor, ceiling: not analysed

    def _eval(self, e) -> Interval:
        if e.is_Symbol and e in self.box:
            return self.box[e]
        if not (symbols_of(e) & self.box.keys()):
            v = as_ball(Evaluator({s: v for s, v in self.box.items() if isinstance(v, sp.Basic)})
                        .run(lambda ev: ev.value(e), start=self.bits))
            return _ends(v)
        if e.is_Add:
            parts = [self.value(a) for a in e.args]
            return self._low(sum((p[0] for p in parts), arb(0))), self._high(sum((p[1] for p in parts), arb(0)))
        if e.is_Mul:
            out = self.value(e.args[0])
            for a in e.args[1:]:
                out = self._times(out, self.value(a))
            return out
        if e.is_Pow:
            return self._pow(e)
        name = type(e).__name__
        if name in _INCREASING:
            lo, hi = self.value(e.args[0])
            f = _INCREASING[name]
            return self._rising_low(f, lo), self._high(getattr(hi, f)())
        if name in _DECREASING:
            lo, hi = self.value(e.args[0])
            f = _DECREASING[name]
            return self._low(getattr(hi, f)()), self._high(getattr(lo, f)())
        if name in _EVEN_MONOTONE:
            return self._even_monotone(name, self.value(e.args[0]))
        if name in _BALL_FALLBACK:
            lo, hi = self._ends(getattr(_ball_of(self.value(e.args[0])), _BALL_FALLBACK[name])())
            return max(lo, arb(-1)), min(hi, arb(1))  # sin and cos stay in [-1, 1]
        method = getattr(self, "_i_" + name, None)
        if method is None:
            raise Undecided(f"no interval enclosure of {name}")
        return method(e)

    def _even_monotone(self, name: str, iv: Interval) -> Interval:
        """cosh (sech): decreasing (increasing) below 0, increasing (decreasing) above, extremum 1 at
        0; end by end, not as a ball, so the enclosure over a wide interval keeps its sign (a ball of
        cosh over [4096, 10^4] reaches below 0 and (t - \\sqrt{2})^2 \\cosh t would straddle 0)."""
        lo, hi = iv
        rising = name == "cosh"
        at_lo, at_hi = ((self._rising_low(name, abs(v)) if rising else self._low(getattr(v, name)()),
                         self._high(getattr(v, name)())) for v in (lo, hi))
        if lo >= 0:
            return (at_lo[0], at_hi[1]) if rising else (at_hi[0], at_lo[1])
        if hi <= 0:
            return (at_hi[0], at_lo[1]) if rising else (at_lo[0], at_hi[1])
        return (arb(1), max(at_lo[1], at_hi[1])) if rising else (min(at_lo[0], at_hi[0]), arb(1))

    def _pow(self, e) -> Interval:
        base, ex = e.args
        lo, hi = self.value(base)
        if ex.is_Integer:
            k = int(ex)
            if k < 0:
                s = interval_sign((lo, hi))
                if s == 0:
                    raise Undefined("division by zero", "nonzero", base)
                if s is None:
                    raise Straddle()
                lo, hi = self._low(1 / hi), self._high(1 / lo)
                k = -k
            if k % 2 == 1 or lo >= 0:
                return self._low(_power(lo, k)), self._high(_power(hi, k))
            if hi <= 0:
                return self._low(_power(hi, k)), self._high(_power(lo, k))
            return arb(0), max(self._high(_power(lo, k)), self._high(_power(hi, k)))
        if hi < 0:
            raise Undefined("a real power of a negative number", "nonnegative", base)
        if lo < 0 or (lo == 0 and not (ex.is_Rational and ex > 0)):
            raise Straddle()
        if ex.is_Rational:
            q, p = int(ex.q), int(ex.p)
            small, large = (lo, hi) if p > 0 else (hi, lo)
            return self._low(_power(small.root(q), p)), self._high(_power(large.root(q), p))
        return self.value(sp.exp(ex * sp.log(base)))

    def _i_log(self, e) -> Interval:
        arg = e.args[0]
        if arg.is_Add and sp.S.One in arg.args:  # log(1 + w) as log1p(w): log(1 + e^{-1440}) > 0 at any precision
            w_lo, w_hi = self.value(arg - 1)
            if w_hi <= -1:
                raise Undefined("log of a non-positive number", "positive", arg)
            if w_lo <= -1:
                raise Straddle()
            return self._low(w_lo.log1p()), self._high(w_hi.log1p())
        lo, hi = self.value(arg)
        if hi <= 0:
            raise Undefined("log of a non-positive number", "positive", e.args[0])
        if lo <= 0:
            raise Straddle()
        return self._low(lo.log()), self._high(hi.log())

    def _i_Abs(self, e) -> Interval:
        lo, hi = self.value(e.args[0])
        if lo >= 0:
            return lo, hi
        if hi <= 0:
            return -hi, -lo
        return arb(0), max(-lo, hi)

    def _i_ReLU(self, e) -> Interval:
        lo, hi = self.value(e.args[0])
        return max(lo, arb(0)), max(hi, arb(0))

    def _i_Max(self, e) -> Interval:
        parts = [self.value(a) for a in e.args]
        return max(p[0] for p in parts), max(p[1] for p in parts)

    def _i_Min(self, e) -> Interval:
        parts = [self.value(a) for a in e.args]
        return min(p[0] for p in parts), min(p[1] for p in parts)

    def _i_Heaviside(self, e) -> Interval:
        s = self.sign(e.args[0])
        if s is not None and s != 0:
            return (arb(1), arb(1)) if s > 0 else (arb(0), arb(0))
        at_zero = self.value(e.args[1] if len(e.args) > 1 else sp.S.Half)
        if s == 0:
            return at_zero
        return min(arb(0), at_zero[0]), max(arb(1), at_zero[1])

    def _i_sign(self, e) -> Interval:
        s = self.sign(e.args[0])
        return (arb(s), arb(s)) if s is not None else (arb(-1), arb(1))

    def _i_KroneckerDelta(self, e) -> Interval:
        s = self.sign(e.args[0] - e.args[1])
        if s is None:
            return arb(0), arb(1)
        return (arb(1), arb(1)) if s == 0 else (arb(0), arb(0))

    def _i_DiracDelta(self, e) -> Interval:
        s = self.sign(e.args[0])
        if s is None or s == 0:
            raise Straddle()
        return arb(0), arb(0)

    def _i_Piecewise(self, e) -> Interval:
        out = None
        for value, cond in e.args:
            holds = self.truth(cond)
            if holds is False:
                continue
            v = self.value(value)
            out = v if out is None else (min(out[0], v[0]), max(out[1], v[1]))
            if holds is True:
                return out
        raise Straddle()

    def truth(self, c) -> bool | None:
        """A condition's truth over the whole box: True, False, or None (it varies)."""
        return combined_truth(c, self._relation_truth)

    def _relation_truth(self, c) -> bool | None:
        name = type(c).__name__
        if name in _RELATIONS:
            s = self.sign(c.args[0] - c.args[1])
            if s is None:
                return None
            return {"StrictGreaterThan": s > 0, "StrictLessThan": s < 0, "GreaterThan": s >= 0,
                    "LessThan": s <= 0, "Equality": s == 0, "Unequality": s != 0}[name]
        raise Undecided(f"no interval truth value of {name}")


    def _times(self, a: Interval, b: Interval) -> Interval:
        """[a] [b] from the four products of ends; 0 times an infinite end is 0 (the product of a
        bounded factor near 0 and a large one is bounded by the others)."""
        products = [_product(x, y) for x in a for y in b]
        return min(self._low(p) for p in products), max(self._high(p) for p in products)
