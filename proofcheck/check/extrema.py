"""The extremum search: points where a kink argument g in several inputs can have a bounded region of
one sign, so that probe lines through them meet the region (see `regions`).

A bounded region where g has one sign holds a local extremum of g, and a local extremum of g lies at a
stationary point of g's smooth piece restricted to some face of g's own kinks (`kink_arguments([g])`):
the whole space (A = {}) or the face where the kinks of a set A vanish (1 <= |A| <= n, n = g's inputs;
for |A| = n a vertex). Every such set is searched (`face_points`; more than MAX_KINK_SUBSETS is a Budget,
never a silent cut):
- affine kinks of A: solved exactly and substituted, so g on the face is a function of the inputs left
  free, whose stationary points are searched as on the whole space (`_on_affine_face`);
- otherwise Lagrange's condition on g's piece (`_piece`, each kink's head at one side's branch): the
  kinks of A vanish and the piece's gradient is a combination of theirs (`_on_curved_face`);
- the stationary points themselves (`_stationary`, `_polynomial_solutions`): exactly when the system is
  polynomial with rational coefficients in at most EXACT_INPUTS unknowns and square (the whole space,
  or |A| >= n - 1: the determinant of the gradients), by an eliminant per unknown (resultants), its
  real roots isolated by arb, candidates kept where the equations' enclosures hold 0; curves of
  critical points in two unknowns are split off as a common factor. Else Newton's method from the base
  point and STATIONARY_STARTS - 1 random points, with Aitken jumps where its steps shrink by a steady
  ratio per coordinate (`_newton`).

Covered completely (every local extremum gets a point within 2^-(200 + the constants' bits) of it): g
a polynomial with rational coefficients in two or three inputs whose critical points are isolated or,
in two inputs, lie on curves (a point with a vertical tangent on every bounded piece); on faces of
affine kinks with rational coefficients, the same for g restricted there; at vertices of polynomial
kinks in up to three inputs, and on faces of one kink fewer than inputs where g's piece and the kinks
are polynomial. Not covered completely (Newton's method from three starts, which can miss or creep): g
transcendental, or in four inputs or more, or whose critical points form a curve in three inputs or a
surface; stationary points inside a cell of g's kinks (g with its |.| left in place), faces of curved
kinks with fewer kinks than n - 1, or where g has other kinks left in its piece. Newton's method keeps
its best iterate when it does not converge (`_best_iterate`) and stretches slow steps (`_stretched`),
which finds some degenerate extrema it would creep towards, not all. A sum of at least as many terms
of one sign as inputs, each an even power of a base (`(e^x + y^2 - 2)^2 + (x - y)^8`), also gets the
common zeros of its bases, where the sum has its extrema, by Newton's method on the square systems of
bases (`_zeros_of_terms`: quadratic convergence where the sum's own gradient creeps). A resultant of
degree above MAX_ELIMINANT_DEGREE or more than MAX_BOXES candidate points is a Budget (unknown), so a
polynomial of high degree in three inputs makes the step unknown. tests/adversarial/redteam_numeric/
faces.proof and faces_beyond.proof hold the attacks on these rules."""

from __future__ import annotations

import functools
import itertools
import math
import random
from fractions import Fraction

import mpmath
import sympy as sp
from flint import arb, ctx, fmpq, fmpz_mpoly_ctx, fmpz_poly

from .certified import Evaluator, Undecided, Undefined
from .kinks import (_T, REFINE_BITS, Budget, _arguments_of, _bounds, _simplest_between, kink_arguments, refine_bits,
                    scale_decades)
from .sampling import _random_value

STATIONARY_MEMO = 1024  # kink arguments whose stationary point is remembered (`_stationary_point`)
MAX_KINK_SUBSETS = 256  # sets of an argument's own kinks whose faces are searched (face_points)
EXACT_INPUTS = 3  # polynomial systems in at most this many unknowns are solved exactly (_polynomial_solutions)
MAX_ELIMINANT_DEGREE = 400  # bound on a resultant's degree there (product of total degrees), else a Budget
MAX_BOXES = 16384  # candidate solutions (products of the unknowns' real roots) checked there, else a Budget
MAX_PAIRS = 32  # pairs of curved arguments in three inputs searched together (`pair_points`), else a Budget
MAX_PIECE_KINKS = 3  # own kinks of one argument of such a pair, split into its smooth pieces (`_pieces`)
MAX_TERM_CHOICES = 16  # systems of even-power bases tried per argument (`_zeros_of_terms`)
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
RESIDUAL_BITS = 64  # an unconverged start still gives its best iterate if grad shrank by 2^-64 there
SLOW = sp.Rational(1, 2)  # a step longer than this times the one before is stretched (`_stretched`)
STRETCH_MAX = 5  # by up to 2^5


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


