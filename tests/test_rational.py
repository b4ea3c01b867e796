"""The fast exact zero test (proofcheck/check/rational.py): identities of rational functions in their
generators are shown; everything else is left alone (False means "not shown"), in particular every
false claim a shortcut here could let through."""

from __future__ import annotations

import random
import time
from fractions import Fraction

import pytest
import sympy as sp

from proofcheck.check import rational
from proofcheck.check.rational import rational_zero

x, y, z, w, b = sp.symbols("x y z w b")
s = 1 / (1 + sp.exp(-z))  # the sigmoid as translate writes it
e1, e2, e3 = sp.exp(x), sp.exp(2 * y), sp.exp(-z / 3)
S = e1 + e2 + e3

IDENTITIES = {
    "common denominator": x / (x + y) + y / (x + y) - 1,
    "cross-multiplied": 1 / x + 1 / y - (x + y) / (x * y),
    "sigmoid derivative": sp.diff(s, z) - s * (1 - s),
    "sigmoid complement": (1 - s) - sp.exp(-z) / (1 + sp.exp(-z)),
    "exp of a sum": sp.exp(x + y) - sp.exp(x) * sp.exp(y),
    "exp of a negative": sp.exp(-x) * sp.exp(x) - 1,
    "exp of a double": sp.exp(2 * x) - sp.exp(x) ** 2,
    "exp of a half": sp.exp(x / 2) * (sp.exp(x / 2) + 1) - sp.exp(x) - sp.exp(x / 2),
    "exp of thirds": sp.exp(2 * x / 3) * sp.exp(x / 3) * sp.exp(-y) - sp.exp(x) / sp.exp(y),
    "softmax derivative": sp.diff(e1 / S, x) - (e1 / S) * (1 - e1 / S),
    "softmax cross term": sp.diff(e1 / S, y) + (e1 / S) * (2 * e2 / S),
    "logistic loss gradient": sp.diff(-(w * sp.log(s) + (1 - w) * sp.log(1 - s)), z) - (s - w),
    "same function applied": sp.log(x + 1) * sp.sqrt(y) - sp.sqrt(y) * sp.log(1 + x),
    "roots as generators": sp.sqrt(2) * x / 2 - x / sp.sqrt(2),
    "powers of one root": (x + y + z) / (x + y) ** sp.Rational(3, 2) - (1 / sp.sqrt(x + y) + z / (x + y) ** sp.Rational(3, 2)),
    "a root squared": (sp.sqrt(x + 1) + 1) * (sp.sqrt(x + 1) - 1) - x,
    "a root's thirds and halves": x ** sp.Rational(1, 2) * (x ** sp.Rational(1, 3) + y) - x ** sp.Rational(5, 6) - y * sp.sqrt(x),
    "a power of a sum": (x + y) ** 3 - (x ** 3 + 3 * x ** 2 * y + 3 * x * y ** 2 + y ** 3),
}

# false claims that a slip in this module would accept: each must stay "not shown"
FALSE = {
    "exp is not additive": sp.exp(x + y) - (sp.exp(x) + sp.exp(y)),
    "exp(2x) is not exp(x)": sp.exp(2 * x) - sp.exp(x),
    "exp(x/2) is not exp(x)": sp.exp(x / 2) - sp.exp(x),
    "exp(x/2) is not 1": sp.exp(x / 2) - 1,
    "exp(x/3) squared is not exp(x)": sp.exp(x / 3) * sp.exp(x / 3) * (1 + y) - sp.exp(x) * (1 + y),
    "exp(-x) is not -exp(x)": sp.exp(-x) + sp.exp(x),
    "log is not multiplicative": sp.log(x * y) - sp.log(x) - sp.log(y),
    "sqrt(x^2) is not x": sp.sqrt(x ** 2) - x,
    "sqrt(x)^2 relation is not |x|": sp.sqrt(x + 1) * (sp.sqrt(x + 1) + y) - (x + 2) - y * sp.sqrt(x + 1),
    "a root is not its base": sp.sqrt(x + y) * (1 + z) - (x + y) * (1 + z),
    "a half power is not a third": x ** sp.Rational(1, 2) * (1 + y) - x ** sp.Rational(1, 3) * (1 + y),
    "|x| is not x": sp.Abs(x) - x,
    "two fractions over one denominator": x / (x + y) + y / (x + y) - 2,
    "a dropped cross term": 1 / x + 1 / y - 1 / (x + y),
    "a constant off": (x + 1) ** 2 - (x ** 2 + 2 * x + 2),
    "a sign off in a softmax": sp.diff(e1 / S, y) - (e1 / S) * (2 * e2 / S),
    "an exponent off": sp.diff(s, z) - s * (1 - s) ** 2,
    "floats are not exact": sp.Float("0.1") + sp.Float("0.2") - sp.Rational(3, 10),
    "an infinity is not a number": sp.oo * x - sp.oo * x if (sp.oo * x - sp.oo * x) != sp.nan else sp.zoo * x,
    "exp of a constant is left alone": sp.exp(x + 1) - sp.E * sp.exp(x) + 1,
}


