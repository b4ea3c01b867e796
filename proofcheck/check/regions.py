"""Where sample points come from: random exact values, and probes in every region of every kink.

A piecewise expression (ReLU, max/min, |.|, indicators, cases, sign) splits the inputs by the sign of
each *kink argument*; so do the domain conditions (x > 0 for log x) and the assumptions. Random points
cover wide regions only, so every argument is restricted to *probe lines* through a base point (see
`_lines`) and its crossings of 0 on each line are found by root isolation:
- a rational function of the line's parameter with rational coefficients: exact real roots of every
  irreducible factor of its numerator and denominator (any degree; rational roots exactly, others as
  SymPy `CRootOf` algebraic numbers with isolating intervals, narrowed until no two overlap: `_apart`);
- an argument `a t + b` with constant a and b (`x - sqrt(2)`): its one root in closed form, no bisection.
- anything else: certified bisection with interval arithmetic over |t| < 4,096 along the line (the
  parameter t = u / (1 - u^2)), subintervals where the argument's enclosure excludes 0 dropped, and
  those where its slope's does and both ends have one sign (beside a double root); past that, on to
  |t| = 10^FAR_MAX_DECADE in pieces cut at the far ladder (`far_brackets`), so a bounded region far
  out (3.4 wide at 10^50) lies between two brackets; an argument `c exp(u) + k` or `c log(u) + k`
  with u linear also gets its root in closed form.
The crossings of all arguments on a line, merged and sorted, cut it into cells; the probes are the
crossings themselves (exactly on the kink where the root is exact), points just inside each cell on
both sides of every crossing (the shared end of two isolating intervals that touch), the middle of
every cell (narrow regions like 0 < x < 0.01), points far beyond the outermost crossings (far regions
like exp(x) > 1000), points inside every bisection bracket (a region thinner than the bracket,
`_bracket_points`; for a jump's argument its value on the kink is settled by `_settle`, or the step is
unknown), and on every line searched by bisection, the far ladder's points (`far_points`: every power
of 10 from 10^4 to two decades past the line's constant reach `scale_decades`, at least 10^9, then
exponents doubling and 10^400 last; looked at for a difference only: `BEYOND`). Past 10^400 an
argument whose limit at infinity has the other sign than at 10^400 is a Budget
(`no_sign_change_beyond`), and so is one built with slow functions (log, roots) that changes sign in
its tail searched at t = e^s (`no_sign_change_in_slow_tail`), unless the step's difference is 0
whatever that argument's sign (`_same_on_every_side`). Far pieces are enclosed with infinite ends
where values are past arb's range (`IntervalEvaluator(extended=True)`); one still without an enclosure
is searched without its factors of one certain sign (`_sign_reduced`), else a Budget. A bracket that may hide a thin region (the argument not monotone on it,
or another crossing inside it) is first shown to hold one exact root (`_exact_root`), else refined by
certified bisection to 2^-(200 + the bits of the constant reach) max(1, |t|) (`_refine`,
`refine_bits`), so a dip or a thin cell wider than that gets its probes; a finest piece where the
argument is convex or concave is searched for its one extremum, and cut around it when the argument
crosses 0 there (`_dip_cut`: a dip down to about 2^-65000; closer to 0 is a Budget). Bracketed sign
changes of two arguments that still overlap after refinement are a Budget unless the arguments are
proportional (`_no_unordered_crossings`: a cell between them could have no probe). Factors e^u of an
argument are left out along a line (`without_positive_factors`). The constant reach (`kinks.scale_decades`) sums,
over the constants written in the line's arguments, the larger of each one's magnitude and its height
(a long decimal near 1 counts its digits), plus the largest cancellation among them (cos(e^-240) - 1).
Nothing is capped silently: a line with more crossings than `MAX_CROSSINGS` or more probes than
`MAX_PROBES`, a constant reach past 10^FAR_MAX_DECADE, a refinement finer than 2^-REFINE_MAX_BITS
raise `Budget`, and the step is `unknown` with that reason.

An argument linear in its inputs needs one line (along an input with a nonzero coefficient: it meets
both half-spaces and the boundary). For other arguments, probe lines through a base point can miss a
region that no line meets (a small disk away from the lines); for an argument of degree 2 in several
inputs the lines also pass through its stationary point, and for any other non-affine argument in
several inputs, once a step survived the ordinary probes (`deep`), through its candidate local extrema
(`extrema.extremum_points`): a bounded region of one sign holds a local extremum, a stationary point of
the argument's smooth piece on some face of its own kinks (the whole space, or where some of its kinks
vanish, affine or not: `extrema.face_points`). They are found exactly for polynomials in up to three
inputs with isolated critical points (and curves of them in two inputs), else by Newton's method from
a few starts; extrema.py's docstring says which arguments that covers completely
(tests/adversarial/redteam_numeric/faces.proof, faces_beyond.proof).

An input w in which every argument holding it is c w + r (c a nonzero number) and which the difference
holds only inside those arguments' steps is eliminated first (`_eliminating`): the difference's values
over the line along w through a point are those at the arguments' roots in w, between them and past
them, and which values those are changes only across the arguments free of w and the places where two
roots meet, so those are probed in the other inputs and each probe gets the line along w
(tests/adversarial/redteam_numeric/r21_fix_eliminated_input.proof).
"""

from __future__ import annotations

import hashlib
import itertools
import math
import random
from dataclasses import dataclass

import sympy as sp
from flint import ctx, fmpq

from .certified import START_BITS, Evaluator, IntervalEvaluator, Straddle, Undecided, Undefined, interval_sign
from .arrangement import (_solved_for, arc_lines, curve_corner_points, eliminated, flat_vertex_points,
                          space_vertex_points, vertex_points)
from .extrema import extremum_points, pair_points, principal_lines, stationary_points
from .far import (NEAR_BITS, clear_next_to, far_brackets, far_points, is_slow, near_radius, no_sign_change_beyond,
                  positive_for_positive,
                  no_sign_change_in_slow_tail, no_sign_change_near_singularities, peeled, side_form, singular_points,
                  without_positive_factors)
from .kinks import _T, Budget, has_discontinuity, _arb_rational, _bounds, _simplest_between, rational_interval, refine_bits, scale_decades
from .signs import (BISECT_DEPTH, BISECT_EVALUATIONS, INTERVAL_BITS, Counter, excludes_zero, fraction_parts, monotone_ends, monotone_without_root,
                    no_zero_on, relation_fails_on, strict_sign)

FIRST_POINTS = 3
MORE_POINTS = 12
MAX_CROSSINGS = 200  # sign changes of one argument along one line
MAX_PROBES = 3000  # probe points per instance
MAX_LOG_CHARTS = 16  # choices of x = a +- e^u per argument in the log-coordinate search (`_log_extremum_points`)
SWEEP_ROUNDS = 6  # rounds of axis lines through the cells found (`_swept`): joint cells of up to 7 inputs
MAX_SWEEP_LINES = 600  # probe lines per instance, the sweep's included
BISECT_PIECES = 64  # first subdivision of u in (-1, 1)
FAR_STEPS = (1, 10, 1000)  # distances past the outermost crossings (times max(1, |crossing|))
BRACKET = "bracket"  # a probe inside a bisection bracket (a sign change not resolved)
UNSETTLED = "unsettled"  # a bracketed kink whose value there could not be settled (see _settle)
PAIRS = "pairs"  # `probes(deep=PAIRS)`: the lines through the Lagrange points of pairs of curved arguments only
UNSWEPT = "unswept"  # regions no probe reaches (the sweep stopped short, `_unswept`; a sign change far out, `_far_out`)
BEYOND = "beyond"  # a probe past the reach of bisection: looked at for a difference only
DIP_BITS = (128, 512, 2048, 8192, 32768)  # precisions of Newton's method for a dip's extremum, in turn (`_dip_cut`)
DIP_NEWTON_STEPS = 30  # steps per precision
CLOSE_GUARD = 64  # bits beyond the working precision that ball ends are read at
TOUCH_BITS = 256  # precision of the slope's root where a touching root is looked for (`_exact_root`)
TOUCH_REACH = 2 ** 64  # and only this close to 0 (Newton's method far out is costly; a miss only leaves a bracket)
REFINE_MAX_BITS = 1800  # finer pieces than 2^-1800 are a Budget: the enclosures stop at INTERVAL_BITS[-1]
REFINE_EVALUATIONS = 20_000  # enclosures per bracket refinement
U_EDGE = sp.Rational(1, 2 ** 13)  # u stays within (-1 + U_EDGE, 1 - U_EDGE): |t| < about 4,096


@dataclass(frozen=True)
class Probe:
    point: dict  # Symbol -> exact SymPy number
    where: str  # on | bracket | near | inside | far | beyond (past a bisection's reach: a search, not
    # evidence) | unsettled (a bracketed kink where the sides could not be shown equal: the step is unknown)
    note: str = ""  # why, for an unsettled probe
    # for an unsettled probe: the points at its bracket's ends, its jump argument, and whether no other
    # argument's sign change on the line overlaps the bracket (`compare` may then drop it where the
    # assumptions fail on the whole bracket)
    ends: tuple = ()
    arg: sp.Expr | None = None
    alone: bool = False


@dataclass
class Coverage:
    """What the probes covered, for the evidence."""

    arguments: int = 0  # kink arguments, domain conditions and assumption boundaries probed
    lines: int = 0
    crossings: int = 0  # sign changes found, all lines together
    cells: int = 0  # regions between crossings, all lines together
    probes: int = 0
    bounded_lines: int = 0  # lines searched by bisection, over |t| < about 4,096 only (far probes beyond)
    brackets: int = 0  # sign changes only bracketed (about 1e-10 wide), probed inside but not resolved

    def as_dict(self) -> dict:
        return {"arguments": self.arguments, "lines": self.lines, "crossings": self.crossings,
                "cells": self.cells, "probes": self.probes, "bounded_lines": self.bounded_lines,
                "brackets": self.brackets}


# ------------------------------------------------------------------ random points


# ------------------------------------------------------------------ kink arguments


# ------------------------------------------------------------------ probe lines


@dataclass(frozen=True)
class Line:
    """base + t * direction; an axis line has one direction entry, 1, and base 0 there (so t is
    the input itself)."""

    base: tuple  # ((Symbol, Rational), ...)
    direction: tuple  # ((Symbol, Rational), ...)

    def at(self, t: sp.Expr) -> dict:
        d = dict(self.direction)
        return {s: (v + d[s] * t if s in d else v) for s, v in self.base}

    def restrict(self, g: sp.Expr) -> sp.Expr:
        return g.xreplace(self.at(_T))

    @property
    def axis(self) -> bool:
        return len(self.direction) == 1


@dataclass(frozen=True)
class LogLine(Line):
    """A line in log coordinates: each input in `logs` is x = a + sigma e^u, u = base + t * direction
    (so a region near x = e^1000 is near u = 1000, one near x = 5 + e^{-1000} near u = -1000,
    `_log_extremum_points`); probe points are exact."""

    logs: tuple = ()  # (input, a, sigma): the inputs taken as a + sigma e^u

    def at(self, t: sp.Expr) -> dict:
        shift = {s: (a, sigma) for s, a, sigma in self.logs}
        return {s: (shift[s][0] + shift[s][1] * sp.exp(v) if s in shift else v) for s, v in super().at(t).items()}


