"""`\\approx` steps: the exact left value against the right side read as arithmetic of rounded numbers.

Worked examples write `\\approx 0.74136507 \\cdot 0.186815602 \\approx 0.138498562`. On the right of
`\\approx` every decimal (a number written with a point, or in e-notation with a point in its
mantissa) stands for its rounding interval: `0.74136507` for [0.741365065, 0.741365075]. Whole numbers
inside an expression are exact (the `1` of `1 - 0.59`); a right side that is one number alone stands
for its rounding interval even when whole (`3` for [2.5, 3.5]). Names must have values from `at`.

The step holds when the exact left value lies in the set of values the right side takes over the box
of rounding intervals. That set is an interval when the right side is continuous on the box (a point
where it is undefined makes the step unknown; a jump inside it leaves only exact values), so:
- **inside** is certified by one point of the box (a corner, or a kink point: where the argument of
  a sign, indicator, |.| or ReLU, linear in one rounded number, vanishes) where the right side equals
  the left value exactly, or, when no jump of a discontinuous function can lie inside the box
  (`IntervalEvaluator.continuous`), by two such points whose exact values are <= and >= the left
  value (then the intermediate value theorem puts the left value in between);
- **outside** (refuted) is certified by a ball enclosure of the whole box excluding the left value;
- neither: unknown with the reason.
End points are compared exactly (`0.725 - e^{-200} \\approx 0.73` is refuted). The left side is the
chain's last member before its first `\\approx`, so every later `\\approx` is compared with the exact
value, never with an earlier rounded one (problem.py picks it).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import sympy as sp

from .. import nodes as n
from ..autodiff import CrossCheck
from ..diagnostics import Diagnostic, ProofError
from ..elaborate import Context
from ..translate import Translator
from .assumptions import _assumption_relations, _point_values, _solve_equalities
from .certified import (
    CAP_BITS,
    GROWTH,
    START_BITS,
    Evaluator,
    IntervalEvaluator,
    Straddle,
    Undecided,
    Undefined,
    as_ball,
    interval_sign,
)
from .decide import Decision, _translate_pair
from .instances import instances
from .numbers import fmt
from .kinks import rational_interval

MAX_ROUNDED = 12  # rounded numbers on one right side: the corners of the box are 2^12 at most


def _places(text: str) -> int:
    """Decimal places of a literal's last written digit (e-notation shifts them)."""
    mant, _, ex = text.lower().partition("e")
    places = len(mant.split(".")[1]) if "." in mant else 0
    return places - (int(ex) if ex else 0)


def rounding_interval(text: str) -> tuple[Fraction, Fraction]:
    v = Fraction(text)
    half = Fraction(1, 2) * Fraction(10) ** (-_places(text))
    return v - half, v + half


def _is_decimal(text: str) -> bool:
    return "." in text.lower().partition("e")[0]


def _decimal_interval(node: n.Expr) -> tuple[Fraction, Fraction] | None:
    """The rounding interval of a right side that is one number (goals.py asks whether a `find`
    answer given with `\\approx` pins its value down); None for anything else."""
    sign = 1
    while isinstance(node, n.Group) and len(node.items) == 1:
        node = node.items[0]
    if isinstance(node, n.Neg):
        sign, node = -1, node.arg
    if not isinstance(node, n.Num):
        return None
    lo, hi = rounding_interval(node.text)
    return (lo, hi) if sign == 1 else (-hi, -lo)


class RoundedTranslator(Translator):
    """The right side of `\\approx`: each decimal literal becomes a symbol with its rounding interval."""

    def __post_init__(self):
        super().__post_init__()
        self.rounded: dict[sp.Symbol, tuple[Fraction, Fraction]] = {}
        self.alone = False  # the whole right side is one literal

    def t_Num(self, node: n.Num, scope) -> sp.Expr:
        if not (self.alone or _is_decimal(node.text)):
            return super().t_Num(node, scope)
        super().t_Num(node, scope)  # the literal limits (E206)
        s = sp.Symbol(f"rounded_{len(self.rounded)}", real=True)
        self.rounded[s] = rounding_interval(node.text)
        return s


def _single_literal(node: n.Expr) -> bool:
    if isinstance(node, n.Neg):
        node = node.arg
    while isinstance(node, n.Group) and len(node.items) == 1:
        node = node.items[0]
    return isinstance(node, n.Num)


def _bad(reason: str, message: str, span) -> Decision:
    return Decision("unknown", "none", reason=reason, diagnostics=[Diagnostic.make("E209", message, span)])


