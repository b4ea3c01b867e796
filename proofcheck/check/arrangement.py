"""Probes next to the corners of kink arguments in a plane of two inputs: cells that no probe line meets.

Kink arguments that share inputs (`(x + y > 2001)(x < 1001)(y < 1001)`, a triangle of area 1/2 near
(1000, 1000)) cut the plane of two inputs into cells whose corners are where two of their zero sets
meet. An axis line through an arbitrary point, or through the cells other lines found (regions'
sweep), can pass a small cell by; every cell with a corner, though, has points right next to that
corner, between two consecutive curves through it.

- `vertex_points`, for lines with rational coefficients (affine arguments): for every plane of two
  inputs (the others at the base point), every vertex of the arrangement gets one probe in each
  angular sector around it, at a distance smaller than its distance to any line not through it. A
  bounded cell has a vertex, so every bounded cell of the plane gets a probe (an unbounded one is met
  by the lines going far out). Exact rational arithmetic; more than MAX_LINES distinct lines in one
  plane are a Budget (the step is `unknown`, never a silently skipped cell).
- `curve_corner_points`, for other curves meeting a line or each other, in a step's deep search: a
  search at a few distances, not a cover.

- `space_vertex_points`, for planes with rational coefficients in a space of three inputs that one
  affine argument ties together (a tetrahedron 10^-6 across, cut by four planes in x, y and z): one
  point in each of the eight cells around every vertex where three planes meet, closer to it than
  any other plane (at a few smaller distances too where a curved argument shares the inputs). More
  than MAX_SPACE_PLANES planes in one space are a Budget.
- `eliminated`, for an affine argument and another argument sharing an input w: the other one on the
  first one's zero set, w solved for (`(z > x^2 + y^2)(z < 2ax + 2by - c)` gives the plane minus the
  paraboloid, in x and y), so the regions between the two surfaces have the extrema of that
  difference, and a line along w through them meets the region (`regions.probes`).

Other cells of three or more inputs whose every corner lies off these planes and spaces are not
searched here (docs/language.md, "Regions")."""

from __future__ import annotations

import functools
import itertools

import sympy as sp

from .certified import symbols_of
from .kinks import _T, Budget

MAX_LINES = 24  # distinct lines per plane of two inputs: at most 276 vertices
MAX_SPACE_PLANES = 12  # distinct planes per space of three inputs: at most 220 vertices, 8 probes each
MAX_ELIMINATED = 32  # (affine argument, other argument, input) eliminations per step (`eliminated`)
SPACE_RADII = (0, 12, 24, 48)  # probes at 2^-k eps around a space vertex where a curved argument shares its inputs
MAX_CURVE_PAIRS = 64  # curves times lines per plane whose meeting points are searched (`curve_corner_points`)
MAX_CORNERS = 64  # meeting points per plane probed around
MAX_ARCS = 64  # probe lines per plane across the arcs between meeting points (`_arcs`)
CORNER_RADII = (4, 12, 24, 48)  # probes at 2^-k max(1, |p|) from a meeting point, in every sector
CORNER_BITS = 60  # a curve passes through a meeting point when its value there is this small


def _planes(args: list, syms: list) -> list[tuple]:
    """The planes (u, v) of two inputs that some argument ties together, in name order."""
    return sorted({pair for g in args
                   for pair in itertools.combinations(sorted(g.free_symbols & set(syms), key=lambda s: s.name), 2)},
                  key=lambda pair: (pair[0].name, pair[1].name))


def vertex_points(args: list, syms: list, base: dict) -> list[tuple[dict, tuple]]:
    """(point, its plane's two inputs): one point in every sector around every vertex of the affine
    arguments' lines, in each plane of two of their inputs through `base` (see the module doc)."""
    affine = [g for g in _unfolded(args) if _affine(g, syms)]
    out: list[tuple[dict, tuple]] = []
    for u, v in _planes(affine, syms):
        lines = _plane_lines(affine, u, v, base)
        if len(lines) < 2:
            continue
        if len(lines) > MAX_LINES:
            raise Budget(f"more than {MAX_LINES} kink lines in the plane of {u} and {v}: the cells between "
                         "them are not searched")
        for point in _sector_points(tuple(lines)):
            out.append(({**base, u: point[0], v: point[1]}, (u, v)))
    return out