def _lines(rng: random.Random, bases: list[dict], args: list, syms: list) -> list[Line]:
    """The probe lines. An argument affine in one of its inputs (`x - 5`, `w x + b`, `\\sum_j W_{ij} x_j`)
    takes every sign along that input's line through the base point (when its slope there is not 0,
    else the next such input's): one line meets both sign regions and the boundary. Any other argument
    (`x^2 - 2`, `x^2 + y^2 - 1`) gets one line along each of its inputs and one in a random direction.
    Lines are shared: each meets every argument."""
    axes: list = []
    oblique: set = set()
    base = bases[0]
    for g in args:
        vs = sorted(g.free_symbols & set(syms), key=lambda s: s.name)
        wanted = _affine_input(g, vs, base)
        if wanted is None:
            wanted = vs
            if len(vs) > 1:
                oblique.update(vs)
        axes.extend(v for v in wanted if v not in axes)
    out: list[Line] = []
    for b0 in bases:
        for s in sorted(axes, key=lambda v: v.name):
            b = dict(b0)
            b[s] = sp.Integer(0)
            out.append(Line(tuple(sorted(b.items(), key=_by_name)), ((s, sp.Integer(1)),)))
        if oblique:
            direction = tuple((s, sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 5), rng.randint(1, 4)))
                              for s in sorted(oblique, key=lambda v: v.name))
            out.append(Line(tuple(sorted(b0.items(), key=_by_name)), direction))
    return out


def _affine_input(g, vs: list, base: dict) -> list | None:
    """[v] for the first input v in which g is affine with a slope not 0 at the base point."""
    for v in vs:
        slope = sp.diff(g, v)
        if v in slope.free_symbols:
            continue
        at_base = slope.xreplace({s: val for s, val in base.items() if s != v})
        if at_base.is_number and at_base != 0 and (at_base.is_Rational or at_base.is_nonzero):
            return [v]
    return None


def _by_name(kv):
    return kv[0].name


# ------------------------------------------------------------------ crossings on a line


@dataclass(frozen=True)
class Crossing:
    """A place on a line where an argument may change sign: exactly at `value` when known (a
    Rational or an exact SymPy number), and certainly within [lo, hi]."""

    lo: sp.Rational
    hi: sp.Rational
    value: sp.Expr | None


def crossings(g_line: sp.Expr) -> tuple[list[Crossing], bool]:
    """The sign changes of g along the line (as a function of _T), and whether they were searched by
    bisection (every one within |t| < about 4,096; none is known beyond)."""
    if _T not in g_line.free_symbols:
        return [], False
    exact = _polynomial_crossings(g_line)
    if exact is not None:
        return exact, False
    if g_line.is_polynomial(_T) and sp.degree(g_line, _T) == 1:
        linear = _closed_form_crossings(g_line)  # a t + b, a a nonzero constant: one root, in closed form
        if linear:
            return linear, False
    quadratic = _quadratic_crossings(g_line)
    if quadratic is not None:
        return quadratic, False
    return _bisection_crossings(g_line) + _closed_form_crossings(g_line), True


def _digest(args: list) -> bytes:
    """A digest of the arguments' trees (node kinds, names and numbers in preorder): the same on every
    run (no Python hash) and far cheaper than printing them, which took a seventh of a LayerNorm step."""
    h = hashlib.blake2b(digest_size=16)
    for g in args:
        for node in sp.preorder_traversal(g):
            h.update(type(node).__name__.encode())
            if node.is_Atom:
                h.update(str(node).encode())
            h.update(b"|")
        h.update(b";")
    return h.digest()


def isolated(g_line: sp.Expr) -> list[Crossing]:
    """`crossings`, with every bracket that may hide a thin region split finer (`_refined`): a curve
    meeting another twice 10^-20 apart (a line tangent to it, shifted by 10^-40) gives two brackets,
    not one."""
    found, by_bisection = crossings(g_line)
    if not by_bisection:
        return found
    return _refined(g_line, found, found, refine_bits(scale_decades([g_line])), touching=True)


def _polynomial_crossings(g_line) -> list[Crossing] | None:
    if not g_line.is_rational_function(_T):
        return None
    num, den = sp.fraction(sp.together(g_line))
    out = []
    for part in (num, den):
        try:
            poly = sp.Poly(part, _T)
        except sp.PolynomialError:
            return None
        if not (poly.domain.is_QQ or poly.domain.is_ZZ):
            return None
        if poly.degree() < 1:
            continue
        for factor, _ in poly.factor_list()[1]:
            out.extend(_factor_roots(factor))
    if len(out) > MAX_CROSSINGS:
        raise Budget(f"{sp.sstr(g_line)} has {len(out)} real roots along a probe line (more than {MAX_CROSSINGS})")
    return _apart(out)


def _apart(cs: list[Crossing]) -> list[Crossing]:
    """The roots with isolating intervals that do not overlap: each factor's intervals isolate its own
    roots only, so a root of another factor 10^-28 away can share one (5 +- \\sqrt{10^{-4} +- 10^{-30}},
    the circle's thin ring `((x-5)^2 + (y-5)^2 - 10^{-4})^2 < 10^{-60}` along y = 5), and the cell
    between them would get no probe. Overlapping intervals are halved (exactly, by the sign of the
    root's polynomial) until apart: the roots are distinct, so this ends."""
    cs = list(cs)
    while True:
        clash: set = set()
        reach = None  # the interval reaching furthest right so far (in the order of left ends)
        for i in sorted(range(len(cs)), key=lambda k: (cs[k].lo, cs[k].hi)):
            if reach is not None and cs[i].lo < cs[reach].hi:
                clash |= {i, reach}
            if reach is None or cs[i].hi > cs[reach].hi:
                reach = i
        if not clash:
            return cs  # in the order found
        cs = [_halved(c) if i in clash else c for i, c in enumerate(cs)]


def _halved(c: Crossing) -> Crossing:
    """c's isolating interval halved on the side holding its root (an exact root stays)."""
    if c.lo == c.hi:
        return c
    poly = c.value.poly
    mid = (c.lo + c.hi) / 2
    at_mid, at_lo = sp.sign(poly.eval(mid)), sp.sign(poly.eval(c.lo))
    if at_mid == 0:
        return Crossing(mid, mid, mid)
    return Crossing(c.lo, mid, c.value) if at_mid != at_lo else Crossing(mid, c.hi, c.value)


def _factor_roots(factor: sp.Poly) -> list[Crossing]:
    if factor.degree() == 1:
        c1, c0 = factor.all_coeffs()
        r = sp.Rational(-c0, c1)
        return [Crossing(r, r, r)]
    out = []
    for k, ((lo, hi), _) in enumerate(factor.intervals()):  # the real roots in order, as CRootOf numbers them
        out.append(Crossing(sp.Rational(lo), sp.Rational(hi), sp.CRootOf(factor.as_expr(), k)))
    return out


def _closed_form_crossings(g_line) -> list[Crossing]:
    """g = k + c exp(u) or k + c log(u), u = alpha t + beta, or g = a t + b with constant a, b
    (`x - \\sqrt{2}`, `x - \\log 1000`): the root in closed form, so a probe can sit exactly on it."""
    if g_line.is_polynomial(_T) and sp.degree(g_line, _T) == 1:
        a, b = sp.Poly(g_line, _T).all_coeffs()
        return _exact_crossing(-b / a)
    const = sp.Add(*[x for x in sp.Add.make_args(g_line) if _T not in x.free_symbols])
    rest = [x for x in sp.Add.make_args(g_line) if _T in x.free_symbols]
    if len(rest) == 1 and rest[0].has(sp.Abs):
        return _abs_crossings(const, rest[0])
    if len(rest) != 1 or not const.is_Rational:
        return []
    c, f = rest[0].as_coeff_Mul()
    if not c.is_Rational or type(f).__name__ not in ("exp", "log") or len(f.args) != 1:
        return []
    u = f.args[0]
    if not u.is_polynomial(_T) or sp.degree(u, _T) != 1:
        return []
    alpha, beta = sp.Poly(u, _T).all_coeffs()
    if not (alpha.is_Rational and beta.is_Rational):
        return []
    target = -const / c
    if type(f).__name__ == "exp":
        if target <= 0:
            return []
        root = (sp.log(target) - beta) / alpha
    else:
        root = (sp.exp(target) - beta) / alpha
    return _exact_crossing(root)


def _quadratic_crossings(g_line) -> list[Crossing] | None:
    """a t^2 + b t + c with real constants, not all rational (`(x - 1)^2 + k - (4 - 2\\sqrt{3})`, a sphere
    with an irrational radius along a line): its two roots in closed form, (-b -+ sqrt(b^2 - 4ac)) / 2a,
    when the discriminant is certainly positive (decided exactly by `Evaluator.sign`); none when it is
    certainly negative. None (bisection instead) when the discriminant's sign cannot be decided or a
    root has no certified value: bisecting a quadratic with an irrational constant refines brackets
    next to another argument's roots at length (two spheres 10^-6 apart)."""
    if not g_line.is_polynomial(_T) or sp.degree(g_line, _T) != 2:
        return None
    coeffs = sp.Poly(g_line, _T).all_coeffs()
    if not all(k.is_number and k.is_real for k in coeffs) or all(k.is_Rational for k in coeffs):
        return None
    a, b, c = coeffs
    disc = b * b - 4 * a * c
    try:
        sign = Evaluator({}).run(lambda e: e.sign(disc))
    except (Undefined, Undecided):
        return None
    if sign < 0:
        return []
    if sign == 0:
        return None  # a double root, where a does not change sign: left to bisection's care
    roots = sorted([(-b - sp.sqrt(disc)) / (2 * a), (-b + sp.sqrt(disc)) / (2 * a)], key=lambda r: float(r.evalf(30)))
    found = [x for r in roots for x in _exact_crossing(r)]
    if len(found) != 2 or not found[0].hi < found[1].lo:
        return None
    return found


def _abs_crossings(const: sp.Expr, term: sp.Expr) -> list[Crossing]:
    """k + c |a t + b| (k, c, a, b real numbers, closed forms too: `|x| - \\sqrt{2}`): its roots
    (+-r - b) / a for r = -k / c, in closed form, when the sign of r is certain; else none (the
    bisection's brackets stay)."""
    c, f = term.as_independent(_T, as_Add=False)
    if not isinstance(f, sp.Abs) or c.free_symbols or const.free_symbols or c.is_zero is not False:
        return []
    u = f.args[0]
    if not u.is_polynomial(_T) or sp.degree(u, _T) != 1:
        return []
    a, b = sp.Poly(u, _T).all_coeffs()
    if a.free_symbols or b.free_symbols:
        return []
    r = -const / c
    try:
        side = Evaluator({}).run(lambda e: e.sign(r))
    except (Undefined, Undecided):
        return []
    roots = [-b / a] if side == 0 else [(r - b) / a, (-r - b) / a] if side > 0 else []
    return [x for root in roots for x in _exact_crossing(root)]


def _exact_crossing(root: sp.Expr) -> list[Crossing]:
    """A closed-form root with its certified enclosure; none when it cannot be evaluated."""
    try:
        ball = Evaluator({}).run(lambda e: e.value(root))
    except (Undefined, Undecided):
        return []
    lo, hi = _bounds(ball)
    return [Crossing(lo, hi, root)]


def _t_of(u: sp.Rational) -> sp.Rational:
    return u / (1 - u * u)


FAR_START = _t_of(1 - U_EDGE)  # where the u-pieces end and far.far_brackets starts: about 4,096
FORM_STARTS = tuple(sp.Integer(x) for x in (0, 1, 16, 256))  # |t| from which a u-piece takes a side form (`side_form`)