@pytest.mark.parametrize("name", sorted(IDENTITIES))
def test_identities_are_shown(name):
    assert rational_zero(IDENTITIES[name]), IDENTITIES[name]


@pytest.mark.parametrize("name", sorted(FALSE))
def test_false_claims_are_not_shown(name):
    assert not rational_zero(FALSE[name]), FALSE[name]


def test_limits_give_up_instead_of_working_without_end(monkeypatch):
    big = (x + y + z + w + b + 1) ** 40 * (x - y) - ((x + y + z + w + b + 1) ** 40 * x - (x + y + z + w + b + 1) ** 40 * y)
    start = time.process_time()
    assert not rational_zero(big)  # its expansion could have C(45, 5) terms: left to the slow route
    assert time.process_time() - start < 1
    assert not rational_zero((x + 1) ** 70 * (x - 1) - (x ** 2 - 1) * (x + 1) ** 69)  # a power past MAX_POWER
    monkeypatch.setattr(rational, "MAX_TERMS", 10)
    assert not rational_zero((x + y + z + 1) ** 3 - sp.expand((x + y + z + 1) ** 3))  # 20 terms > 10


def _random_expr(rng: random.Random, depth: int) -> sp.Expr:
    leaves = [x, y, z, sp.Integer(rng.randint(-3, 3)) or sp.Integer(1), sp.Rational(rng.randint(1, 5), rng.randint(1, 5))]
    if depth == 0:
        return rng.choice(leaves)
    a, c = _random_expr(rng, depth - 1), _random_expr(rng, depth - 1)
    op = rng.choice(["add", "mul", "div", "exp", "sub", "pow"])
    if op == "add":
        return a + c
    if op == "sub":
        return a - c
    if op == "mul":
        return a * c
    if op == "div":
        return a / (c ** 2 + 1)
    if op == "pow":
        return a ** rng.randint(2, 3)
    return sp.exp(rng.choice([x, y, -x, 2 * y, x + y, z / 2]))


def _value(e: sp.Expr, point: dict) -> sp.Float | None:
    v = e.evalf(50, subs=point)
    return v if v.is_finite and v.is_real else None


def test_random_differences_agree_with_exact_evaluation():
    """Whenever a random difference is shown zero it is zero at random points (to 40 digits), and a
    difference that is not zero at some point is never shown zero."""
    rng = random.Random(11)
    shown = 0
    for _ in range(300):
        a = _random_expr(rng, 3)
        same = sp.expand(a) if rng.random() < 0.5 else a + (x - x + 1 if rng.random() < 0.5 else 0)
        d = a - same
        verdict = rational_zero(d)
        points = [{x: sp.Rational(rng.randint(-9, 9), rng.randint(1, 9)), y: sp.Rational(rng.randint(-9, 9), 7),
                   z: sp.Rational(rng.randint(1, 9), 5)} for _ in range(3)]
        values = [_value(d, p) for p in points]
        nonzero = any(v is not None and abs(v) > sp.Float("1e-40") for v in values)
        if verdict:
            shown += 1
            assert not nonzero, (d, values)
        if nonzero:
            assert not verdict, d
    assert shown > 50  # the test exercised the positive side


