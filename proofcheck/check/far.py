"""Sign changes far out along a probe line: past |t| = 4,096, where regions.py's bisection of u stops.

- `far_brackets`: certified bisection from |t| = 4,096 to 10^FAR_MAX_DECADE, in pieces cut at the far
  ladder (`far_ladder`); a piece whose values are past certified evaluation is searched without its
  factors of one certain sign there (`_sign_reduced`), else a Budget.
- `far_points`: the ladder's points, compared for a difference only (BEYOND probes).
- Past 10^FAR_MAX_DECADE: `no_sign_change_beyond` (an argument whose limit at infinity has the other
  sign than at 10^400 is a Budget) and `no_sign_change_in_slow_tail` (one built with slow functions,
  log or roots, searched in its tail at t = +-e^s, one level per nested slow function).
- `without_positive_factors`: factors e^u, cosh u of an argument left out along a line.
docs/language.md ("Regions") states what this reaches and what it does not.
"""

from __future__ import annotations

import functools
import math

import sympy as sp

from .certified import Evaluator, IntervalEvaluator, Straddle, Undecided, Undefined, interval_sign, magnitude_bits
from .kinks import _T, Budget, rational_interval, scale_decades
from .signs import BISECT_DEPTH, BISECT_EVALUATIONS, INTERVAL_BITS, Counter, fraction_parts, monotone_without_root, no_zero_on, strict_sign

FAR_FIRST_DECADE = 4  # |t| = 10^4, 10^5, ... on every bisected line: past its reach (|t| < 4,096)
FAR_LAST_DECADE = 9  # the ladder goes at least this far
FAR_MARGIN_DECADES = 2  # and this many decades past the constants' reach (scale_decades)
FAR_MAX_DECADE = 400  # the ladder ends here; constants that reach further are a Budget (unknown)
TAIL_START = sp.Integer(921)  # s where the slow tail's search starts: e^921 < 10^400 (`no_sign_change_in_slow_tail`)
TAIL_LEVELS = 3  # levels of t = e^s searched; slow functions nested deeper are a Budget
TAIL_FORM_START = sp.Integer(10) ** 399  # below e^TAIL_START, where the slow tail starts (t = e^s, s >= TAIL_START)
MAX_RADICAL_DEGREE = 4  # polynomials with algebraic coefficients: real roots in radicals up to this degree
NEAR_BITS = 64  # the search next to a singular point covers a relative 2^-64 around it (`no_sign_change_near_singularities`)
LIMIT_MEMO = 1024  # limits at infinity remembered (`_limit_sign`, a pure function of g)
FAR_RATIO = 4  # a far piece whose ends are further apart than this factor is split at a power of 2


def far_brackets(g_line, parts, slope, start: sp.Rational, counter: Counter) -> list[tuple]:
    """Certified bisection past the u-pieces' reach, from |t| = `start` (about 4,096) to
    10^FAR_MAX_DECADE on both sides: the far ladder's rungs (`far_ladder`) cut it into first pieces,
    split at a power of 2 near their geometric middle while their ends are more than FAR_RATIO apart
    and at their middle after that, down to a relative width of 2^-BISECT_DEPTH. A bounded region far
    out (`\\tanh x + (x - 10^{50} - 5)^2 < 2`, 3.4 wide at 10^50) lies between two brackets found
    here, where the cells' probes fall. `counter`: the line's budget of enclosures, shared with the
    bisection near 0. Each side is bisected in g's form `peeled` for it (log(e^t + 1) - t is
    log(1 + e^{-t}) for t -> +oo: the same values, without two huge terms cancelling)."""
    rungs = [start] + [r for r in far_ladder(scale_decades([g_line])) if r > start]
    found: list[tuple] = []
    for side in (1, -1):
        h = side_form(g_line, side, start)
        stack = [(side * a, side * b) if side > 0 else (side * b, side * a) for a, b in zip(rungs, rungs[1:])]
        found += _bisect_far(h, parts if h == g_line else fraction_parts(h),
                             slope if h == g_line else sp.diff(h, _T), stack, counter)
    return found