def curve_corner_points(args: list, syms: list, base: dict) -> list[tuple[dict, tuple]]:
    """(point, plane) next to the corners where a kink curve that is not a line with rational
    coefficients (`x + \\sqrt{2} y = c`, `\\tanh(x + y - c) = 0`, `x y = 1`) meets one that is (`x <
    1001`) or another polynomial curve (`x^2 + y^2 = 2.000001`), in each plane of two inputs that an
    argument mentions alone, every other argument there read with the other inputs at the base point
    (`(x + z^2 > -1)` is a line of the plane; the probes get lines along z too, `regions.probes`,
    so a factor that ties a third input hides no corner): the curve restricted to the line, its sign changes there isolated
    as on any probe line (`regions.crossings`: exactly, or bracketed by certified bisection), two
    polynomial curves' common points solved exactly (`extrema._polynomial_solutions`), then one point
    in every sector around each meeting point between the curves' tangent lines, at CORNER_RADII
    distances (the cell's size is not known: a search, not
    the exact cover that `vertex_points` gives lines alone; docs/language.md)."""
    return [({**base, u: point[0], v: point[1]}, (u, v))
            for u, v, curves in _plane_curves(args, syms, base) for point in _plane_corners(curves, u, v)]


def arc_lines(args: list, syms: list, base: dict) -> list[tuple[dict, object]]:
    """(point, w): axis lines along w through a point, that cross a kink curve between two of its
    consecutive meetings with the other curves of its plane (`_arcs`). The cells on either side of
    such an arc are the same all along it, so a probe line crossing it once reaches both: a lens
    between a curve and its tangent (10^-40 wide) gets probes that no corner's sector probe
    reaches."""
    return [({**base, z: t, w: sp.S.Zero}, w)
            for u, v, curves in _plane_curves(args, syms, base) if any(not _affine(h, [u, v]) for h in curves)
            for z, t, w in _arcs(curves, u, v)]


def _plane_curves(args: list, syms: list, base: dict):
    """(u, v, curves) for each plane of two inputs that an argument mentions alone: every argument
    that mentions u or v, with the other inputs at the base point (none left without a value)."""
    inputs = [g.free_symbols & set(syms) for g in args]
    if not any(len(ins) == 2 for ins in inputs):
        return  # no argument in two inputs: no plane of this search
    args = _unfolded(args)
    pairs = {tuple(sorted(ins, key=lambda s: s.name)) for ins in inputs if len(ins) == 2}
    for u, v in sorted(pairs, key=lambda pair: (pair[0].name, pair[1].name)):
        others = {s: base[s] for s in syms if s not in (u, v) and s in base}
        curves = tuple(dict.fromkeys(g.xreplace(others) for g in args if {u, v} & g.free_symbols))
        curves = tuple(g for g in curves if g.free_symbols & {u, v})
        if any(g.free_symbols & set(syms) - {u, v} for g in curves):
            continue  # an input with no base value
        yield u, v, curves


@functools.lru_cache(maxsize=256)
def _arcs(curves: tuple, u, v) -> tuple:
    """(z, t, w): for each curve of the plane that is a line or the graph of a function of one input
    (`_graph_of`: w = f(z)), its meetings with every other curve along it (`_meetings`, brackets
    sorted), and the line along w at z = t for t halfway between two consecutive brackets, and one
    past each end. Brackets that overlap have no gap between them that is known: that arc is not
    crossed (a search, like the corners', docs/language.md).
    More than MAX_ARCS such lines in one plane are a Budget (never a silently skipped arc)."""
    out: list = []
    for h in curves:
        graph = _graph_of(h, u, v)
        if graph is None:
            continue
        z, w, along = graph
        met = sorted({(t - width / 2, t + width / 2) for k in curves if k != h
                      for t, width in _meetings(sp.expand(k.xreplace({z: _T, w: along.xreplace({z: _T})})))})
        if not met:
            continue
        gaps = [(a[1] + b[0]) / 2 for a, b in zip(met, met[1:]) if a[1] < b[0]]  # brackets that overlap: no gap known
        first, last = met[0][0], max(hi for _, hi in met)
        points = gaps + [first - max(1, abs(first)), last + max(1, abs(last))]
        out += [(z, t, w) for t in points if (z, t, w) not in out]
        if len(out) > MAX_ARCS:
            raise Budget(f"more than {MAX_ARCS} arcs of kink curves in the plane of {u} and {v}: the cells along "
                         "them are not searched")
    return tuple(out)


