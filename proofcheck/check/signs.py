"""Certified signs of one argument along a probe line, on a piece [t1, t2] of its parameter.

The primitives every certified bisection of regions.py and far.py is built of: an enclosure of g over
the piece that excludes 0 (`excludes_zero`, redone at more bits where only rounding keeps it from
doing so), the same for g's numerator and denominator (`fraction_parts`, `no_zero_on`), g strictly
monotone with one sign at both ends (`monotone_without_root`: beside a double root, where g's own
enclosure never excludes 0), g's sign at a point (`strict_sign`), and the budget of enclosures one
bisection may spend (`Counter`). Enclosures here are read for their signs only, so they are extended
(`IntervalEvaluator(extended=True)`: an end past arb's range is -oo or +oo).
"""

from __future__ import annotations

import sympy as sp
from flint import arb

from .certified import IntervalEvaluator, Straddle, Undecided, Undefined, interval_sign
from .kinks import _T, Budget, rational_interval

INTERVAL_BITS = (128, 512, 2048)  # an enclosure that only rounding keeps from excluding 0 is redone finer
BISECT_EVALUATIONS = 20_000  # enclosures per argument per line
BISECT_DEPTH = 28  # halvings of a piece before a sign change is bracketed


class Counter:
    """The pieces of a certified bisection, each counted against a budget of enclosures (`limit`);
    one more is a Budget naming what was being done."""

    def __init__(self, limit: int, doing: str):
        self.limit, self.doing, self.used = limit, doing, 0

    def pieces(self, stack: list):
        """Pop pieces off `stack` (the caller pushes the halves back) until it is empty."""
        while stack:
            self.used += 1
            if self.used > self.limit:
                raise Budget(f"{self.doing} along a probe line took more than {self.limit} enclosures")
            yield stack.pop()


def monotone_without_root(g_line, slope, t1: sp.Rational, t2: sp.Rational) -> bool:
    """g is strictly monotone on [t1, t2] (its slope's enclosure excludes 0) and has the same strict
    sign at both ends, so no zero inside: beside a double root (e^t - 1 - t at 0) g's own enclosure
    never excludes 0 (the dependency problem), its slope's does."""
    ends = monotone_ends(g_line, slope, t1, t2)
    return ends is not None and ends[0] == ends[1]


def monotone_ends(g_line, slope, t1: sp.Rational, t2: sp.Rational) -> tuple | None:
    """g's strict signs at t1 and t2 when g is strictly monotone on [t1, t2] (its slope's enclosure
    excludes 0) and both can be certified, else None."""
    if not excludes_zero(slope, t1, t2):
        return None
    ends = (strict_sign(g_line, t1), strict_sign(g_line, t2))
    return None if None in ends else ends


def strict_sign(g_line, t: sp.Rational) -> int | None:
    """g's sign at t, -1 or 1, from enclosures at INTERVAL_BITS; None where none excludes 0 (an end
    next to a root, 2^-1000 away when a bracket is refined that far: the exact test of `Evaluator`,
    a minimal polynomial, is not worth it there, the piece is split on instead)."""
    for bits in INTERVAL_BITS:
        try:
            iv = IntervalEvaluator({_T: rational_interval(t, t, bits)}, bits, extended=True).enclose(g_line)
        except (Straddle, Undecided, Undefined):
            return None
        sign = interval_sign(iv)
        if sign:
            return sign
    return None


def fraction_parts(g_line) -> tuple | None:
    """Numerator and denominator of g over a common denominator: g has no root and no pole on a piece
    where neither vanishes, and they are often free of the cancellation that keeps g's own enclosure
    from excluding 0 (1 - 1/(1 + e^{-t}) is e^{-t} / (1 + e^{-t}))."""
    try:
        num, den = sp.fraction(sp.together(g_line))
    except (ValueError, TypeError, sp.PolynomialError):  # SymPy on odd trees: g alone is used
        return None
    return None if (num, den) == (g_line, 1) else (num, den)


def no_zero_on(g_line, parts, t1: sp.Rational, t2: sp.Rational) -> bool:
    """g certainly does not vanish on [t1, t2]: its enclosure excludes 0, or those of its numerator and
    denominator (`fraction_parts`) both do."""
    return excludes_zero(g_line, t1, t2) or (parts is not None and all(excludes_zero(p, t1, t2) for p in parts))


def excludes_zero(g_line, t1: sp.Rational, t2: sp.Rational) -> bool:
    """Does g certainly not vanish (or certainly have no value) for t in [t1, t2]? An enclosure that
    straddles 0 only by rounding (g = 1 - 1/(1 + e^{-t}) far out is tiny but positive) is redone at
    more bits before the piece is split."""
    for bits in INTERVAL_BITS:
        # a piece this narrow beside its size (10^-61 wide at 10^50): the rounding of its ends to
        # `bits` may be all that keeps the enclosure from excluding 0, so more bits are tried
        narrow = t2 - t1 < max(1, abs(t1), abs(t2)) / sp.Integer(2) ** (bits - 20)
        box = {_T: rational_interval(t1, t2, bits)}
        try:
            iv = IntervalEvaluator(box, bits, extended=True).enclose(g_line)
        except Undefined:
            return True
        except (Straddle, Undecided):
            if narrow:
                continue
            return False
        if interval_sign(iv) is not None:
            return True  # a certain sign, or exactly 0 throughout (no crossing inside)
        lo, hi = iv
        if not narrow and not (hi - lo < arb(2) ** (20 - bits)):
            return False  # a real sign change (or a wide enclosure): split the piece
    return False


_FAILS_THROUGHOUT = {  # a relation x - y (op) 0 fails at every value in [lo, hi]
    ">": lambda lo, hi: hi <= 0, "<": lambda lo, hi: lo >= 0, ">=": lambda lo, hi: hi < 0,
    "<=": lambda lo, hi: lo > 0, "=": lambda lo, hi: lo > 0 or hi < 0,
}


def relation_fails_on(rel_lines: tuple, t1: sp.Rational, t2: sp.Rational) -> bool:
    """Some assumption fails at every t in [t1, t2]: the enclosure of its x - y along the line
    (`rel_lines`: (op, x - y restricted to the line)) over the piece lies on the wrong side of 0. No
    point there is in the step's domain, so no sign change of an argument there needs a probe (`assume
    x > 0` and the search next to log log(x + 3)'s singular point -2). A relation whose enclosure is
    undefined or undecided there proves nothing."""
    bits = INTERVAL_BITS[0]
    box = {_T: rational_interval(t1, t2, bits)}
    for op, d in rel_lines:
        fails = _FAILS_THROUGHOUT.get(op)
        if fails is None:
            continue  # x != y fails at one point at most
        try:
            lo, hi = IntervalEvaluator(box, bits, extended=True).enclose(d)
        except (Straddle, Undecided, Undefined):
            continue
        if fails(lo, hi):
            return True
    return False