def principal_lines(args, syms: list) -> list[tuple[dict, tuple]]:
    """(point, direction): for a degree-2 argument in several inputs with one stationary point, the lines
    through that point along its Hessian's eigenvectors of the largest and the smallest eigenvalue (to 1/64
    in each coordinate of the unit vector). Along them the argument is g(s) + lambda t^2 |e|^2, so they
    meet its positive and negative regions whenever it has them (a direction is made finer, to 2^-24, until its
    curvature d^T H d, exact, has the eigenvalue's sign): `(\\mathbf{1}^\\top v)^2 - 6.5 v^\\top v`
    at a fixed size 7 is positive only within about 15 degrees of v = 1, which lines along the axes and
    one random direction missed (`\\mathrm{ReLU}` of it was `numeric`, red team round 34)."""
    out = []
    for g in args:
        vs = tuple(sorted(g.free_symbols & set(syms), key=lambda s: s.name))
        point = _stationary_point(g, vs) if len(vs) >= 2 else None
        if point is None:
            continue
        for direction in _principal_directions(g, vs):
            out.append((dict(point), direction))
    return out


@functools.lru_cache(maxsize=STATIONARY_MEMO)
def _principal_directions(g: sp.Expr, vs: tuple) -> tuple:
    import numpy as np  # noqa: PLC0415  (loaded with autograd already; kept out of this module's start)

    try:
        poly = sp.Poly(g, *vs)
        exact = [[poly.diff(a).diff(b).as_expr() for b in vs] for a in vs]
        h = [[float(x) for x in row] for row in exact]
    except (sp.PolynomialError, TypeError, ValueError):
        return ()
    if not all(math.isfinite(x) for row in h for x in row) or not all(x.is_Rational for row in exact for x in row):
        return ()
    values, vectors = np.linalg.eigh(np.array(h))
    out = []
    for k in (-1, 0):  # the largest eigenvalue's vector, then the smallest's
        vec = vectors[:, k]
        top = max(abs(x) for x in vec)
        for den in (64, 1 << 12, 1 << 24):  # finer until the rational direction has the eigenvalue's sign exactly
            d = [sp.Rational(Fraction(float(x / top)).limit_denominator(den)) for x in vec]
            curvature = sum(d[i] * exact[i][j] * d[j] for i in range(len(d)) for j in range(len(d)))
            if values[k] == 0 or (curvature > 0) == (values[k] > 0):
                break
        direction = tuple(zip(vs, d))
        if any(c != 0 for c in d) and direction not in out:
            out.append(direction)
    return tuple(out)


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
    if poly.total_degree() != 2:
        return None
    grads = [poly.diff(v) for v in vs]
    lhs = sp.Matrix([[dg.coeff_monomial(w) for w in vs] for dg in grads])
    rhs = sp.Matrix([-dg.coeff_monomial(1) for dg in grads])
    if poly.domain.is_QQ or poly.domain.is_ZZ:
        if lhs.rank() < len(vs):
            return None
        return tuple(zip(vs, lhs.LUsolve(rhs)))
    # real coefficients that are not rational (`2\\sqrt{2} x - x^2`, a plane with \\pi read on a
    # paraboloid): the same system solved exactly when its matrix is rational (only the linear terms
    # irrational) and the numbers are real; a point with closed-form coordinates
    if not all(c.is_Rational for c in lhs) or not all(c.is_number and c.is_real for c in rhs):
        return None
    if lhs.rank() < len(vs):
        return None
    return tuple(zip(vs, lhs.LUsolve(rhs)))


def extremum_points(rng: random.Random, args, syms: list, base: dict) -> list[dict]:
    """Candidate local extrema of every argument in several inputs that is neither affine nor of degree
    2 (those have `stationary_points`): a bounded region where the argument has one sign contains a
    local extremum, so lines through it meet the region (`(x-5)^4 + (y-5)^2 < 1/100`). The extremum is
    a stationary point of the argument's smooth piece restricted to some face of its own kinks: the
    whole space (`_stationary` on the argument's core, `_core`) or a face where some of its kinks vanish
    (`face_points`). Starts for Newton's method: the base point and STATIONARY_STARTS - 1 random points."""
    out: list[dict] = []
    for g in args:
        vs = sorted(g.free_symbols & set(syms), key=lambda s: s.name)
        if len(vs) < 2 or _degree_at_most_2(g, vs):
            continue
        starts = [[base.get(v, sp.S.Zero) for v in vs]]
        starts += [[_random_value(rng, False) for _ in vs] for _ in range(STATIONARY_STARTS - 1)]
        found = face_points(g, vs, starts) + _stationary(_core(g), vs, starts, g) + _zeros_of_terms(_core(g), vs, starts)
        out.extend(p for p in found if p not in out and None not in p.values())
    return out