def _graph_of(h, u, v) -> tuple | None:
    """(z, w, f) when the curve h = 0 is the graph w = f(z) of a function of the other input (h is c w
    + r(z), c a nonzero number: a line, `y - e^x`, `x - 3`), v tried first; else None."""
    for w, z in ((v, u), (u, v)):
        if w not in h.free_symbols:
            continue
        c = sp.diff(h, w)
        if not (c.is_number and c != 0) or sp.diff(h, w, 2) != 0:
            continue
        along = sp.expand(-(h - c * w) / c)
        if not along.has(w):
            return z, w, along
    return None


@functools.lru_cache(maxsize=256)
def _plane_corners(curves: tuple, u, v) -> tuple:
    """`curve_corner_points` in one plane: the (u, v) points around the meetings of its curves with
    its lines (remembered: every instance of a step has the same ones)."""
    from .extrema import _polynomial_solutions  # noqa: PLC0415  (exact solutions of polynomial systems)

    bent = [h for h in curves if not _affine(h, [u, v])]
    lines = _plane_lines([h for h in curves if _affine(h, [u, v])], u, v, {})
    if not bent:
        return ()
    if len(bent) * (len(lines) + len(bent)) > MAX_CURVE_PAIRS:
        raise Budget(f"more than {MAX_CURVE_PAIRS} pairs of kink curves and lines in the plane of {u} and {v}")
    corners: list = []
    for h1, h2 in itertools.combinations(bent, 2):  # two polynomial curves: their common points exactly
        solved = _polynomial_solutions([h1, h2], [u, v], h1)
        if solved is None:  # else along a curve solved for one input (y = e^x), as along a line
            solved = _graph_meetings(h1, h2, u, v)
        for p, width in ((q, max(1, abs(q[u]), abs(q[v])) / sp.Integer(2) ** CORNER_BITS) if not isinstance(q, tuple) else q
                         for q in solved):
            if p not in [q for q, _ in corners]:
                corners.append((p, width))
    for a, b, c in lines:
        at = {u: _T, v: -(a * _T + c) / b} if b != 0 else {u: -c / a, v: _T}
        for h in bent:
            for t, width in _meetings(sp.expand(h.xreplace(at))):
                p = {w: sp.Rational(e.xreplace({_T: t})) for w, e in at.items()}
                if p not in [q for q, _ in corners]:
                    corners.append((p, width * (1 + abs(a) + abs(b))))
    for l1, l2 in itertools.combinations(lines, 2):  # the lines' own vertices that a curve passes through or
        m = _meet(l1, l2)                              # next to (10^-20 off: `vertex_points` sees lines alone)
        p = None if m is None else {u: m[0], v: m[1]}
        if p is not None and p not in [q for q, _ in corners] and _some_through(bent, p, u, v):
            corners.append((p, sp.S.Zero))
    if len(corners) > MAX_CORNERS:
        raise Budget(f"more than {MAX_CORNERS} corners of kink curves in the plane of {u} and {v}")
    return tuple(point for p, width in corners
                 for point in _around(p, width, list(curves), u, v, _nearest(p, corners, u, v)))


def _nearest(p: dict, corners: list, u, v) -> sp.Rational | None:
    """A power of 2 at most a quarter of the distance (max norm) from p to the nearest other corner:
    a cell with p among its corners reaches at least that far from p only if it is no smaller, so
    a cell whose corners are 10^-20 apart (a curve passing that close to a vertex, a line tangent to
    a curve) is probed at that scale too. None when p has no other corner."""
    gaps = [max(abs(p[u] - q[u]), abs(p[v] - q[v])) for q, _ in corners if q != p]
    gap = min((g for g in gaps if g > 0), default=None)
    if gap is None:
        return None
    quarter = sp.Rational(gap) / 4
    e = int(quarter.p).bit_length() - int(quarter.q).bit_length()  # 2^e is within a factor 2 of it
    while sp.Integer(2) ** e > quarter:
        e -= 1
    return sp.Integer(2) ** e


