"""The kink arguments of an expression (where its pieces meet) and how far its constants reach.

A piecewise expression (ReLU, max/min, |.|, indicators, cases, sign) splits the inputs by the sign of
each *kink argument*. How finely and how far the probes must look along a line follows the reach of the
constants written in those arguments (`scale_decades`). Also the exact rational helpers the probes and
the extremum search share, and `Budget`, the exception every cap raises (the step becomes unknown)."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import sympy as sp
from sympy.utilities.iterables import iterable
from flint import arb, ctx, fmpq

from .certified import Evaluator, Undecided, Undefined, to_fmpq

_T = sp.Dummy("t", real=True)
REFINE_BITS = 200  # a bracket refined until its pieces are below 2^-(200 + scale bits) max(1, |t|) wide
BITS_PER_DECADE = math.log2(10)
CANCELLATION_BITS = 4096  # a sum of constants whose sign needs more bits is a Budget (`_cancellation`)


class Budget(Exception):
    """A probe budget was hit: the step is unknown with this reason, never checked on fewer probes."""


def kink_arguments(exprs) -> list:
    """Every argument whose sign splits the inputs into regions, each once (g and -g alike)."""
    found: list = []
    met: set = set()
    for e in exprs:
        for sub in distinct_subtrees(e, met):
            found.extend(_arguments_of(sub))
    out: list = []
    seen: set = set()
    for g in found:
        if not g.free_symbols:
            continue
        if g in seen or -g in seen:
            continue
        seen.add(g)
        out.append(g)
    return out


def distinct_subtrees(e, met: set):
    """The subtrees of e in `sp.preorder_traversal`'s order, a subtree equal to one already met (here or
    in an earlier expression sharing `met`) skipped with everything below it: its arguments were all
    found at its first occurrence, which comes earlier in that order, so `kink_arguments` (which keeps
    each argument's first occurrence) gives the same list. A matrix entry repeats its subtrees (each
    hidden unit in every output), which the full traversal walked again at every occurrence."""
    stack = [e]
    while stack:
        node = stack.pop()
        if isinstance(node, sp.Basic):
            if node in met:
                continue
            met.add(node)
            yield node
            args = node._argset if hasattr(node, "_argset") else node.args
            stack.extend(reversed(tuple(args)))
        else:
            yield node
            if iterable(node):
                stack.extend(reversed(tuple(node)))


def _arguments_of(sub) -> list:
    name = type(sub).__name__
    if name in ("Heaviside", "sign", "Abs", "ReLU", "DiracDelta"):
        return [sub.args[0]]
    if name in ("Max", "Min"):
        # a difference of piecewise constants (`\max((x > 0), (x < 0), (x = 0))`) changes sign only where
        # a piece does, at its own kink arguments (found on the way down): not an argument itself
        return [x - y for x, y in itertools.combinations(sub.args, 2) if not _piecewise_constant(x - y)]
    if name == "KroneckerDelta":
        return [sub.args[0] - sub.args[1]]
    if name in ("StrictGreaterThan", "StrictLessThan", "GreaterThan", "LessThan", "Equality", "Unequality"):
        return [sub.args[0] - sub.args[1]]
    return []


_STEPS = ("Heaviside", "sign", "KroneckerDelta")


def _piecewise_constant(e) -> bool:
    """No input outside a step function (Heaviside, sign, Kronecker delta) or a Piecewise's conditions:
    e is constant between the sign changes of those functions' own arguments and conditions."""
    if type(e).__name__ in _STEPS:
        return True
    if isinstance(e, sp.Piecewise):
        return all(_piecewise_constant(piece.expr) for piece in e.args)
    if isinstance(e, sp.Symbol):
        return False
    return all(_piecewise_constant(a) for a in e.args)


def has_discontinuity(e) -> bool:
    return any(type(s).__name__ in ("Heaviside", "sign", "Piecewise", "KroneckerDelta", "DiracDelta")
               for s in sp.preorder_traversal(e))


def scale_decades(g_lines: list) -> float:
    """How far, in decades, the constants of the arguments on a line reach: the sum over their
    constants (`_constants`) of the larger of each one's magnitude (|c| or 1/|c|, `_decades`) and its
    height (the digits of the numerators and denominators of the rationals written in it, `_height`:
    1.41421356237 is near 1, but a root of x - 1.41421356237 lies 10^-12 from one of x - \\sqrt{2}),
    plus the largest cancellation among them (`_cancellation`: cos(e^{-240}) - 1 is about 10^-209
    though each term is near 1). Regions far out (`\\tanh x + x / 10^{20} > 10^{10}`) and thin ones
    (a dip of depth 10^-300, a cell 10^-70 wide) scale with this figure, so the far ladder and the
    refinement depth both follow it (each raises a Budget where it cannot go as far as it asks)."""
    constants = sorted({c for g in g_lines for c in _constants(g)}, key=sp.default_sort_key)
    sums = [terms for g in g_lines for terms in _constant_sums(g)]
    irrational = [c for c in constants if not c.is_Rational]
    pairs = [(a, sign * b) for a in irrational for b in constants if b != a for sign in (1, -1)]
    lost = max((_cancellation(terms) for terms in sums + pairs), default=0.0)
    return sum(max(_decades(c), _height(c)) for c in constants) + lost