def pair_points(args, syms: list) -> list[tuple[dict, sp.Symbol]]:
    """Where two curved arguments g, h (neither affine) whose inputs are three in all can bound a region
    together that no line through the other points meets (two spheres overlapping by 10^-6 off the axes,
    `x^2 + y^2 + z^2 < 3` and `x y z > 1 - 10^{-6}` near (1, 1, 1)): a bounded component C of one sign
    pattern of (g, h) holds the maximum of +-h on its closure, at a stationary point of h inside C (h's
    own extrema, `stationary_points` / `extremum_points`) or on g = 0 where h's gradient is parallel to
    g's (Lagrange, or a singular point of g = 0): a probe line through that point across g = 0 (`_across`)
    has probes next to it in C. (point, the input along which its line runs).
    Those points are solved exactly (`_lagrange`, for h on g = 0, else for g on h = 0); a pair with
    neither system solvable exactly (not polynomial with rational coefficients, or a curve of Lagrange
    points, a resultant too large) is a Budget (the step is unknown), as are more than MAX_PAIRS pairs.
    Not covered: components bounded by three or more arguments together (their corners), unbounded ones."""
    curved = []
    for g in args:
        vs = g.free_symbols & set(syms)
        if len(vs) >= 2 and not _affine_in(g, sorted(vs, key=lambda s: s.name)) and g not in curved and -g not in curved:
            curved.append(g)
    pairs = [(g, h) for g, h in itertools.combinations(curved, 2)
             if len((g.free_symbols | h.free_symbols) & set(syms)) == 3 and len(g.free_symbols & h.free_symbols & set(syms)) >= 2]
    if len(pairs) > MAX_PAIRS:
        raise Budget(f"{len(pairs)} pairs of curved arguments in three inputs (more than {MAX_PAIRS}) to search "
                     f"for the regions they bound together")
    out: list[dict] = []
    for g, h in pairs:
        vs = sorted((g.free_symbols | h.free_symbols) & set(syms), key=lambda s: s.name)
        for gp, hp in itertools.product(_pieces(g, vs), _pieces(h, vs)):
            found, on = _lagrange(hp, gp, vs), gp
            if found is None:
                found, on = _lagrange(gp, hp, vs), hp
            if found is None:
                raise Budget(f"the points where {sp.sstr(h)} and {sp.sstr(g)} have parallel gradients on either's "
                             f"zero set cannot be solved exactly: a region the two bound together may be missed")
            for p in found:
                for axis in _across(on, vs, p):
                    if (p, axis) not in out:
                        out.append((p, axis))
    return out


def _across(g, vs: list, p: dict) -> list:
    """The input along which a line through p crosses g = 0 (where g's gradient is largest: not 0 on a
    smooth point of the surface), so probes just inside either side of that crossing lie in the region
    next to p; every input where the gradient is 0 (or has no value) there."""
    try:
        grads = Evaluator(p).run(lambda e: [abs(float(_mid(e.value(sp.diff(g, v))))) for v in vs])
    except (Undefined, Undecided, OverflowError, ValueError):
        return list(vs)
    if max(grads) == 0:
        return list(vs)
    return [vs[grads.index(max(grads))]]


def _pieces(g, vs: list) -> list:
    """g's smooth pieces, one per choice of sides of its own kinks (`_piece`; `|x^2 + y^2 + z^2 - 3| + (x -
    y)^2` is a polynomial on either side of the sphere): its own kinks are arguments of the step too, so
    a region of one sign pattern lies on one side of each, where g is that piece. g itself when it has
    no kinks; more than MAX_PIECE_KINKS of them is a Budget."""
    kinks = [a for a in kink_arguments([g]) if a.free_symbols & set(vs)]
    if len(kinks) > MAX_PIECE_KINKS:
        raise Budget(f"{sp.sstr(g)} has {len(kinks)} kinks (more than {MAX_PIECE_KINKS}) to split into pieces")
    out = []
    for signs in itertools.product((1, -1), repeat=len(kinks)):
        piece = _piece(g, [s * k for s, k in zip(signs, kinks)])
        if piece not in out:
            out.append(piece)
    return out