def _graph_meetings(h1, h2, u, v) -> list[tuple]:
    """(point, width) where two curves meet, one of them the graph of a function of the other input
    (`_graph_of`: `y - e^x`, `y - 2 \\sqrt{2} x + 2`): the other curve along that graph, its sign
    changes isolated as on a probe line (`_meetings`), the point's second coordinate rounded to a
    rational (its error counted in the width). A Budget when neither curve is such a graph: their
    corners would not be searched."""
    from .certified import Evaluator, Undecided, Undefined  # noqa: PLC0415

    for graph, other in ((h1, h2), (h2, h1)):
        found = _graph_of(graph, u, v)
        if found is None:
            continue
        z, w, along = found
        out = []
        for t, width in _meetings(sp.expand(other.xreplace({z: _T, w: along.xreplace({z: _T})}))):
            try:
                value = Evaluator({z: t}).run(lambda e: e.value(along))
            except (Undefined, Undecided):
                continue
            slope = _rational(Evaluator({z: t}).run(lambda e: e.value(sp.diff(along, z)))) if along.has(z) else 0
            scale = max(1, abs(t), abs(_rational(value)))
            out.append(({z: t, w: _rational(value)}, width * (1 + abs(slope)) + scale / sp.Integer(2) ** CORNER_BITS))
        return out
    if _no_zero_anywhere(h1, u, v) or _no_zero_anywhere(h2, u, v):
        return []  # one of them is no curve at all (`\\tanh(x + y) - 2`)
    raise Budget(f"the corners of {sp.sstr(h1)} and {sp.sstr(h2)} in the plane of {u} and {v} could not be found "
                 "(neither is a polynomial pair nor the graph of a function of one input)")


def _no_zero_anywhere(h, u, v) -> bool:
    """h has one sign on the whole plane: its enclosure over u, v in (-oo, oo) excludes 0."""
    from .certified import NEG_INF, POS_INF, IntervalEvaluator, Straddle, Undecided, Undefined, interval_sign  # noqa: PLC0415

    try:
        iv = IntervalEvaluator({u: (NEG_INF, POS_INF), v: (NEG_INF, POS_INF)}, extended=True).enclose(h)
    except (Straddle, Undecided, Undefined):
        return False
    return bool(interval_sign(iv))


@functools.lru_cache(maxsize=1024)
def _meetings(h_line) -> tuple:
    """(t, the bracket's width) of each sign change of a curve along a line, t the bracket's middle
    (`regions.isolated`: two meetings 10^-20 apart are two brackets; an exact rational root has width
    0). Remembered: each instance of a step meets the same ones."""
    from .regions import isolated  # noqa: PLC0415  (the probe lines' root isolation)

    found = isolated(h_line)
    return tuple((c.value, sp.S.Zero) if c.value is not None and c.value.is_Rational else ((c.lo + c.hi) / 2, c.hi - c.lo)
                 for c in found)


def _around(p: dict, width, curves: list, u, v, nearest=None) -> list[tuple]:
    """Points in every sector between the tangent lines at p of the curves through p (those whose
    value there is within their slope times `width`, p's uncertainty, or 2^-CORNER_BITS |p|), at each
    of CORNER_RADII times max(1, |p|), and at `nearest` (`_nearest`) when that is closer."""
    from .certified import Evaluator, Undecided, Undefined  # noqa: PLC0415

    x, y = p[u], p[v]
    scale = max(1, abs(x), abs(y))
    rays = set()
    try:
        for h in curves:
            slope = _through(h, p, width, u, v)
            if slope is not None:
                gu, gv = slope
                rays.update({(-gv, gu), (gv, -gu)})
    except (Undefined, Undecided):
        return []
    if len(rays) < 4:
        return []
    rays_sorted = sorted(rays, key=functools.cmp_to_key(_by_angle))
    out = []
    for r1, r2 in zip(rays_sorted, rays_sorted[1:] + rays_sorted[:1]):
        w = (r1[0] / _norm1(r1) + r2[0] / _norm1(r2), r1[1] / _norm1(r1) + r2[1] / _norm1(r2))
        size = max(abs(w[0]), abs(w[1]))
        if size == 0:
            continue
        radii = [scale / sp.Integer(2) ** k for k in CORNER_RADII]
        if nearest is not None and nearest < radii[-1]:
            radii.append(nearest)
        for eps in radii:
            out.append((x + eps * w[0] / size, y + eps * w[1] / size))
    return out


def _some_through(curves: list, p: dict, u, v) -> bool:
    """Some curve passes through the point p (`_through`); one without a value there does not."""
    from .certified import Undecided, Undefined  # noqa: PLC0415

    for h in curves:
        try:
            if _through(h, p, sp.S.Zero, u, v) is not None:
                return True
        except (Undefined, Undecided):
            continue
    return False