def _bisection_crossings(g_line) -> list[Crossing]:
    """Certified bisection over the whole line: every piece where g's enclosure excludes 0 (or g
    is certainly undefined) is dropped; pieces left at BISECT_DEPTH bracket a sign change. A piece
    on one side of 0 is enclosed in g's form `peeled` for that side (log(e^{2t} + e^t) - 2t is
    log(1 + e^{-t}) for t > 0: the same values, without two large terms cancelling)."""
    parts = fraction_parts(g_line)
    slope = sp.diff(g_line, _T)
    forms: dict = {}

    def form(t1: sp.Rational, t2: sp.Rational) -> tuple:
        """g's form for the piece: `side_form` for its side, from the largest FORM_STARTS below |t| (a
        kink or 0/0 of the form near 0 does not keep it from the piece far out)."""
        side = 1 if t1 >= 0 else (-1 if t2 <= 0 else 0)
        start = max(x for x in FORM_STARTS if x <= min(abs(t1), abs(t2))) if side else 0
        if (side, start) not in forms:
            h = side_form(g_line, side, start) if side else g_line
            forms[side, start] = (g_line, parts, slope) if h == g_line else (h, fraction_parts(h), sp.diff(h, _T))
        return forms[side, start]
    edge = 1 - U_EDGE
    step = 2 * edge / BISECT_PIECES
    stack = [(-edge + k * step, -edge + (k + 1) * step, 0) for k in range(BISECT_PIECES)]
    found: list[tuple[sp.Rational, sp.Rational]] = []
    counter = Counter(BISECT_EVALUATIONS, f"isolating the sign changes of {sp.sstr(g_line)}")
    for u1, u2, depth in counter.pieces(stack):
        t1, t2 = _t_of(u1), _t_of(u2)
        h, h_parts, h_slope = form(t1, t2)
        if no_zero_on(h, h_parts, t1, t2):
            continue
        if monotone_without_root(h, h_slope, t1, t2):
            continue
        if depth >= BISECT_DEPTH:
            found.append((t1, t2))
            continue
        mid = (u1 + u2) / 2
        stack.append((mid, u2, depth + 1))
        stack.append((u1, mid, depth + 1))
    found += far_brackets(g_line, parts, slope, FAR_START, counter)
    found.sort()
    merged: list[list] = []
    for lo, hi in found:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    if len(merged) > MAX_CROSSINGS:
        raise Budget(f"{sp.sstr(g_line)} changes sign more than {MAX_CROSSINGS} times along a probe line")
    return [Crossing(lo, hi, None) for lo, hi in merged]


def _dip_cut(g_line, slope, t1: sp.Rational, t2: sp.Rational) -> list[tuple] | None:
    """A finest piece of a refinement where g is convex or concave (its second derivative's enclosure
    excludes 0) holds one extremum of g, at the root p of its slope (Newton's method, `_slope_root`,
    at each precision of DIP_BITS in turn until one of these is certified):
    - g at p on the far side of 0 (below 0 for convex g): a dip of any depth, made by constants the
      reach does not show (`(x^2 - 2\\sqrt{3} x + 3\\cos(e^{-240}))`, 10^-104 wide). The piece is cut
      into two monotone pieces around [q - e, q + e], q the simplest rational near p, where g keeps
      the sign it has at p (Taylor's bound: |g'(p)| 2e + M (2e)^2 / 2 < |g(p)|, M the largest |g''|
      on the piece), so that cell is probed at q;
    - g(p) minus |g'(p)| times the piece's width on the near side (the tangent at p bounds a convex g
      from below): no zero in the piece, it is dropped ([]).
    Neither certified at the last precision (an extremum within about 2^-(2 DIP_BITS[-1]) of 0): a
    Budget, the step is unknown. None where no extremum is found (the piece is kept)."""
    curvature = sp.diff(slope, _T)
    if not excludes_zero(curvature, t1, t2):
        return None
    p = None
    for bits in DIP_BITS:
        p = _slope_root(slope, curvature, t1, t2, bits, p)
        if p is None:
            return None
        try:
            decided = _dip_decision(g_line, slope, curvature, t1, t2, p, bits)
        except (Undefined, Undecided):
            return None
        if decided is not None:
            return decided
    raise Budget(f"{sp.sstr(g_line)} has an extremum along a probe line whose value is too close to 0 to "
                 "tell whether it crosses 0 there (a dip thinner than Newton's method locates it)")


def _dip_decision(g_line, slope, curvature, t1: sp.Rational, t2: sp.Rational, p: sp.Rational, bits: int):
    """`_dip_cut`'s two certified answers at the point p found at `bits`, or None (not certified)."""
    bend = Evaluator({_T: p}).run(lambda e: e.sign(curvature))
    at_p, value, tilt = Evaluator({_T: p}).run(lambda e: (e.sign(g_line), e.value(g_line), e.value(slope)),
                                               start=bits)
    if bend == 0 or at_p == 0:
        return None
    with ctx.workprec(max(bits, _exponent_bits(value)) + CLOSE_GUARD):  # exact ends, not rounded to 53 bits
        height = min(abs(x) for x in _bounds(value))
        tilt_max = _value_expr(tilt)
    if at_p == -bend:  # a dip across 0: cut around p
        bent = IntervalEvaluator({_T: rational_interval(t1, t2, INTERVAL_BITS[-1])}, INTERVAL_BITS[-1])
        try:
            m = max(abs(x) for x in _bounds_of(bent.enclose(curvature)))
        except (Straddle, Undecided, Undefined):
            return None
        e = min(height / (4 * tilt_max) if tilt_max else t2 - t1, _sqrt_below(height / (2 * m)) if m else t2 - t1)
        e = min(e, (p - t1) / 2, (t2 - p) / 2) / 2
        if e <= 0:
            return None
        q = _simplest_between(p - e, p + e)  # the cell's middle, where its probe falls: a short number
        return [(t1, q - e), (q + e, t2)]
    if height > tilt_max * (t2 - t1):  # the tangent at p keeps g on p's side of 0 over the whole piece
        return []
    return None


def _exponent_bits(v) -> int:
    """Bits enough to write a ball's ends exactly next to its size (a value of 10^-2589 needs 8,600)."""
    if isinstance(v, fmpq) or v.is_zero():
        return 0
    return abs(int(v.mid().man_exp()[1])) + int(v.mid().man_exp()[0]).bit_length()


def _bounds_of(iv) -> tuple[sp.Rational, sp.Rational]:
    """An enclosure (lo, hi) of exact arb ends as Rationals."""
    return _arb_rational(iv[0]), _arb_rational(iv[1])


def _sqrt_below(v: sp.Rational) -> sp.Rational:
    """A rational at most sqrt(v), for v > 0 (within a factor of 2)."""
    k = (int(v.q).bit_length() - int(v.p).bit_length() + 2) // 2
    return sp.Rational(1, 2 ** k) if k >= 0 else sp.Integer(2) ** (-k - 1)


def _value_expr(v) -> sp.Rational:
    """An upper bound of |v| for a certified value (an exact rational or a ball), as a Rational."""
    lo, hi = _bounds(v)
    return max(abs(lo), abs(hi))


def _slope_root(slope, curvature, t1: sp.Rational, t2: sp.Rational, bits: int,
                start: sp.Rational | None = None) -> sp.Rational | None:
    """The root of g's slope in [t1, t2] (the slope is monotone there) by Newton's method at `bits`,
    from `start` (the piece's middle first), kept inside the piece; None when the slope has one strict
    sign at both ends (g monotone) or a value cannot be had."""
    if start is None:
        ends = (strict_sign(slope, t1), strict_sign(slope, t2))
        if None not in ends and ends[0] == ends[1]:
            return None
    t = (t1 + t2) / 2 if start is None else start
    for _ in range(DIP_NEWTON_STEPS):
        try:
            s, c = Evaluator({_T: t}).run(lambda e: (e.value(slope), e.value(curvature)), start=bits)
        except (Undefined, Undecided):
            return None
        with ctx.workprec(bits + CLOSE_GUARD):  # the balls' ends exactly, not rounded to 53 bits
            lo_s, hi_s = _bounds(s)
            lo_c, hi_c = _bounds(c)
        step = (lo_s + hi_s) / (lo_c + hi_c)
        moved = min(max(_round_to(t - step, bits), t1), t2)
        if abs(moved - t) <= max(1, abs(t)) / sp.Integer(2) ** (bits - 8):
            return moved
        t = moved
    return t


def _round_to(v: sp.Rational, bits: int) -> sp.Rational:
    """v rounded to a dyadic rational of about `bits` significant bits (the coordinates stay short)."""
    if v == 0:
        return v
    shift = bits - int(abs(v.p)).bit_length() + int(v.q).bit_length()
    return sp.Rational(round(v * sp.Integer(2) ** shift), sp.Integer(2) ** shift) if shift > 0 else sp.Integer(round(v))


def _refined(g_line, cs: list[Crossing], everyone: list[Crossing], bits: int, outside=None,
             touching: bool = False) -> list[Crossing]:
    """g's crossings with every bracket that may hide a thin region split finer (`_refine`, to `bits`): one where
    g is not monotone (a dip to just below 0 and back, `x \\tanh x - 10^{-30}` around 0) or that
    overlaps another crossing (the thin cell between 0 and 10^{-20} of `(\\tanh x > 0)(x < 10^{-20})`)."""
    out: list[Crossing] = []
    for c in cs:
        if c.value is not None:
            out.append(c)
            continue
        g_side = g_line
        if c.lo >= 0 or c.hi <= 0:  # on one side of 0: g's form for that side (`side_form`), the same values
            near = min(abs(c.lo), abs(c.hi))
            start = max(x for x in (*FORM_STARTS, FAR_START) if x <= near)
            g_side = side_form(g_line, 1 if c.lo >= 0 else -1, start)
        out.extend(_refined_one(g_line, g_side, c, everyone, bits, outside, touching))
    return out


def _refined_one(g_line, g_side, c: Crossing, everyone: list[Crossing], bits: int, outside=None,
                 touching: bool = False) -> list[Crossing]:
    """`_refined` for one bracket c, enclosed in `g_side`, g's form for the side of 0 c lies on.
    `outside(lo, hi)`: the assumptions fail throughout [lo, hi] on this line (`_Outside`)."""
    slope = sp.diff(g_side, _T)
    monotone = excludes_zero(slope, c.lo, c.hi)
    if monotone and not any(d is not c and d.lo <= c.hi and c.lo <= d.hi for d in everyone):
        return [c]  # one simple sign change, and no other crossing in its bracket
    rooted = _root_factor_crossings(g_line, c)
    if rooted is not None:
        return rooted
    exact = _exact_root(g_side, slope, c, everyone, monotone, touching)
    others = [d for d in everyone if d is not c]
    if exact is not None:
        return [Crossing(exact, exact, exact)]
    edge = _edge_in(g_line, c, outside)
    if edge is None:
        return _refine(g_side, c, bits, others)
    # a singular point with no zero next to it (`_singular_edge`): only the rest is refined
    r = near_radius(edge)
    out = [Crossing(max(c.lo, edge - r), min(c.hi, edge + r), None)]
    for lo, hi in ((c.lo, edge - r), (edge + r, c.hi)):
        if lo < hi:
            out.extend(_refine(g_side, Crossing(lo, hi, None), bits, others))
    return out


def _root_factor_crossings(g_line, c: Crossing) -> list[Crossing] | None:
    r"""The bracket's zeros of g exactly, when g is a product of root factors `(a t + b)^e` (a, b rational,
    a != 0, e a positive fraction that is no whole number: 0 at t = -b/a, positive past it, no value
    before) and a rest whose enclosure on the bracket excludes 0: g vanishes there only at those roots.
    `\sqrt{a}\sqrt{b}` along a line through a point whose other input is huge is `C \sqrt{t}`; its
    zero at the domain's edge has no slope to show it simple, so `_refine` bisected it to 2^-1371 (a
    second of CPU per probe line, and the true `\sqrt{a}\sqrt{b}|y| = |\sqrt{a}\sqrt{b}||y|` ran out of
    its 10 s budget at some seeds). None when g is not of that form."""
    if not isinstance(g_line, sp.Mul):
        return None
    roots, rest = [], []
    for f in g_line.args:
        if f.is_Pow and f.exp.is_Rational and not f.exp.is_Integer and f.exp > 0 and f.base.has(_T):
            a, b = f.base.diff(_T), f.base.subs(_T, 0)
            if a.is_Rational and a != 0 and b.is_Rational and sp.expand(f.base - (a * _T + b)) == 0:
                roots.append(-b / a)
                continue
        rest.append(f)
    if not roots:
        return None
    r = sp.Mul(*rest)
    if r == 0 or (r.has(_T) and not excludes_zero(r, c.lo, c.hi)) or (not r.has(_T) and not r.is_nonzero):
        return None
    return [Crossing(t, t, t) for t in sorted(set(roots)) if c.lo <= t <= c.hi]