def decide_approx(ctx: Context, a_node: n.Expr, b_node: n.Expr, free: list[str], seed: int,
                  ad: str | None = None) -> Decision:
    xc = CrossCheck(ctx, ad, at_point=True)
    results = []
    for inst in instances(ctx, free, exprs=(a_node, b_node)):
        t, a, _ = _translate_pair(ctx, inst, a_node, b_node)
        fixed = _point_values(ctx, t) if ctx.point else {}
        eqs, _ = _assumption_relations(ctx, t)
        left = a.xreplace(_solve_equalities(eqs, fixed)).xreplace(fixed)
        if left.free_symbols:
            return _bad("the left side of `\\approx` must have a value (give one with `at`)",
                        "the left side of `\\approx` has no value here; give the inputs with `at`", a_node.span)
        rt = RoundedTranslator(ctx, dict(inst.sizes), dict(inst.indices))
        rt.alone = _single_literal(b_node)
        try:
            right = rt.translate(b_node).xreplace(fixed)
        except ProofError as exc:
            return Decision("unknown", "none", reason=exc.diagnostic.message, diagnostics=[exc.diagnostic])
        if right.free_symbols - set(rt.rounded):
            return _bad("the right side of `\\approx` must be rounded numbers",
                        "the right side of `\\approx` must be numbers (rounded decimals, such as 0.73)", b_node.span)
        if len(rt.rounded) > MAX_ROUNDED:
            return Decision("unknown", "none", reason=f"more than {MAX_ROUNDED} rounded numbers on one right side")
        outcome = _judge(left, right, rt.rounded)
        results.append({**inst.describe(), "method": "interval", **outcome.evidence})
        t.samples = ({}, [dict(fixed)])  # autodiff cross-check at the given point
        xc.add(t, inst)
        if outcome.verdict == "refuted":
            cx = {**inst.describe(), "values": {}, "lhs": outcome.left, "rhs": outcome.range_text, "kinks": []}
            return xc.finish(Decision("refuted", "interval", len(results), results, cx))
        if outcome.verdict == "unknown":
            return Decision("unknown", "none", len(results), results, reason=outcome.reason)
    return xc.finish(Decision("proved", "interval", len(results), results))


class _Outcome:
    def __init__(self, verdict: str, left: str = "", range_text: str = "", reason: str = "", bits: int = 0):
        self.verdict, self.left, self.range_text, self.reason = verdict, left, range_text, reason
        self.evidence = {"arithmetic": "exact" if bits == 0 else "certified", "precision": bits}


def _judge(left: sp.Expr, right: sp.Expr, box: dict) -> _Outcome:
    """Inside or outside the range of the right side over the box of rounding intervals, or unknown."""
    try:
        left_value = Evaluator({}).run(lambda e: e.value(left))
    except Undefined as u:
        return _Outcome("unknown", reason=f"the left side is undefined ({u.why})")
    except Undecided as u:
        return _Outcome("unknown", reason=str(u))
    left_text = fmt(left_value, 15)
    try:
        enclosure = _enclosure(right, box, START_BITS)
        continuous = _continuous(right, box)
        ends = _monotone_ends(right, box) if continuous else None
    except Undefined as u:
        return _Outcome("unknown", reason=f"the right side is undefined ({u.why})")
    except (Straddle, Undecided):
        return _Outcome("unknown", reason="the right side is not continuous (or not defined) over the "
                                          "rounding intervals of its numbers")
    if ends is not None:
        # monotone in every rounded number: the range is exactly [right(low corner), right(high corner)]
        low, high = (right.xreplace(c) for c in ends)
        try:
            below = Evaluator({}).run(lambda e: e.sign(low - left))
            above = Evaluator({}).run(lambda e: e.sign(high - left))
        except (Undefined, Undecided) as u:
            return _Outcome("unknown", left_text, reason=str(u))
        range_text = f"[{fmt(_value(low), 15)}, {fmt(_value(high), 15)}]"
        if below <= 0 <= above:
            return _Outcome("proved", left_text, range_text)
        return _Outcome("refuted", left_text, range_text)
    range_text = _range_text(enclosure)
    if _attained(left, right, box) or (continuous and _between_corners(left, right, box)):
        return _Outcome("proved", left_text, range_text, bits=START_BITS)
    bits = START_BITS
    while bits <= CAP_BITS:
        enclosure = _enclosure(right, box, bits)
        lv = as_ball(Evaluator({}).run(lambda e: e.value(left), start=bits))
        if lv < enclosure[0] or lv > enclosure[1]:
            return _Outcome("refuted", left_text, _range_text(enclosure), bits=bits)
        bits *= GROWTH
    jump = "" if continuous else " (it may jump inside the rounding intervals, so values between two corners need not be taken)"
    return _Outcome("unknown", left_text, range_text, bits=CAP_BITS,
                    reason=f"could not show that the exact value {left_text} lies within the range "
                           f"{range_text} of the right side{jump}, nor outside it")