def _through(h, p: dict, width, u, v) -> tuple | None:
    """h's gradient (u, v parts, rational) at p when the curve h = 0 passes through p: its value there
    is within its slope times `width` (p's uncertainty) or 2^-CORNER_BITS max(1, |p|); else None.
    Undefined or Undecided propagate."""
    from .certified import Evaluator  # noqa: PLC0415

    scale = max(1, abs(p[u]), abs(p[v]))
    value, gu, gv = Evaluator(p).run(lambda e: [e.value(h), e.value(sp.diff(h, u)), e.value(sp.diff(h, v))])
    gu, gv = (_rational(g) for g in (gu, gv))
    if (gu, gv) == (0, 0) or abs(_rational(value)) > (abs(gu) + abs(gv)) * (width + scale / 2 ** CORNER_BITS):
        return None
    return gu, gv


def _rational(value) -> sp.Rational:
    """A certified value's midpoint as an exact rational (60 bits)."""
    from .extrema import _exact, _mid  # noqa: PLC0415
    import mpmath  # noqa: PLC0415

    with mpmath.workprec(CORNER_BITS + 4):
        return _exact(_mid(value))


def _norm1(r: tuple):
    return abs(r[0]) + abs(r[1])


def _unfolded(args: list) -> list:
    """The arguments with each a |w| + b (a, b constants) written as its two level sets w = +-b/a: so
    `|x + y - 2001| < 0.001` draws the lines x + y = 2001 +- 0.001 (exact corners when w is affine)."""
    out = []
    for g in args:
        parts = sp.Add.make_args(g)
        terms = [t for t in parts if t.has(sp.Abs)]
        if len(terms) == 1:
            a, w = terms[0].as_independent(sp.Abs, as_Add=False)
            b = g - terms[0]
            if isinstance(w, sp.Abs) and a.is_number and b.is_number and a != 0:
                out += [w.args[0] + b / a, w.args[0] - b / a]
                continue
        out.append(g)
    return out


def _affine(g, syms: list) -> bool:
    free = symbols_of(g)
    return _affine_in(g, tuple(s for s in syms if s in free))


@functools.lru_cache(maxsize=4096)
def _affine_in(g, vs: tuple) -> bool:
    """g is a polynomial of degree 1 with rational coefficients in vs (remembered: every instance of a
    step asks about the same arguments)."""
    if not vs:
        return False
    try:
        poly = sp.Poly(g, *vs)
    except sp.PolynomialError:
        return False
    return poly.total_degree() == 1 and (poly.domain.is_QQ or poly.domain.is_ZZ)


def _plane_lines(affine: list, u, v, base: dict) -> list[tuple]:
    """The distinct lines a u + b v + c = 0 (a, b, c rational, scaled so the first nonzero of a, b is
    1) that the arguments draw in the plane of u and v, the other inputs at `base`."""
    lines = set()
    for g in affine:
        if not ({u, v} & g.free_symbols):
            continue
        h = sp.expand(g.xreplace({s: val for s, val in base.items() if s not in (u, v)}))
        if h.free_symbols - {u, v}:
            continue
        a, b = h.coeff(u), h.coeff(v)
        c = sp.expand(h - a * u - b * v)
        if not all(x.is_Rational for x in (a, b, c)) or (a == 0 and b == 0):
            continue
        lead = a if a != 0 else b
        lines.add((a / lead, b / lead, c / lead))
    return sorted(lines)


@functools.lru_cache(maxsize=256)
def _sector_points(lines: tuple) -> list[tuple]:
    """(u, v) points: every vertex (two or more lines through one point) itself, and one point strictly
    inside each angular sector around it, closer to it than any line not through it."""
    vertices: dict[tuple, set] = {}
    for l1, l2 in itertools.combinations(lines, 2):
        p = _meet(l1, l2)
        if p is not None:
            vertices.setdefault(p, set()).update((l1, l2))
    out = []
    for p, through in sorted(vertices.items()):
        out.append(p)  # the vertex itself: the cell of (x + y = 1)(x - y = 0) is this one point
        others = [ln for ln in lines if ln not in through]
        eps = _step(p, others)
        rays = sorted({r for a, b, _ in through for r in ((-b, a), (b, -a))}, key=functools.cmp_to_key(_by_angle))
        for r1, r2 in zip(rays, rays[1:] + rays[:1]):
            w = (r1[0] + r2[0], r1[1] + r2[1])  # strictly between two consecutive rays (less than pi apart)
            size = max(abs(w[0]), abs(w[1]))
            out.append((p[0] + eps * w[0] / size, p[1] + eps * w[1] / size))
    return out


