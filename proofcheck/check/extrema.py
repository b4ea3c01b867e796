"""The extremum search: points where a kink argument in several inputs can have a bounded region of
one sign (its stationary points, found by Newton's method with Aitken jumps, and points on its own affine
kinks, vertices and edges), so that probe lines through them meet the region (see `regions`)."""

from __future__ import annotations

import functools
import itertools
import math
import random
from fractions import Fraction

import mpmath
import sympy as sp
from flint import ctx, fmpq

from .certified import Evaluator, Undecided, Undefined
from .kinks import _T, REFINE_BITS, Budget, _bounds, _simplest_between, kink_arguments, refine_bits, scale_decades
from .sampling import _random_value

STATIONARY_MEMO = 1024  # kink arguments whose stationary point is remembered (`_stationary_point`)
MAX_KINK_SUBSETS = 256  # subsets of an argument's affine kinks tried for vertices and edges (kink_points)
STATIONARY_STARTS = 3  # Newton starts per argument (the base point and random points)
NEWTON_BITS = 64  # Newton's method first at this precision
NEWTON_STEPS = 40  # steps before a start is given up
REFINE_NEWTON_STEPS = 6  # further steps at REFINE_BITS
SINGULAR_BITS = 2048  # a Newton system singular at its working precision is redone at this one
AITKEN_STEPS = 3  # plain Newton steps before an Aitken jump (_aitken)
AITKEN_STEADY = sp.Rational(1, 8)  # their two ratios agree this closely (relative) for a jump
STATIONARY_SLACK = 4  # a stationary point is rounded within this many last steps
CLOSE_BITS = 16  # Newton stops when a step is below 2^-(bits - 16) max(1, |x|)
CONVERGED = sp.Rational(1, 2 ** 10)  # or gives up when its steps have not shrunk by this factor (a
# degenerate minimum, (x - 5)^4, converges linearly: its last step is then about its distance)


def stationary_points(args, syms: list) -> list[dict]:
    """Where a degree-2 argument in several inputs has zero gradient (the centre of x^2 + y^2 < r):
    extra base points, since lines through an arbitrary point can pass a small region by."""
    out = []
    for g in args:
        vs = tuple(sorted(g.free_symbols & set(syms), key=lambda s: s.name))
        point = _stationary_point(g, vs) if len(vs) >= 2 else None
        if point is not None:
            out.append(dict(point))
    return out


@functools.lru_cache(maxsize=STATIONARY_MEMO)
def _stationary_point(g: sp.Expr, vs: tuple) -> tuple | None:
    """The one point where the degree-2 g has zero gradient in vs, or None when there is none or no
    single one. The gradient of a degree-2 polynomial with rational coefficients is linear, so the
    point is the solution of a square rational linear system, unique exactly when the system has
    full rank (then it is rational). Remembered: the entries of one matrix step share their kink
    arguments, and each entry's comparison probes them (a pure function of g and vs)."""
    try:
        poly = sp.Poly(g, *vs)
    except sp.PolynomialError:
        return None
    if poly.total_degree() != 2 or not (poly.domain.is_QQ or poly.domain.is_ZZ):
        return None
    grads = [poly.diff(v) for v in vs]
    lhs = sp.Matrix([[dg.coeff_monomial(w) for w in vs] for dg in grads])
    if lhs.rank() < len(vs):
        return None
    rhs = sp.Matrix([-dg.coeff_monomial(1) for dg in grads])
    return tuple(zip(vs, lhs.LUsolve(rhs)))


