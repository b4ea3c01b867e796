"""`domain.holds_everywhere`: a condition shown over one denominator (`1 - \\sigma(z)` is e^{-z}/(1 + e^{-z}))
and the claims that rule must not let through: a difference whose sign its common form does not fix, a
piecewise condition, a condition too large to combine."""

from __future__ import annotations

import sympy as sp

from proofcheck.check.domain import NONNEGATIVE, NONZERO, POSITIVE, Condition, holds_everywhere

z, w, x, b = sp.symbols("z w x b", real=True)


def _sigma(u):
    return 1 / (1 + sp.exp(-u))


def _holds(kind, e) -> bool:
    holds_everywhere.cache_clear()
    return holds_everywhere(Condition(kind, e, "test"))


def test_one_minus_sigmoid_is_positive_by_its_common_form():
    u = w * x + b
    assert _holds(POSITIVE, 1 - _sigma(u))
    assert _holds(POSITIVE, _sigma(u) * (1 - _sigma(u)))
    assert _holds(NONZERO, 1 - _sigma(z))
    assert _holds(NONNEGATIVE, 1 - _sigma(z))


def test_signs_the_common_form_does_not_fix_are_not_shown():
    """Each of these is negative somewhere (by hand at z = 1: 1 - 2 sigma(1) < 0 as sigma(1) > 1/2;
    sigma(1) - 1/2 > 0 but sigma(-1) - 1/2 < 0; 1 - 1/(1 + e^{-z})^2 at z = 1 is positive, at z = -1 it is
    1 - 1/(1 + e)^2 > 0 too, but 1 - 3 sigma(z) at z = 0 is -1/2)."""
    for e in (1 - 2 * _sigma(z), _sigma(z) - sp.Rational(1, 2), 1 - 3 * _sigma(z), 1 - 1 / (1 + x ** 2) - sp.Rational(1, 2)):
        assert not _holds(POSITIVE, e), e
    assert not _holds(NONNEGATIVE, x / (1 + x ** 2))  # negative for x < 0


def test_piecewise_and_large_conditions_are_not_combined():
    """Left to the region machinery: a piecewise condition (this one is positive, by hand: 1 - sigma(z) for
    z > 0, 1/2 for z < 0) and one past MAX_TOGETHER_OPS are not brought over one denominator."""
    assert not _holds(POSITIVE, 1 - 1 / (1 + sp.exp(-z)) * sp.Heaviside(z) - sp.Rational(1, 2) * sp.Heaviside(-z))
    big = 1 - sum(_sigma(sp.Symbol(f"z{k}", real=True)) / 40 for k in range(40))  # positive, but over the cap
    assert not _holds(POSITIVE, big)


def test_hyperbolic_conditions_over_one_denominator():
    """`1 - \\tanh(u)^2` is 4/(e^u + e^{-u})^2 and `1 \\pm \\tanh u` are 2e^{\\mp u}/(e^u + e^{-u}); the false ones
    are negative somewhere (by hand: 1 - 2 tanh(3)^2 < 0 as tanh(3) > 0.99; tanh(u) - tanh(x) at u = -1, x = 1;
    cosh(u) - 2 at u = 0)."""
    u = w * x + b
    assert _holds(POSITIVE, 1 - sp.tanh(u) ** 2)
    assert _holds(POSITIVE, (1 - sp.tanh(u)) * (1 + sp.tanh(u)))
    assert _holds(POSITIVE, 1 - sp.tanh(u) * sp.tanh(x))
    for e in (1 - 2 * sp.tanh(u) ** 2, sp.tanh(u) - sp.tanh(x), sp.cosh(u) - 2, sp.sinh(u) * sp.tanh(u) - 1):
        assert not _holds(POSITIVE, e), e