def _lagrange(h, g, vs: list) -> list[dict] | None:
    """The points of g = 0 where the gradients of h's core and g are parallel (or g's is 0), in three
    inputs: g = 0 and two 2x2 minors of the two gradients (each pair of minors in turn, until one
    system has isolated solutions; the third minor vanishes too where the shared column of the pair
    is not 0 in g's gradient, and extra solutions are harmless extra points). None when no pair
    gives a square polynomial system with rational coefficients and isolated solutions."""
    core = _core(h)
    rows = [[sp.diff(core, v) for v in vs], [sp.diff(g, v) for v in vs]]
    minors = {(i, j): sp.expand(rows[0][i] * rows[1][j] - rows[0][j] * rows[1][i]) for i, j in itertools.combinations(range(3), 2)}
    both = g * h  # the constants of both set how close to a point its rational stand-in lies
    for a, b in itertools.combinations(sorted(minors), 2):
        if minors[a] == 0 and minors[b] == 0:
            continue
        found = _polynomial_solutions([g, minors[a], minors[b]], vs, both)
        if found is not None:
            return found
    return None


def _zeros_of_terms(core, vs: list, starts: list) -> list[dict]:
    """Where every term vanishes, for a core that is a sum of terms of one sign, at least as many as it
    has inputs: each term a constant times an even power of a base f (times positive factors), so the
    sum's zeros, its extrema, are the common zeros of the bases, which solve every square system of
    as many bases as inputs, f = 0, that Newton's method solves quadratically even where the sum's own
    minimum is degenerate (`(e^x + y^2 - 2)^2 + (x - y)^8`: the gradient of the sum creeps along the
    curve, the system {e^x + y^2 - 2 = 0, x - y = 0} does not). A term with several even-power bases
    gives a choice each; more than MAX_TERM_CHOICES systems, or fewer terms than inputs, gives no point
    here (the other searches still run)."""
    terms = [a for a in sp.Add.make_args(core) if a.free_symbols & set(vs)]  # constant terms only shift it
    if len(terms) < len(vs):
        return []
    signs = {sp.sign(term.as_coeff_Mul()[0]) for term in terms}
    choices = [_even_bases(term.as_coeff_Mul()[1], vs) for term in terms]
    if len(signs) != 1 or not all(choices):
        return []  # terms of one sign (all >= 0, or all <= 0 as in `c - f^2 - g^8`) vanish together only
    systems = [system for chosen in itertools.combinations(choices, len(vs)) for system in itertools.product(*chosen)]
    if len(systems) > MAX_TERM_CHOICES:
        return []
    out: list[dict] = []
    for system in systems:
        jacobian = [[sp.diff(f, v) for v in vs] for f in system]
        for start in starts:
            point = _newton(list(system), jacobian, vs, start)
            if point is not None and point not in out:
                out.append(point)
    return out


def _even_bases(term, vs: list) -> list:
    """The bases f of the even powers f^(2k) in a product term whose other factors are positive for
    every real input (a positive constant, y^2 + 1, e^x): the term is 0 exactly where one of them is.
    [] when the term is not of that form."""
    bases, rest = [], []
    for factor in sp.Mul.make_args(term):
        if factor.is_Pow and factor.exp.is_Integer and factor.exp > 0 and factor.exp % 2 == 0 \
                and factor.base.free_symbols & set(vs):
            bases.append(factor.base)
        else:
            rest.append(factor)
    if not bases or not all(f.is_positive for f in rest):
        return []
    return bases


def face_points(g, vs: list, starts: list) -> list[dict]:
    """Points on the faces of g's own kinks (every kink argument of g, `kink_arguments([g])`, affine or
    not) where g can have a local extremum with no gradient there: for every set A of 1 to n of them
    (n = g's inputs), the stationary points of g's piece restricted to the face where the kinks of A
    vanish (for |A| = n the vertices where they all do): `|x - 5| + |y - 5|` at (5, 5), `|x - 5| + (y -
    5)^2 + (z - 5)^2` on the plane x = 5 at (5, 5, 5), `|x^2 + y^2 - 2| + |x - y|` at (1, 1). Affine
    kinks are solved exactly (`_on_affine_face`), others by the Lagrange system (`_on_curved_face`).
    More than MAX_KINK_SUBSETS sets to try is a Budget (the step is unknown), not a silent cut."""
    kinks = [a for a in kink_arguments([g]) if a.free_symbols <= set(vs)]
    sizes = range(1, min(len(vs), len(kinks)) + 1)
    subsets = sum(math.comb(len(kinks), k) for k in sizes)
    if subsets > MAX_KINK_SUBSETS:
        raise Budget(f"{sp.sstr(g)} has {len(kinks)} kinks in {len(vs)} inputs: their {subsets} faces are "
                     f"more than {MAX_KINK_SUBSETS} to search for extrema")
    out: list[dict] = []
    for k in reversed(sizes):
        for chosen in itertools.combinations(kinks, k):
            if all(_affine_in(a, vs) for a in chosen):
                found = _on_affine_face(g, vs, list(chosen), starts)
            else:
                found = _on_curved_face(_piece(g, list(chosen)), vs, list(chosen), starts, g)
            out.extend(p for p in found if p not in out)
    return out