def _meet(l1: tuple, l2: tuple) -> tuple | None:
    (a1, b1, c1), (a2, b2, c2) = l1, l2
    det = a1 * b2 - a2 * b1
    if det == 0:
        return None
    return ((b1 * c2 - b2 * c1) / det, (a2 * c1 - a1 * c2) / det)


def _step(p: tuple, others: list) -> sp.Rational:
    """A power of 2 so small that the square of side 2 eps around p meets no line of `others` (its
    points are within eps sqrt 2 of p)."""
    eps = sp.Integer(1)
    for a, b, c in others:
        d2 = (a * p[0] + b * p[1] + c) ** 2 / (a * a + b * b)  # squared distance from p (> 0: the line misses p)
        while d2 and 8 * eps * eps >= d2:
            eps /= 2
    return eps


def _by_angle(r1: tuple, r2: tuple) -> int:
    """Exact order of directions by angle in [0, 2 pi)."""
    h1, h2 = _half(r1), _half(r2)
    if h1 != h2:
        return -1 if h1 < h2 else 1
    cross = r1[0] * r2[1] - r1[1] * r2[0]
    return -1 if cross > 0 else (1 if cross < 0 else 0)


def _half(r: tuple) -> int:
    return 0 if r[1] > 0 or (r[1] == 0 and r[0] > 0) else 1


# ------------------------------------------------------------------ spaces of three inputs


def flat_vertex_points(args: list, syms: list, base: dict) -> list[tuple[dict, tuple]]:
    """(point, its plane's two inputs): `vertex_points` for a plane where some flat argument has a
    slope or constant that is not rational (`x > \\sqrt{2}`, `y > \\sqrt{3}`, `x + y < \\sqrt{2} + \\sqrt{3}
    + 10^{-50}`): around every meeting of two of the plane's lines, one point in each of the four cells
    their signs make, closer to it than any other line (vertex exact, sides certified, as in a space
    of three inputs; a vertex of three lines or more: the cells of each pair, a search)."""
    unfolded = _unfolded(args)
    inputs = set(syms)
    flat = [g for g in unfolded if _flat(g, tuple(syms))]
    out: list[tuple[dict, tuple]] = []
    for u, v in _planes(flat, syms):
        # the plane's own lines: arguments in u and v alone (those with a third input are planes of a
        # space, `space_vertex_points`)
        lines = _space_planes([g for g in flat if g.free_symbols & inputs <= {u, v}], (u, v), base)
        if len(lines) < 2 or all(x.is_Rational for line in lines for x in line):
            continue  # rational lines: `vertex_points`, exactly
        if len(lines) > MAX_LINES:
            raise Budget(f"more than {MAX_LINES} kink lines in the plane of {u} and {v}: the cells between "
                         "them are not searched")
        curved = any(not _flat(g, tuple(syms)) and {u, v} & g.free_symbols for g in unfolded)
        for point in _space_cell_points(tuple(lines), curved):
            out.append(({**base, u: point[0], v: point[1]}, (u, v)))
    return out


def space_vertex_points(args: list, syms: list, base: dict) -> list[tuple[dict, tuple]]:
    """(point, its three inputs): one point in each cell around every vertex of the flat arguments'
    planes (`_flat`: rational slopes, any real constant), in each space of three inputs that one flat
    argument mentions together or two flat arguments sharing an input span (`x + y > a`, `z - x > b`),
    the other inputs at `base` (see the module doc)."""
    unfolded = _unfolded(args)
    flat = [g for g in unfolded if _flat(g, tuple(syms))]
    inputs = set(syms)
    by_name = lambda trio: tuple(s.name for s in trio)  # noqa: E731
    spaces = {tuple(sorted(trio, key=lambda s: s.name)) for g in flat
              for trio in itertools.combinations(g.free_symbols & inputs, 3)}
    for g1, g2 in itertools.combinations(flat, 2):
        i1, i2 = g1.free_symbols & inputs, g2.free_symbols & inputs
        if i1 & i2 and len(i1 | i2) == 3:
            spaces.add(tuple(sorted(i1 | i2, key=lambda s: s.name)))
    out: list[tuple[dict, tuple]] = []
    for trio in sorted(spaces, key=by_name):
        planes = _space_planes(flat, trio, base)
        if len(planes) < 3:
            continue
        if len(planes) > MAX_SPACE_PLANES:
            raise Budget(f"more than {MAX_SPACE_PLANES} kink planes in the space of {', '.join(s.name for s in trio)}: "
                         "the cells between them are not searched")
        curved = any(not _flat(g, tuple(syms)) and set(trio) & g.free_symbols for g in unfolded)
        for point in _space_cell_points(tuple(planes), curved):
            out.append(({**base, **dict(zip(trio, point))}, trio))
    return out