def extremum_points(rng: random.Random, args, syms: list, base: dict) -> list[dict]:
    """Near-stationary points of every argument in several inputs that is neither affine nor of degree
    2 (those have `stationary_points`): a bounded region where the argument has one sign contains a
    local extremum, so lines through it meet the region (`(x-5)^4 + (y-5)^2 < 1/100`). Found by Newton's
    method on the gradient of the argument's core (`_core`) from the base point and STATIONARY_STARTS - 1
    random points, refined at high precision, rounded to the simplest rationals within the last
    step's reach. A start that does not converge gives no point (a coverage limit, docs/language.md).
    An extremum at a kink of the argument itself, where it has no gradient, is among its
    `kink_points` (`|x - 5| + |y - 5| < 1/100`)."""
    out: list[dict] = []
    for g in args:
        vs = sorted(g.free_symbols & set(syms), key=lambda s: s.name)
        if len(vs) < 2 or _degree_at_most_2(g, vs):
            continue
        out.extend(p for p in kink_points(g, vs, base) if p not in out and None not in p.values())
        core = _core(g)
        grad = [sp.diff(core, v) for v in vs]
        if all(not (d.free_symbols & set(vs)) for d in grad):
            continue  # the core is affine: no stationary point
        hess = [[sp.diff(d, w) for w in vs] for d in grad]
        starts = [[base.get(v, sp.S.Zero) for v in vs]]
        starts += [[_random_value(rng, False) for _ in vs] for _ in range(STATIONARY_STARTS - 1)]
        for start in starts:
            found = _newton(grad, hess, vs, start)
            if found is not None and found not in out:
                out.append(found)
    return out


def kink_points(g, vs: list, base: dict) -> list[dict]:
    """Points on g's own affine kinks (arguments affine in its inputs with constant coefficients) where
    g can have a local extremum with no gradient there: every *vertex*, where as many of them as g has
    inputs vanish together (solved exactly), and on every *edge*, where one fewer vanish, the
    stationary point Newton's method finds along it from the base point (`|x - 5| + (y - 5)^2`: on
    x = 5, at y = 5). For a piecewise-linear g (`|x - 5| + |y - 5|`) every local extremum is a vertex.
    More than MAX_KINK_SUBSETS subsets to try is a Budget (the step is unknown), not a silent cut. An
    extremum on a face of more dimensions than an edge, or on a kink that is not affine (`|x^2 - y|`),
    is not found (docs/language.md)."""
    inner = [a for a in kink_arguments([g]) if _affine_in(a, vs)]
    sizes = [k for k in (len(vs) - 1, len(vs)) if k >= 1]
    subsets = sum(math.comb(len(inner), k) for k in sizes)
    if subsets > MAX_KINK_SUBSETS:
        raise Budget(f"{sp.sstr(g)} has {len(inner)} affine kinks in {len(vs)} inputs: their {subsets} "
                     f"vertices and edges are more than {MAX_KINK_SUBSETS} to probe")
    out: list[dict] = []
    for k in reversed(sizes):
        for chosen in itertools.combinations(inner, k):
            point = _on_kinks(g, vs, list(chosen), base)
            if point is not None and point not in out:
                out.append(point)
    return out


def _on_kinks(g, vs: list, chosen: list, base: dict) -> dict | None:
    """The point where the chosen kinks vanish (as many as inputs), or g's stationary point on the line
    where they do (one fewer); None when they are dependent or Newton's method finds nothing."""
    matrix, rhs = sp.linear_eq_to_matrix(chosen, vs)
    reduced, pivots = matrix.row_join(rhs).rref()
    if len(pivots) < len(chosen) or len(vs) in pivots:
        return None  # dependent (or inconsistent) kinks
    free = [v for j, v in enumerate(vs) if j not in pivots]
    on = {vs[j]: reduced[r, len(vs)] - sum(reduced[r, vs.index(f)] * f for f in free) for r, j in enumerate(pivots)}
    if free:
        found = _edge_point(_core(g.xreplace(on)), free[0], base)
        if found is None:
            return None
        on = {v: e.xreplace(found) for v, e in on.items()} | found
    return {v: _rational_near(on[v], g) for v in vs}


def _edge_point(core, f, base: dict) -> dict | None:
    """g's candidate extremum along an edge, g's core (`_core`) restricted to it as a function of the
    one input f: where its derivative vanishes (Newton's method from the base point), or, when the
    core is affine in f (what is left of `(y - 5)^2` once its power is stripped), where it vanishes."""
    slope = sp.diff(core, f)
    if not slope.free_symbols & {f}:
        if slope == 0 or core.free_symbols - {f}:
            return None
        return {f: sp.solve(core, f)[0]}
    return _newton([slope], [[sp.diff(slope, f)]], [f], [base.get(f, sp.S.Zero)])