def _on_affine_face(g, vs: list, chosen: list, starts: list) -> list[dict]:
    """The point where the chosen affine kinks vanish (as many as inputs), or g's stationary points on
    the face where they do (fewer): g itself restricted to it (the kinks' heads at their value there,
    |0| = 0), a function of the inputs left free (`_face_stationary`). No point when they are dependent
    or inconsistent."""
    matrix, rhs = sp.linear_eq_to_matrix(chosen, vs)
    reduced, pivots = matrix.row_join(rhs).rref()
    if len(pivots) < len(chosen) or len(vs) in pivots:
        return []  # dependent (or inconsistent) kinks
    free = [v for j, v in enumerate(vs) if j not in pivots]
    on = {vs[j]: reduced[r, len(vs)] - sum(reduced[r, vs.index(f)] * f for f in free) for r, j in enumerate(pivots)}
    found = [{}]
    if free:
        found = _face_stationary(_core(g.xreplace(on)), free, [[s[vs.index(f)] for f in free] for s in starts], g)
    return [{v: _rational_near(on[v].xreplace(p) if v in on else p[v], g) for v in vs} for p in found]


def _face_stationary(core, free: list, starts: list, g) -> list[dict]:
    """g's candidate extrema on an affine face, its core (`_core`) restricted to it as a function of the
    inputs left free: its stationary points (`_stationary`), or, when the core is affine in them (what
    is left of `(y - 5)^2` once its power is stripped), a point where it vanishes (the first free input
    solved for, the others at the base point)."""
    grad = [sp.diff(core, f) for f in free]
    if any(d.free_symbols & set(free) for d in grad):
        return _stationary(core, free, starts, g)
    if all(d == 0 for d in grad) or core.free_symbols - set(free):
        return []
    first = next(f for f, d in zip(free, grad) if d != 0)
    others = {f: s for f, s in zip(free, starts[0]) if f != first}
    return [{first: sp.solve(core.xreplace(others), first)[0], **others}]


def _stationary(core, vs: list, starts: list, g) -> list[dict]:
    """The points where the core's gradient in vs vanishes: all of them exactly when it is a polynomial
    with rational coefficients in at most EXACT_INPUTS inputs whose critical points are isolated (or
    lie on curves, in two inputs: `_polynomial_solutions`), else those Newton's method finds from the
    starts (`_newton`)."""
    grad = [sp.diff(core, v) for v in vs]
    if all(not (d.free_symbols & set(vs)) for d in grad):
        return []  # the core is affine: no stationary point
    exact = _polynomial_solutions(grad, vs, g)
    if exact is not None:
        return exact
    hess = [[sp.diff(d, w) for w in vs] for d in grad]
    return [p for p in (_newton(grad, hess, vs, s) for s in starts) if p is not None]


def _on_curved_face(piece, vs: list, chosen: list, starts: list, g) -> list[dict]:
    """The stationary points of g's piece on the face where the chosen kinks vanish (some not affine):
    the kinks vanish and the gradient of the piece's core is a combination of theirs (Lagrange's
    condition; with as many kinks as inputs, a vertex, the kinks alone). With one kink fewer than
    inputs, or as many, and everything polynomial, the condition is a square polynomial system (the
    determinant of the gradients) solved exactly (`_polynomial_solutions`); else Newton's method on
    the Lagrange system in the inputs and one multiplier per kink, from the starts (multipliers 0)."""
    core = _core(piece)
    if len(chosen) >= len(vs) - 1:
        eqs = list(chosen)
        if len(chosen) < len(vs):
            eqs.append(sp.Matrix([[sp.diff(e, v) for v in vs] for e in [core, *chosen]]).det())
        exact = _polynomial_solutions(eqs, vs, g)
        if exact is not None:
            return exact
    lams = [sp.Dummy(f"l{i}") for i in range(len(chosen))] if len(chosen) < len(vs) else []
    system = list(chosen)
    if lams:
        system += [sp.diff(core, v) - sum(lam * sp.diff(k, v) for lam, k in zip(lams, chosen)) for v in vs]
    unknowns = vs + lams
    jacobian = [[sp.diff(e, u) for u in unknowns] for e in system]
    found = [_newton(system, jacobian, unknowns, list(s) + [sp.S.Zero] * len(lams)) for s in starts]
    return [{v: _rational_near(p[v], g) for v in vs} for p in found if p is not None]


def _piece(g, chosen: list):
    """g with every head whose kink argument is one of the chosen kinks (or its negative) replaced by
    its branch on the side where that kink is positive: a smooth function that equals g on the face
    where they vanish when g is continuous there (|.|, ReLU, max, min), one side's piece for a jump.
    Its gradient there differs from any other side's by a combination of the kinks' gradients, which
    the Lagrange condition absorbs."""
    repl = {}
    for node in sp.preorder_traversal(g):
        side = _side(node, chosen)
        if side is not None:
            repl[node] = side
    return g.xreplace(repl) if repl else g