@functools.lru_cache(maxsize=4096)
def _flat(g, syms: tuple) -> bool:
    """g is a u + b v + ... + c: real numbers for slopes (`\\sqrt{2} x + y`) in the inputs it
    mentions, not all 0, and c any real number (`x > \\pi`)."""
    ins = [s for s in syms if s in g.free_symbols]
    if not ins:
        return False
    slopes = [sp.diff(g, v) for v in ins]
    if not all(_real_number(c) for c in slopes) or not any(c.is_zero is False for c in slopes):
        return False
    rest = sp.expand(g - sum(c * v for c, v in zip(slopes, ins)))
    return _real_number(rest)


def _real_number(x: sp.Expr) -> bool:
    return not x.free_symbols and x.is_number and x.is_real is True


def _space_planes(flat: list, trio: tuple, base: dict) -> list[tuple]:
    """The distinct planes a u + b v + c w = d (real numbers, scaled so the first nonzero slope is
    1) that the arguments draw in the space of the three inputs, the others at `base`."""
    planes = set()
    for g in flat:
        if not (set(trio) & g.free_symbols):
            continue
        h = sp.expand(g.xreplace({s: val for s, val in base.items() if s not in trio}))
        if h.free_symbols - set(trio):
            continue
        coeffs = [sp.diff(h, v) for v in trio]
        d = -sp.expand(h - sum(c * v for c, v in zip(coeffs, trio)))
        if not all(_real_number(x) for x in (*coeffs, d)):
            continue
        lead = next((c for c in coeffs if c.is_zero is False), None)
        if lead is None:
            continue
        planes.add((*(sp.expand(c / lead) for c in coeffs), sp.expand(d / lead)))
    return sorted(planes, key=sp.default_sort_key)


@functools.lru_cache(maxsize=64)
def _space_cell_points(planes: tuple, curved: bool) -> list[tuple]:
    """(u, v, w) points: every vertex of three planes itself, and around it one in each of the eight cells their
    signs make (p + eps A^{-1} s for each sign vector s), closer to p than any plane not through it;
    at the SPACE_RADII fractions of that distance too when a curved argument shares the space.
    Slopes that are not rational: the vertex and the directions exact (SymPy), their sizes and the
    planes' sides certified (`_rational_above`, `_rational_below`); an undecided one is a Budget."""
    out: list[tuple] = []
    seen: set = set()
    dim = len(planes[0]) - 1
    for trio in itertools.combinations(planes, dim):
        a = sp.Matrix([list(pl[:-1]) for pl in trio])
        det = sp.expand(a.det())
        if det == 0:
            continue
        if not det.is_Rational:
            size = _rational_below(abs(det))
            if size is None:
                raise Budget("whether three kink planes meet in one point could not be decided")
            if size == 0:
                continue
        inverse = a.inv()
        p = [sp.expand(x) for x in inverse * sp.Matrix([pl[-1] for pl in trio])]
        key = (tuple(p), trio)
        if key in seen:
            continue
        seen.add(key)
        out.append(tuple(p))  # the vertex itself, exactly: a cell of its own where three equalities hold
        others = [pl for pl in planes if pl not in trio]
        for signs in itertools.product((-1, 1), repeat=dim):
            delta = [sp.expand(x) for x in inverse * sp.Matrix(signs)]
            eps = _space_step(p, delta, others)
            for k in (SPACE_RADII if curved else (0,)):
                out.append(tuple(sp.expand(x + d * eps / 2 ** k) for x, d in zip(p, delta)))
    return out