def _bisect_far(g_line, parts, slope, stack: list, counter: Counter) -> list[tuple]:
    """`far_brackets`' bisection of the pieces on `stack`. A piece where g's values are past certified
    evaluation (`_too_large`: e^{t^2} at 10^9) is bisected on with g's factors of one certain sign
    there left out (`_sign_reduced`: `\\sinh(x^2)` far from 0); when none can be, or what is left is
    still too large, it is a Budget: a region there would have no probe (`\\sinh(x^2)((x - 3
    10^{60})^2 - 1)`, 2 wide at 3 10^60)."""
    found: list[tuple] = []
    for t1, t2 in counter.pieces(stack):
        if no_zero_on(g_line, parts, t1, t2):
            continue
        if monotone_without_root(g_line, slope, t1, t2):
            continue
        if _piece_sign(g_line, t1, t2) is not None:
            continue  # one sign by its form (-(e^t + 1) t^2 - 1 far out, log(1 + e^{-2e^s}) in a tail)
        if _too_large(g_line, t1, t2):
            reduced = _sign_reduced(g_line, t1, t2)
            if reduced is None or _too_large(reduced, t1, t2):
                raise Budget(f"{sp.sstr(g_line)} along a probe line is past certified evaluation on "
                             f"[{_short(t1)}, {_short(t2)}]: a region of one sign there would have no probe")
            found += _bisect_far(reduced, fraction_parts(reduced), sp.diff(reduced, _T), [(t1, t2)], counter)
            continue
        near, far = sorted((abs(t1), abs(t2)))
        if far - near <= far / sp.Integer(2) ** BISECT_DEPTH:
            found.append((t1, t2))
            continue
        if far > FAR_RATIO * near:
            mid = sp.Integer(2) ** ((int(near).bit_length() + int(far).bit_length()) // 2)
            mid = mid if t1 > 0 else -mid
        else:
            mid = (t1 + t2) / 2
        stack.append((mid, t2))
        stack.append((t1, mid))
    return found


def _short(t: sp.Rational) -> str:
    """A far end for a message: 10^k written as a float, not 400 digits."""
    return sp.sstr(sp.Float(t, 3)) if abs(t) > 10 ** 6 else sp.sstr(t)


def _too_large(g_line, t1: sp.Rational, t2: sp.Rational) -> bool:
    """g has no enclosure on [t1, t2] because its values are beyond certified evaluation (an
    exponent past arb's range: e^{(t - 5)^2} for t near 10^9), not because a kink or a pole lies inside."""
    try:
        IntervalEvaluator({_T: rational_interval(t1, t2, INTERVAL_BITS[0])}, INTERVAL_BITS[0], extended=True).enclose(g_line)
    except Undecided:
        return True
    except (Straddle, Undefined):
        return False
    return False


def _sign_reduced(g_line, t1: sp.Rational, t2: sp.Rational):
    """g without its factors that have one certain strict sign on [t1, t2] (`_piece_sign`), times -1 for
    each negative one left out: the same sign everywhere on the piece (-1 or 1 when every factor is
    left out). None when no factor can be."""
    if not g_line.is_Mul:
        return None
    kept, flip = [], 1
    for f in g_line.args:
        s = _piece_sign(f, t1, t2)
        if s is None:
            kept.append(f)
        else:
            flip *= s
    if len(kept) == len(g_line.args):
        return None
    return flip * sp.Mul(*kept)


_SIGN_OF_ARGUMENT = (sp.sinh, sp.tanh, sp.atan, sp.asinh, sp.erf)  # odd and increasing: sign f(u) = sign u


def _piece_sign(f, t1: sp.Rational, t2: sp.Rational) -> int | None:
    """f's strict sign, the same on all of [t1, t2] (wherever f has a value): by its enclosure, or by
    its form where its values are too large to enclose (`\\sinh(t^2)` at 10^9 has the sign of t^2) or
    its enclosure touches 0 (e^{-2e^s} for s past 921 is below every arb number); None when not
    certain. e^u and cosh u are positive (`positive_factor`); sinh, tanh, atan, asinh, erf have the
    sign of their argument, log(1 + w) the sign of w; b^n with n an integer the sign of b to the n; a
    product the product of its factors' signs; a sum the sign all its terms share."""
    if positive_factor(f):
        return 1
    try:
        iv = IntervalEvaluator({_T: rational_interval(t1, t2, INTERVAL_BITS[0])}, INTERVAL_BITS[0], extended=True).enclose(f)
    except (Undefined, Straddle):
        return None
    except Undecided:
        iv = None  # too large: by its form
    if iv is not None:
        if interval_sign(iv):
            return interval_sign(iv)
        if not (iv[0] == 0 or iv[1] == 0):
            return None  # values of both signs (or a wide enclosure): no form can tell
        # an end exactly 0: too close to 0 to tell apart (e^{-2 e^s} past 10^400 is below every arb number)
    if not f.has(_T):
        return None
    if isinstance(f, sp.log) and f.args[0].is_Add and sp.S.One in f.args[0].args:
        return _piece_sign(f.args[0] - 1, t1, t2)  # log(1 + w) has the sign of w
    if isinstance(f, _SIGN_OF_ARGUMENT):
        return _piece_sign(f.args[0], t1, t2)
    if f.is_Pow and f.exp.is_Integer:
        s = _piece_sign(f.base, t1, t2)
        return None if s is None else s ** int(f.exp % 2 + 2)  # s^odd = s, s^even = 1 (never 0: s is strict)
    if f.is_Add:
        shared = {_piece_sign(a, t1, t2) for a in f.args}
        return shared.pop() if len(shared) == 1 and None not in shared else None
    if f.is_Mul:
        signs = [_piece_sign(a, t1, t2) for a in f.args]
        return None if None in signs else math.prod(signs)
    return None


def far_points(decades: float) -> list[sp.Integer]:
    """|t| past the reach of bisection, looked at on every bisected line: every power of 10 from
    10^FAR_FIRST_DECADE up to FAR_MARGIN_DECADES past the constants' reach (`scale_decades`), and at
    least to 10^FAR_LAST_DECADE: an argument's far sign change (`\\tanh x + x - 10^{10}`) lies about as
    far out as its constants allow; then exponents doubling from there, and 10^FAR_MAX_DECADE last, so
    a region of one sign that starts below 10^FAR_MAX_DECADE and goes on without end (the slow growth
    of `\\tanh x + \\log x > 100`, past e^100) is met. A bounded region far out, between these
    points, can still be missed: the probes are a search for a difference there, not evidence.
    Constants that reach past 10^FAR_MAX_DECADE are a Budget: their far regions are not searched."""
    if math.ceil(decades) + FAR_MARGIN_DECADES > FAR_MAX_DECADE:
        raise Budget(f"the constants of the arguments along a probe line reach past 10^{FAR_MAX_DECADE}: "
                     "their far regions are not searched")
    return far_ladder(decades)


def far_ladder(decades: float) -> list[sp.Integer]:
    """The far ladder of `far_points`, its top at most 10^FAR_MAX_DECADE (no Budget: the far
    bisection uses it as first pieces)."""
    top = min(FAR_MAX_DECADE, max(FAR_LAST_DECADE, math.ceil(decades) + FAR_MARGIN_DECADES))
    ladder = list(range(FAR_FIRST_DECADE, top + 1))
    while 2 * ladder[-1] < FAR_MAX_DECADE:
        ladder.append(2 * ladder[-1])
    if top < FAR_MAX_DECADE:
        ladder.append(FAR_MAX_DECADE)
    return [sp.Integer(10) ** k for k in ladder]


def positive_for_positive(f) -> bool:
    """f > 0 for every t > 0, by its form alone: positive numbers, t itself, e^u, cosh u, a power of
    a positive base, odd increasing functions (tanh, sinh, atan, asinh, erf) and log(1 + w) of
    positive arguments, sums and products of such. The search next to a singular point runs in s > 0
    (t = a +- 1/s), where a side with one sign by its form needs no search (its limit may be 0:
    `x^{1/3} + \\tanh x` at 0+, where no limit rule decides). No appeal to SymPy's assumptions."""
    if f == _T or (f.is_Number and f > 0):
        return True
    if not f.has(_T):
        return bool(f.is_number and f.is_positive)
    if isinstance(f, (sp.exp, sp.cosh)):
        return bool(f.args[0].is_real is not False) and not f.args[0].has(sp.I)
    if f.is_Pow:
        return positive_for_positive(f.base) and f.exp.is_real is True
    if isinstance(f, _SIGN_OF_ARGUMENT):
        return positive_for_positive(f.args[0])
    if isinstance(f, sp.log) and f.args[0].is_Add and sp.S.One in f.args[0].args:
        return positive_for_positive(f.args[0] - 1)
    if f.is_Add or f.is_Mul:
        return all(positive_for_positive(a) for a in f.args)
    return False


def without_positive_factors(g_line):
    """g along the line without its factors e^u, cosh u (`positive_factor`): the same sign changes,
    and what is left can be enclosed and has a limit where e^{t^2} cannot be (`e^{x^2}((x - 3 10^{60})^2
    - 1)`, `e^{x}(1000 - \\log x)` at 10^400)."""
    if not g_line.is_Mul:
        return g_line
    kept = [f for f in g_line.args if not positive_factor(f)]
    return sp.Mul(*kept) if len(kept) < len(g_line.args) and kept else g_line


def positive_factor(f) -> bool:
    """f > 0 for every real input, by its form alone: e^u, cosh u, or a sum of those and positive
    numbers (`e^{t^2} + 1`). No appeal to SymPy's assumptions: a factor wrongly dropped would hide
    its sign changes."""
    if isinstance(f, (sp.exp, sp.cosh)) or (f.is_Pow and f.base == sp.E):
        return True
    if f.is_Add:
        return all(positive_factor(a) or (a.is_Number and a > 0) for a in f.args)
    return False


def no_sign_change_beyond(g_line, sides: tuple = (1, -1)) -> None:
    """Raise a Budget when g changes sign past the far bisection's end (|t| = 10^FAR_MAX_DECADE):
    its limit as t goes to +-oo (SymPy's `limit`, Gruntz's algorithm for exp-log functions) has the
    other sign than its certified value at +-10^FAR_MAX_DECADE (`\\log \\log x > 10` turns true near
    10^9566). No probe can go there, so the step is unknown rather than accepted on probes that stop
    short. The numerator and denominator of g over a common denominator are tried the same way (g's
    own limit can be 0 where theirs is not). A limit so close to 0 that its decades and the constants'
    reach together pass FAR_MAX_DECADE - FAR_MARGIN_DECADES is a Budget too: g approaches it at a
    rate its constants set (atan t - (pi/2) cos(e^{-e^7}) tends to 10^-953 like 1/t, and crosses it
    near 10^953). A limit that is 0, oscillates or cannot be found says nothing; a bounded region beyond
    10^FAR_MAX_DECADE (a limit of the same sign both ways) is not searched (docs/language.md)."""
    parts = (g_line, *(fraction_parts(g_line) or ()))  # (1000 - log t) / t: its limit is 0, its numerator's not
    for part in parts:
        for side in sides:
            sign = strict_sign(part, side * sp.Integer(10) ** FAR_MAX_DECADE)
            if sign is None:
                continue
            at_infinity = _limit(part, side)
            if at_infinity is not None and at_infinity[0] != sign:
                raise Budget(f"{sp.sstr(g_line)} changes sign along a probe line past |t| = 10^{FAR_MAX_DECADE} "
                             "(its limit there has the other sign), where no probe reaches")
            if at_infinity is not None and at_infinity[1] > 0 and \
                    at_infinity[1] + scale_decades([part]) > FAR_MAX_DECADE - FAR_MARGIN_DECADES:
                raise Budget(f"{sp.sstr(g_line)} tends to a limit within 10^-{int(at_infinity[1])} of 0 along a "
                             "probe line: a sign change that this makes can lie past the far search")


def no_sign_change_in_slow_tail(g_line, counter: Counter, sides: tuple = (1, -1)) -> None:
    """Raise a Budget when g, built with slow functions (`_slow_depth`: log, asinh, acosh, a power
    that is not an integer), changes sign past 10^FAR_MAX_DECADE. Their sign changes lie as far out as
    the exponential of their constants (`\\log x = 1000` at e^1000, `x^{1/100} = 10^5` at 10^500), so a
    bounded region there (`\\tanh x + (\\log x - 1000)^2 < 2`, RN88) has the same sign at 10^400 and at
    infinity and `no_sign_change_beyond` cannot see it. Each level of slowness is undone by t = +-e^s
    (log(e^s) = s, x^{1/100} = e^{s/100}; `peeled` writes log(b + d e^s) as s + log d + log(1 + (b/d)
    e^{-s})), and s is bisected over [TAIL_START, 10^FAR_MAX_DECADE] (e^TAIL_START is below 10^400, so
    the levels chain on): a sign change there is a Budget, and so is one past the last level's end by
    the limit rule. A tail that SymPy makes complex (sqrt(-e^s) = i e^{s/2}: a root or log of a
    quantity negative all along it) is where g has no value, and has no sign change; inside a
    Piecewise (the complex part may be in a branch not taken) it is a Budget, as is more than
    TAIL_LEVELS levels."""
    depth = _slow_depth(g_line)
    if not depth:
        return
    if depth > TAIL_LEVELS:
        raise Budget(f"{sp.sstr(g_line)} nests more than {TAIL_LEVELS} slow functions (log, roots): its "
                     "sign changes far out are not searched")
    for side in sides:
        h = side_form(g_line, side, TAIL_FORM_START)  # log(e^t + 1) - t is log(1 + e^{-t}) first, for t -> +oo
        for level in range(depth):
            h = peeled(h.xreplace({_T: (side if level == 0 else 1) * sp.exp(_T)}))
            if not _real(h, g_line):
                break  # a root or log of a quantity negative all along the tail: g has no value there
            if _crosses(h, TAIL_START, counter):
                raise Budget(f"{sp.sstr(g_line)} may change sign along a probe line past |t| = "
                             f"10^{FAR_MAX_DECADE}, where no probe reaches")
        else:
            no_sign_change_beyond(h, sides=(1,))


def _real(h, g_line) -> bool:
    """Whether a tail of g written as h (t put in as +-e^s or a +- 1/s) is real. SymPy makes it complex
    only where a root or log has a quantity negative all along the tail (sqrt(-e^s) = i e^{s/2}), where g
    has no value and no sign change; inside a Piecewise, where that part may be in a branch not
    taken, such a tail is a Budget."""
    if not h.has(sp.I):
        return True
    if g_line.has(sp.Piecewise):
        raise Budget(f"{sp.sstr(g_line)} has a tail that could not be searched (complex where a branch may not be taken)")
    return False


def _crosses(h, start: sp.Expr, counter: Counter) -> bool:
    """h may change sign for s in [start, 10^FAR_MAX_DECADE] (certified bisection, far ladder pieces)."""
    rungs = [start] + [r for r in far_ladder(0) if r > start]
    return bool(_bisect_far(h, fraction_parts(h), sp.diff(h, _T), list(zip(rungs, rungs[1:])), counter))


def no_sign_change_near_singularities(g_line, counter: Counter, outside=None, fails_on=None) -> None:
    """Raise a Budget when g changes sign within a relative 2^-NEAR_BITS of a point where one of its
    parts is singular: where the argument u of a log, a root, a non-integer or negative power vanishes
    (u a polynomial in t: its real roots, exactly). Slow functions put sign changes exponentially close
    to such a point (`(\\log x + 1000)^2 < 1` at x = e^{-1000}, `x^{1/100} = 10^{-5}` at 10^{-500}),
    and atan(1/x) tends to pi/2 there as it does at infinity: far finer than the refinement reaches.
    Each side of such a point a is searched as a far tail: t = a +- 1/s, with each u that vanishes at a
    written by its Taylor polynomial at a without the constant term (so log(x^2 - 2) near sqrt 2 is
    log(2 sqrt 2 / s + 1/s^2), no cancellation), bisected over s in [2^NEAR_BITS / max(1, |a|),
    10^FAR_MAX_DECADE] and then by the limit rule and the slow tail (`no_sign_change_beyond`,
    `no_sign_change_in_slow_tail`). A u that is not a polynomial (log(e^x - 1)) is not searched
    (docs/language.md). `outside(a)`: the assumptions fail throughout that neighbourhood of a, which
    then needs no search; `fails_on(lo, hi)`: they fail at every t in [lo, hi], so a side of a where they
    fail within 10^-k of a is searched only for s up to 10^k (`_assumed_end`). An argument whose every zero and pole `_vanishing` may not have found (`|x|
    - 2`, `\\sqrt{x} - 1`, `\\log x - 1`, a quintic) is a Budget: a point next to which nobody searched."""
    for u in singular_arguments(g_line):
        if not _found_all(u):
            raise Budget(f"{sp.sstr(g_line)} is singular where {sp.sstr(u)} is 0 or infinite, and those points "
                         "could not all be found exactly: one may hide a sign change next to it")
    for a, nodes in singular_points(g_line):
        if outside is None or not outside(a):
            _near_point(g_line, a, nodes, counter, fails_on)


@functools.lru_cache(maxsize=LIMIT_MEMO)
def clear_next_to(g_line, a) -> bool:
    """g has no zero within a relative 2^-NEAR_BITS of its singular point a, on either side (the search
    of `no_sign_change_near_singularities` there found none); False when a is not one of g's singular
    points or the search could not show it."""
    for b, nodes in singular_points(g_line):
        if b == a:
            try:
                _near_point(g_line, a, nodes, Counter(BISECT_EVALUATIONS, f"searching next to {sp.sstr(a)}"))
            except Budget:
                return False
            return True
    return False


def near_radius(a) -> sp.Expr:
    """How far from a singular point a the search next to it reaches: 1/s at its first s."""
    return max(1, sp.ceiling(abs(a))) / sp.Integer(2) ** NEAR_BITS


_ASSUMED_END_DECADE = 2 * FAR_MAX_DECADE  # `_assumed_end` looks for the assumptions failing up to 10^-this from a


def _assumed_end(a, side: int, start: sp.Expr, fails_on) -> sp.Integer | None:
    """The least 10^k (k whole, 10^k >= start, k <= _ASSUMED_END_DECADE) with the assumptions failing at
    every t between a and a + side 10^-k (`fails_on`, certified enclosures): t = a + side/s for s >= 10^k
    is outside the step's domain (`assume x > e^{-999}` next to 0: k = 434). None when none is found.
    The least k shown is searched by halving; only the k returned is relied on, and it is checked."""
    if fails_on is None:
        return None

    def fails(k: int) -> bool:
        ends = sorted((a, a + side * sp.Integer(10) ** -k))
        try:
            return bool(fails_on(*ends))
        except (TypeError, ValueError, ArithmeticError):
            return False

    lo = max(0, math.floor(math.log10(float(start)))) if start > 1 else 0
    hi = _ASSUMED_END_DECADE
    if not fails(hi):
        return None
    while lo < hi:  # fails(hi) holds throughout
        mid = (lo + hi) // 2
        if fails(mid):
            hi = mid
        else:
            lo = mid + 1
    return sp.Integer(10) ** hi


def _near_point(g_line, a, nodes: tuple, counter: Counter, fails_on=None) -> None:
    """`no_sign_change_near_singularities` at one singular point a: a Budget, or nothing."""
    start = 1 / near_radius(a)
    for side in (1, -1):
        h = _near(g_line, a, side, nodes)
        if not _real(h, g_line):
            continue  # no real value on that side
        if positive_for_positive(h) or positive_for_positive(-h):
            continue  # one sign for every s > 0 by its form (t^{1/3} + tanh t next to 0)
        end = _assumed_end(a, side, start, fails_on)
        if end is not None:
            # past s = end the line is outside the assumptions: [start, end] is searched, no tail beyond it
            rungs = [start] + [r for r in far_ladder(0) if start < r < end] + ([end] if end > start else [])
            if len(rungs) > 1 and _bisect_far(h, fraction_parts(h), sp.diff(h, _T), list(zip(rungs, rungs[1:])), counter):
                raise Budget(f"{sp.sstr(g_line)} may change sign along a probe line within 2^-{NEAR_BITS} of "
                             f"{sp.sstr(a)}, where it is singular: closer than the refinement reaches")
            continue
        if _crosses(h, start, counter):
            raise Budget(f"{sp.sstr(g_line)} may change sign along a probe line within 2^-{NEAR_BITS} of "
                         f"{sp.sstr(a)}, where it is singular: closer than the refinement reaches")
        try:
            no_sign_change_beyond(h, sides=(1,))
            no_sign_change_in_slow_tail(h, counter, sides=(1,))
        except Budget as closer:  # said in terms of t = a +- 1/s, where s is the far variable
            raise Budget(f"next to {sp.sstr(a)}, where {sp.sstr(g_line)} is singular (t = {sp.sstr(a)} "
                         f"{'+' if side > 0 else '-'} 1/s): {closer}") from None


def singular_points(g_line) -> list[tuple]:
    """(a, nodes): each real point a where the argument u of a log, acosh, or power b^p (p not a positive
    integer) in g vanishes or has a pole, found exactly (`_vanishing`): the real roots of a polynomial
    or of a rational function's numerator and denominator with rational coefficients (log(x / (1 - x))
    at 0 and 1), through |w| and odd increasing functions (log|x| at 0, log tanh x at 0), c e^w + k
    (log(e^x - 1) at 0), log w (log log x where log x = 0: x = 1), w^r and products, the real roots in
    radicals of a polynomial of degree at most 4 with algebraic coefficients (log(x - sqrt 2), log(x^2 -
    sqrt 2)), and, as a search, the zeros of each term of another sum (log(x^2 + |x|) at 0). `nodes` are
    the u's that are polynomials with rational coefficients vanishing at a: written by their Taylor
    polynomial next to a (`_near`); the others are put in as they are."""
    found: dict = {}
    for u in singular_arguments(g_line):
        taylor = _rational_poly(u) is not None or _inverted_form(u)
        for a in _vanishing(u):
            found.setdefault(a, set())
            if taylor:
                found[a].add(u)
    return sorted(((a, tuple(sorted(us, key=sp.default_sort_key))) for a, us in found.items()),
                  key=lambda x: sp.default_sort_key(x[0]))


def singular_arguments(g_line) -> list:
    """The arguments u (in t) of g's logs, acosh and powers b^p (p not a positive integer): g may be
    singular where one of them is 0 or infinite."""
    out = []
    for node in sp.preorder_traversal(g_line):
        if isinstance(node, (sp.log, sp.acosh)):
            u = node.args[0] - (1 if isinstance(node, sp.acosh) else 0)
        elif node.is_Pow and not (node.exp.is_Integer and node.exp > 0) and not node.exp.has(_T):
            u = node.base
        else:
            continue
        if u.has(_T) and u not in out:
            out.append(u)
    return out


def _found_all(u, depth: int = 0) -> bool:
    """`_vanishing(u)` is every real point where u is 0 or has a pole: each of its rules is exact for
    the forms it reads (a polynomial's real roots, |w| and odd increasing functions of such a w, c e^w
    + k, log w, powers, products, quotients, a polynomial of degree <= 4 with all its roots in
    radicals), or u has one sign and no pole (SymPy's assumptions: e^x + e^{-x}). The search over a
    sum's terms is not exact (`|x| - 2` vanishes at 2, where no term does)."""
    if not u.has(_T):
        return True
    if depth > TAIL_LEVELS:
        return False
    if _rational_poly(u) is not None:
        return True
    if isinstance(u, (sp.Abs, *_SIGN_OF_ARGUMENT)):
        return _found_all(u.args[0], depth + 1)
    if isinstance(u, sp.exp):
        return _rational_poly(u.args[0]) is not None  # no zero, and no pole of a polynomial
    if u.is_Add:
        exps = [a for a in u.args if a.has(_T)]
        if len(exps) == 1:
            c, e = exps[0].as_independent(_T, as_Add=False)
            k = u - exps[0]
            if isinstance(e, sp.exp) and c.is_number and k.is_number and c != 0:
                if (-k / c).is_positive:
                    return _found_all(e.args[0] - sp.log(-k / c), depth + 1)
                if (-k / c).is_nonpositive:  # c e^w + k of one sign, w without a pole
                    return _rational_poly(e.args[0]) is not None
                return False  # SymPy cannot tell the sign of -k/c (cos(e^{-240}) - 1)
            inner = _inverted(c, e, k)
            if inner is not None:
                return all(_found_all(w, depth + 1) for w in inner)
    if isinstance(u, sp.log):
        return _found_all(u.args[0] - 1, depth + 1) and _found_all(u.args[0], depth + 1)
    if u.is_Pow and not u.exp.has(_T):
        return _found_all(u.base, depth + 1)
    if u.is_Mul:
        return all(_found_all(f, depth + 1) for f in u.args)
    try:
        num, den = sp.fraction(sp.together(u))
    except (ValueError, TypeError, sp.PolynomialError):
        return False
    if den != 1:
        return _found_all(num, depth + 1) and _found_all(den, depth + 1)
    try:
        poly = sp.Poly(u, _T, extension=True)
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        poly = None
    if poly is not None and 1 <= poly.degree() <= MAX_RADICAL_DEGREE:
        try:
            found = sp.roots(poly)
        except (NotImplementedError, ValueError, TypeError, sp.PolynomialError):
            return False
        # every root, and each one either written without I (kept by `_vanishing`) or certainly not real
        # (a real root written with I, the casus irreducibilis of a cubic, would be dropped there)
        return sum(found.values()) == poly.degree() and all(not r.has(sp.I) or r.is_real is False for r in found)
    return bool(u.is_positive or u.is_negative) and not _has_pole(u)


def _inverted(c, f, k) -> list | None:
    """For u = c f(w) + k with constants c != 0 and k, r = -k/c positive, and f one of log, |.| or a
    square root (`log x - 1`, `|x| - 2`, `sqrt x - 1`: domain edges of an outer log at e, +-2 and 1): the
    expressions whose zeros are u's zeros and poles, solved for w exactly: w - e^r and w (log: its own
    edge), w -+ r (|.|), w - r^2 and w (sqrt). None for other forms."""
    if not (c.is_number and k.is_number and c != 0):
        return None
    r = -k / c
    if not r.is_positive:
        return None
    if isinstance(f, sp.log):
        return [f.args[0] - sp.exp(r), f.args[0]]
    if isinstance(f, sp.Abs):
        return [f.args[0] - r, f.args[0] + r]
    if f.is_Pow and f.exp == sp.S.Half and f.base.has(_T):
        return [f.base - r ** 2, f.base]
    return None


def _inverted_near(u, a, step):
    """u = c f(w) + k (`_inverted`, w a polynomial with rational coefficients) at t = a + step where u
    is 0 at a, written without cancelling: W = w(a + step) - w(a) by its Taylor polynomial, then c sgn
    W for |.|, c log(1 + W / e^r) for log, c W / (sqrt(W + r^2) + r) for sqrt. None when u is not such
    a form or is not 0 at a."""
    if not u.is_Add:
        return None
    terms = [x for x in u.args if x.has(_T)]
    if len(terms) != 1:
        return None
    c, f = terms[0].as_independent(_T, as_Add=False)
    k = u - terms[0]
    if _inverted(c, f, k) is None:
        return None
    w = f.args[0] if not f.is_Pow else f.base
    poly = _rational_poly(w)
    if poly is None:
        return None
    r = -k / c
    at = w.xreplace({_T: a})
    big = sum(poly.diff((_T, j)).as_expr().xreplace({_T: a}) / sp.factorial(j) * step ** j
              for j in range(1, poly.degree() + 1))
    big = sp.expand(big) if a.is_Rational else big
    if isinstance(f, sp.Abs) and sp.simplify(abs(at) - r) == 0 and at != 0:
        reach = 2 * near_radius(a)  # |w| = sgn(w(a)) w only while w keeps its sign: no root of w that close
        if any(abs(float(sp.N(root - a, 30))) <= float(reach) for root in sp.real_roots(poly)):
            return None
        return c * sp.sign(at) * big
    if isinstance(f, sp.log) and sp.simplify(at - sp.exp(r)) == 0:
        return c * sp.log(1 + big / sp.exp(r))
    if f.is_Pow and sp.simplify(at - r ** 2) == 0:
        return c * big / (sp.sqrt(big + r ** 2) + r)
    return None


def _has_pole(u) -> bool:
    """u may be infinite at a finite t: a power with a negative exponent, or a function other than
    exp, |.| and the odd increasing ones, of an argument that may be."""
    for node in sp.preorder_traversal(u):
        if node.is_Pow and (node.exp.is_negative or not node.exp.is_Integer) and node.base.has(_T):
            return True
        if isinstance(node, sp.Function) and not isinstance(node, (sp.exp, sp.Abs, *_SIGN_OF_ARGUMENT)):
            return True
    return False


def _rational_poly(u) -> sp.Poly | None:
    try:
        poly = sp.Poly(u, _T)
    except sp.PolynomialError:
        return None
    return poly if (poly.domain.is_QQ or poly.domain.is_ZZ) and not poly.is_zero else None


def _vanishing(u, depth: int = 0) -> list:
    """Exact real points where u is 0 or has a pole (see `singular_points`); [] where none is found."""
    if depth > TAIL_LEVELS or not u.has(_T):
        return []
    poly = _rational_poly(u)
    if poly is not None:
        return list(sp.real_roots(poly))
    if isinstance(u, (sp.Abs, *_SIGN_OF_ARGUMENT)):  # |w|, tanh w, atan w, ...: 0 where w is
        return _vanishing(u.args[0], depth + 1)
    if u.is_Add:  # c e^w + k: 0 where w = log(-k/c) (e^x - 1 at 0, the numerator of sigma(x) - 1/2)
        exps = [a for a in u.args if a.has(_T)]
        if len(exps) == 1:
            c, e = exps[0].as_independent(_T, as_Add=False)
            k = u - exps[0]
            if isinstance(e, sp.exp) and c.is_number and k.is_number and c != 0 and (-k / c).is_positive:
                return _vanishing(e.args[0] - sp.log(-k / c), depth + 1)
            inner = _inverted(c, e, k)
            if inner is not None:
                return [a for w in inner for a in _vanishing(w, depth + 1)]
    if isinstance(u, sp.log):  # 0 where its argument is 1, infinite where that is 0 or infinite
        return _vanishing(u.args[0] - 1, depth + 1) + _vanishing(u.args[0], depth + 1)
    if u.is_Pow and not u.exp.has(_T):
        return _vanishing(u.base, depth + 1)
    if u.is_Mul:
        return [a for f in u.args for a in _vanishing(f, depth + 1)]
    try:
        num, den = sp.fraction(sp.together(u))
    except (ValueError, TypeError, sp.PolynomialError):
        return []
    if den != 1:
        return _vanishing(num, depth + 1) + _vanishing(den, depth + 1)
    try:
        poly = sp.Poly(u, _T, extension=True)
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        poly = None
    if poly is not None and 1 <= poly.degree() <= MAX_RADICAL_DEGREE:  # x - sqrt 2, x^2 - sqrt 2: in radicals
        try:
            found = sp.roots(poly)
        except (NotImplementedError, ValueError, TypeError, sp.PolynomialError):
            found = {}
        return [r for r in found if r.is_real and not r.has(sp.I)]
    if u.is_Add:  # a sum of other forms: the zeros of its terms, a search (x^2 + |x| at 0)
        return [a for term in u.args for a in _vanishing(term, depth + 1)]
    return []


def _inverted_form(u) -> bool:
    """u = c f(w) + k of `_inverted`'s forms with w a polynomial with rational coefficients."""
    terms = [x for x in u.args if x.has(_T)] if u.is_Add else []
    if len(terms) != 1:
        return False
    c, f = terms[0].as_independent(_T, as_Add=False)
    if _inverted(c, f, u - terms[0]) is None:
        return False
    return _rational_poly(f.base if f.is_Pow else f.args[0]) is not None


def _near(g_line, a, side: int, us: tuple):
    """g at t = a + side / s (s the new t), each u in `us` (zero at a) written as its Taylor polynomial
    at a without the constant term: the same values, computed without cancelling near a."""
    marks = {u: sp.Dummy("u") for u in us}
    h = g_line.xreplace(marks)
    step = side / _T
    out = h.xreplace({_T: a + step})
    for u, mark in marks.items():
        if _rational_poly(u) is None:  # c f(w) + k (`_inverted_form`): 0 at a, or else u as it is
            near = _inverted_near(u, a, step)
            out = out.xreplace({mark: near if near is not None else u.xreplace({_T: a + step})})
            continue
        poly = sp.Poly(u, _T)
        taylor = sum(poly.diff((_T, k)).as_expr().xreplace({_T: a}) / sp.factorial(k) * step ** k
                     for k in range(1, poly.degree() + 1))
        out = out.xreplace({mark: sp.expand(taylor) if a.is_Rational else taylor})
    return out


def _slow_depth(e) -> int:
    """How many slow functions (log, asinh, acosh, b^p with p not an integer or depending on t) are
    nested on the deepest path from e down to t: the levels of t = e^s that make e fast."""
    if not e.has(_T):
        return 0
    below = max((_slow_depth(a) for a in e.args), default=0)
    return below + 1 if is_slow(e) else below


def is_slow(node) -> bool:
    """log, asinh, acosh, or b^p with p not an integer (or depending on t): functions whose sign
    changes lie as far out as the exponential of their constants."""
    return isinstance(node, (sp.log, sp.asinh, sp.acosh)) or (node.is_Pow and not node.exp.is_Integer)


def peeled(h, side: int = 1):
    """h with each log(u) and u^p (p not an integer) whose u, expanded, has a term c e^{k t} (c > 0 a
    constant, k a number, the largest k: `_leading_exponential`) written as k t + log c + log(1 + r)
    and c^p e^{p k t} (1 + r)^p, r the other terms over c e^{k t}: equal wherever u > 0 (and undefined where u is not: 1 + r has u's
    sign), and enclosed without e^{k t}, which is past arb's range for t near 10^400."""
    def peel(node):
        if isinstance(node, sp.log) or (node.is_Pow and not node.exp.is_Integer and not node.exp.has(_T)):
            u = node.args[0] if isinstance(node, sp.log) else node.base
            lead = _leading_exponential(u, side)
            if lead is not None:
                c, k = lead
                rest = sp.expand((u - c * sp.exp(k * _T)) * sp.exp(-k * _T) / c)
                if isinstance(node, sp.log):
                    return k * _T + sp.log(c) + sp.log(1 + rest)
                return c ** node.exp * sp.exp(node.exp * k * _T) * (1 + rest) ** node.exp
        return node
    return h.replace(lambda n: isinstance(n, sp.log) or n.is_Pow, peel)


@functools.lru_cache(maxsize=LIMIT_MEMO)
def side_form(g_line, side: int, start: sp.Rational = sp.S.Zero):
    """g's form for one side of the line (t > 0 for side 1, t < 0 for -1), equal to g wherever g has a
    value there, in which far values are enclosed without huge terms cancelling: `peeled` (logs and
    roots of exponentials), `exponential_form` (sinh t sech t - 1 is -2e^{-2t} / (1 + e^{-2t}) over a
    common denominator, not a huge value times a tiny one) and `conjugated` (sqrt(t^2 + 1) - |t| is
    1 / (sqrt(t^2 + 1) + t) for t > 0). `start`: the form is used only where |t| >= start (the far
    pieces start at 4,096, past |t + 10^{-200}|'s kink)."""
    return conjugated(exponential_form(peeled(g_line, side), side), side, start)


_HYPERBOLIC = (sp.sinh, sp.cosh, sp.tanh, sp.sech, sp.csch)


def exponential_form(h, side: int):
    """h with each sinh, cosh, tanh, sech, csch of u written with e^{s u} and e^{-2 s u} (s the sign u
    has as t goes to side * oo, so e^{-2 s u} is tiny there), and the exponentials of each product
    merged: sinh(u) = (s/2) e^{su} (1 - e^{-2su}), cosh(u) = (1/2) e^{su} (1 + e^{-2su}), tanh(u) =
    s (1 - e^{-2su}) / (1 + e^{-2su}), sech(u) = 2 e^{-su} / (1 + e^{-2su}), csch(u) = 2 s e^{-su} / (1 -
    e^{-2su}). Identities for every real u (csch where u != 0, as csch itself), so any s is exact; the
    right one keeps huge factors from meeting tiny ones (sinh(t^2) sech(t^2 + 1) is e^{-1} (1 -
    e^{-2t^2}) / (1 + e^{-2t^2 - 2})). A u whose sign there is not certain is left as it is."""
    if not h.has(*_HYPERBOLIC):
        return h

    def rewrite(node):
        u = node.args[0]
        s = strict_sign(u, side * sp.Integer(10) ** FAR_MAX_DECADE) if u.has(_T) else None
        if s is None:
            return node
        up, tiny = sp.exp(s * u), sp.exp(-2 * s * u)
        if isinstance(node, sp.sinh):
            return sp.Rational(s, 2) * up * (1 - tiny)
        if isinstance(node, sp.cosh):
            return up * (1 + tiny) / 2
        if isinstance(node, sp.tanh):
            return s * (1 - tiny) / (1 + tiny)
        if isinstance(node, sp.sech):
            return 2 / (up * (1 + tiny))
        return 2 * s / (up * (1 - tiny))

    out = h.replace(lambda node: isinstance(node, _HYPERBOLIC), rewrite)
    return h if out == h else out.replace(lambda node: node.is_Mul, _merged_exponentials)


def _merged_exponentials(product):
    """A product with its factors e^a e^b ... written as one e^{a + b + ...} (e^{t^2} e^{-t^2 - 1} is
    e^{-1}); nothing else is combined (x^{1/3} x^{2/3} is not x for x < 0)."""
    exps = [f for f in product.args if isinstance(f, sp.exp)]
    if len(exps) < 2:
        return product
    rest = [f for f in product.args if not isinstance(f, sp.exp)]
    return sp.Mul(*rest, sp.exp(sp.expand(sp.Add(*(f.args[0] for f in exps)))))


def conjugated(h, side: int, start: sp.Rational = sp.S.Zero):
    """h with |u| written as s u where u has one sign s for |t| >= start on the side (|t| is t for t > 0), and each
    sum c sqrt(A) + B of polynomials whose A c^2 - B^2 cancels to a lower degree written as (c^2 A -
    B^2) / (c sqrt(A) - B): sqrt(t^2 + 1) - t is 1 / (sqrt(t^2 + 1) + t), enclosed far out without
    two terms near 10^k cancelling (the dependency problem). Equal wherever c sqrt(A) != B; where
    c sqrt(A) = B the numerator c^2 A - B^2 is 0 too, so the bisection brackets that point and a
    probe looks at it."""
    def unsigned(node):
        s = _sign_on_side(node.args[0], side, start)
        return node if s is None else s * node.args[0]

    out = h.replace(lambda node: isinstance(node, sp.Abs), unsigned)
    out = out.replace(lambda node: node.is_Add and node.has(_T), functools.partial(_conjugate, side=side, start=start))
    return out


def _sign_on_side(u, side: int, start: sp.Rational) -> int | None:
    """The sign u has (0 allowed) for every t on one side of the line from |t| = start to infinity (the
    slow tail puts t = e^s past 10^400): u a polynomial with rational coefficients and no real root
    past start on that side, its sign that of its leading term there; None otherwise."""
    try:
        poly = sp.Poly(u, _T)
    except sp.PolynomialError:
        return None
    if poly.is_zero or not (poly.domain.is_QQ or poly.domain.is_ZZ):
        return None
    if any(side * root > start for root in sp.real_roots(poly)):
        return None
    lead = poly.LC() * (side if poly.degree() % 2 else 1)
    return 1 if lead > 0 else -1


def _conjugate(node, side: int, start: sp.Rational):
    """c sqrt(A) + B as (c^2 A - B^2) / (c sqrt(A) - B) when that cancels (`conjugated`) and B has the
    sign opposite to c's on the whole side past `start` (`_sign_on_side`): then the two terms of c
    sqrt(A) - B add up, with no cancellation and no zero (where they are both 0, so is A: no value of
    the sum is lost). With B of c's sign the sum itself has no cancellation, and its conjugate would
    (`\\sqrt{x^2 + 1} + x + 1/2` for x > 0: 0/0 at 3/4, two huge terms cancelling far out)."""
    roots = [a for a in node.args if _root_term(a) is not None]
    if len(roots) != 1:
        return node
    c, base = _root_term(roots[0])
    rest = node - roots[0]
    try:
        a_poly, b_poly = sp.Poly(c ** 2 * base, _T), sp.Poly(rest, _T)
    except sp.PolynomialError:
        return node
    if not all(p.domain.is_QQ or p.domain.is_ZZ for p in (a_poly, b_poly)):
        return node
    top = a_poly - b_poly ** 2
    if top.is_zero or top.degree() >= a_poly.degree():
        return node  # no cancellation to remove
    if _sign_on_side(rest, side, start) != (-1 if c > 0 else 1):
        return node  # B of c's sign: no cancellation (and c sqrt(A) - B would have it, or be 0/0)
    return top.as_expr() / (roots[0] - rest)


def _root_term(term) -> tuple | None:
    """(c, A) for a term c sqrt(A), c a rational number, A with t; else None."""
    c, rest = term.as_coeff_Mul()
    if rest.is_Pow and rest.exp == sp.S.Half and rest.base.has(_T) and c.is_Rational:
        return c, rest.base
    return None


def _leading_exponential(u, side: int = 1) -> tuple | None:
    """(c, k) for the term c e^{k t} of expanded u with the largest k (a number of any sign; a constant
    term has k = 0; the smallest for side -1, t -> -oo), c a constant certainly > 0; None when no term
    has that form. Any such term makes `peeled`'s identity exact; the one that dominates as t goes to
    side * oo keeps 1 + r away from cancellation (e^{-t} + e^{-2t} is e^{-t} (1 + e^{-t}))."""
    best = None
    for term in sp.Add.make_args(sp.expand(u)):
        c, rest = term.as_independent(_T, as_Add=False)
        if rest == 1:
            k = sp.Integer(0)
        elif isinstance(rest, sp.exp) or (rest.is_Pow and rest.base == sp.E):
            power = sp.expand(rest.args[0] if isinstance(rest, sp.exp) else rest.exp)
            k = power.coeff(_T)
            shift = power - k * _T
            if not k.is_Number or shift.has(_T):
                continue
            c = c * sp.exp(shift)
        else:
            continue
        if best is not None and side * k <= side * best[1]:
            continue
        try:
            positive = Evaluator({}).run(lambda e: e.sign(c)) == 1
        except (Undefined, Undecided):
            positive = False
        if positive:
            best = (c, k)
    return best


@functools.lru_cache(maxsize=LIMIT_MEMO)
def _limit_sign(g_line, side: int) -> int | None:
    """The sign of g's limit as t goes to side * oo (-1, 1), None when the limit is 0, not a real
    number or infinity, or SymPy cannot find it."""
    found = _limit(g_line, side)
    return None if found is None else found[0]


@functools.lru_cache(maxsize=LIMIT_MEMO)
def _limit(g_line, side: int) -> tuple[int, float] | None:
    """(sign, decades) of g's limit as t goes to side * oo: its certified sign and -log10 of its size
    (0 for an infinite limit, and for one of size 1 or more); None as `_limit_sign`."""
    try:
        lim = sp.limit(g_line, _T, side * sp.oo)
    except (NotImplementedError, ValueError, TypeError, AttributeError, RecursionError, sp.PolynomialError):
        return None  # SymPy's limit code fails on some trees: no information
    if lim in (sp.oo, -sp.oo):
        return (1 if lim == sp.oo else -1), 0.0
    if not (lim.is_number and lim.is_real and lim.is_finite) or lim.free_symbols:
        return None
    try:
        sign, size = Evaluator({}).run(lambda e: (e.sign(lim), e.value(lim)))
    except (Undefined, Undecided):
        return None
    if not sign:
        return None
    small = abs(size) < 1  # a certain comparison for a ball (False where it is not certain)
    return sign, magnitude_bits(size) * math.log10(2) if small else 0.0