def _exact_root(g_line, slope, c: Crossing, everyone: list[Crossing], monotone: bool,
                touching: bool = False) -> sp.Expr | None:
    """The bracket's only zero of g, exactly, when it can be shown without refining: g monotone on it
    and exactly 0 at a candidate (the simplest fraction in it, another crossing's exact value: `\\tanh
    x` at the root 0 of `x`), or g convex or concave on it (its second derivative's enclosure excludes 0)
    with g and its slope exactly 0 at a candidate (a touching root, `x \\tanh x` at 0: one sign around).
    `touching`: also the simplest fraction next to the slope's root (the meetings of two kink curves,
    `isolated`: e^{x-c} touches 1 + x - c at c); not on probe lines, where Newton's method far out
    (x near 10^50) costs more than the refinement it would save."""
    curvature = sp.diff(slope, _T)
    if not monotone and not excludes_zero(curvature, c.lo, c.hi):
        return None
    candidates = [_simplest_between(c.lo, c.hi)]
    if touching and not monotone and max(abs(c.lo), abs(c.hi)) < TOUCH_REACH:  # where the slope vanishes: the simplest fraction next to it
        p = _slope_root(slope, curvature, c.lo, c.hi, TOUCH_BITS)
        if p is not None:
            near = max(1, abs(p)) / sp.Integer(2) ** (TOUCH_BITS // 2)
            candidates.append(_simplest_between(max(c.lo, p - near), min(c.hi, p + near)))
    candidates += [d.value for d in everyone if d.value is not None and c.lo <= d.value.evalf(30) <= c.hi]
    for t in dict.fromkeys(candidates):
        try:
            inside = all(Evaluator({}).run(lambda e: e.sign(x)) >= 0 for x in (t - c.lo, c.hi - t))
            zero = inside and Evaluator({}).run(lambda e: e.sign(g_line.xreplace({_T: t}))) == 0
            if zero and (monotone or Evaluator({}).run(lambda e: e.sign(slope.xreplace({_T: t}))) == 0):
                return t
        except (Undefined, Undecided, OverflowError):  # SymPy's power of a huge rational
            continue
    return None


def _refine(g_line, c: Crossing, bits: int, others: list[Crossing]) -> list[Crossing]:
    """The bracket c cut by certified bisection (in t, at the precision the enclosures need) into
    pieces below 2^-bits max(1, |t|) wide (`refine_bits`): pieces where g has a certain sign (or no
    value) are dropped, the others merged into the finer brackets returned. A piece where g is strictly
    monotone and changes sign, with no crossing of `others` in it, holds one simple root and nothing
    thinner: it is kept as it is (so the depth is spent only where a thin region could hide). A region
    of one sign wider than the final pieces lies between two of them, where the cells' probes fall.
    Pieces finer than the enclosures can separate (REFINE_MAX_BITS) are a Budget."""
    if bits > REFINE_MAX_BITS:
        raise Budget(f"a sign change of {sp.sstr(g_line)} along a probe line would have to be refined to "
                     f"2^-{bits} (more than 2^-{REFINE_MAX_BITS}) to show no thin region hides in it")
    parts = fraction_parts(g_line)
    slope = sp.diff(g_line, _T)
    finest = max(1, abs(c.lo), abs(c.hi)) * sp.Rational(1, 2 ** bits)
    stack = [(c.lo, c.hi)]
    kept: list[tuple] = []
    for t1, t2 in Counter(REFINE_EVALUATIONS, f"refining a sign change of {sp.sstr(g_line)}").pieces(stack):
        if no_zero_on(g_line, parts, t1, t2):
            continue
        ends = monotone_ends(g_line, slope, t1, t2)
        if ends is not None and ends[0] == ends[1]:
            continue  # monotone with one sign at both ends: no root inside
        simple = ends is not None and not any(t1 <= d.hi and d.lo <= t2 for d in others)
        if simple:
            kept.append((t1, t2))  # one simple root, with no other crossing inside: no thin region either
            continue
        if t2 - t1 <= finest:
            cut = _dip_cut(g_line, slope, t1, t2)
            kept.extend([(t1, t2)] if cut is None else cut)
            continue
        mid = (t1 + t2) / 2
        stack.append((mid, t2))
        stack.append((t1, mid))
    merged: list[list] = []
    for lo, hi in sorted(kept):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    if len(merged) > MAX_CROSSINGS:
        raise Budget(f"{sp.sstr(g_line)} changes sign more than {MAX_CROSSINGS} times in one bracket")
    return [Crossing(lo, hi, None) for lo, hi in merged]


def _no_unordered_crossings(per_arg: list) -> None:
    """Raise a Budget when, after refinement, a bracketed sign change of one argument still overlaps a
    bracketed sign change of another: which comes first is not known, so a cell between them (`\\tanh x`
    between \\cos(e^{-240})/\\sqrt{2} and 1/\\sqrt{2}, 10^-209 wide, made by a quotient of constants the
    reach does not see) may have no probe. Arguments that are constant multiples of each other
    (`1 - \\sqrt{2}\\tanh x` and `\\tanh x - \\sqrt{2}/2`) share their sign changes and pass; an exact
    sign change inside a bracket is probed where it is (`_bracket_points`). Two other arguments with
    the same root make the step unknown, never accepted on probes that may miss a cell."""
    for i, (g, g_line, cs, _) in enumerate(per_arg):
        for h, h_line, ds, _ in per_arg[i + 1:]:
            if h in (g, -g):
                continue
            overlapping = [(c, d) for c in cs for d in ds
                           if c.value is None and d.value is None and c.lo <= d.hi and d.lo <= c.hi]
            if overlapping and not _proportional(g_line, h_line):
                raise Budget(f"the sign changes of {sp.sstr(g)} and {sp.sstr(h)} along a probe line could "
                             "not be told apart: a region between them may have no probe")


SEPARATION_BITS = 1 << 10  # exact crossings still overlapping at this precision are compared exactly (a sign of a
# constant is decided up to 4,096 bits, numbersigns: the refined ends must stay well within it)


def _separated(found: list[Crossing]) -> list[Crossing]:
    """The crossings, with every two that have exact values and overlapping enclosures refined until
    their enclosures are apart: \\pi and \\pi + 10^{-20} (`(x > \\pi)(x < \\pi + 10^{-20})`) are both
    enclosed about 10^-16 wide at first, and `_line_probes` puts a cell's probe only between
    enclosures that are apart, so that cell had none. A closed form is evaluated again at twice the
    precision, an algebraic root halved (`_halved`); an exact point that is not a rational (a root
    found exactly in a bracket, `\\log 1000`) is compared through its enclosure and stays a point.
    Two still overlapping at SEPARATION_BITS are the same place when their difference is exactly 0;
    otherwise (or undecided) a Budget: the cell between them may have no probe. A bisection bracket
    is refined elsewhere (`_refined`, `_no_unordered_crossings`)."""
    cs = list(found)
    boxes = [_box(c) for c in cs]  # Rational enclosures (None for a bisection bracket)
    bits = [START_BITS] * len(cs)
    same: set = set()
    while True:
        clash = set()
        for i, j in itertools.combinations(range(len(cs)), 2):
            a, b = boxes[i], boxes[j]
            if a is None or b is None or (i, j) in same or not (a[0] <= b[1] and b[0] <= a[1]):
                continue
            if (a[0] == a[1] and b[0] == b[1]) or cs[i].value == cs[j].value:
                same.add((i, j))  # the same rational, or the same expression
                continue
            clash.add((i, j))
        if not clash:
            return cs
        refined: set = set()  # each crossing refined at most once a round: one that overlaps several
        # others would reach the cap in one round, and a pair already apart would be compared exactly
        for i, j in sorted(clash):
            a, b = boxes[i], boxes[j]
            if not (a[0] <= b[1] and b[0] <= a[1]):
                continue  # apart since this round's list was made
            refinable = [k for k in (i, j) if boxes[k][0] != boxes[k][1] and bits[k] < SEPARATION_BITS]
            if refinable:
                for k in refinable:
                    if k in refined:
                        continue
                    refined.add(k)
                    boxes[k], bits[k] = _finer(cs[k].value, boxes[k], bits[k])
                    if cs[k].lo != cs[k].hi:
                        cs[k] = Crossing(boxes[k][0], boxes[k][1], cs[k].value)
                continue
            if _exactly_equal(cs[i].value, cs[j].value):
                same.add((i, j))
                continue
            raise Budget(f"the sign changes at {_shown(cs[i].value)} and {_shown(cs[j].value)} along a probe line "
                         "could not be told apart: a region between them may have no probe")


SHOWN_CHARS = 60  # a number longer than this is shown rounded in a message


def _shown(value: sp.Expr) -> str:
    text = sp.sstr(value)
    return text if len(text) <= SHOWN_CHARS else f"about {sp.sstr(value.evalf(20))}"


def _box(c: Crossing) -> tuple | None:
    """c's enclosure as two Rationals: its own, or for an exact point that is not a rational, its
    value's at the first precision; None for a bisection bracket or a value with no enclosure."""
    if c.value is None:
        return None
    if c.lo.is_Rational and c.hi.is_Rational:
        return c.lo, c.hi
    box, _ = _finer(c.value, None, START_BITS // 2)
    return box


def _finer(value: sp.Expr, box: tuple | None, bits: int) -> tuple[tuple | None, int]:
    """value's enclosure at twice the precision, within `box` (an algebraic root: `box` halved a few
    times); `box` again, at the cap, when no finer one can be had."""
    if isinstance(value, sp.CRootOf) and box is not None:
        c = Crossing(box[0], box[1], value)
        width = sp.Rational(1, 2 ** (bits * 2))  # as narrow as a closed form's enclosure at that precision
        while c.hi - c.lo > width * max(1, abs(c.lo), abs(c.hi)):
            c = _halved(c)
        return (c.lo, c.hi), bits * 2
    try:
        ball = Evaluator({}).run(lambda e: e.value(value), start=bits * 2)
    except (Undefined, Undecided, OverflowError):
        return box, SEPARATION_BITS  # no finer enclosure: compared exactly next
    with ctx.workprec(bits * 2):  # the ends rounded outward at this precision (53 bits outside it)
        lo, hi = _bounds(ball)
    if box is None:
        return (lo, hi), bits * 2
    return (max(lo, box[0]), min(hi, box[1])), bits * 2




def _exactly_equal(a: sp.Expr, b: sp.Expr) -> bool:
    """a = b decided exactly (the certified evaluator's exact zero test of a - b); False when not or
    undecided."""
    try:
        return Evaluator({}).run(lambda e: e.sign(a - b)) == 0
    except (Undefined, Undecided, OverflowError):
        return False


def _proportional(g_line, h_line) -> bool:
    """g = k h for a constant k: their Wronskian g h' - g' h expands to exactly 0 (so g / h is constant
    wherever h is not 0, `1 - \\sqrt{2}\\tanh t` and `\\tanh t - \\sqrt{2}/2`). Only for smooth g and h:
    with a |.| or max inside, a zero Wronskian allows other constants on either side of a kink."""
    if has_discontinuity(g_line) or has_discontinuity(h_line) or any(
            e.has(sp.Abs, sp.Max, sp.Min, sp.sign) for e in (g_line, h_line)):
        return False
    return sp.expand(g_line * sp.diff(h_line, _T) - sp.diff(g_line, _T) * h_line) == 0


# ------------------------------------------------------------------ probes


def probes(rng: random.Random, syms: list, args: list, bases: list[dict], on_only: bool = False,
           coverage: Coverage | None = None, difference: sp.Expr | None = None, deep: bool = False,
           sweep: bool = True, rels: tuple = (), held: tuple = ()) -> list[Probe]:
    """Probe points for every region of every argument along the probe lines (see the module doc).
    `on_only`: the crossings alone (a symbolic proof already covers the open regions). `difference`:
    the sides' difference, whose value exactly on a kink that bisection only brackets must be settled
    (`_settle`): an exact probe on it, or a proof that it is 0 there, else an UNSETTLED probe. `deep`:
    the probes of the lines through the arguments' numerically found stationary points only
    (`extremum_points`), asked for by a step that survived the ordinary probes; `deep=PAIRS`, asked for
    next, those across one surface at the Lagrange points of pairs of curved arguments (`pair_points`). `sweep`: lines through
    the cells found, for the regions where several arguments hold at once (`_swept`); off for a size
    sampled numerically only, whose evidence is sampled points. `rels`: the assumptions, (op, x, y);
    no kink needs settling or searching where one of them fails throughout (`_Outside`). `held`: the
    two sides and their domain conditions, each of which must hold an eliminated input only inside
    steps (`_eliminable`), as the difference alone may have lost a root or a log that cancelled."""
    coverage = coverage if coverage is not None else Coverage()
    in_args = sorted({s for g in args for s in g.free_symbols} & set(syms), key=lambda s: s.name)
    if not in_args or not bases:
        return []
    onto = _onto_line(args, difference, held, rels, syms, bases[0]) if (
        sweep and not on_only and difference is not None) else None
    if onto is not None and deep:
        return []  # the ordinary pass's one line already met every region
    if sweep and not on_only and difference is not None and onto is None:
        w = _eliminable(args, in_args, difference, rels, held)
        if w is not None:
            try:
                return _eliminating(w, rng, syms, args, bases, coverage, difference, deep, rels)
            except Budget:
                pass  # the pairs' regions are harder than the step's own (a dip of g_j(w = root of g_i)): swept as before
    if deep == PAIRS:  # across one surface at the Lagrange points of two curved arguments (a pass of its own)
        lines, corners = [], []
        for p, axis in pair_points(args, syms):
            b = {**bases[0], **p, axis: sp.Integer(0)}
            line = Line(tuple(sorted(b.items(), key=_by_name)), ((axis, sp.Integer(1)),))
            if line not in lines:
                lines.append(line)
        if not lines:
            return []
    elif deep:  # a generator of its own, seeded by the arguments: the main stream is left as it was
        own = random.Random(_digest(args))
        through = [{**bases[0], **p} for p in extremum_points(own, args + _eliminated(args, syms), syms, bases[0])]
        lines = _lines(own, through, args, syms) if through else []
        for logs, u_args, points in _log_extremum_points(own, args, syms, bases[0]):
            lines += [LogLine(line.base, line.direction, logs) for line in _lines(own, points, u_args, syms)]
        corners = curve_corner_points(args, syms, bases[0])
        if not lines and not corners:
            return []
    elif onto is not None:
        args = onto[1]
        coverage.arguments += len(args)
        lines, corners = [onto[0]], []
    else:
        coverage.arguments += len(args)
        extra = [{**bases[0], **sp_point} for sp_point in stationary_points(args + _eliminated(args, syms), syms)]
        lines = _lines(rng, bases[:1] + extra, args, syms)
        lines += [Line(tuple(sorted({**bases[0], **point}.items(), key=_by_name)), direction)
                  for point, direction in principal_lines(args + _eliminated(args, syms), syms)]
    out: list[Probe] = []
    queue = [(line, 0) for line in lines]
    swept = {(line.base, line.direction) for line in lines}
    # every input of the arguments, not only those with a base line: an input that only shifts a surface
    # (x in `(z - y > (x - 1000)^2)(z - y < 1)`, every argument affine in y) still bounds its joint regions
    axes = in_args
    for point, plane in corners if deep else ():  # next to the corners of kink curves, and the other inputs' regions there
        out.append(Probe(point, "inside"))
        queue += _through(point, [s for s in in_args if s not in plane], swept)
    for point, w in arc_lines(args, syms, bases[0]) if deep is True else ():  # across the arcs between corners
        queue += _through(point, [w], swept)
    if not (deep or on_only or onto):  # cells of affine arguments sharing inputs, next to their corners
        for point, plane in vertex_points(args, syms, bases[0]):
            out.append(Probe(point, "inside"))
            queue += _through(point, [s for s in axes if s not in plane], swept)  # and the other inputs' regions there
        for point, plane in flat_vertex_points(args, syms, bases[0]):  # lines with real slopes or constants
            out.append(Probe(point, "inside"))
            queue += _through(point, [s for s in axes if s not in plane], swept)
        for point, space in space_vertex_points(args, syms, bases[0]):  # cells of planes in three inputs
            out.append(Probe(point, "inside"))
            queue += _through(point, [s for s in axes if s not in space], swept)
    rounds = min(len(axes) - 1, SWEEP_ROUNDS) if sweep and not (deep or on_only or onto) else 0
    if rounds and difference is not None and _bounded_pair(args, difference, held, rels, syms):
        rounds = 0  # the deep passes meet the one region where the step can differ (`_bounded_pair`)
    beyond: list[str] = []  # far-out sign changes that could not be ruled out (`_far_out`)
    while queue:
        line, depth = queue.pop(0)
        if depth and any(line.restrict(g).has(sp.I) for g in args):
            continue  # a sweep point where an argument has no real value (log of a negative input):
            # it has none along the whole line, and neither has a side holding it
        per_arg: list = []  # (g, g restricted to the line, its crossings, searched by bisection)
        for g in args:
            if not (g.free_symbols & {s for s, _ in line.direction}):
                continue
            g_line = without_positive_factors(line.restrict(g))
            per_arg.append((g, g_line, *crossings(g_line)))
        everyone = [c for _, _, cs, _ in per_arg for c in cs]
        bisected = any(by_bisection for *_, by_bisection in per_arg)
        decades = scale_decades([g_line for _, g_line, _, _ in per_arg]) if bisected else 0.0
        outside = _Outside.of(line, rels)
        per_arg = [(g, g_line, _refined(g_line, cs, everyone, refine_bits(decades), outside) if by_bisection else cs,
                    by_bisection) for g, g_line, cs, by_bisection in per_arg]
        _no_unordered_crossings(per_arg)
        found = _separated([c for _, _, cs, _ in per_arg for c in cs])
        bracketed = [(g, g_line, cs) for g, g_line, cs, by_bisection in per_arg if by_bisection and difference is not None]
        if not found and not bisected:
            continue
        coverage.lines += 1
        coverage.bounded_lines += bisected
        cuts = _merge(found)
        settled = [(*x, g) for g, g_line, cs in bracketed for x in _settle(g, g_line, line, difference, cs, cuts, outside)]
        coverage.crossings += len(cuts)
        coverage.brackets += sum(c.value is None for c in cuts)
        coverage.cells += len(cuts) + 1
        line_probes = [(t, where) for t, where, _, _, _ in settled if where != UNSETTLED]
        line_probes += _line_probes(cuts, on_only) if cuts else []
        for t, where, note, c, g in settled:
            if where == UNSETTLED:
                alone = not any(d.lo <= c.hi and c.lo <= d.hi for h, _, cs, _ in per_arg if h not in (g, -g) for d in cs)
                out.append(Probe(line.at(t), UNSETTLED, note, (line.at(c.lo), line.at(c.hi)), g, alone))
        if bisected and not on_only:
            if not depth:  # the far ladder's search once per base line, not again on every sweep line
                line_probes += [(sign * t, BEYOND) for t in far_points(decades) for sign in (-1, 1)]
            for g, g_line, _, by_bisection in per_arg:
                if by_bisection and not (difference is not None and _same_on_every_side(difference, g)):
                    beyond += _far_out(g_line, outside)
        if depth and len(out) + len(line_probes) > MAX_PROBES:
            out.append(_unswept(bases[0], f"more than {MAX_PROBES} probe points"))
            break
        for t, where in line_probes:
            out.append(Probe(line.at(t), where))
            if len(out) > MAX_PROBES:
                raise Budget(f"more than {MAX_PROBES} probe points are needed to cover every region")
        if depth < rounds and line.axis:
            more = _swept(line, line_probes, axes, swept, depth + 1)
            if more is None or isinstance(more, str):
                out.append(_unswept(bases[0], more or f"more than {MAX_SWEEP_LINES} probe lines"))
                break
            queue += more
    out += [Probe(dict(bases[0]), UNSWEPT, note) for note in dict.fromkeys(beyond)]  # last: a difference first
    coverage.probes += len(out)
    return out


def _onto_line(args: list, difference: sp.Expr, held: tuple, rels, syms: list, base: dict) -> tuple | None:
    """(line, arguments) when no sweep is needed: every kink argument, every step argument of the
    difference, the sides and their domain conditions, and every assumption's is c u + k for one
    expression u (c != 0 and k numbers: `x y z - 1` and `x y z - 1 + 10^{-6}`, u = x y z), the
    difference, sides and conditions hold the inputs only inside those steps (`_only_in_steps`), and
    along one axis line through the base point u is a polynomial of odd degree in t, so it takes every
    real value there. Then the step's value and whether the assumptions hold at a point depend only on
    where u lies among the arguments' roots, and each such place (a root, an interval between two, past
    the ends) is met on that line: its probes meet every joint region. None otherwise
    (tests/adversarial/redteam_numeric/r24_onto_line.proof)."""
    steps = list(args) + [x - y for _, x, y in rels]
    for e in (difference, *held):
        for node in sp.preorder_traversal(e):
            name = type(node).__name__
            if name in _RELATION_AT_ZERO or name == "KroneckerDelta":
                steps.append(node.args[0] - node.args[1])
            elif name in ("sign", "Heaviside"):
                steps.append(node.args[0])
    inputs = set(syms)
    steps = [g for g in steps if g.free_symbols & inputs]
    if not steps:
        return None
    u = steps[0]
    vs = sorted(u.free_symbols & inputs, key=lambda s: s.name)
    for g in steps[1:]:
        if (g.free_symbols & inputs) != set(vs):
            return None
        c = sp.cancel(sp.diff(g, vs[0]) / sp.diff(u, vs[0]))
        if not c.is_number or c.free_symbols or c == 0 or c.is_nonzero is not True:
            return None
        if sp.expand(g - c * u).free_symbols:
            return None
    every = set()
    for e in (difference, *held, *steps):
        every |= e.free_symbols & inputs
    if any(not _only_in_steps(e, w, steps) for e in (difference, *held) for w in every):
        return None
    for v in vs:
        b = dict(base)
        b[v] = sp.Integer(0)
        line = Line(tuple(sorted(b.items(), key=_by_name)), ((v, sp.Integer(1)),))
        try:
            poly = sp.Poly(line.restrict(u), _T)
        except sp.PolynomialError:
            continue
        lead = poly.LC()
        if poly.degree() % 2 == 1 and not lead.free_symbols and lead.is_real and lead.is_nonzero:
            return line, list(dict.fromkeys(steps))
    return None


def _bounded_pair(args: list, difference: sp.Expr, held: tuple, rels, syms: list) -> bool:
    """The ordinary pass needs no sweep: the arguments are two polynomials a, h with rational
    coefficients in three inputs in all, sharing two, neither affine (the pairs `extrema.pair_points`
    searches), no assumption names an input, the difference, sides and conditions hold the inputs only
    inside steps of a and h (`_only_in_steps`), a has degree 2 with a definite quadratic part (so its
    side s a > 0 that is bounded is an ellipsoid), and the difference is 0 wherever s a <= 0 or h = 0
    (`_on_side`). Then it can differ from 0 only on a bounded component C of s a > 0, h = +-1 of one
    sign pattern, where it is constant; the maximum of +-h on C's closure lies on a = 0 where the
    gradients are parallel (the PAIRS pass's lines cross a = 0 there, with a probe next to it in C),
    or inside C where h's gradient is 0: h reduced modulo the Groebner basis of its gradient must be a
    constant c != 0 with +-c < 0 for every side +-h where the difference is not 0 (`x y z - 1`: -1), so
    no such point lies in C, and h = 0 has no singular point (the PAIRS pass may solve either order:
    the maximum of s a on C's closure is then on h = 0 where the gradients are parallel, crossed the
    same way). (The maximum of s a at a's centre is on the ordinary line through it.)
    (tests/adversarial/redteam_numeric/r24_bounded_pair.proof)"""
    inputs = set(syms)
    if any((x - y).free_symbols & inputs for _, x, y in rels):
        return False
    pair = []
    for g in args:
        if g.free_symbols & inputs and g not in pair and -g not in pair:
            pair.append(g)
    if len(pair) != 2:
        return False
    every = pair[0].free_symbols | pair[1].free_symbols
    if not every <= inputs or len(every) != 3 or len(pair[0].free_symbols & pair[1].free_symbols) < 2:
        return False
    for e in (difference, *held):
        if any(not _only_in_steps(e, w, pair) for w in e.free_symbols):
            return False
    vs = sorted(every, key=lambda s: s.name)
    polys = []
    for g in pair:
        try:
            poly = sp.Poly(g, *vs)
        except sp.PolynomialError:
            return False
        if not poly.domain.is_QQ and not poly.domain.is_ZZ or poly.total_degree() < 2:
            return False
        polys.append(poly)
    for i in (0, 1):
        a, h = pair[i], pair[1 - i]
        if polys[i].total_degree() != 2:
            continue
        own = sorted(a.free_symbols, key=lambda s: s.name)
        if len(own) != 3:
            continue  # bounded in its own inputs only: a cylinder along the third
        hessian = sp.Matrix([[sp.diff(a, u, v) for v in own] for u in own])
        minors = [hessian[:k, :k].det() for k in range(1, len(own) + 1)]
        if all(m > 0 for m in minors):
            side = -1  # a convex: a < 0 is bounded
        elif all((-1) ** k * m > 0 for k, m in enumerate(minors, 1)):
            side = 1
        else:
            continue
        if any(_on_side(difference, a, s) is None or sp.expand(_on_side(difference, a, s)) != 0 for s in (0, -side)):
            continue
        zero_h = _on_side(difference, h, 0)
        if zero_h is None or sp.expand(zero_h) != 0:
            continue
        try:
            basis = sp.groebner([sp.diff(h, v) for v in vs], *vs, order="grevlex", domain=sp.QQ)
            rest = basis.reduce(sp.expand(h))[1]
        except (sp.PolynomialError, sp.GeneratorsNeeded, sp.polys.polyerrors.CoercionFailed, ValueError):
            continue
        if rest.free_symbols or not rest.is_Rational or rest == 0:
            continue  # h = 0 at a critical point of h: a singular point of h = 0, across which no line may pass into C
        ok = True
        for s in (1, -1):
            inner = _on_side(difference, a, side)
            piece = _on_side(inner, h, s) if inner is not None else None
            if piece is None:
                ok = False
            elif sp.expand(piece) != 0 and s * rest > 0:
                ok = False
        if ok:
            return True
    return False


def _eliminable(args: list, in_args: list, difference: sp.Expr, rels, held_too: tuple = ()) -> sp.Symbol | None:
    """An input w to take out of the sweep: every argument holding w is c w + r (c a nonzero number,
    r free of w: `arrangement._solved_for`), the difference holds w only inside indicators, signs,
    Heaviside steps or deltas of those arguments (so its value at a point is fixed by the other inputs
    and the order of the arguments' roots in w there), and no assumption mentions w. Of several, the
    one in the fewest arguments (then by name); None when there is none. Each of `held_too` (the
    sides and their domain conditions) must hold w only inside steps as well: in the difference
    `\\sqrt{1 - z^2}` may cancel, while both sides are undefined at every point of the line along z
    that the roots give (tests/adversarial/redteam_numeric/r22_domain_cancel)."""
    found = []
    for w in in_args:
        held = [g for g in args if w in g.free_symbols]
        if any(_solved_for(g, w) is None for g in held) or any(
                w in (x - y).free_symbols for _, x, y in rels):
            continue
        if all(_only_in_steps(e, w, held) for e in (difference, *held_too)):
            found.append((len(held), w.name, w))
    return min(found)[2] if found else None


def _only_in_steps(d: sp.Expr, w: sp.Symbol, held: list) -> bool:
    """w occurs in d only inside step functions (a relation, sign, Heaviside, Kronecker delta) of one of
    `held` (or its negative): their value depends on that argument's sign alone."""
    if w not in d.free_symbols:
        return True
    name = type(d).__name__
    if name in _RELATION_AT_ZERO or name == "KroneckerDelta":
        arg = d.args[0] - d.args[1]
    elif name in ("sign", "Heaviside"):
        arg = d.args[0]
        if len(d.args) > 1 and w in d.args[1].free_symbols:
            return False
    elif isinstance(d, sp.Symbol):
        return False
    else:
        return all(_only_in_steps(a, w, held) for a in d.args)
    return any(sp.expand(arg - g) == 0 or sp.expand(arg + g) == 0 for g in held)


def _eliminating(w: sp.Symbol, rng: random.Random, syms: list, args: list, bases: list[dict], coverage: Coverage,
                 difference: sp.Expr, deep, rels: tuple) -> list[Probe]:
    """Probes with the input w eliminated (`_eliminable`): at a point p of the other inputs the
    difference takes, over all w, exactly the values it takes at the roots w_i(p) of w's arguments,
    between consecutive ones and beyond both ends; which values those are changes only where an
    argument free of w or the order of two roots changes, where w_i(p) = w_j(p), i.e. g_j(w_i(p)) = 0
    (Fourier-Motzkin on the roots). So the probes of those arguments, in the other inputs (their own
    sweep, vertices and extrema), each get the points of the line along w through them. The reduced
    pass settles every bracketed kink as a jump (its stand-in difference 1 + sum of Heaviside steps is
    0 nowhere: no kink is shown harmless, an unsettled one makes the step unknown); a Budget there
    leaves the step to the ordinary sweep (the caller)."""
    held = [g for g in args if w in g.free_symbols]
    roots = [_solved_for(g, w) for g in held]
    reduced: list = []
    for h in [g for g in args if w not in g.free_symbols] + [
            sp.expand(gj.xreplace({w: ri})) for i, ri in enumerate(roots) for gj in held[i + 1:]]:
        if h.free_symbols & set(syms) and not any(sp.expand(h - k) == 0 or sp.expand(h + k) == 0 for k in reduced):
            reduced.append(h)
    jumps = 1 + sp.Add(*[sp.Heaviside(h) for h in reduced])
    parents = probes(rng, syms, reduced, bases, coverage=coverage, difference=jumps, deep=deep, sweep=True,
                     rels=rels) if reduced else []
    if not parents and deep is False:
        parents = [Probe(dict(bases[0]), "inside")]
    out: list[Probe] = []
    for pr in parents:
        if pr.where in (UNSWEPT, UNSETTLED):
            out.append(pr)
            continue
        for t, where in _root_line([r.xreplace(pr.point) for r in roots]):
            out.append(Probe({**pr.point, w: t}, pr.where if pr.where in (BEYOND, BRACKET) else where))
        if len(out) > MAX_PROBES:
            raise Budget(f"more than {MAX_PROBES} probe points are needed to cover every region "
                         f"(with {w} eliminated)")
    coverage.probes += len(out) - len(parents)
    return out


def _root_line(values: list) -> list[tuple[sp.Expr, str]]:
    """Points on every root, halfway between every two and 1 past each (the arguments are affine in the
    line's input: one sign past the outermost roots): every cell of the line, without deciding the
    roots' order (far out, exp(10^145) against 10^145 + 1, it cannot be decided)."""
    out = [(v, "on") for v in values]
    out += [((u + v) / 2, "inside") for i, u in enumerate(values) for v in values[i + 1:]]
    out += [(v + side, "inside") for v in values for side in (-1, 1)]
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class _Outside:
    """Where the assumptions fail along one probe line. Only relations in the line's own inputs
    count: along an axis line of x, `x > 0` fails at x = -2 for every value of the other inputs, so
    the sweep lines through such a point (`_swept`) meet no point of the domain either; `x + y > 0`
    would not say that, and is left out."""

    rel_lines: tuple  # (op, x - y restricted to the line)

    @staticmethod
    def of(line: Line, rels) -> _Outside | None:
        own = {s for s, _ in line.direction}
        kept = tuple((op, line.restrict(x - y)) for op, x, y in rels if (x - y).free_symbols <= own)
        return _Outside(kept) if kept else None

    def __call__(self, lo: sp.Rational, hi: sp.Rational) -> bool:
        """An assumption fails at every t in [lo, hi]."""
        return relation_fails_on(self.rel_lines, lo, hi)

    def one_signed_inside(self, g_line, c: Crossing) -> bool:
        """The bracket straddles the rational boundary b of an assumption affine in t, the
        assumption fails on its part beyond b, and on the other part g has one sign by its form
        (`far.positive_for_positive` of g(b +- tau), tau > 0): no kink of g there is in the domain
        (`(x^{1/3} + \\tanh x > 0) = 1` under x > 0: the bracket around 0)."""
        for _, d in self.rel_lines:
            try:
                poly = sp.Poly(d, _T)
            except sp.PolynomialError:
                continue
            if poly.degree() != 1 or not all(k.is_Rational for k in poly.all_coeffs()):
                continue
            b = -poly.nth(0) / poly.nth(1)
            if not c.lo <= b <= c.hi:
                continue
            for (lo, hi), side in (((c.lo, b), 1), ((b, c.hi), -1)):  # outside on one part, g by form on the other
                if self(lo, hi):
                    h = g_line.xreplace({_T: b + side * _T})
                    if positive_for_positive(h) or positive_for_positive(-h):
                        return True
        return False

    def near(self, a: sp.Expr) -> bool:
        """An assumption fails throughout the neighbourhood of a that the search next to a singular
        point covers (`far.near_radius`)."""
        bounds = _rational_bounds(a)
        r = near_radius(a)
        return bounds is not None and self(bounds[0] - r, bounds[1] + r)


def _rational_bounds(a: sp.Expr) -> tuple | None:
    """Rationals lo <= a <= hi within 2^-NEAR_BITS of the real number a (a rational: a itself)."""
    if a.is_Rational:
        return a, a
    scale = sp.Integer(2) ** NEAR_BITS
    try:
        lo, hi = sp.floor(a * scale), sp.ceiling(a * scale)
    except (TypeError, ValueError):
        return None
    return (lo / scale, hi / scale) if lo.is_Integer and hi.is_Integer else None


def _far_out(g_line, outside: _Outside | None = None) -> list[str]:
    """Why g may change sign where no probe reaches (past 10^400 by its limit or its slow tail, or
    within 2^-64 of a singular point), or []. Kept as the reason of an UNSWEPT probe placed after every
    other probe, so a difference found on the line still refutes the step (a region near 10^208 is
    found before the limit rule says one could lie past 10^400); the step is unknown otherwise."""
    try:
        no_sign_change_beyond(g_line)
        tails = Counter(BISECT_EVALUATIONS, f"searching the far tail of {sp.sstr(g_line)}")
        no_sign_change_in_slow_tail(g_line, tails)
        no_sign_change_near_singularities(g_line, tails, outside.near if outside else None, outside)
    except Budget as far:
        return [str(far)]
    return []


def _unswept(point: dict, why: str) -> Probe:
    """The sweep stopped short: an UNSWEPT probe, so the step is unknown where these probes are its
    evidence (compare.py), while a quick search for a difference skips it."""
    return Probe(dict(point), UNSWEPT, f"{why} are needed to meet every joint region of the kink "
                                         "arguments (where several hold at once)")


def _log_extremum_points(rng: random.Random, args: list, syms: list, base: dict) -> list[tuple]:
    """Candidate extrema in log coordinates: each input inside a slow function (log, a root) put in as
    x = a + sigma e^u, for sigma = +-1 and a = 0 or a point where one of the argument's slow functions of
    that input alone is singular (log(x - 5) at 5, `_log_centres`), so an extremum as far out as e^1000,
    or as close to a as e^-1000, is where u = +-1000 (`(\\log x - 1000)^2 + (\\log y - 1010)^2 < 1`, a
    disk in (u, v), met by no line through the base point and out of Newton's reach in x, y). For each
    argument and choice of (a, sigma) per input (at most MAX_LOG_CHARTS; more is a Budget): (the (input, a, sigma) taken, the argument in u, the points in u), for `LogLine`s
    through them. A choice where the argument has no real value (log of -e^u) gives no points."""
    out: list[tuple] = []
    for g in args:
        slow = sorted({v for node in sp.preorder_traversal(g) if is_slow(node)
                       for v in node.free_symbols & set(syms)}, key=lambda s: s.name)
        if not slow:
            continue
        charts = [[(v, a, sigma) for a in _log_centres(g, v) for sigma in (1, -1)] for v in slow]
        if math.prod(len(c) for c in charts) > MAX_LOG_CHARTS:
            raise Budget(f"more than {MAX_LOG_CHARTS} charts of log coordinates for {sp.sstr(g)}")
        for logs in itertools.product(*charts):
            h = peeled(g.xreplace({v: a + sigma * sp.exp(v) for v, a, sigma in logs}))
            if h.has(sp.I):
                continue  # no real value there (log(-e^u))
            at = {**base, **{v: _log_start(sigma * (base.get(v, sp.S.Zero) - a)) for v, a, sigma in logs}}
            points = [{**at, **p} for p in stationary_points([h], syms) + extremum_points(rng, [h], syms, at)]
            if points:
                out.append((tuple(logs), [h], points))
    return out


def _log_centres(g, v) -> list:
    """0 and the points where a slow function in g of the input v alone is singular (`singular_points`;
    rational, or in radicals: sqrt 2 for log(x - sqrt 2), not an isolated algebraic root): the centres
    a of the charts x = a +- e^u."""
    out = {sp.S.Zero}
    for node in sp.preorder_traversal(g):
        if is_slow(node) and node.free_symbols == {v}:
            out.update(a for a, _ in singular_points(node.xreplace({v: _T})) if not a.has(sp.CRootOf))
    return sorted(out, key=sp.default_sort_key)


def _log_start(value) -> sp.Rational:
    """log of a base coordinate as a short rational start for Newton's method (0 where it is not > 0)."""
    if not value > 0 or not math.isfinite(float(value)):
        return sp.S.Zero
    return sp.Rational(math.log(float(value))).limit_denominator(2 ** 20)


def _swept(line: Line, line_probes: list, axes: list, swept: set, depth: int) -> list[tuple[Line, int]] | str | None:
    """The sweep: axis lines along every other input through one point of each cell this line found
    (its exact crossings, irrational ones too, cell middles, the first far point on each side), so the cells where several
    arguments in different inputs hold at once are met (`(x > 1000)(y > 1000) = 0`: the y-line
    through x = 1000 + 1/16 meets y > 1000). After k rounds every joint cell of arguments in k + 1
    inputs that are separable (each in one input) has a probe; arguments sharing inputs can have a
    joint cell off every line. SWEEP_ROUNDS rounds; None past MAX_SWEEP_LINES lines, a reason for a
    crossing that cannot be a base exactly (`_detached`): the caller ends the sweep with an UNSWEPT
    probe (`_unswept`)."""
    own = line.direction[0][0]
    reps = [t for t, where in line_probes if where in ("on", "inside")]
    reps += [t for t, where in line_probes if where == "far"][:2]  # k = FAR_STEPS[0], both sides
    # an irrational crossing is kept, exactly (a closed form, or a CRootOf algebraic number): the joint
    # region of (x = \sqrt{2})(y = \sqrt{3}) is the one point on it
    out: list[tuple[Line, int]] = []
    for t in dict.fromkeys(_detached(t) for t in reps):
        if t is None:
            return "sweep lines through an algebraic crossing with no closed form here"  # the joint
            # regions on it are not swept
        point = line.at(t)
        for s in axes:
            if s == own:
                continue
            base = tuple(sorted({**point, s: sp.Integer(0)}.items(), key=_by_name))
            key = (base, ((s, sp.Integer(1)),))
            if key in swept:
                continue
            swept.add(key)
            if len(swept) > MAX_SWEEP_LINES:
                return None
            out.append((Line(*key), depth))
    return out


def _detached(t: sp.Expr) -> sp.Expr | None:
    """t with each CRootOf in closed form (`_radical`), or None when one has none: a CRootOf's
    polynomial is in the line's parameter (SymPy keeps one object per polynomial, whatever its
    variable), so as a base coordinate every restriction to a new line (`xreplace({t: ...})`) would
    rewrite it."""
    if t.is_Rational or not t.has(sp.CRootOf):
        return t
    closed = {r: _radical(r) for r in t.atoms(sp.CRootOf)}
    return None if None in closed.values() else t.xreplace(closed)


def _radical(r: sp.CRootOf) -> sp.Expr | None:
    """A real root of a quadratic or binomial (x^n - c) polynomial in radicals: the one of its radical
    roots that lies in r's isolating interval (certified), so it is r itself; None for other roots."""
    poly = r.poly
    if not (poly.degree() == 2 or len(poly.terms()) == 2):
        return None
    try:
        box = r._get_interval()
        lo, hi = sp.Rational(box.a), sp.Rational(box.b)
        for c in sp.roots(poly.as_expr(), poly.gen, filter="R"):
            if all(Evaluator({}).run(lambda e: e.sign(x)) >= 0 for x in (c - lo, hi - c)):
                return c
    except (Undefined, Undecided, OverflowError, NotImplementedError, sp.PolynomialError):
        return None
    return None


def _eliminated(args: list, syms: list) -> list:
    """The arguments read on an affine argument's zero set (`arrangement.eliminated`): their
    stationary points and extrema are where lines along the eliminated input meet the regions between
    two surfaces (a plane cutting a paraboloid in a disk no base point's line meets)."""
    return list(dict.fromkeys(h for h, _, _ in eliminated(args, syms)))


def _through(point: dict, inputs: list, swept: set) -> list[tuple[Line, int]]:
    """Axis lines along `inputs` through a point, as sweep lines (depth 1): `(x + y > 2001)(x <
    1001)(y < 1001)(w > 5) = 0` needs w > 5 inside the triangle's corner."""
    out = []
    for s in inputs:
        key = (tuple(sorted({**point, s: sp.Integer(0)}.items(), key=_by_name)), ((s, sp.Integer(1)),))
        if key not in swept:
            swept.add(key)
            out.append((Line(*key), 1))
    return out


def _settle(g: sp.Expr, g_line: sp.Expr, line: Line, difference: sp.Expr, cs: list[Crossing],
            cuts: list[Crossing], outside=None):
    """For each bracket of a jump argument g (the difference has a sign, indicator, case split or
    Kronecker delta of g, so its value exactly where g = 0 can differ from every value around: `(x
    e^x \\geq 1) = (x e^x > 1)`): the kink's exact place when it can be found (`_exact_zeros`), as
    probes on it; else the difference with g's jumps at their value for g = 0 must be 0 over the
    whole bracket (`d/dx ReLU(g) = (g > 0) g'`); else one UNSETTLED probe, which makes the step
    unknown. A bracket where an assumption fails throughout (`outside`) needs none of this. Yields
    (t, where, note, the bracket)."""
    on_kink = _at_zero_of(difference, g)
    if on_kink is None:
        return
    d_line = line.restrict(on_kink)
    for c in cs:
        if c.value is not None:
            continue
        if outside is not None and (outside(c.lo, c.hi) or outside.one_signed_inside(g_line, c)):
            continue  # no point of the bracket in the step's domain is a kink
        zeros = _exact_zeros(g_line, c, cuts)
        if zeros is not None:
            yield from ((z, "on", "", c) for z in zeros)
        elif _singular_edge(g_line, c, outside):
            continue  # no zero in it: the bracket holds the point where g stops having a value
        elif not _zero_throughout(d_line, c):
            note = (f"{sp.sstr(g)} changes sign at a point bisection only brackets (t in "
                    f"[{float(c.lo):.12g}, {float(c.hi):.12g}] along a probe line), and the two sides "
                    f"could not be shown equal exactly there")
            yield (c.lo + c.hi) / 2, UNSETTLED, note, c


def _singular_edge(g_line: sp.Expr, c: Crossing, outside=None) -> bool:
    """The bracket lies within `near_radius` of a rational singular point a of g (log x at 0: g has
    no value on one side) where the search next to a shows no zero of g on either side
    (`_edge_in`): it brackets a, where g starts or stops having a value, not a kink (`(\\log x < x) = 1`
    under x > 0 needs no value of the indicator at a point where x = log x). `_refined` cuts such
    brackets down to this."""
    a = _edge_in(g_line, c, outside)
    return a is not None and a - near_radius(a) <= c.lo and c.hi <= a + near_radius(a)


def _edge_in(g_line: sp.Expr, c: Crossing, outside=None):
    """A rational singular point of g inside the bracket with no zero of g within its `near_radius`
    (`far.clear_next_to`), or none that matters there: the assumptions fail throughout that
    neighbourhood (`outside`); or None."""
    for a in _rational_singular_points(g_line):
        if c.lo <= a <= c.hi and _not_zero_at(g_line, a) and (
                (outside is not None and outside.near(a)) or clear_next_to(g_line, a)):
            return a
    return None


def _not_zero_at(g_line: sp.Expr, a: sp.Rational) -> bool:
    """g has no value at a, or a certain nonzero one (sqrt t is 0 at its singular point 0: a zero
    there is a kink like any other)."""
    try:
        return Evaluator({_T: a}).run(lambda e: e.sign(g_line)) != 0
    except Undefined:
        return True
    except Undecided:
        return False


def _rational_singular_points(g_line) -> list:
    return [a for a, _ in singular_points(g_line) if a.is_Rational]


def _at_zero_of(d: sp.Expr, g: sp.Expr) -> sp.Expr | None:
    """d with every jump of g (a sign, indicator, case condition or delta of g or -g) at its value
    where g = 0, and g itself 0 (`(g > 0) g = \\mathrm{ReLU}(g)` there); None when d has no jump of g
    (a ReLU's or |.|'s kink is continuous)."""
    repl = {}
    for node in sp.preorder_traversal(d):
        name = type(node).__name__
        if name in _RELATION_AT_ZERO:
            if node.args[0] - node.args[1] in (g, -g):
                repl[node] = _RELATION_AT_ZERO[name]
        elif name in ("Heaviside", "sign", "KroneckerDelta"):
            arg = node.args[0] - node.args[1] if name == "KroneckerDelta" else node.args[0]
            if arg in (g, -g):
                repl[node] = {"Heaviside": node.args[1] if len(node.args) > 1 else sp.S.Half,
                              "sign": sp.S.Zero, "KroneckerDelta": sp.S.One}[name]
    return d.xreplace(repl).xreplace({g: sp.S.Zero, -g: sp.S.Zero}) if repl else None
def _same_on_every_side(d: sp.Expr, g: sp.Expr) -> bool:
    """The difference d is 0 whatever the sign of g: with every indicator, ReLU, |.|, sign and Heaviside
    of g (or -g) replaced by its piece for g > 0, for g < 0 and for g = 0, d expands to 0 each time
    (`(\\log x > 1000) + (\\log x \\leq 1000) - 1`). Then where g changes sign past the probes'
    reach does not matter. False when some other function of g is left (`\\max(g, h)`) or d does not
    vanish."""
    for side in (1, -1, 0):
        piece = _on_side(d, g, side)
        if piece is None or sp.expand(piece) != 0:
            return False
    return True


def decided_by_assumptions(d: sp.Expr, rels) -> sp.Expr:
    """d with the piecewise functions of each argument g whose sign the assumptions fix taken on that
    side (`_on_side`): g = c r + k (c != 0 and k rational numbers, checked by expansion) for an
    assumption's r = x - y, whose relation puts r in a closed or open half-line (or at 0), so g's values
    lie in a half-line from k on one side of 0 (`x y z - 1 < 0` under `x y z \\leq 1 - 10^{-6}`). d is
    unchanged where the assumptions hold; a zero test of the result proves the step there
    (tests/adversarial/redteam_numeric/r24_assumed_sign.proof)."""
    found = []
    for node in sp.preorder_traversal(d):
        name = type(node).__name__
        arg = (node.args[0] - node.args[1] if name in _RELATION_AT_ZERO
               else node.args[0] if name in ("ReLU", "Abs", "sign", "Heaviside") else None)
        if arg is not None and arg.free_symbols and arg not in found and -arg not in found:
            found.append(arg)
    for g in found:
        for op, x, y in rels:
            r = x - y
            side = _assumed_sign(g, op, r) if op != "!=" else _positive_off_zero(g, r)
            if side is not None:
                piece = _on_side(d, g, side)
                if piece is not None:
                    d = piece
                    break
    return d


def _assumed_sign(g: sp.Expr, op: str, r: sp.Expr) -> int | None:
    """The sign g has wherever `r op 0` holds, when g = c r + k with rational c != 0 and k; else None."""
    vs = sorted(g.free_symbols, key=lambda s: s.name)
    if op not in (">", ">=", "<", "<=", "=") or not vs or r.free_symbols != g.free_symbols:
        return None
    slope = sp.diff(r, vs[0])
    if slope == 0:
        return None
    c = sp.cancel(sp.diff(g, vs[0]) / slope)
    if not c.is_Rational or c == 0:
        return None
    k = sp.expand(g - c * r)
    if not k.is_Rational:
        return None
    if op == "=":
        return int(sp.sign(k))
    up = (op in (">", ">=")) == (c > 0)  # g in (k, oo) or [k, oo); else (-oo, k) or (-oo, k]
    strict = op in (">", "<")
    if up and (k > 0 or (k == 0 and strict)):
        return 1
    if not up and (k < 0 or (k == 0 and strict)):
        return -1
    return None


def _positive_off_zero(g: sp.Expr, r: sp.Expr) -> int | None:
    """1 when g = sum_i c_i v_i^{2 k_i} (rational c_i > 0: >= 0, and 0 only where every v_i is 0) and an
    assumption `r != 0` has r a polynomial in those v_i alone, not 0, with r(0) = 0: the one zero of g
    breaks the assumption, so g > 0 wherever it holds (`\\sum_j x_j^2` under `\\sum_j x_j \\neq 0`,
    tests/adversarial/sizes/r20_let_constrained_neq.proof). None otherwise."""
    vs = sorted(g.free_symbols, key=lambda v: v.name)
    if not vs or not r.free_symbols or not r.free_symbols <= g.free_symbols:
        return None
    try:
        pg, pr = sp.Poly(g, *vs), sp.Poly(r, *vs)
    except sp.PolynomialError:
        return None
    for powers, c in pg.terms():
        if not (c.is_Rational and c > 0) or sum(1 for e in powers if e) != 1 or sum(powers) % 2:
            return None  # a constant term, a mixed or odd monomial: its zeros are not the origin alone
    if not all(c.is_Rational for c in pr.coeffs()) or pr.is_zero or pr.coeff_monomial(1) != 0:
        return None
    return 1


def _on_side(d: sp.Expr, g: sp.Expr, side: int) -> sp.Expr | None:
    """d with every piecewise function of g taken on the side where sign(g) = side; None when a node
    of g has no rule here."""
    repl = {}
    for node in sp.preorder_traversal(d):
        name = type(node).__name__
        if name in _RELATION_AT_ZERO:
            arg = node.args[0] - node.args[1]
        elif name in ("ReLU", "Abs", "sign", "Heaviside"):
            arg = node.args[0]
        else:
            continue
        if arg not in (g, -g):
            if arg.free_symbols & g.free_symbols and (arg.has(g) or arg.has(-g)):
                return None
            continue
        s = side if arg == g else -side
        if name in _RELATION_AT_ZERO:
            repl[node] = _RELATION_AT_ZERO[name] if s == 0 else node.func(sp.Integer(s), sp.S.Zero)
        elif name == "ReLU":
            repl[node] = arg if s > 0 else sp.S.Zero
        elif name == "Abs":
            repl[node] = arg * s if s else sp.S.Zero
        elif name == "sign":
            repl[node] = sp.Integer(s)
        else:  # Heaviside: its value at 0 as written, else 1/2
            repl[node] = sp.Integer(1) if s > 0 else sp.S.Zero if s < 0 else (node.args[1] if len(node.args) > 1 else sp.S.Half)
    piece = d.xreplace(repl)
    if side == 0:
        piece = piece.xreplace({g: sp.S.Zero, -g: sp.S.Zero})
    return piece


_RELATION_AT_ZERO = {"StrictGreaterThan": sp.false, "StrictLessThan": sp.false, "GreaterThan": sp.true,
                     "LessThan": sp.true, "Equality": sp.true, "Unequality": sp.false}


def _exact_zeros(g_line: sp.Expr, c: Crossing, cuts: list[Crossing]) -> list | None:
    """Every zero of g in the bracket, exactly, when that can be shown: g a product of rational
    factors (exact roots) and factors whose enclosure excludes 0 on the bracket (`(x - 1)^2 e^x`), or
    g strictly monotone on it (at most one zero) and exactly 0 at a known exact point in it (another
    argument's root, the bracket's middle: `\\tanh x` at 0). None when neither shows it."""
    factors = sp.Mul.make_args(sp.factor_terms(g_line))
    rational = [f for f in factors if _T in f.free_symbols and f.is_rational_function(_T)]
    other = [f for f in factors if _T in f.free_symbols and f not in rational]
    if rational and all(excludes_zero(f, c.lo, c.hi) for f in other):
        per_factor = [_polynomial_crossings(f) for f in rational]
        roots = [r for found in per_factor if found is not None for r in found]
        if None not in per_factor and all(r.value is not None and r.value.is_Rational for r in roots):
            return [r.value for r in roots if c.lo <= r.value <= c.hi]
    if not excludes_zero(sp.diff(g_line, _T), c.lo, c.hi):
        return None
    candidates = [*_bracket_points(c, cuts), _simplest_between(c.lo, c.hi)]
    candidates += [d.value for d in cuts if d.value is not None and d.lo <= c.hi and c.lo <= d.hi]
    for t in dict.fromkeys(candidates):  # in order, each once
        try:
            inside = all(Evaluator({}).run(lambda e: e.sign(x)) >= 0 for x in (t - c.lo, c.hi - t))
            if inside and Evaluator({}).run(lambda e: e.sign(g_line.xreplace({_T: t}))) == 0:
                return [t]  # the one zero of g in the bracket (monotone there)
        except (Undefined, Undecided, OverflowError):  # SymPy's power of a huge rational (t^{1/100} at 10^500)
            continue
    return None


def _zero_throughout(d_line: sp.Expr, c: Crossing) -> bool:
    """The difference (with g's jumps at g = 0) is 0 on the whole bracket: exactly, or by an
    enclosure that is {0}."""
    if d_line == 0 or sp.expand(d_line) == 0:
        return True
    try:
        iv = IntervalEvaluator({_T: rational_interval(c.lo, c.hi)}, INTERVAL_BITS[0], extended=True).enclose(d_line)
    except (Straddle, Undecided, Undefined):
        return False
    return interval_sign(iv) == 0


def _bracket_points(c: Crossing, cuts: list[Crossing]) -> list[sp.Rational]:
    """Points inside a bisection bracket (a sign change not resolved, about 1e-10 wide): its ends,
    its middle, every other crossing's rational end inside it, and the middles between these, so a
    region thinner than the bracket (`(\\tanh x > 0)(x < 10^{-15})`, a domain gap around 0) is met
    where one of them falls into it."""
    inner = {c.lo, c.hi, (c.lo + c.hi) / 2}
    for d in cuts:
        inner.update(x for x in (d.lo, d.hi) if c.lo < x < c.hi)
    ordered = sorted(inner)
    return ordered + [(a + b) / 2 for a, b in zip(ordered, ordered[1:])]


def _merge(found: list[Crossing]) -> list[Crossing]:
    """Sorted crossings with one entry per distinct place (the same root of several arguments once)."""
    unique: dict = {}
    for c in found:
        key = c.value if c.value is not None else (c.lo, c.hi)
        unique.setdefault(key, c)
    return sorted(unique.values(), key=lambda c: (c.lo, c.hi))


def _line_probes(cuts: list[Crossing], on_only: bool) -> list[tuple[sp.Expr, str]]:
    out: list[tuple[sp.Expr, str]] = []
    for c in cuts:
        if c.value is not None:
            out.append((c.value, "on"))
        else:
            out.extend((t, BRACKET) for t in _bracket_points(c, cuts))
    if on_only:
        return out
    for i, c in enumerate(cuts):
        left = cuts[i - 1].hi if i > 0 else None
        right = cuts[i + 1].lo if i + 1 < len(cuts) else None
        for side, other in ((-1, left), (1, right)):
            edge = c.lo if side < 0 else c.hi
            if other is not None:
                gap = abs(other - edge)
                if gap == 0:
                    if c.value is not None and c.lo != c.hi:
                        out.append((edge, "near"))  # isolating intervals that touch: their shared end is
                        # the one known point between their roots (symmetric about it, as around 11/7
                        # for (t - 11/7)^8 + (t - 11/7)^2 - 10^-20)
                    continue
                near = edge + side * gap / 16
            else:
                near = edge + side * sp.Rational(1, 16)
            if c.value is not None and c.lo != c.hi:
                out.append((edge, "near"))  # the isolating interval's end: the other side of an algebraic root
            out.append((near, "near"))
        if right is not None and right > c.hi:
            out.append(((c.hi + right) / 2, "inside"))
    first, last = cuts[0].lo, cuts[-1].hi
    for k in FAR_STEPS:
        out.append((first - k * max(1, abs(first)), "far"))
        out.append((last + k * max(1, abs(last)), "far"))
    return out