def _side(node, chosen: list):
    """The node's branch where its chosen kink argument is positive, None when it has none."""
    name = type(node).__name__
    if name in ("Max", "Min"):
        for a, b in itertools.combinations(node.args, 2):
            for k in chosen:
                if a - b in (k, -k):  # a > b on the side where k > 0 exactly when a - b = k
                    winner, loser = (a, b) if a - b == k else (b, a)
                    kept = [x for x in node.args if x != (loser if name == "Max" else winner)]
                    return type(node)(*kept)
        return None
    args = _arguments_of(node)
    if len(args) != 1 or not any(args[0] in (k, -k) for k in chosen):
        return None
    s = 1 if args[0] in chosen else -1  # the sign of the node's own argument on that side
    if name == "Abs":
        return s * node.args[0]
    if name == "ReLU":
        return node.args[0] if s > 0 else sp.S.Zero
    if name == "Heaviside":
        return sp.S.One if s > 0 else sp.S.Zero
    if name == "sign":
        return sp.Integer(s)
    if name == "KroneckerDelta":
        return sp.S.Zero
    if name in _TRUE_ABOVE:
        return sp.true if _TRUE_ABOVE[name] == (s > 0) else sp.false
    return None
_TRUE_ABOVE = {"StrictGreaterThan": True, "GreaterThan": True, "StrictLessThan": False, "LessThan": False}


def _polynomial_solutions(eqs: list, vs: list, g) -> list[dict] | None:
    """Real solutions of a square polynomial system with rational coefficients in at most EXACT_INPUTS
    unknowns, each within 2^-(refine bits of g) (as `_rational_near`): all of them when they are
    isolated, and in two unknowns also when they include curves (`_common_zeros`); None when the system is
    not such a one (not polynomial, irrational coefficients, more unknowns, solutions along a curve
    in three unknowns or a surface: then no eliminant exists)."""
    if len(vs) > EXACT_INPUTS or len(eqs) != len(vs):
        return None
    mctx = fmpz_mpoly_ctx.get(tuple(v.name for v in vs), "lex")
    polys = [_integer_poly(e, vs, mctx) for e in eqs]
    if any(p is None or p.is_zero() for p in polys):
        return None
    return _common_zeros(polys, vs, _near_bits(g) + CLOSE_BITS, g)


def _common_zeros(polys: list, vs: list, bits: int, g) -> list[dict] | None:
    """The real common zeros of the polys (fmpz_mpoly in vs, as many as unknowns). Isolated ones: their
    coordinates are among the real roots of an eliminant per unknown (resultants, `_eliminant`), each
    isolated in its irreducible factor (`_real_roots`); the candidates are their products, kept where
    every poly's enclosure over the box holds 0 (a solution's box always does). In two unknowns a
    common factor h of both (a curve of solutions: the circle of `((x - 5)^2 + (y - 5)^2 - 10^{-4})^2`)
    is split off: the isolated zeros of the cofactors, and on every irreducible factor of h its points
    with a vertical tangent (f = df/dy = 0), at least one on each bounded piece of the curve (a factor
    free of y is a vertical line, which the lines along x through any point meet). A resultant of
    degree above MAX_ELIMINANT_DEGREE or more than MAX_BOXES candidates is a Budget."""
    if any(p.is_constant() for p in polys):
        return []  # a nonzero constant equation: no solution
    eliminants = [_eliminant(polys, i, len(vs), g) for i in range(len(vs))]
    if None in eliminants:
        common = polys[0].gcd(polys[1]) if len(vs) == 2 else None
        if common is None or common.is_constant():
            return None
        out = _common_zeros([p / common for p in polys], vs, bits, g) or []
        for factor, _ in common.factor()[1]:
            if factor.degrees()[1] > 0:
                out += [p for p in _common_zeros([factor, factor.derivative(1)], vs, bits, g) or [] if p not in out]
        return out
    roots = [_real_roots(e, bits) for e in eliminants]
    boxes = math.prod(len(r) for r in roots)
    if boxes > MAX_BOXES:
        raise Budget(f"the critical points of {sp.sstr(g)} have {boxes} candidate boxes (more than {MAX_BOXES})")
    out = []
    with ctx.workprec(bits + CLOSE_BITS):
        for box in itertools.product(*roots):
            if all(_holds_zero(p, box) for p in polys):
                out.append({v: _simplest_between(*_bounds(b)) for v, b in zip(vs, box)})
    return out


