"""Comparing two sides at one exact point, with certified arithmetic (certified.py).

The comparison is of the **difference**: `a - b` as SymPy builds it (which already cancels equal
terms exactly: `x + e^{200} - e^{200}` is `x`), enclosed in a ball. The two sides differ at the point
when the ball excludes 0 and both sides are certainly defined there. They agree at the point only as
*evidence*, and only when the ball contains 0 at a precision that no term of any sum could have been
lost in (`EVIDENCE_BITS` beyond twice the largest binary order of magnitude of any term, or of what a
saturating function hides, so `1 + e^{-200}` keeps its e^{-200} and `\tanh(100)` its 1 - 2e^{-200})
with a radius below 2^-EVIDENCE_BITS. Equal terms that SymPy did not cancel, and
tiny differences hidden in large ones, are also looked for in rewritten forms of the difference (its
expansion and the numerator over a common denominator), which equal it wherever it is defined.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy as sp
from flint import arb, fmpq

from .certified import (
    CAP_BITS,
    Evaluator,
    Undecided,
    Undefined,
    Value,
    as_ball,
    combined_truth,
    sign_of,
    symbols_of,
    to_rational,
)
from .domain import NONZERO, POSITIVE, Condition
from .symbolic import zero_test

EVIDENCE_BITS = 256  # agreement counts when the difference is within 2^-256 and no term was lost
EVIDENCE_ORDERS = 2  # ... and no product of two such small terms either (tanh x - 1 + 2e^{-2x} is ~e^{-4x})

MAX_DECIMAL_PLACES = 40  # an exact rational with a finite decimal form up to this long is shown as a decimal

AGREE, DIFFER, LOPSIDED, UNDEFINED, UNDECIDED = "agree", "differ", "lopsided", "undefined", "undecided"


@dataclass(frozen=True)
class Side:
    """One side of a comparison: its SymPy value and the conditions simplification erased."""

    expr: sp.Expr
    conds: tuple[Condition, ...] = ()

    def substitute(self, mapping: dict) -> "Side":
        if not mapping:
            return self
        return Side(self.expr.xreplace(mapping), tuple(c.substitute(mapping) for c in self.conds))


@dataclass(frozen=True)
class Definedness:
    """A side at a point: its value, or why it has none (and whether it has none nearby too)."""

    value: Value | None
    why: str = ""  # why undefined
    around: bool = False  # undefined on a whole neighbourhood (a region), not just here
    interior: bool = False  # defined on a whole neighbourhood (no condition met with equality)
    outside: bool = False  # a differentiated function is undefined here: no domain mismatch is claimed


@dataclass(frozen=True)
class PointCheck:
    status: str  # agree | differ | lopsided | undefined | undecided
    bits: int = 0  # precision used; 0 when every value was exact
    lhs: Definedness | None = None
    rhs: Definedness | None = None
    difference: Value | None = None
    reason: str = ""

    @property
    def exact(self) -> bool:
        return self.bits == 0

    @property
    def zero(self) -> bool:
        """The difference is exactly 0: exact arithmetic, every sign on the way certain."""
        return self.difference is not None and sign_of(self.difference) == 0


# ------------------------------------------------------------------ one side


def _side(ev: Evaluator, side: Side) -> Definedness:
    """Evaluate a side and its erased conditions inside a pass (NeedBits propagates). `interior` is
    provisional here: `_pass` withdraws it when any domain condition in the pass held with equality.
    A failed soft condition (a derivative's function undefined here) marks the point `outside`."""
    outside = any(_fails(ev, c) for c in side.conds if c.soft)
    try:
        value = ev.value(side.expr)
    except Undefined as u:  # a constant undefined value (0/0 = nan) is undefined for every input
        around = not side.expr.free_symbols or _undefined_around(ev, u.kind, u.arg)
        why = next((c.why for c in side.conds if not c.soft and _fails(ev, c)), u.why)  # 0/0: "division by zero"
        return Definedness(None, why, around=around, outside=outside)
    boundary = False
    for c in side.conds:
        if c.soft:
            continue
        try:
            s = ev.sign(c.expr)
        except Undefined as u:
            return Definedness(None, u.why, around=_undefined_around(ev, u.kind, u.arg), outside=outside)
        failed = s == 0 if c.kind == NONZERO else (s <= 0 if c.kind == POSITIVE else s < 0)
        if failed:
            return Definedness(None, c.why, around=_undefined_around(ev, c.kind, c.expr, s), outside=outside)
        if s == 0 or piecewise(c.expr) and _branch(ev, c.expr) is None:
            boundary = True  # met with equality, or a piece on its kink: it may fail right next to here
    return Definedness(value, interior=not boundary, outside=outside)


def _fails(ev: Evaluator, c) -> bool:
    try:
        s = ev.sign(c.expr)
    except Undefined:
        return True
    return s == 0 if c.kind == NONZERO else (s <= 0 if c.kind == POSITIVE else s < 0)


def _undefined_around(ev: Evaluator, kind: str, arg, s: int | None = None) -> bool:
    """Is the failed condition failing on a neighbourhood: a strict violation (`log` of a negative
    number, not of 0) of an argument that is continuous here (every kink inside it off its kink), or
    any failed condition on a constant (`\\frac{N - 1}{N - 1}` at N = 1: 0/0 for every input)?"""
    if arg is None:
        return False
    if not arg.free_symbols:
        return True
    if kind == NONZERO and not piecewise(arg):
        return False
    try:
        s = ev.sign(arg) if s is None else s
    except Undefined:
        return False
    if s == 0:  # 1/0, log 0, 0^0: on a region only where a piecewise argument is 0 throughout
        return piecewise(arg) and _zero_around(ev, arg)
    if kind == NONZERO or s > 0:
        return False
    return _continuous_here(ev, arg) or (piecewise(arg) and _branch(ev, arg) is not None)


_PIECES = ("Heaviside", "sign", "Abs", "ReLU", "Max", "Min", "Piecewise", "KroneckerDelta", "DiracDelta",
           "floor", "ceiling")


@functools.lru_cache(maxsize=1024)
def piecewise(e) -> bool:
    """e holds a piecewise function (an indicator, ReLU, max/min, |.|, sign): it can be exactly 0, or
    constant, on a whole region, where a continuous argument is 0 at isolated points only."""
    return any(type(sub).__name__ in _PIECES for sub in sp.preorder_traversal(e))


def _zero_around(ev: Evaluator, arg) -> bool:
    """arg (0 here) is 0 on a whole neighbourhood: every piece is off its kinks here (`_branch`), and
    the branch it follows around here is 0 identically (`(x > 1)` at x = 0, `|x| - x` at x = 1)."""
    branch = _branch(ev, arg)
    return branch is not None and _zero_branch(branch)


@functools.lru_cache(maxsize=256)
def _zero_branch(branch) -> bool:
    """The symbolic zero test of one branch, once (every probe in its cell asks for it)."""
    try:
        return bool(zero_test(branch))
    except (ValueError, TypeError, ZeroDivisionError, RecursionError):
        return False


def _branch(ev: Evaluator, e):
    """The continuous expression e equals on a neighbourhood of this point: each piece replaced by the
    branch it takes here, which it keeps nearby because every kink argument's sign here is strict (and
    those arguments are continuous in turn). None where a kink argument is 0 here (or a floor)."""
    if not isinstance(e, sp.Basic) or not e.args or not symbols_of(e):
        return e
    name = type(e).__name__
    if name in ("floor", "ceiling"):
        return None
    if name in ("Heaviside", "sign", "Abs", "ReLU", "DiracDelta"):
        g = _branch(ev, e.args[0])
        s = _sign_of_branch(ev, e.args[0], g)
        if s is None:
            return None
        return {"Heaviside": sp.Integer(1 if s > 0 else 0), "sign": sp.Integer(s), "Abs": s * g,
                "ReLU": g if s > 0 else sp.Integer(0), "DiracDelta": sp.Integer(0)}[name]
    if name == "KroneckerDelta":
        s = _strict_sign(ev, e.args[0] - e.args[1])
        return None if s is None else sp.Integer(0)
    if name in ("Max", "Min"):
        want = 1 if name == "Max" else -1
        for a in e.args:
            if all(b is a or _strict_sign(ev, a - b) == want for b in e.args):
                return _branch(ev, a)
        return None
    if name == "Piecewise":
        for value, cond in e.args:
            t = _truth_around(ev, cond)
            if t is None:
                return None
            if t:
                return _branch(ev, value)
        return None
    args = [_branch(ev, a) if isinstance(a, sp.Expr) else a for a in e.args]
    if any(a is None for a in args):
        return None
    return e.func(*args)


def _strict_sign(ev: Evaluator, g) -> int | None:
    """g's sign here when it is strict and g is continuous here (so it keeps it nearby), else None."""
    return _sign_of_branch(ev, g, _branch(ev, g))


def _sign_of_branch(ev: Evaluator, g, branch) -> int | None:
    if branch is None:
        return None
    try:
        s = ev.sign(g)
    except Undefined:
        return None
    return s if s != 0 else None


def _truth_around(ev: Evaluator, c) -> bool | None:
    """A Piecewise condition's truth on a neighbourhood of this point, None when it may change there."""
    return combined_truth(c, lambda atom: _relation_around(ev, atom))


def _relation_around(ev: Evaluator, c) -> bool | None:
    name = type(c).__name__
    ops = {"StrictGreaterThan": (1,), "GreaterThan": (1,), "StrictLessThan": (-1,), "LessThan": (-1,),
           "Equality": (), "Unequality": (1, -1)}
    if name not in ops:
        return None
    s = _strict_sign(ev, c.args[0] - c.args[1])
    return None if s is None else s in ops[name]


def _continuous_here(ev: Evaluator, e) -> bool:
    for sub in sp.preorder_traversal(e):
        name = type(sub).__name__
        if name in ("Heaviside", "sign", "DiracDelta"):
            if ev.sign(sub.args[0]) == 0:
                return False
        elif name in ("Piecewise", "KroneckerDelta", "floor", "ceiling"):
            return False
    return True


# ------------------------------------------------------------------ the comparison


def compare_at(a: Side, b: Side, point: dict, evidence: bool = False, forms: tuple = ()) -> PointCheck:
    """Compare two sides at an exact point. Without `evidence` one pass at START_BITS (a quick search
    for a difference); with it, agreement is certified to EVIDENCE_BITS and `forms` (rewritten
    differences) are tried too."""
    ev = Evaluator(point)
    d = a.expr - b.expr
    try:
        first = ev.run(lambda e: _pass(e, a, b, d))
    except Undecided as u:
        return PointCheck(UNDECIDED, ev.bits, reason=str(u))
    lhs, rhs, diff = first
    bits = ev.bits if ev.inexact else 0
    if lhs.outside or rhs.outside:  # a derivative of a function undefined here: nothing to compare
        return PointCheck(UNDEFINED, bits, lhs, rhs, reason="a differentiated function is undefined here")
    if lhs.value is None or rhs.value is None:
        if lhs.value is None and rhs.value is None:
            return PointCheck(UNDEFINED, bits, lhs, rhs, reason="both sides are undefined here")
        lopsided = (lhs.around and rhs.interior) or (rhs.around and lhs.interior)
        return PointCheck(LOPSIDED if lopsided else UNDEFINED, bits, lhs, rhs,
                          reason="one side is undefined here")
    s = sign_of(diff)
    if s is not None and s != 0:
        return PointCheck(DIFFER, bits, lhs, rhs, diff)
    if s == 0 or not evidence:
        return PointCheck(AGREE, bits, lhs, rhs, diff)
    # evidence: enough bits that no term of any sum was lost, and a small enough radius
    try:
        while True:
            need = EVIDENCE_BITS + EVIDENCE_ORDERS * ev.magnitude
            rad_ok = as_ball(diff).rad() <= arb(2) ** (-EVIDENCE_BITS)
            if ev.bits >= need and rad_ok:
                break
            if ev.bits >= CAP_BITS:
                return PointCheck(UNDECIDED, ev.bits, lhs, rhs, diff,
                                  reason=f"the difference could not be pinned down within {CAP_BITS} bits")
            start = min(CAP_BITS, max(need, 2 * ev.bits))
            lhs, rhs, diff = ev.run(lambda e: _pass(e, a, b, d), start=start)
            s = sign_of(diff)
            if s is not None and s != 0:
                return PointCheck(DIFFER, ev.bits, lhs, rhs, diff)
            if s == 0:
                return PointCheck(AGREE, ev.bits, lhs, rhs, diff)
        bits = ev.bits
        for form in forms:
            try:
                v = ev.run(lambda e: e.value(form), start=bits)
            except Undefined:
                continue
            s = sign_of(v)
            if s is not None and s != 0:
                return PointCheck(DIFFER, ev.bits, lhs, rhs, v)
    except Undecided as u:
        return PointCheck(UNDECIDED, ev.bits, lhs, rhs, diff, reason=str(u))
    return PointCheck(AGREE, bits, lhs, rhs, diff)


def _pass(ev: Evaluator, a: Side, b: Side, d) -> tuple:
    lhs, rhs = _side(ev, a), _side(ev, b)
    if ev.boundary:  # sqrt(0) somewhere: conservatively, neither side is known defined around here
        lhs, rhs = (Definedness(x.value, x.why, x.around, False, x.outside) for x in (lhs, rhs))
    diff = None
    if lhs.value is not None and rhs.value is not None:
        try:
            diff = ev.value(d)
        except Undefined:
            diff = _sub(lhs.value, rhs.value)  # SymPy's a - b cannot be less defined than a and b
    return lhs, rhs, diff


def _sub(x: Value, y: Value) -> Value:
    if isinstance(x, fmpq) and isinstance(y, fmpq):
        return x - y
    return as_ball(x) - as_ball(y)


@functools.lru_cache(maxsize=256)
def difference_forms(d: sp.Expr) -> tuple:
    """Rewritten forms equal to d wherever d is defined: its expansion and the numerator of that
    over a common denominator (d != 0 exactly when the numerator is, where d is defined). They
    expose differences that cancellation hides from a ball of d: `(1 + e^{-100})^2 - 1 - 2e^{-100}`
    expands to e^{-200}."""
    out = []
    try:
        e = sp.expand(d)
        if e != d:
            out.append(e)
        num, _ = sp.fraction(sp.together(e))
        num = sp.expand(num)
        if num not in (d, e):
            out.append(num)
    except (ValueError, TypeError, ZeroDivisionError, RecursionError):  # SymPy on odd trees: fewer forms, never a verdict
        pass
    return tuple(f for f in out if f != 0)


# ------------------------------------------------------------------ relations (assumptions)


def relations_hold(rels, point: dict) -> bool | None:
    """Do the assumption relations hold exactly at the point? None when one cannot be decided."""
    ev = Evaluator(point)
    for op, x, y in rels:
        try:
            s = ev.run(lambda e: e.sign(x - y))
        except Undefined:
            return False
        except Undecided:
            return None
        ok = {">": s > 0, "<": s < 0, ">=": s >= 0, "<=": s <= 0, "!=": s != 0, "=": s == 0}[op]
        if not ok:
            return False
    return True


def all_defined(exprs, point: dict) -> bool:
    """Does every expression have a certified value at the point? One evaluator for them all, so the
    subtrees they share (the two sides of a matrix step's entries) are evaluated once; an expression
    without a value (undefined, or undecided past the cap) makes the answer False, as `value_at`
    giving None for it would."""
    try:
        Evaluator(point).run(lambda e: [e.value(x) for x in exprs])
    except (Undefined, Undecided):
        return False
    return True


def value_at(expr: sp.Expr, point: dict) -> Value | None:
    """A certified value for reports; None where undefined or undecided."""
    try:
        return Evaluator(point).run(lambda e: e.value(expr))
    except (Undefined, Undecided):
        return None


# ------------------------------------------------------------------ formatting


def exact_text(v: sp.Rational) -> str:
    """An exact rational as a student writes it: 0.38 when it has a finite decimal form, else 1/3."""
    q = int(v.q)
    twos = fives = 0
    while q % 2 == 0:
        q //= 2
        twos += 1
    while q % 5 == 0:
        q //= 5
        fives += 1
    if q != 1 or max(twos, fives) > MAX_DECIMAL_PLACES:
        return str(v)
    places = max(twos, fives)
    scaled = int(v.p) * 10 ** places // int(v.q)
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return sign + (digits[:-places] + "." + digits[-places:] if places else digits)


def fmt(v, digits: int = 12) -> str:
    """A value for a report: exact rationals exactly, balls by their midpoint (digits they certify)."""
    if v is None:
        return "undefined"
    if isinstance(v, fmpq):
        return exact_text(to_rational(v))
    if isinstance(v, sp.Rational):
        return exact_text(v)
    if isinstance(v, arb):
        return _ball_text(v, digits)
    if isinstance(v, sp.Basic):
        return point_text(v)
    return str(v)


def _ball_text(v: arb, digits: int) -> str:
    text = v.mid().str(digits, radius=False).strip("[]")
    if "e" in text:
        mant, _, ex = text.partition("e")
        if "." in mant:
            mant = mant.rstrip("0").rstrip(".")
        return f"{mant}e{int(ex)}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def point_text(v: sp.Basic) -> str:
    """An exact coordinate: a rational, a closed form, or an algebraic number with its polynomial."""
    if isinstance(v, sp.Rational):
        return exact_text(v)
    roots = v.atoms(sp.CRootOf)
    if roots:
        approx = value_at(v, {})
        r = next(iter(roots))
        approx_text = _ball_text(approx, 10) if isinstance(approx, arb) else fmt(approx)
        return f"{approx_text}... (a root of {sp.sstr(r.poly.as_expr())})"
    return sp.sstr(v)