# ------------------------------------------------------------------ the polynomial reading (FLINT)

POLYNOMIAL_IDENTITIES = {
    "a power of a sum": IDENTITIES["a power of a sum"],
    "same function applied": IDENTITIES["same function applied"],
    "distributed over opaque parts": sp.exp(x) * (s + y) * (s - y) - (sp.exp(x) * s ** 2 - sp.exp(x) * y ** 2),
    "inverses as parts": (1 / (1 + sp.exp(-z))) ** 2 * (x + 1) - x / (1 + sp.exp(-z)) ** 2 - 1 / (1 + sp.exp(-z)) ** 2,
    "rational coefficients": sp.Rational(1, 3) * (x + sp.Rational(3, 2) * y) ** 2 - (x ** 2 / 3 + x * y + sp.Rational(3, 4) * y ** 2),
}


@pytest.mark.parametrize("name", sorted(POLYNOMIAL_IDENTITIES))
def test_polynomial_identities_are_shown(name):
    assert rational.polynomial_zero(POLYNOMIAL_IDENTITIES[name]), POLYNOMIAL_IDENTITIES[name]


@pytest.mark.parametrize("name", sorted(FALSE))
def test_false_claims_are_not_shown_by_the_polynomial_reading(name):
    assert not rational.polynomial_zero(FALSE[name]), FALSE[name]


def test_the_polynomial_reading_gives_up_at_its_limits(monkeypatch):
    start = time.process_time()
    big = (x + y + z + w + b + 1) ** 40 * (x - y) - ((x + y + z + w + b + 1) ** 40 * x - (x + y + z + w + b + 1) ** 40 * y)
    assert not rational.polynomial_zero(big)
    assert time.process_time() - start < 1
    monkeypatch.setattr(rational, "MAX_TERMS", 10)
    assert not rational.polynomial_zero((x + y + z + 1) ** 3 - sp.expand((x + y + z + 1) ** 3))  # 20 terms > 10


def _exact(e: sp.Expr, parts: dict, rng: random.Random) -> Fraction:
    """e in exact fractions, read node by node here (not by the module under test): sums, products, integer
    powers and rationals; every other subtree is an opaque part with a random value (the same for equal parts)."""
    if e.is_Rational:
        return Fraction(int(e.p), int(e.q))
    if e.is_Add:
        return sum((_exact(a, parts, rng) for a in e.args), Fraction(0))
    if e.is_Mul:
        out = Fraction(1)
        for a in e.args:
            out *= _exact(a, parts, rng)
        return out
    if e.is_Pow and e.exp.is_Integer:
        return _exact(e.base, parts, rng) ** int(e.exp)  # ZeroDivisionError: that point says nothing
    if e not in parts:
        parts[e] = Fraction(rng.choice([-1, 1]) * rng.randint(1, 50), rng.randint(1, 13))
    return parts[e]


def test_the_polynomial_reading_agrees_with_exact_evaluation():
    """Shown zero: zero in exact arithmetic at random values of the parts; not zero at some values: never
    shown zero (the oracle is `_exact` above, Python's fractions, not FLINT or SymPy's polynomials)."""
    rng = random.Random(12)
    shown = refused = 0
    for _ in range(300):
        a = _random_expr(rng, 3)
        same = sp.expand(a) if rng.random() < 0.5 else a * (1 + (x - x)) + (0 if rng.random() < 0.5 else 1)
        d = a - same
        verdict = rational.polynomial_zero(d)
        values = []
        for _ in range(3):
            try:
                values.append(_exact(d, {}, random.Random(rng.random())))
            except ZeroDivisionError:
                pass
        if verdict:
            shown += 1
            assert all(v == 0 for v in values), (d, values)
        if any(v != 0 for v in values):
            refused += 1
            assert not verdict, d
    assert shown > 50 and refused > 50  # both sides exercised
