"""The extremum search's exact solver and its caps (proofcheck/check/extrema.py): what it finds, and
that every cap is a Budget (the step unknown), never a silent cut. The claims it makes refutable are
data in tests/adversarial/redteam_numeric/faces.proof."""

from __future__ import annotations

import random

import pytest
import sympy as sp

from proofcheck.check import extrema
from proofcheck.check.kinks import Budget

x, y, z = sp.symbols("x y z", real=True)


def _gradient(p, vs):
    return [sp.diff(p, v) for v in vs]


def test_degenerate_coupled_minimum_is_found_exactly():
    """RN81's core: Newton creeps there; the eliminants give (1, 2) exactly."""
    p = (x - 1) ** 4 * (y ** 2 + 1) + (y - 2) ** 6
    assert extrema._polynomial_solutions(_gradient(p, [x, y]), [x, y], p) == [{x: 1, y: 2}]


def test_every_real_critical_point_in_three_inputs():
    """(x^2 - 1)^2 + (y^2 - 4)^2 + (z - 1/3)^2 has 3 * 3 real critical points, all found."""
    p = (x ** 2 - 1) ** 2 + (y ** 2 - 4) ** 2 + (z - sp.Rational(1, 3)) ** 2
    found = extrema._polynomial_solutions(_gradient(p, [x, y, z]), [x, y, z], p)
    expected = [{x: a, y: b, z: sp.Rational(1, 3)} for a in (-1, 0, 1) for b in (-2, 0, 2)]
    assert sorted(found, key=lambda d: (d[x], d[y])) == expected


def test_irrational_critical_point_is_rounded_within_reach():
    """A critical point at sqrt 2 is given as a rational within 2^-(200 + the constants' bits)."""
    p = (x ** 2 - 2) ** 4 + (y - x) ** 2
    found = extrema._polynomial_solutions(_gradient(p, [x, y]), [x, y], p)
    near = [d for d in found if d[x] > 1]
    assert len(near) == 1 and abs(near[0][x] - sp.sqrt(2)).evalf(100) < sp.Rational(1, 2 ** 200)


def test_curve_of_critical_points_in_two_inputs():
    """The gradient of (x^2 + y^2 - 2)^2 vanishes on the whole circle: split off as a common factor, a
    point of it with a vertical tangent is found (and the centre, from the cofactor)."""
    p = (x ** 2 + y ** 2 - 2) ** 2
    found = extrema._polynomial_solutions(_gradient(p, [x, y]), [x, y], p)
    assert {x: 0, y: 0} in found
    on_circle = [d for d in found if d != {x: 0, y: 0}]
    assert on_circle and all(abs(d[x] ** 2 + d[y] ** 2 - 2) < sp.Rational(1, 2 ** 100) for d in on_circle)


def test_not_polynomial_or_too_many_unknowns_is_left_to_newton():
    assert extrema._polynomial_solutions([sp.exp(x) - y, x - y], [x, y], x) is None
    w = sp.Symbol("w", real=True)
    assert extrema._polynomial_solutions([x, y, z, w], [x, y, z, w], x) is None


def test_eliminant_above_its_cap_is_a_budget():
    """Three coupled sextics: eliminating two unknowns needs degree up to 36 * 36 > MAX_ELIMINANT_DEGREE."""
    eqs = [x ** 6 + y ** 6 + z ** 6 + x * y - 1, x ** 6 - y ** 5 * z + 2, z ** 6 + x ** 5 * y - 3]
    assert 36 * 36 > extrema.MAX_ELIMINANT_DEGREE
    with pytest.raises(Budget):
        extrema._polynomial_solutions(eqs, [x, y, z], x)


def test_too_many_faces_is_a_budget():
    """An argument with 23 kinks in two inputs has 23 + 253 faces to search: more than MAX_KINK_SUBSETS."""
    g = sum(sp.Abs(x - k * y - k) for k in range(23))
    assert 23 + 253 > extrema.MAX_KINK_SUBSETS
    with pytest.raises(Budget):
        extrema.extremum_points(random.Random(0), [g], [x, y], {x: sp.Integer(0), y: sp.Integer(0)})


def test_curved_vertex_and_face():
    """RN78's vertex (1, 1) where the circle meets x = y, and RN79's extremum on the plane x = 5."""
    g = sp.Abs(x ** 2 + y ** 2 - 2) + sp.Abs(x - y) - sp.Rational(1, 100)
    starts = [[sp.Rational(1, 3), sp.Rational(2, 7)]]
    assert {x: 1, y: 1} in extrema.face_points(g, [x, y], starts)
    h = sp.Abs(x - 5) + (y - 5) ** 2 + (z - 5) ** 2 - sp.Rational(1, 100)
    assert {x: 5, y: 5, z: 5} in extrema.face_points(h, [x, y, z], [[sp.Integer(0)] * 3])
