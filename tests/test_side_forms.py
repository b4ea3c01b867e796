"""far.side_form rewrites a kink argument for one side of its probe line (exponential forms of
sinh/cosh/tanh/sech with their exponentials merged, |u| of one sign written as +-u, c sqrt(A) + B
conjugated, logs of exponentials peeled). Whatever it writes must have the same value as the argument
at every point of that side where the argument has one: checked here at random points, near and far,
on random arguments, with mpmath at 200 digits evaluating both trees (the original is the oracle)."""

from __future__ import annotations

import random

import mpmath
import pytest
import sympy as sp

from proofcheck.check.far import side_form
from proofcheck.check.kinks import _T

T = _T
CASES = 20  # in the default run; the slow run checks MORE_CASES more
MORE_CASES = 400
POINTS = 12


def _poly(rng: random.Random) -> sp.Expr:
    """A small polynomial in t with integer coefficients (degree 1 or 2)."""
    degree = rng.choice([1, 1, 2])
    return sum(rng.randint(-3, 3) * T ** k for k in range(degree)) + rng.choice([1, -1, 2]) * T ** degree


def _term(rng: random.Random) -> sp.Expr:
    p = _poly(rng)
    kind = rng.randrange(9)
    if kind == 0:
        return sp.sinh(p)
    if kind == 1:
        return sp.cosh(p)
    if kind == 2:
        return sp.tanh(p)
    if kind == 3:
        return sp.sech(p)
    if kind == 4:
        return sp.Abs(p)
    if kind == 5:
        return sp.sqrt(p ** 2 + rng.randint(1, 5))
    if kind == 6:
        return sp.log(sp.exp(p) + sp.exp(-p))
    if kind == 7:
        return sp.exp(p)
    return p


def _argument(rng: random.Random) -> sp.Expr:
    """A sum of products of one or two terms, the kind of argument the far search meets
    (`\\sinh(x)\\mathrm{sech}(x) - 1`, `\\sqrt{x^2 + 1} - |x|`)."""
    out = sp.Integer(rng.randint(-2, 2))
    for _ in range(rng.randint(1, 3)):
        f = _term(rng)
        if rng.random() < 0.5:
            f = f * _term(rng)
        out += rng.choice([1, -1]) * f
    return out


def _value(f, t: mpmath.mpf):
    try:
        v = f(t)
    except (ZeroDivisionError, ValueError, OverflowError):
        return None
    if isinstance(v, mpmath.mpc) or not mpmath.isfinite(v):
        return None
    return v


@pytest.mark.parametrize("seed", range(CASES))
def test_side_forms_keep_every_value(seed: int) -> None:
    _check(seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(CASES, CASES + MORE_CASES))
def test_side_forms_keep_every_value_more(seed: int) -> None:
    _check(seed)


def _check(seed: int) -> None:
    rng = random.Random(seed)
    g = _argument(rng)
    with mpmath.workdps(200):
        for side in (1, -1):
            for start in (sp.S.Zero, sp.Integer(4096)):
                h = side_form(g, side, start)
                if h == g:
                    continue
                fg, fh = sp.lambdify(T, g, modules="mpmath"), sp.lambdify(T, h, modules="mpmath")
                for _ in range(POINTS):
                    magnitude = mpmath.mpf(10) ** rng.uniform(-3, 2.5) + int(start)
                    t = side * magnitude
                    a, b = _value(fg, t), _value(fh, t)
                    if a is None:
                        continue
                    assert b is not None, f"{g} -> {h} has no value at t = {t}"
                    assert abs(a - b) <= mpmath.mpf(10) ** -120 * max(1, abs(a)), f"{g} -> {h} at t = {t}: {a} != {b}"
