"""Where sample points come from: random exact values, and points on and around every kink."""

from __future__ import annotations

import itertools
import random

import sympy as sp

from .. import numeric
from .numbers import _num, _rels_hold, _rels_hold_exact

FIRST_POINTS = 3
MORE_POINTS = 12


def _random_value(rng: random.Random, positive: bool, scale: int = 1) -> sp.Rational:
    q = rng.choice((2, 3, 4, 5, 7, 8, 9, 11))
    if positive:
        p = rng.randint(1, 3 * q * scale)
    else:
        p = rng.choice([-1, 1]) * rng.randint(1, 3 * q * scale)
    return sp.Rational(p, q)


# signed values in [-3, 3] first; positive ones where sides are undefined for negatives; wider ranges
# only when assumptions (`assume x > 100`) reject the narrow ones


_SAMPLING = ((False, 1), (True, 1), (False, 40), (True, 40), (True, 1000))


def _sample(rng: random.Random, syms: list, rels, exprs, count: int, fixed: dict,
            lopsided: list | None = None) -> tuple[list[dict], list[list]]:
    """Points where the relations hold and every expression is defined (and off its kinks), with the
    expressions' values there. Points where exactly one of two sides is undefined (log of a negative
    number on one side only) are collected in `lopsided`: a domain mismatch, not evidence of equality."""
    points: list[dict] = []
    values: list[list] = []
    for positive, scale in _SAMPLING:
        attempts = 0
        while len(points) < count and attempts < 12 * count + 12:
            attempts += 1
            p = dict(fixed)
            for s in syms:
                p[s] = _random_value(rng, positive, scale)
            if not _rels_hold(rels, p):
                continue
            vals = [_num(e, p) for e in exprs]
            if any(v is None for v in vals):
                if lopsided is not None and len(exprs) == 2 and not lopsided:
                    if numeric.defined(exprs[0], p) != numeric.defined(exprs[1], p):
                        lopsided.append(p)
                continue
            points.append(p)
            values.append(vals)
        if len(points) >= count:
            break
    return points, values


def _kink_args(exprs) -> list:
    args = []
    for e in exprs:
        args += [h.args[0] for h in e.atoms(sp.Heaviside)]
        args += [f.args[0] for f in e.atoms(sp.Function) if type(f).__name__ == "ReLU"]
        args += [f.args[0] for f in e.atoms(sp.Abs, sp.sign)]
        for m in e.atoms(sp.Max, sp.Min):
            args += [x - y for x, y in itertools.combinations(m.args, 2)]
        for pw in e.atoms(sp.Piecewise):
            for _, c in pw.args:
                if isinstance(c, sp.core.relational.Relational):
                    args.append(c.lhs - c.rhs)
    out = []
    for g in args:
        if g not in out and g.free_symbols:
            out.append(g)
    return out[:12]


def _kink_points(rng: random.Random, syms: list, rels, exprs) -> list[dict]:
    """Exact points on each kink whose argument is linear in some input (that input solved for)."""
    points = []
    for g in _kink_args(exprs):
        for s in sorted(g.free_symbols, key=lambda s: s.name):
            if s not in syms:
                continue
            c = sp.diff(g, s)
            if c.free_symbols or c == 0 or s in sp.expand(g - c * s).free_symbols:
                continue
            for _ in range(3):
                p = {x: _random_value(rng, False) for x in syms if x != s}
                value = sp.expand(-(g - c * s) / c).xreplace(p)
                if not value.is_Rational:
                    continue
                # on the kink, and on both sides of it, near and far: a step like (x > 5) = 0 or
                # max(x, 10) = 10 differs only where random values in [-3, 3] never go
                found = False
                for shift in (0, sp.Rational(1, 8), -sp.Rational(1, 8), 2, -2, 20, -20):
                    q = dict(p)
                    q[s] = value + shift
                    if _rels_hold_exact(rels, q):
                        points.append(q)
                        found = True
                if found:
                    break
            break
        else:
            points += _curved_kink_points(rng, g, syms, rels)
    return points


def _curved_kink_points(rng: random.Random, g, syms: list, rels) -> list[dict]:
    """Points on both sides of a kink whose argument is not linear in any input alone ((x^2 > 100),
    (x y > 50), max(x^2, 100)): the other inputs fixed at random, the argument's real roots in one
    input found numerically, and rational points near and far on both sides of each root."""
    out: list[dict] = []
    for s in sorted(g.free_symbols, key=lambda s: s.name):
        if s not in syms:
            continue
        p = {x: _random_value(rng, False) for x in syms if x != s}
        try:
            h = sp.expand(g.xreplace(p))
            if h.free_symbols != {s} or not h.is_polynomial(s):
                continue
            poly = sp.Poly(h, s)
            if poly.degree() < 1 or poly.degree() > 8:
                continue
            roots = [r for r in poly.nroots(n=30) if r.is_real]
        except Exception:  # a polynomial SymPy cannot root: no extra points, never a verdict
            continue
        for r in roots[:4]:
            centre = sp.Rational(round(float(r) * 10 ** 6), 10 ** 6)
            for shift in (sp.Rational(1, 1000), -sp.Rational(1, 1000), sp.Rational(1, 8), -sp.Rational(1, 8), 2, -2, 20, -20):
                q = dict(p)
                q[s] = centre + shift
                if _rels_hold_exact(rels, q):
                    out.append(q)
        if roots:
            break
    return out