def _integer_poly(e, vs: list, mctx):
    """e as a polynomial in vs with integer coefficients (denominators cleared), None when it is not
    one with rational coefficients."""
    try:
        poly = sp.Poly(e, *vs)
    except sp.PolynomialError:
        return None
    if not (poly.domain.is_QQ or poly.domain.is_ZZ):
        return None
    den = sp.ilcm(1, *(sp.Rational(c).q for c in poly.coeffs()))
    return mctx.from_dict({m: int(c * den) for m, c in poly.terms()})


def _eliminant(polys: list, keep: int, n: int, g):
    """A nonzero univariate polynomial in unknown `keep` that vanishes at every common zero of the
    polys (the other unknowns eliminated one by one: the polys without it kept, each other one's
    resultant with the first one that has it), None when there is none (all resultants 0: a curve
    of common zeros, or too few polys left). Each resultant's degree is bounded beforehand by the
    product of its two polys' total degrees; above MAX_ELIMINANT_DEGREE a Budget."""
    names = polys[0].context().names()
    current = list(polys)
    for j in range(n):
        if j == keep:
            continue
        with_j = [p for p in current if p.degrees()[j] > 0]
        current = [p for p in current if p.degrees()[j] == 0]
        if with_j:
            first, rest = with_j[0], with_j[1:]
            bound = max((first.total_degree() * p.total_degree() for p in rest), default=0)
            if bound > MAX_ELIMINANT_DEGREE:
                raise Budget(f"the exact critical points of {sp.sstr(g)} need an eliminant of degree up to "
                             f"{bound} (more than {MAX_ELIMINANT_DEGREE})")
            current += [first.resultant(p, names[j]) for p in rest]
    found = None
    for p in current:
        if not p.is_zero():
            found = p if found is None else found.gcd(p)
    return found


def _real_roots(eliminant, bits: int) -> list:
    """The real roots of a univariate polynomial (an fmpz_mpoly in one of its unknowns) as arb balls
    about 2^-bits wide, from its irreducible factors (simple roots, isolated by arb's certified
    complex root finder: a real root has an imaginary part of exactly 0)."""
    j = next(i for i, d in enumerate(eliminant.degrees()) if d > 0) if not eliminant.is_constant() else None
    if j is None:
        return []
    coeffs = [0] * (eliminant.degrees()[j] + 1)
    for monomial, c in zip(eliminant.monoms(), eliminant.coeffs()):
        coeffs[monomial[j]] = int(c)
    out = []
    _, factors = fmpz_poly(coeffs).factor()
    with ctx.workprec(bits):
        for factor, _ in factors:
            if factor.degree() == 1:
                c0, c1 = (int(c) for c in factor.coeffs())
                out.append(arb(fmpq(-c0, c1)))
                continue
            out.extend(root.real for root, _ in factor.complex_roots() if root.imag == 0)
    return out


def _holds_zero(poly, box) -> bool:
    """Does the polynomial's enclosure over the box (arb balls per unknown) contain 0?"""
    total = arb(0)
    for monomial, c in zip(poly.monoms(), poly.coeffs()):
        term = arb(int(c))
        for ball, e in zip(box, monomial):
            if e:
                term *= ball ** e
        total += term
    return total.contains(0)


def _rational_near(value: sp.Expr, g) -> sp.Expr | None:
    """value itself when rational, else the simplest rational within 2^-refine_bits of it (the bits of
    g's constant reach, `refine_bits`): an irrational vertex (\\sqrt{2}, \\sqrt{3}) is met by lines through
    a point that close to it, as a region whose width the written constants show is wider."""
    if value.is_Rational:
        return value
    bits = _near_bits(g)
    try:
        ball = Evaluator({}).run(lambda e: e.value(value), start=bits + CLOSE_BITS)
    except (Undefined, Undecided):
        return None
    with ctx.workprec(bits + CLOSE_BITS):  # the ends exactly, not rounded to the default 53 bits
        lo, hi = _bounds(ball)
    return _simplest_between(lo, hi)