def _rational_near(value: sp.Expr, g) -> sp.Expr | None:
    """value itself when rational, else the simplest rational within 2^-refine_bits of it (the bits of
    g's constant reach, `refine_bits`): an irrational vertex (\\sqrt{2}, \\sqrt{3}) is met by lines through
    a point that close to it, as a region whose width the written constants show is wider."""
    if value.is_Rational:
        return value
    bits = refine_bits(scale_decades([g.xreplace({s: _T for s in g.free_symbols})]))
    try:
        ball = Evaluator({}).run(lambda e: e.value(value), start=bits + CLOSE_BITS)
    except (Undefined, Undecided):
        return None
    with ctx.workprec(bits + CLOSE_BITS):  # the ends exactly, not rounded to the default 53 bits
        lo, hi = _bounds(ball)
    return _simplest_between(lo, hi)


def _affine_in(a, vs: list) -> bool:
    """a is affine in the inputs vs, with constant real coefficients, and has no other input."""
    if not a.free_symbols <= set(vs):
        return False
    try:
        poly = sp.Poly(a, *vs)
    except sp.PolynomialError:
        return False
    return poly.total_degree() == 1 and all(c.is_number and c.is_real for c in poly.coeffs())


def _degree_at_most_2(g, vs: list) -> bool:
    try:
        return sp.Poly(g, *vs).total_degree() <= 2
    except sp.PolynomialError:
        return False
_MONOTONE = {"exp", "log", "tanh", "atan", "asinh", "sinh", "erf", "erfc"}


def _core(g: sp.Expr) -> sp.Expr:
    """g without constant terms and factors and without strictly monotone outer functions (exp, log,
    tanh, ...; a constant power, whose stationary points include its base's): the stationary points of
    the core are stationary points of g, and Newton's method converges on `(x-5)^2 + (y-5)^2` in one
    step where on `e^{(x-5)^2 + (y-5)^2}` it crawls."""
    while True:
        if g.is_Add or g.is_Mul:
            rest = [a for a in g.args if a.free_symbols]
            if len(rest) != 1:
                return g
            g = rest[0]
        elif type(g).__name__ in _MONOTONE and len(g.args) == 1:
            g = g.args[0]
        elif g.is_Pow and not g.exp.free_symbols:
            g = g.base
        else:
            return g


def _newton(grad: list, hess: list, vs: list, start: list) -> dict | None:
    """Newton's method on grad = 0 from `start` (NEWTON_STEPS at NEWTON_BITS, then REFINE_NEWTON_STEPS
    at REFINE_BITS), each step at most max(1, |x|) long, after every AITKEN_STEPS steps an Aitken jump
    (`_aitken`); the point rounded to the simplest rational within STATIONARY_SLACK last steps of each
    coordinate, or None when it does not converge."""
    x = [sp.Rational(v) for v in start]
    sizes: list = []
    step: list = []
    for bits, steps in ((NEWTON_BITS, NEWTON_STEPS), (REFINE_BITS, REFINE_NEWTON_STEPS)):
        earlier: list = []  # the plain steps since the last jump
        for _ in range(steps):
            found = _newton_step(grad, hess, vs, x, bits)
            if found is None:
                return None
            size = max(abs(d) for d in found)
            reach = max(1, *(abs(v) for v in x))
            step = [d * reach / size for d in found] if size > reach else found
            sizes.append(min(size, reach))
            x = [_round_bits(v - d, bits) for v, d in zip(x, step)]
            if size <= reach / sp.Integer(2) ** (bits - CLOSE_BITS):
                break
            earlier.append(step)
            if len(earlier) == AITKEN_STEPS:
                x = [_round_bits(v - _aitken(*steps, reach), bits) for v, steps in zip(x, zip(*earlier))]
                earlier = []
        if sizes[-1] > sizes[0] * CONVERGED:
            return None  # the steps did not shrink: no stationary point near this start
    slack = [abs(d) * STATIONARY_SLACK + max(1, abs(v)) / sp.Integer(2) ** REFINE_BITS for v, d in zip(x, step)]
    return {v: _simplest_between(c - r, c + r) for v, c, r in zip(vs, x, slack)}


