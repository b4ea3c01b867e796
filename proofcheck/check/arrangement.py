"""Points inside every cell around each vertex of the lines that affine kink arguments draw in a plane.

Kink arguments affine in several inputs that share inputs (`(x + y > 2001)(x < 1001)(y < 1001)`, a
triangle of area 1/2 near (1000, 1000)) cut the plane of two inputs into convex cells whose corners are
where two of their lines meet. An axis line through an arbitrary point, or through the cells other
lines found (regions' sweep), can pass a small cell by; every cell with a corner, though, has points
right next to that corner, between two consecutive lines through it. So for every plane of two inputs
(the others at the base point), every vertex of the arrangement gets one probe in each angular sector
around it, at a distance smaller than its distance to any line not through it: a bounded cell has a
vertex, so every bounded cell of the plane gets a probe (an unbounded one is met by the lines going
far out). Exact rational arithmetic throughout. More than MAX_LINES distinct lines in one plane are a
Budget (the step is `unknown`, never a silently skipped cell). Cells of three or more inputs whose
every corner lies off these planes are not searched here (docs/language.md, "Regions").
"""

from __future__ import annotations

import functools
import itertools

import sympy as sp

from .kinks import Budget

MAX_LINES = 24  # distinct lines per plane of two inputs: at most 276 vertices


def vertex_points(args: list, syms: list, base: dict) -> list[tuple[dict, tuple]]:
    """(point, its plane's two inputs): one point in every sector around every vertex of the affine
    arguments' lines, in each plane of two of their inputs through `base` (see the module doc)."""
    affine = [g for g in args if _affine(g, syms)]
    planes = sorted({pair for g in affine
                     for pair in itertools.combinations(sorted(g.free_symbols & set(syms), key=lambda s: s.name), 2)},
                    key=lambda pair: (pair[0].name, pair[1].name))
    out: list[tuple[dict, tuple]] = []
    for u, v in planes:  # the planes of two inputs that some argument ties together
        lines = _plane_lines(affine, u, v, base)
        if len(lines) < 2:
            continue
        if len(lines) > MAX_LINES:
            raise Budget(f"more than {MAX_LINES} kink lines in the plane of {u} and {v}: the cells between "
                         "them are not searched")
        for point in _sector_points(tuple(lines)):
            out.append(({**base, u: point[0], v: point[1]}, (u, v)))
    return out


def _affine(g, syms: list) -> bool:
    vs = [s for s in syms if s in g.free_symbols]
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
        c = h.xreplace({u: 0, v: 0})
        if not all(x.is_Rational for x in (a, b, c)) or (a == 0 and b == 0):
            continue
        lead = a if a != 0 else b
        lines.add((a / lead, b / lead, c / lead))
    return sorted(lines)


@functools.lru_cache(maxsize=256)
def _sector_points(lines: tuple) -> list[tuple]:
    """(u, v) points: for every vertex (two or more lines through one point), one point strictly inside
    each angular sector around it, closer to it than any line not through it."""
    vertices: dict[tuple, set] = {}
    for l1, l2 in itertools.combinations(lines, 2):
        p = _meet(l1, l2)
        if p is not None:
            vertices.setdefault(p, set()).update((l1, l2))
    out = []
    for p, through in sorted(vertices.items()):
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