def _value(e: sp.Expr):
    return Evaluator({}).run(lambda ev: ev.value(e))


def _enclosure(right: sp.Expr, box: dict, bits: int):
    """[lo, hi] of the right side over the box; raises Straddle where it may jump or be undefined."""
    ev = IntervalEvaluator({s: rational_interval(_q(lo), _q(hi)) for s, (lo, hi) in box.items()}, bits)
    return ev.enclose(right)


def _continuous(right: sp.Expr, box: dict) -> bool:
    """No jump (sign, an indicator, a case split) inside the box: the corners argument needs it."""
    ev = IntervalEvaluator({s: rational_interval(_q(lo), _q(hi)) for s, (lo, hi) in box.items()}, START_BITS)
    return ev.continuous(right)


def _monotone_ends(right: sp.Expr, box: dict) -> tuple[dict, dict] | None:
    """The corners where the right side is lowest and highest when it is monotone in every rounded
    number over the box (each partial derivative of one sign throughout); None otherwise."""
    low, high = {}, {}
    for s, (lo, hi) in box.items():
        try:
            sign = interval_sign(_enclosure(sp.diff(right, s), box, START_BITS))
        except (Straddle, Undecided, Undefined):
            return None
        if sign is None:
            return None
        low[s], high[s] = (_q(lo), _q(hi)) if sign >= 0 else (_q(hi), _q(lo))
    return low, high


def _q(f: Fraction) -> sp.Rational:
    return sp.Rational(f.numerator, f.denominator)


def _range_text(enclosure) -> str:
    return f"[{fmt(enclosure[0], 15)}, {fmt(enclosure[1], 15)}]"


def _between_corners(left: sp.Expr, right: sp.Expr, box: dict) -> bool:
    """Two points of the box (corners, or kink points: the minimum of |0.0| is inside) where the
    right side is certainly <= and >= the left value (the right side is continuous on the box, which
    is convex, so every value in between is taken on the segment joining them)."""
    below = above = False
    for corner in itertools.chain(_corners(box), _jump_points(right, box)):
        gap = right.xreplace(corner) - left
        try:
            s = Evaluator({}).run(lambda e: e.sign(gap))
        except (Undefined, Undecided):
            continue
        below |= s <= 0
        above |= s >= 0
        if below and above:
            return True
    return False


def _attained(left: sp.Expr, right: sp.Expr, box: dict) -> bool:
    """The right side equals the left value exactly at a corner of the box or at a jump point in it
    (where the argument of a jump, linear in one rounded number, vanishes): `0 \\approx sign(0.0)`
    holds at 0 though the corners give -1 and 1."""
    for point in itertools.chain(_corners(box), _jump_points(right, box)):
        try:
            if Evaluator({}).run(lambda e: e.sign(right.xreplace(point) - left)) == 0:
                return True
        except (Undefined, Undecided):
            continue
    return False


def _jump_points(right: sp.Expr, box: dict):
    """Corners with one rounded number moved to where the argument of a jump or kink, linear in it,
    vanishes."""
    for node in sp.preorder_traversal(right):
        if type(node).__name__ not in _SIMPLE_JUMPS or len(node.free_symbols) != 1:
            continue
        s = next(iter(node.free_symbols))
        arg = node.args[0] if type(node).__name__ != "KroneckerDelta" else node.args[0] - node.args[1]
        poly = sp.Poly(arg, s) if s in box and arg.is_polynomial(s) else None
        if poly is None or poly.degree() != 1 or not all(c.is_Rational for c in poly.all_coeffs()):
            continue
        a, b = poly.all_coeffs()
        root = -b / a
        if _q(box[s][0]) <= root <= _q(box[s][1]):
            for corner in _corners(box):
                yield {**corner, s: root}


_SIMPLE_JUMPS = {"Heaviside", "sign", "KroneckerDelta", "Abs", "ReLU"}  # one argument whose root is the point


def _corners(box: dict):
    names = sorted(box, key=lambda s: s.name)
    for ends in itertools.product((0, 1), repeat=len(names)):
        yield {s: _q(box[s][e]) for s, e in zip(names, ends)}