def _aitken(d0: sp.Rational, d1: sp.Rational, d2: sp.Rational, reach: sp.Rational) -> sp.Rational:
    """The rest of the way after three Newton steps d0, d1, d2 of one coordinate that shrink by a
    steady ratio r = d2 / d1 in (0, 1) (d1 / d0 within AITKEN_STEADY of it): at a stationary point of
    order m (the gradient's root has multiplicity m - 1, `(x - \\sqrt{2})^8`) Newton's steps shrink
    by r = (m - 2) / (m - 1) only, linearly, and the remaining distance is d2 r / (1 - r) (Aitken's
    extrapolation of a geometric sequence; exact for a power of a linear form). 0 where the steps do
    not shrink steadily (still far from the point, or converging quadratically); at most `reach`."""
    if d0 == 0 or d1 == 0:
        return sp.S.Zero
    r, before = d2 / d1, d1 / d0
    if not (0 < r < 1 and abs(before - r) <= AITKEN_STEADY * r):
        return sp.S.Zero
    jump = d2 * r / (1 - r)
    return jump if abs(jump) <= reach else reach * sp.sign(jump)


def _newton_step(grad: list, hess: list, vs: list, x: list, bits: int) -> list | None:
    """H^-1 grad at x (midpoints of certified values at `bits`), None where they cannot be had or H is
    singular. A system singular at `bits` is redone once at SINGULAR_BITS: next to a degenerate
    extremum a Hessian entry is tiny beside another (56 (x + y - 3)^6 beside 2, after an Aitken jump),
    lost to rounding, not 0."""
    step = _newton_solve(grad, hess, vs, x, bits)
    if step is None and bits < SINGULAR_BITS:
        step = _newton_solve(grad, hess, vs, x, SINGULAR_BITS)
    return None if step is None else [_round_bits(d, bits) for d in step]


def _newton_solve(grad: list, hess: list, vs: list, x: list, bits: int) -> list | None:
    """The Newton step at x from values at `bits` (exact rationals), None as in `_newton_step`."""
    point = dict(zip(vs, x))
    try:
        values = Evaluator(point).run(lambda e: [e.value(d) for d in grad] + [e.value(h) for row in hess for h in row],
                                      start=bits)
    except (Undefined, Undecided):
        return None
    with mpmath.workprec(bits):
        mids = [Fraction(*_exact(_mid(v)).as_numer_denom()) for v in values]
    n = len(vs)
    rows = [mids[n + i * n: n + (i + 1) * n] for i in range(n)]
    # a coordinate already exactly at a degenerate stationary point (gradient and Hessian row 0, as an
    # Aitken jump can leave it) stays; the others are solved for
    live = [i for i in range(n) if mids[i] != 0 or any(rows[i])]
    solved = _solve([[rows[i][j] for j in live] for i in live], [mids[i] for i in live])
    if solved is None:
        return None
    step = dict(zip(live, solved))
    return [sp.Rational(d.numerator, d.denominator) for d in (step.get(i, Fraction(0)) for i in range(n))]


def _solve(rows: list, rhs: list) -> list | None:
    """The exact solution of rows x = rhs (Gaussian elimination over the rationals, largest pivot
    first), None when the matrix is singular: near a stationary point of high order the Hessian's
    entries are tiny (56 (x - \\sqrt{2})^6, 10^-114), which a floating-point solver takes for 0."""
    a = [list(r) + [b] for r, b in zip(rows, rhs)]
    n = len(a)
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if a[pivot][col] == 0:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            f = a[r][col] / a[col][col]
            if f:
                a[r] = [u - f * v for u, v in zip(a[r], a[col])]
    x = [Fraction(0)] * n
    for r in reversed(range(n)):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def _mid(v) -> mpmath.mpf:
    if isinstance(v, fmpq):
        return mpmath.mpf(int(v.p)) / int(v.q)
    man, exp = v.mid().man_exp()
    return mpmath.ldexp(int(man), int(exp))


def _round_bits(v: sp.Rational, bits: int) -> sp.Rational:
    """v to `bits` significant bits (a dyadic rational), so the coordinates do not grow without end."""
    with mpmath.workprec(bits):
        return _exact(mpmath.mpf(int(v.p)) / int(v.q))


def _exact(m: mpmath.mpf) -> sp.Rational:
    """A binary floating-point number as the exact rational it is."""
    man, exp = m.man_exp
    return (-1 if m < 0 else 1) * sp.Integer(man) * sp.Integer(2) ** exp
