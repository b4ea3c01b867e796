"""Random exact sample points: small signed rationals first, wider or generic ones when asked.

Kept apart from the probes (`regions`) and the extremum search (`extrema`), which both draw from it."""

from __future__ import annotations

import random

import sympy as sp

# signed values in [-3, 3] first; positive ones where sides are undefined for negatives; wider ranges
# only when assumptions (`assume x > 100`) reject the narrow ones
_SAMPLING = ((False, 1), (True, 1), (False, 40), (True, 40), (True, 1000))
ATTEMPTS_PER_POINT = 12
GENERIC_EVERY = 3  # with `generic`, one candidate in 3 has a large random denominator
GENERIC_BITS = 24  # the size of that denominator


def _random_value(rng: random.Random, positive: bool, scale: int = 1) -> sp.Rational:
    q = rng.choice((2, 3, 4, 5, 7, 8, 9, 11))
    if positive:
        p = rng.randint(1, 3 * q * scale)
    else:
        p = rng.choice([-1, 1]) * rng.randint(1, 3 * q * scale)
    return sp.Rational(p, q)


def _generic_value(rng: random.Random, positive: bool, scale: int = 1) -> sp.Rational:
    """A value with a random denominator of about GENERIC_BITS bits: the small denominators of
    `_random_value` all divide 27720, so `\\sin(27720 \\pi x) = 0` holds at every one of them."""
    q = rng.randrange(2 ** (GENERIC_BITS - 1), 2 ** GENERIC_BITS)
    p = rng.randint(1, 3 * q * scale)
    return sp.Rational(p if positive or rng.random() < 0.5 else -p, q)


def random_points(rng: random.Random, syms: list, count: int, generic: bool = False):
    """Candidate points, narrow signed values first (see _SAMPLING); the caller keeps the useful
    ones and stops. Each range gets ATTEMPTS_PER_POINT tries per wanted point. `generic`: every
    GENERIC_EVERY-th candidate has large random denominators (not a point of a small lattice)."""
    for positive, scale in _SAMPLING:
        for i in range(ATTEMPTS_PER_POINT * count + ATTEMPTS_PER_POINT):
            draw = _generic_value if generic and i % GENERIC_EVERY == 0 else _random_value
            yield {s: draw(rng, positive, scale) for s in syms}, (positive, scale)
