"""Concrete functions that stand for undeclared ones (check/functions.py): which of them are special
cases for a step, and so can refute it but are no evidence for it (`functions.degenerate`).

Each case names the false claim the rule stops: a claim that holds for a special case only would be
`numeric` when the assumption is satisfied by that family alone (tests/adversarial/readings/
r31x_assumed_function_family.proof has the end-to-end cases).
"""

from __future__ import annotations

import random

import pytest
import sympy as sp

from proofcheck.check.functions import degenerate, random_function

x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)

CUBIC, EXPONENTIAL, SINE = 0, 1, 2


def _mapping(kind: int, arity: int) -> dict:
    fn, _, _ = random_function(random.Random(7), "g", arity, kind)
    return {(sp.Function("g"), arity): fn}


def _fourth_difference(t):
    g = sp.Function("g")
    return g(t + 2) - 4 * g(t + 1) + 6 * g(t) - 4 * g(t - 1) + g(t - 2)


@pytest.mark.parametrize("kind, exprs, assumed, special", [
    # `g'''' ` of a cubic is 0 at every x: `assume (g'''')^2 <= 0` then `g'''''' = 0` is seen for cubics only
    (CUBIC, [sp.Derivative(sp.Function("g")(x), (x, 4))], [], True),
    (EXPONENTIAL, [sp.Derivative(sp.Function("g")(x), (x, 4))], [], False),
    (SINE, [sp.Derivative(sp.Function("g")(x), (x, 4))], [], False),
    (CUBIC, [sp.Derivative(sp.Function("g")(x), (x, 3))], [], False),
    # the sine family is a sum of one-input terms: its mixed partial is 0 at every point
    (SINE, [sp.Derivative(sp.Function("g")(x, y), x, y)], [], True),
    (CUBIC, [sp.Derivative(sp.Function("g")(x, y), x, y)], [], False),
    (EXPONENTIAL, [sp.Derivative(sp.Function("g")(x, y), x, y)], [], False),
    # an assumption's term that is constant for the family: a cubic's fourth difference is 0 at every x
    (CUBIC, [], [_fourth_difference(x) ** 2], True),
    (EXPONENTIAL, [], [_fourth_difference(x) ** 2], False),
    (SINE, [], [_fourth_difference(x) ** 2], False),
    # an ordinary assumption about the function is no special case
    (CUBIC, [], [sp.Function("g")(x) ** 2 + x], False),
    (CUBIC, [], [sp.Function("g")(0)], False),
])
def test_special_cases(kind, exprs, assumed, special):
    arity = 2 if any(e.has(sp.Function("g")(x, y)) for e in exprs) else 1
    assert degenerate([*exprs, *assumed], assumed, _mapping(kind, arity)) is special


def _d(k: int):
    return sp.Derivative(sp.Function("g")(x), (x, k))


# one annihilator per family: g^(4) (cubic), g^(5) + g^(3) (sine), g^(4) g^(2) - (g^(3))^2 (exponential)
_ANNIHILATED = _d(4) * (_d(5) + _d(3)) * (_d(4) * _d(2) - _d(3) ** 2)


@pytest.mark.parametrize("kind", [CUBIC, EXPONENTIAL, SINE])
def test_a_constant_part_of_a_side_is_special(kind):
    """Each family has a factor of the product that vanishes identically for it (its part of the side is
    a constant), so none is evidence for `product = 0`, which is false for g = x^5 at x = 1."""
    assert degenerate([_ANNIHILATED, sp.Integer(0)], [], _mapping(kind, 1), (_ANNIHILATED, sp.Integer(0))) is True


def test_a_whole_side_is_no_part():
    """A side that is a constant for the family is no special case by itself (a true claim's side may vanish
    for every function): only its proper parts count. g^(4) g^(2) - (g^(3))^2 is 0 for every exponential
    draw, but as the whole side of `... = 0` it leaves the draw as evidence (the cubic and sine draws refute
    that claim); as a factor of a side it makes the draw a special case."""
    side = _d(4) * _d(2) - _d(3) ** 2
    assert degenerate([side], [], _mapping(EXPONENTIAL, 1), (side, sp.Integer(0))) is False
    assert degenerate([side * x], [], _mapping(EXPONENTIAL, 1), (side * x, sp.Integer(0))) is True


def test_polynomial_degree_covers_the_written_jets():
    """A step that writes g up to its 5th derivative draws a polynomial of degree 6, whose derivatives are
    no special case (the expanded annihilator product of readings/r33_hidden_annihilators); a step within
    the cubic's reach keeps the cubic; a step past MAX_MONOMIALS gets no polynomial evidence."""
    from proofcheck.check.functions import polynomial_degree
    g = sp.Function("g")
    assert polynomial_degree(g, 1, [_d(5) * _d(2)]) == 6
    assert polynomial_degree(g, 1, [_d(2) + g(x)]) == 3
    assert polynomial_degree(g, 1, [_fourth_difference(x)]) == 5
    assert polynomial_degree(g, 2, [sp.Derivative(g(x, y), (x, 2), (y, 2))]) == 5
    z = sp.Symbol("z", real=True)
    assert polynomial_degree(g, 3, [sp.Derivative(g(x, y, z), x, z)]) == 4  # the cubic of several inputs has no x z
    assert polynomial_degree(g, 2, [sp.Derivative(g(x, y), x)]) == 3
    assert polynomial_degree(g, 1, [sum(g(x + k) for k in range(20))]) is None
    fn, _, _ = random_function(random.Random(7), "g", 1, CUBIC, 6)
    assert sp.expand(sp.diff(fn(x), x, 6)) != 0
    assert degenerate([_ANNIHILATED.expand()], [], {(g, 1): fn}, (_ANNIHILATED.expand(), sp.Integer(0))) is False
