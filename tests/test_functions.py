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