def _constant_sums(g):
    """The constant terms of every sum in g that has two or more (`cos(e^{-240}) - 1` in
    `x \\tanh x + \\cos(e^{-240}) - 1`): their total is the constant the argument really holds."""
    for node in sp.preorder_traversal(g):
        if isinstance(node, sp.Add) and _T in node.free_symbols:
            terms = [a for a in node.args if isinstance(a, sp.Expr) and _T not in a.free_symbols]
            if len(terms) >= 2:
                yield tuple(terms)


def _cancellation(terms) -> float:
    """Decades lost when the constant terms are added: log10(max |term| / |sum|), 0 when the sum is
    exactly 0 (no constant there) or no cancellation happens. A sum whose sign cannot be certified
    within CANCELLATION_BITS is a Budget: a thin region it makes could be any width."""
    total = sp.Add(*terms)
    try:
        sign, value, sizes = Evaluator({}).run(
            lambda e: (e.sign(total), e.value(total), [e.value(a) for a in terms]), cap=CANCELLATION_BITS)
    except Undecided:
        raise Budget(f"the sign of the constant {sp.sstr(total)} could not be certified within "
                     f"{CANCELLATION_BITS} bits: how thin the regions it makes are is not known") from None
    except Undefined:
        return 0.0
    if sign == 0:
        return 0.0
    return max(0.0, max(_log10_abs(v) for v in sizes) - _log10_abs(value))


def _log10_abs(v) -> float:
    """log10 |v| of a nonzero certified value (an exact rational or a ball away from 0)."""
    if isinstance(v, fmpq):
        return math.log10(abs(int(v.p))) - math.log10(int(v.q)) if v != 0 else -math.inf
    if v.contains(0) or not v.is_finite():
        return -math.inf
    return float(abs(v).log()) / math.log(10)


def refine_bits(decades: float) -> int:
    """The bits a bracket that may hide a thin region is refined to (`_refine`): REFINE_BITS beyond
    the constants' reach (`scale_decades`), so a dip of depth 10^-300 (width 2 10^-150) or a cell
    10^-70 wide is wider than the final pieces."""
    return REFINE_BITS + math.ceil(decades * BITS_PER_DECADE)


def _height(c: sp.Expr) -> float:
    """log10 of the largest numerator or denominator among the rationals written in c (0 for none)."""
    sizes = [max(abs(int(q.p)), int(q.q)) for q in c.atoms(sp.Rational) if q != 0]
    return max((math.log10(n) for n in sizes), default=0.0)


def _constants(g):
    """The largest subexpressions of g without the line's parameter (each number once); inside a
    Piecewise, the pieces' values and the conditions' sides (a pair `(0, True)` is no number)."""
    if not isinstance(g, sp.Expr):
        for a in g.args:
            if isinstance(a, sp.Basic):
                yield from _constants(a)
        return
    if _T not in g.free_symbols:
        yield g
        return
    for a in g.args:
        yield from _constants(a)


def _decades(c: sp.Expr) -> float:
    """log10 of max(|c|, 1/|c|); 0 for 0 or a constant with no certified value."""
    try:
        v = Evaluator({}).run(lambda e: e.value(c))
    except (Undefined, Undecided):
        return 0.0
    if isinstance(v, fmpq):
        if v == 0:
            return 0.0
        return abs(math.log10(abs(int(v.p))) - math.log10(int(v.q)))
    if v.contains(0) or not v.is_finite():
        return 0.0
    return abs(float(abs(v).log()) / math.log(10))


def _bounds(v) -> tuple[sp.Rational, sp.Rational]:
    if isinstance(v, fmpq):
        r = sp.Rational(int(v.p), int(v.q))
        return r, r
    return _arb_rational(v.lower()), _arb_rational(v.upper())


def _arb_rational(x: arb) -> sp.Rational:
    """An exact ball end point (lower()/upper() are exact) as a Rational."""
    man, exp = x.mid().man_exp()
    return sp.Rational(int(man)) * sp.Rational(2) ** int(exp)


def _simplest_between(lo: sp.Rational, hi: sp.Rational) -> sp.Rational:
    """The rational with the smallest denominator in [lo, hi] (continued fractions): a root that is a
    simple fraction (|x| = 10 at -10) is found exactly in its bracket. Iterative: two ends 10^-1294
    apart have a continued fraction thousands of terms long."""
    if lo <= 0 <= hi:
        return sp.S.Zero
    if hi < 0:
        return -_simplest_between(-hi, -lo)
    a, b = Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q))
    terms: list[int] = []
    while True:
        whole = a.numerator // a.denominator
        if whole + 1 <= b or whole == a:
            value = Fraction(whole if whole == a else whole + 1)
            break
        # a and b share the integer part: go on with the reciprocals of the fractional parts
        terms.append(whole)
        a, b = 1 / (b - whole), 1 / (a - whole)
    for whole in reversed(terms):
        value = whole + 1 / value
    return sp.Rational(value.numerator, value.denominator)


def rational_interval(lo: sp.Rational, hi: sp.Rational, bits: int | None = None) -> tuple:
    """[lo, hi] as exact arb end points, rounded outwards (to `bits`, else the current precision: a
    piece 2^-200 wide needs more than the default 53 bits to stay apart from its neighbours)."""
    if bits is None:
        return arb(to_fmpq(lo)).lower(), arb(to_fmpq(hi)).upper()
    with ctx.workprec(bits):
        return arb(to_fmpq(lo)).lower(), arb(to_fmpq(hi)).upper()