def _near_bits(g) -> int:
    """How close to an extremum of g a probe line must pass: the refinement bits of g's constant reach."""
    return refine_bits(scale_decades([g.xreplace({s: _T for s in g.free_symbols})]))


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
    coordinate. When it does not converge, the iterate where grad was smallest, if it was below
    2^-RESIDUAL_BITS of its size at the start (`_best_iterate`), else None."""
    x = [sp.Rational(v) for v in start]
    sizes: list = []
    step: list = []
    seen: list = []  # (the gradient's largest entry, the iterate)
    for bits, steps in ((NEWTON_BITS, NEWTON_STEPS), (REFINE_BITS, REFINE_NEWTON_STEPS)):
        earlier: list = []  # the plain steps since the last jump
        for _ in range(steps):
            found = _newton_step(grad, hess, vs, x, bits)
            if found is None:
                return _best_iterate(seen, vs)
            found, residual = found
            seen.append((residual, x))
            size = max(abs(d) for d in found)
            reach = max(1, *(abs(v) for v in x))
            step = [d * reach / size for d in found] if size > reach else found
            if sizes and size > sizes[-1] * SLOW:
                step = _stretched(grad, vs, x, step, residual, reach, bits)
            sizes.append(min(size, reach))
            x = [_round_bits(v - d, bits) for v, d in zip(x, step)]
            if size <= reach / sp.Integer(2) ** (bits - CLOSE_BITS):
                break
            earlier.append(step)
            if len(earlier) == AITKEN_STEPS:
                x = [_round_bits(v - _aitken(*steps, reach), bits) for v, steps in zip(x, zip(*earlier))]
                earlier = []
        if sizes[-1] > sizes[0] * CONVERGED:
            return _best_iterate(seen, vs)  # the steps did not shrink: no stationary point near this start
    slack = [abs(d) * STATIONARY_SLACK + max(1, abs(v)) / sp.Integer(2) ** REFINE_BITS for v, d in zip(x, step)]
    return {v: _simplest_between(c - r, c + r) for v, c, r in zip(vs, x, slack)}


def _stretched(grad: list, vs: list, x: list, step: list, residual, reach, bits: int) -> list:
    """The Newton step times the power of 2 up to 2^STRETCH_MAX (and at most `reach` long) where the
    gradient is smallest, when that is below its size at x: at a degenerate stationary point, where
    the gradient's root along the step has multiplicity m - 1, Newton's steps fall short by the factor
    m - 1 (`(x - y)^8` along the curve `e^x + y^2 = 2`, where they also zig-zag across it, so no
    steady ratio per coordinate lets an Aitken jump fire); the stretched step goes most of the way."""
    size = max(abs(d) for d in step)
    best, chosen = residual, step
    for k in range(1, STRETCH_MAX + 1):
        factor = min(sp.Integer(2) ** k, reach / size)
        trial = [d * factor for d in step]
        r = _residual(grad, vs, [_round_bits(v - d, bits) for v, d in zip(x, trial)], bits)
        if r is not None and r < best:
            best, chosen = r, trial
        if factor < sp.Integer(2) ** k:
            break
    return chosen


def _residual(grad: list, vs: list, x: list, bits: int):
    """The gradient's largest entry at x (midpoints at `bits`, a Fraction), None where it has no value."""
    try:
        values = Evaluator(dict(zip(vs, x))).run(lambda e: [e.value(d) for d in grad], start=bits)
    except (Undefined, Undecided):
        return None
    with mpmath.workprec(bits):
        return max(abs(Fraction(*_exact(_mid(v)).as_numer_denom())) for v in values)


def _best_iterate(seen: list, vs: list) -> dict | None:
    """The iterate with the smallest gradient when that is below 2^-RESIDUAL_BITS of the first one's:
    at a degenerate stationary point whose slow directions are coupled, Newton's steps neither settle
    nor shrink steadily (an Aitken jump puts y exactly at 2 in `(x - 1)^4 (y^2 + 1) + (y - 2)^6`, where
    the Hessian's y entry is tiny and the next step throws y away again), but it passes within reach
    of the point on the way: the iterate itself, not rounded (its last step says nothing about its
    distance). None when the gradient never shrank that much (no stationary point near the start)."""
    if not seen:
        return None
    best, x = min(seen, key=lambda pair: pair[0])
    if best > seen[0][0] / 2 ** RESIDUAL_BITS:
        return None
    return dict(zip(vs, x))


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


def _newton_step(grad: list, hess: list, vs: list, x: list, bits: int) -> tuple | None:
    """H^-1 grad at x (midpoints of certified values at `bits`) and grad's largest entry there (a
    Fraction), None where they cannot be had or H is singular. A system singular at `bits` is redone
    once at SINGULAR_BITS: next to a degenerate extremum a Hessian entry is tiny beside another (56 (x
    + y - 3)^6 beside 2, after an Aitken jump), lost to rounding, not 0."""
    found = _newton_solve(grad, hess, vs, x, bits)
    if found is None and bits < SINGULAR_BITS:
        found = _newton_solve(grad, hess, vs, x, SINGULAR_BITS)
    if found is None:
        return None
    step, residual = found
    return [_round_bits(d, bits) for d in step], residual


def _newton_solve(grad: list, hess: list, vs: list, x: list, bits: int) -> tuple | None:
    """The Newton step at x from values at `bits` (exact rationals) and the gradient's size, None as in
    `_newton_step`."""
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
    residual = max(abs(m) for m in mids[:n])
    return [sp.Rational(d.numerator, d.denominator) for d in (step.get(i, Fraction(0)) for i in range(n))], residual


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