def _space_step(p: list, delta: list, others: list) -> sp.Rational:
    """A power of 2, eps, with p + t delta on the same side of every plane of `others` that p is not
    on, for 0 < t <= eps (at most 2^-4 max(1, |p|) / |delta|). A plane whose side at p, or whose
    slope along delta, cannot be decided is a Budget."""
    scale = max([sp.Integer(1)] + [_rational_above(abs(x)) for x in p])
    size = max(_rational_above(abs(x)) for x in delta)
    limit = scale / (16 * size)
    for pl in others:
        n_p = sp.expand(sum(c * x for c, x in zip(pl[:-1], p)) - pl[-1])
        n_d = sp.expand(sum(c * x for c, x in zip(pl[:-1], delta)))
        along = _rational_below(abs(n_d))
        if along is None:
            raise Budget("a kink plane's slope along a cell's direction could not be decided")
        if along == 0:
            continue  # parallel to this direction: never crossed
        gap = _rational_below(abs(n_p))
        if gap is None:
            raise Budget("a kink plane's side at a vertex of three others could not be decided")
        if gap > 0:
            limit = min(limit, gap / (2 * _rational_above(abs(n_d))))  # (through p, a fourth plane: a search)
    eps = sp.Integer(1)
    while eps > limit:
        eps /= 2
    return eps


def _rational_above(x: sp.Expr) -> sp.Rational:
    """A rational at least the nonnegative number x (certified)."""
    if x.is_Rational:
        return x
    from .certified import Evaluator  # noqa: PLC0415
    from .kinks import _bounds  # noqa: PLC0415
    ball = Evaluator({}).run(lambda e: e.value(x))
    return _bounds(ball)[1]


def _rational_below(x: sp.Expr) -> sp.Rational | None:
    """A rational in [0, x] for the nonnegative number x, positive unless x is exactly 0; None when
    its sign is not decided (certified)."""
    if x.is_Rational:
        return x
    from .certified import Evaluator, Undecided, Undefined  # noqa: PLC0415
    from .kinks import _bounds  # noqa: PLC0415
    try:
        if Evaluator({}).run(lambda e: e.sign(x)) == 0:
            return sp.Integer(0)
        ball = Evaluator({}).run(lambda e: e.value(x))
    except (Undecided, Undefined):
        return None
    lo = _bounds(ball)[0]
    return lo if lo > 0 else None


def eliminated(args: list, syms: list) -> list[tuple[sp.Expr, sp.Symbol, sp.Expr]]:
    """`_eliminated` (remembered: every instance and base point of a step asks about the same arguments)."""
    return list(_eliminated(tuple(args), tuple(syms)))


@functools.lru_cache(maxsize=1024)
def _eliminated(args: tuple, syms: tuple) -> tuple[tuple[sp.Expr, sp.Symbol, sp.Expr], ...]:
    """(h, w, w_value): for an argument g linear in an input w with a nonzero number for its slope
    (`z - x^2 - y^2`, `x + y + z - \\sqrt{3}`, `\\sqrt{2} z - x^2`) and another argument sharing w and
    another input, h is the other argument with w set to the value `w_value` that makes g zero: h's
    sign on g's zero set (see the module doc). More than MAX_ELIMINATED with h in two inputs or more
    and not affine are a Budget."""
    unfolded = _unfolded(list(args))
    inputs = set(syms)
    out: list = []
    for g in unfolded:
        ins = sorted(g.free_symbols & inputs, key=lambda s: s.name)
        if len(ins) < 2:
            continue
        for w in ins:
            value = _solved_for(g, w)
            if value is None:
                continue
            for other in unfolded:
                if other == g or w not in other.free_symbols or not (other.free_symbols & inputs) - {w}:
                    continue
                h = sp.expand(other.xreplace({w: value}))
                if len(h.free_symbols & inputs) < 2 or _affine(h, syms):
                    continue
                out.append((h, w, value))
    if len(out) > MAX_ELIMINATED:
        raise Budget(f"more than {MAX_ELIMINATED} pairs of kink arguments meeting along one linear in an input: "
                     "the regions between them are not searched")
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _solved_for(g: sp.Expr, w: sp.Symbol) -> sp.Expr | None:
    """The w that makes g zero, when g = c w + r with c a nonzero real number and r free of w; else None."""
    slope = sp.diff(g, w)
    if slope.free_symbols or not slope.is_number or slope.is_zero is not False or slope.is_real is not True:
        return None
    rest = sp.expand(g - slope * w)
    if w in rest.free_symbols:
        return None
    return sp.expand(-rest / slope)
