"""An independent oracle for the numeric families of the adversarial suite: no SymPy, no proofcheck.

Every claim of tests/adversarial/{precision,regions,domains,refutations,approx}/ whose line carries
`oracle: ID` has an entry here, written by hand from the claim's mathematics with mpmath at 320 digits
or more (or exact Fractions), and checked by tests/test_numeric_oracle.py:
- a false claim has a *witness*: a point (satisfying the claim's assumptions) where both sides are
  defined and differ, or where one side is undefined on a whole neighbourhood while the other is
  defined (the domain rule); at a given point (`at`), one side undefined there suffices;
- a true claim is evaluated at random points: wherever both sides are defined they agree, and no
  point has exactly one side defined (isolated singularities are never hit by random rationals);
- an `\\approx` claim compares the exact left value with the range of the right side over the rounding
  intervals of its decimals (every right side here is monotone in each rounded number, so the range
  is spanned by the corners; the oracle evaluates all corners).

Conventions (docs/language.md): inputs are real; log needs x > 0; a root or a non-integer real power
needs a non-negative base (0 only for a positive power); an indicator (x > 0) is 0 at 0, (x >= 0) is 1;
ReLU'(0) = 0; Heaviside as SymPy's derivative of max(x, y) is 1/2 at ties. A point on a kink is an
exact root: Fractions exactly, algebraic roots to the working precision, and an argument within
10^-(digits - 30) of 0 there counts as 0.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable

import mpmath

DIGITS = 320
mp = mpmath.mp


class Undefined(Exception):
    """No real value."""


def _tiny():
    return mpmath.mpf(10) ** (-(mp.dps - 30))


# ------------------------------------------------------------------ the language's functions


def exp(x):
    return mpmath.exp(x)


def log(x):
    if x <= 0:
        raise Undefined("log")
    return mpmath.log(x)


def sqrt(x):
    if x < 0:
        raise Undefined("sqrt")
    return mpmath.sqrt(x)


def rpow(x, p: Fraction):
    """x^p for a non-integer rational p: a non-negative base only (0 only to a positive power)."""
    if x < 0 or (x == 0 and p <= 0):
        raise Undefined("real power")
    if x == 0:
        return mpmath.mpf(0)
    return mpmath.power(_mp(x), _mp(p))


def div(a, b):
    if b == 0:
        raise Undefined("division by zero")
    return _mp(a) / _mp(b)


def sign(g) -> int:
    if abs(g) < _tiny():
        return 0
    return 1 if g > 0 else -1


def gt(a, b) -> int:  # (a > b)
    return 1 if sign(a - b) > 0 else 0


def ge(a, b) -> int:  # (a >= b)
    return 1 if sign(a - b) >= 0 else 0


def eq(a, b) -> int:
    return 1 if sign(a - b) == 0 else 0


def relu(x):
    return x if sign(x) > 0 else 0


def sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def tanh(x):
    return mpmath.tanh(x)


def softmax(h: list, i: int):
    return mpmath.exp(h[i]) / mpmath.fsum(mpmath.exp(x) for x in h)


# ------------------------------------------------------------------ claims


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    lhs: Callable[[dict], object]
    rhs: Callable[[dict], object]
    witness: dict | None = None  # false claims: where it fails
    at_point: bool = False  # the witness is the given point: one side undefined there suffices
    sample: dict = field(default_factory=dict)  # true claims: variable -> (low, high) of random points
    assume: Callable[[dict], bool] | None = None
    digits: int = DIGITS
    scale: int = 0  # true claims with cancelling terms as large as e^scale: agreement is to that size

    @property
    def false(self) -> bool:
        return self.witness is not None


@dataclass(frozen=True)
class Approx:
    """`left \\approx right(r_1, ...)`: the decimals of the right side as written."""

    id: str
    text: str
    left: Callable[[], object]
    right: Callable[..., object]
    decimals: tuple[str, ...]
    false: bool
    digits: int = DIGITS


def interval(text: str) -> tuple[Fraction, Fraction]:
    """A decimal's rounding interval (e-notation moves the last written digit)."""
    mant, _, ex = text.lower().partition("e")
    places = (len(mant.split(".")[1]) if "." in mant else 0) - (int(ex) if ex else 0)
    v = Fraction(text)
    half = Fraction(1, 2) * Fraction(10) ** (-places)
    return v - half, v + half


F = Fraction  # exact witness coordinates (converted at the working precision when checked)
R = mpmath.mpf
E = mpmath.e


def Q(p, q=1):
    """p/q at the working precision, inside a claim's sides."""
    return mpmath.mpf(p) / q


def _x(v):
    return v["x"]


CLAIMS: list[Claim] = [
    # precision/01_masked_terms.proof
    Claim("P01", "x + e^{200} = e^{200}", lambda v: v["x"] + exp(200), lambda v: exp(200), {"x": F(1)}),
    Claim("P02", "e^{1000} + 1 = e^{1000}", lambda v: exp(1000) + 1, lambda v: exp(1000), {}, digits=500),
    Claim("P03", "1 + e^{-200} = 1", lambda v: 1 + exp(-200), lambda v: R(1), {}),
    Claim("P04", "log(e^200 + x) = 200", lambda v: log(exp(200) + v["x"]), lambda v: R(200), {"x": F(1)}),
    Claim("P05", "x e^300 + 1 = x e^300", lambda v: v["x"] * exp(300) + 1, lambda v: v["x"] * exp(300), {"x": F(1)}),
    Claim("P06", "(1 + e^-100)^2 = 1 + 2e^-100", lambda v: (1 + exp(-100)) ** 2, lambda v: 1 + 2 * exp(-100), {}),
    Claim("P07", "log(1 + e^-200) = 0", lambda v: log(1 + exp(-200)), lambda v: R(0), {}),
    Claim("P08", "log(1 + e^-300 x^2) = 0", lambda v: log(1 + exp(-300) * v["x"] ** 2), lambda v: R(0), {"x": F(1)}),
    Claim("P09", "tanh(200) = 1", lambda v: tanh(200), lambda v: R(1), {}),
    Claim("P10", "1/(1 + e^-800) = 1", lambda v: 1 / (1 + exp(-800)), lambda v: R(1), {}, digits=400),
    Claim("P11", "e^x (1 + e^-150) = e^x", lambda v: exp(v["x"]) * (1 + exp(-150)), lambda v: exp(v["x"]), {"x": F(0)}),
    Claim("P12", "log(e^500 + e^x) = 500", lambda v: log(exp(500) + exp(v["x"])), lambda v: R(500), {"x": F(0)}),
    Claim("P13", "sqrt(e^400 + 1) = e^200", lambda v: sqrt(exp(400) + 1), lambda v: exp(200), {}),
    Claim("P14", "(e^100 + 1)(e^100 - 1) = e^200", lambda v: (exp(100) + 1) * (exp(100) - 1), lambda v: exp(200), {}),
    Claim("P15", "(e^300 + x)/e^300 = 1", lambda v: (exp(300) + v["x"]) / exp(300), lambda v: R(1), {"x": F(1)}),
    Claim("P16", "1 + 10^-40 x^2 + 10^-40 = 1 + 10^-40 x^2", lambda v: 1 + Q(1, 10 ** 40) * v["x"] ** 2 + Q(1, 10 ** 40),
          lambda v: 1 + Q(1, 10 ** 40) * v["x"] ** 2, {"x": F(1)}),
    Claim("P17", "exp(-10^4 x^2 - 1) = 0", lambda v: exp(-10 ** 4 * v["x"] ** 2 - 1), lambda v: R(0), {"x": F(1)}),
    Claim("P18", "x/(1 + e^-300) = x", lambda v: v["x"] / (1 + exp(-300)), lambda v: v["x"], {"x": F(1)}),
    Claim("P19", "log(1 + e^-400 + x^2) = log(1 + x^2)", lambda v: log(1 + exp(-400) + v["x"] ** 2),
          lambda v: log(1 + v["x"] ** 2), {"x": F(0)}),
    Claim("T01", "e^200 + x - e^200 = x", lambda v: exp(200) + v["x"] - exp(200), lambda v: v["x"], sample={"x": (-5, 5)}, scale=200),
    Claim("T02", "1/(1 + e^-x) + 1/(1 + e^x) = 1", lambda v: 1 / (1 + exp(-v["x"])) + 1 / (1 + exp(v["x"])), lambda v: R(1),
          sample={"x": (-50, 50)}),
    Claim("T03", "(e^100 + 1)(e^100 - 1) = e^200 - 1", lambda v: (exp(100) + 1) * (exp(100) - 1), lambda v: exp(200) - 1, sample={}),
    Claim("T04", "tanh x = 1 - 2/(e^2x + 1)", lambda v: tanh(v["x"]), lambda v: 1 - 2 / (exp(2 * v["x"]) + 1), sample={"x": (-9, 9)}),
    Claim("T05", "log(1 + e^x) - log(1 + e^-x) = x", lambda v: log(1 + exp(v["x"])) - log(1 + exp(-v["x"])), _x,
          sample={"x": (-9, 9)}),
    Claim("T09", "log(e^200 x) = 200 + log x", lambda v: log(exp(200) * v["x"]), lambda v: 200 + log(v["x"]), sample={"x": (-5, 5)}),
    # precision/02_saturation.proof (assume x > 100; softmax with h_1 > h_2 + 500)
    Claim("P20", "tanh x = 1", lambda v: tanh(v["x"]), lambda v: R(1), {"x": F(150)}, assume=lambda v: v["x"] > 100),
    Claim("P21", "tanh x = 1 - 2e^-2x", lambda v: tanh(v["x"]), lambda v: 1 - 2 * exp(-2 * v["x"]), {"x": F(101)},
          assume=lambda v: v["x"] > 100),
    Claim("P22", "1/(1 + e^-x) = 1", lambda v: 1 / (1 + exp(-v["x"])), lambda v: R(1), {"x": F(150)}, assume=lambda v: v["x"] > 100),
    Claim("P23", "log(1 + e^x) = x", lambda v: log(1 + exp(v["x"])), _x, {"x": F(150)}, assume=lambda v: v["x"] > 100),
    Claim("P24", "e^x/(e^x + 1) = 1", lambda v: exp(v["x"]) / (exp(v["x"]) + 1), lambda v: R(1), {"x": F(150)},
          assume=lambda v: v["x"] > 100),
    Claim("P25", "o_1 = 1 (h_1 > h_2 + 500)", lambda v: softmax([v["h_1"], v["h_2"]], 0), lambda v: R(1), {"h_1": F(501), "h_2": F(0)},
          assume=lambda v: v["h_1"] > v["h_2"] + 500),
    Claim("P26", "o_2 = 0 (h_1 > h_2 + 500)", lambda v: softmax([v["h_1"], v["h_2"]], 1), lambda v: R(0), {"h_1": F(501), "h_2": F(0)},
          assume=lambda v: v["h_1"] > v["h_2"] + 500),
    Claim("T06", "o_1 + o_2 = 1", lambda v: softmax([v["h_1"], v["h_2"]], 0) + softmax([v["h_1"], v["h_2"]], 1), lambda v: R(1),
          sample={"h_1": (500, 600), "h_2": (-5, 5)}),
    Claim("P35", "erf(10) = 1", lambda v: mpmath.erf(10), lambda v: R(1), {}),
    Claim("P36", "Phi(40) = 1", lambda v: (1 + mpmath.erf(40 / mpmath.sqrt(2))) / 2, lambda v: R(1), {}, digits=400),
    Claim("P37", "softplus(60) = 60", lambda v: log(1 + exp(60)), lambda v: R(60), {}),
    Claim("P38", "GELU(12) = 12", lambda v: 12 * (1 + mpmath.erf(12 / mpmath.sqrt(2))) / 2, lambda v: R(12), {}),
    Claim("T68", "softplus(x) - softplus(-x) = x", lambda v: log(1 + exp(v["x"])) - log(1 + exp(-v["x"])), _x,
          sample={"x": (-9, 9)}),
    # precision/03_at_point.proof
    Claim("P27", "o_1 = 1 at h = (1000, 0)", lambda v: softmax([R(1000), R(0)], 0), lambda v: R(1), {}, at_point=True, digits=600),
    Claim("P28", "o_2 = 0 at h = (1000, 0)", lambda v: softmax([R(1000), R(0)], 1), lambda v: R(0), {}, at_point=True, digits=600),
    Claim("T07", "o_1 = 1/(1 + e^-1000) at h = (1000, 0)", lambda v: softmax([R(1000), R(0)], 0), lambda v: 1 / (1 + exp(-1000)),
          sample={}, digits=600),
    Claim("P29", "s = 1 at z = 300", lambda v: sigmoid(R(300)), lambda v: R(1), {}, at_point=True),
    Claim("P30", "1 - s = 0 at z = 300", lambda v: 1 - sigmoid(R(300)), lambda v: R(0), {}, at_point=True),
    Claim("P31", "s(1 - s) = 0 at z = 300", lambda v: sigmoid(R(300)) * (1 - sigmoid(R(300))), lambda v: R(0), {}, at_point=True),
    Claim("T08", "s = e^300/(e^300 + 1) at z = 300", lambda v: sigmoid(R(300)), lambda v: exp(300) / (exp(300) + 1), sample={}),
    Claim("P32", "x^20 = 0 at x = 10^-6", lambda v: Q(1, 10 ** 6) ** 20, lambda v: Q(0), {}, at_point=True),
    Claim("P33", "log(1 + x^30) = 0 at x = 10^-6", lambda v: log(1 + Q(1, 10 ** 6) ** 30), lambda v: R(0), {}, at_point=True),
    Claim("P34", "e^(-1/x) = 0 at x = 10^-6", lambda v: exp(-R(10) ** 6), lambda v: R(0), {}, at_point=True),
    # regions/01_narrow_far.proof
    Claim("R01", "(0 < x < 0.01) = 0", lambda v: gt(v["x"], 0) * gt(Q(1, 100), v["x"]), lambda v: 0, {"x": F(1, 200)}),
    Claim("R02", "(exp x > 1000) = 0", lambda v: gt(exp(v["x"]), 1000), lambda v: 0, {"x": F(7)}),
    Claim("R03", "max(exp x, 100) = 100", lambda v: max(exp(v["x"]), R(100)), lambda v: R(100), {"x": F(5)}),
    Claim("R04", "(x^9 > 10^6) = 0", lambda v: gt(v["x"] ** 9, 10 ** 6), lambda v: 0, {"x": F(5)}),
    Claim("R05", "1 + exp(-100000 x^2) = 1", lambda v: 1 + exp(-100000 * v["x"] ** 2), lambda v: R(1), {"x": F(1, 1000)}),
    Claim("R06", "(x > 0)(x < 10^-9) = 0", lambda v: gt(v["x"], 0) * gt(Q(1, 10 ** 9), v["x"]), lambda v: 0, {"x": F(1, 10 ** 10)}),
    Claim("R07", "(x^2 < 10^-6) = 0", lambda v: gt(Q(1, 10 ** 6), v["x"] ** 2), lambda v: 0, {"x": F(0)}),
    Claim("R08", "(exp(-x) > 10^6) = 0", lambda v: gt(exp(-v["x"]), 10 ** 6), lambda v: 0, {"x": F(-14)}),
    Claim("R09", "ReLU(x - 1000) = 0", lambda v: relu(v["x"] - 1000), lambda v: 0, {"x": F(1001)}),
    Claim("R10", "ReLU(e^x - 10^5) = 0", lambda v: relu(exp(v["x"]) - 10 ** 5), lambda v: 0, {"x": F(12)}),
    Claim("R11", "max(x^2, 10^-8) = x^2", lambda v: max(v["x"] ** 2, Q(1, 10 ** 8)), lambda v: v["x"] ** 2, {"x": F(0)}),
    Claim("R12", "|x^2 - 10^-6| = x^2 - 10^-6", lambda v: abs(v["x"] ** 2 - Q(1, 10 ** 6)), lambda v: v["x"] ** 2 - Q(1, 10 ** 6),
          {"x": F(0)}),
    Claim("R13", "(tanh x > 0.999999) = 0", lambda v: gt(tanh(v["x"]), Q(999999, 10 ** 6)), lambda v: 0, {"x": F(8)}),
    Claim("R14", "(sigmoid(x) > 0.99) = (x > 5)", lambda v: gt(sigmoid(v["x"]), Q(99, 100)), lambda v: gt(v["x"], 5), {"x": F(48, 10)}),
    Claim("R15", "(x^3 > 2) = (x > 1.26)", lambda v: gt(v["x"] ** 3, 2), lambda v: gt(v["x"], Q(126, 100)), {"x": F(125995, 100000)}),
    Claim("R16", "(x^3 - 10^-6 x > 0) = (x > 0)", lambda v: gt(v["x"] ** 3 - Q(1, 10 ** 6) * v["x"], 0), lambda v: gt(v["x"], 0),
          {"x": F(1, 10 ** 4)}),
    Claim("R17", "(x y > 50) = 0", lambda v: gt(v["x"] * v["y"], 50), lambda v: 0, {"x": F(10), "y": F(10)}),
    Claim("R18", "((x - 5)^2 + (y - 5)^2 < 0.01) = 0", lambda v: gt(Q(1, 100), (v["x"] - 5) ** 2 + (v["y"] - 5) ** 2), lambda v: 0,
          {"x": F(5), "y": F(5)}),
    Claim("R19", "(0 < w x + b < 0.001) = 0", lambda v: gt(v["w"] * v["x"] + v["b"], 0) * gt(Q(1, 1000), v["w"] * v["x"] + v["b"]),
          lambda v: 0, {"w": F(1), "x": F(1, 10 ** 4), "b": F(0)}),
    Claim("R20", "max(x, y, z) = max(x, y)", lambda v: max(v["x"], v["y"], v["z"]), lambda v: max(v["x"], v["y"]),
          {"x": F(0), "y": F(0), "z": F(1)}),
    Claim("R21", "min(x, 10^6) = x", lambda v: min(v["x"], Q(10 ** 6)), _x, {"x": F(10 ** 6 + 1)}),
    Claim("R22", "(x^4 - 5x^2 + 4 < 0)(x > 1.5) = 0", lambda v: gt(0, v["x"] ** 4 - 5 * v["x"] ** 2 + 4) * gt(v["x"], Q(3, 2)),
          lambda v: 0, {"x": F(19, 10)}),
    Claim("R23", "(x > 3)(x < 3.000001) = 0", lambda v: gt(v["x"], 3) * gt(Q(3000001, 10 ** 6), v["x"]), lambda v: 0,
          {"x": F(30000005, 10 ** 7)}),
    Claim("R24", "ReLU(log x - 10) = 0", lambda v: relu(log(v["x"]) - 10), lambda v: 0, {"x": F(30000)}),
    Claim("T10", "(x > 0) + (x <= 0) = 1", lambda v: gt(v["x"], 0) + ge(0, v["x"]), lambda v: 1, sample={"x": (-5, 5)}),
    Claim("T11", "ReLU(x) - ReLU(-x) = x", lambda v: relu(v["x"]) - relu(-v["x"]), _x, sample={"x": (-5, 5)}),
    Claim("T12", "max(x, y) + min(x, y) = x + y", lambda v: max(v["x"], v["y"]) + min(v["x"], v["y"]), lambda v: v["x"] + v["y"],
          sample={"x": (-5, 5), "y": (-5, 5)}),
    Claim("T13", "|x| = ReLU(x) + ReLU(-x)", lambda v: abs(v["x"]), lambda v: relu(v["x"]) + relu(-v["x"]), sample={"x": (-5, 5)}),
    Claim("T14", "(x^2 > 2) = (x > sqrt 2) + (x < -sqrt 2)", lambda v: gt(v["x"] ** 2, 2),
          lambda v: gt(v["x"], sqrt(2)) + gt(-sqrt(2), v["x"]), sample={"x": (-5, 5)}),
    Claim("T15", "(x^3 > 2) = (x > cbrt 2)", lambda v: gt(v["x"] ** 3, 2), lambda v: gt(v["x"], mpmath.cbrt(2)), sample={"x": (-5, 5)}),
    Claim("T16", "(exp x > 1000) = (x > log 1000)", lambda v: gt(exp(v["x"]), 1000), lambda v: gt(v["x"], log(1000)),
          sample={"x": (-10, 10)}),
    # regions/02_boundaries.proof: witnesses exactly on a kink
    Claim("R25", "d/dw ReLU(w x) = x (w x >= 0)", lambda v: v["x"] * gt(v["w"] * v["x"], 0), lambda v: v["x"] * ge(v["w"] * v["x"], 0),
          {"w": F(0), "x": F(1)}),
    Claim("R26", "(x >= 0) = (x > 0)", lambda v: ge(v["x"], 0), lambda v: gt(v["x"], 0), {"x": F(0)}),
    Claim("R27", "d/dx |x| = (x >= 0) - (x < 0)", lambda v: sign(v["x"]), lambda v: ge(v["x"], 0) - gt(0, v["x"]), {"x": F(0)}),
    Claim("R28", "(x^2 >= 2) = (x^2 > 2)", lambda v: ge(v["x"] ** 2, 2), lambda v: gt(v["x"] ** 2, 2), {"x": "sqrt2"}),
    Claim("R29", "d/dx ReLU(x^2 - 2) = 2x (x^2 >= 2)", lambda v: 2 * v["x"] * gt(v["x"] ** 2, 2), lambda v: 2 * v["x"] * ge(v["x"] ** 2, 2),
          {"x": "sqrt2"}),
    Claim("R30", "d/dx max(x, y) = (x > y)", lambda v: Q(1, 2) if v["x"] == v["y"] else gt(v["x"], v["y"]),
          lambda v: gt(v["x"], v["y"]), {"x": F(1), "y": F(1)}),
    Claim("R31", "cases(1 if x = 3, else 0) = 0", lambda v: eq(v["x"], 3), lambda v: 0, {"x": F(3)}),
    Claim("R32", "(x^3 >= 2) = (x^3 > 2)", lambda v: ge(v["x"] ** 3, 2), lambda v: gt(v["x"] ** 3, 2), {"x": "cbrt2"}),
    Claim("R33", "(x y >= 1) = (x y > 1)", lambda v: ge(v["x"] * v["y"], 1), lambda v: gt(v["x"] * v["y"], 1), {"x": F(2), "y": F(1, 2)}),
    Claim("R34", "(x > 0.5) - (x < 0.5) = (x >= 0.5) - (x < 0.5)", lambda v: gt(v["x"], Q(1, 2)) - gt(Q(1, 2), v["x"]),
          lambda v: ge(v["x"], Q(1, 2)) - gt(Q(1, 2), v["x"]), {"x": F(1, 2)}),
    Claim("R35", "(exp x >= 1000) = (exp x > 1000)", lambda v: ge(exp(v["x"]), 1000), lambda v: gt(exp(v["x"]), 1000), {"x": "log1000"}),
    Claim("R36", "d/dx ReLU(x^5 - x - 1) = (5x^4 - 1)(x^5 - x - 1 >= 0)",
          lambda v: (5 * v["x"] ** 4 - 1) * gt(v["x"] ** 5 - v["x"] - 1, 0),
          lambda v: (5 * v["x"] ** 4 - 1) * ge(v["x"] ** 5 - v["x"] - 1, 0), {"x": "quintic"}),
    Claim("T17", "d/dx ReLU(x) = (x > 0)", lambda v: gt(v["x"], 0), lambda v: gt(v["x"], 0), sample={"x": (-5, 5)}),
    Claim("T18", "d/dx |x| = (x > 0) - (x < 0)", lambda v: sign(v["x"]), lambda v: gt(v["x"], 0) - gt(0, v["x"]), sample={"x": (-5, 5)}),
    Claim("T19", "d/dx ReLU(x^2 - 2) = 2x (x^2 > 2)", lambda v: 2 * v["x"] * gt(v["x"] ** 2, 2), lambda v: 2 * v["x"] * gt(v["x"] ** 2, 2),
          sample={"x": (-5, 5)}),
    Claim("T20", "d/dx max(x, y) = (x > y) + (x = y)/2", lambda v: Q(1, 2) if v["x"] == v["y"] else gt(v["x"], v["y"]),
          lambda v: gt(v["x"], v["y"]) + Q(1, 2) * eq(v["x"], v["y"]), sample={"x": (-5, 5), "y": (-5, 5)}),
    Claim("T69", "d/dx |x| = sign(x)", lambda v: sign(v["x"]), lambda v: sign(v["x"]), sample={"x": (-5, 5)}),
    Claim("R41", "sign(x) = (x >= 0) - (x < 0)", lambda v: sign(v["x"]), lambda v: ge(v["x"], 0) - gt(0, v["x"]), {"x": F(0)}),
    Claim("R42", "sign(x^3 - 10^-6 x) = sign(x)", lambda v: sign(v["x"] ** 3 - Q(1, 10 ** 6) * v["x"]), lambda v: sign(v["x"]),
          {"x": F(1, 10 ** 4)}),
    # regions/03_decoys.proof
    Claim("R37", "13 indicators, (x > 7) against (x >= 7)", lambda v: sum(gt(v["x"], k) for k in range(1, 14)),
          lambda v: sum(gt(v["x"], k) for k in range(1, 14) if k != 7) + ge(v["x"], 7), {"x": F(7)}),
    Claim("T21", "prod_k (x > k) = (x > 13)", lambda v: _prod(gt(v["x"], k) for k in range(1, 14)), lambda v: gt(v["x"], 13),
          sample={"x": (-20, 20)}),
    Claim("R38", "prod_k (x > k) = (x > 12)", lambda v: _prod(gt(v["x"], k) for k in range(1, 14)), lambda v: gt(v["x"], 12),
          {"x": F(25, 2)}),
    Claim("R39", "sum_k (x > k) = 13 (x > 13)", lambda v: sum(gt(v["x"], k) for k in range(1, 14)), lambda v: 13 * gt(v["x"], 13),
          {"x": F(2)}),
    Claim("R40", "13 inputs, (x_13 >= 0) against (x_13 > 0)", lambda v: ge(v["x_13"], 0), lambda v: gt(v["x_13"], 0), {"x_13": F(0)}),
    # regions/04_max_of_steps.proof
    Claim("R43", "max((x > 0), (x < 0)) = 1", lambda v: max(gt(v["x"], 0), gt(0, v["x"])), lambda v: 1, {"x": F(0)}),
    Claim("R44", "max((x >= 10^-30), (x < 0)) = 1", lambda v: max(ge(v["x"], Q(1, 10 ** 30)), gt(0, v["x"])), lambda v: 1,
          {"x": F(1, 10 ** 31)}),
    Claim("R45", "min((x > 0), (x > 1)) = (x >= 1)", lambda v: min(gt(v["x"], 0), gt(v["x"], 1)), lambda v: ge(v["x"], 1), {"x": F(1)}),
    Claim("R46", "max((x > 0) x, (x < 0)) = (x > 0) x + (x < -10^-20)", lambda v: max(gt(v["x"], 0) * v["x"], gt(0, v["x"])),
          lambda v: gt(v["x"], 0) * v["x"] + gt(-Q(1, 10 ** 20), v["x"]), {"x": -F(1, 10 ** 21)}),
    Claim("T70", "max((x > 0), (x < 0), (x = 0)) = 1", lambda v: max(gt(v["x"], 0), gt(0, v["x"]), eq(v["x"], 0)), lambda v: 1,
          sample={"x": (-5, 5)}),
    Claim("T71", "max((x > 0), 2 (x > 1)) = (x > 0) + (x > 1)", lambda v: max(gt(v["x"], 0), 2 * gt(v["x"], 1)),
          lambda v: gt(v["x"], 0) + gt(v["x"], 1), sample={"x": (-5, 5)}),
    Claim("T72", "min((x > 0), (x > 1)) = (x > 1)", lambda v: min(gt(v["x"], 0), gt(v["x"], 1)), lambda v: gt(v["x"], 1),
          sample={"x": (-5, 5)}),
    Claim("T73", "max((x > 0) x, (x < 0)) = (x > 0) x + (x < 0)", lambda v: max(gt(v["x"], 0) * v["x"], gt(0, v["x"])),
          lambda v: gt(v["x"], 0) * v["x"] + gt(0, v["x"]), sample={"x": (-5, 5)}),
    # regions/05_root_factor_edges.proof
    Claim("R47", "(sqrt x (x - 10^-30) < 0) = 0", lambda v: gt(0, sqrt(v["x"]) * (v["x"] - Q(1, 10 ** 30))), lambda v: 0,
          {"x": F(1, 10 ** 31)}),
    Claim("R48", "(sqrt x sqrt(10^-30 - x) > 0) = 0", lambda v: gt(sqrt(v["x"]) * sqrt(Q(1, 10 ** 30) - v["x"]), 0),
          lambda v: 0, {"x": F(1, 2 * 10 ** 30)}),
    Claim("R49", "(sqrt(x - 10^-30) sqrt(2 10^-30 - x) > 0) = 0",
          lambda v: gt(sqrt(v["x"] - Q(1, 10 ** 30)) * sqrt(Q(2, 10 ** 30) - v["x"]), 0), lambda v: 0,
          {"x": F(3, 2 * 10 ** 30)}),
    Claim("R50", "(sqrt a sqrt b (a - 10^-40) < 0) = 0",
          lambda v: gt(0, sqrt(v["a"]) * sqrt(v["b"]) * (v["a"] - Q(1, 10 ** 40))), lambda v: 0,
          {"a": F(1, 10 ** 41), "b": F(1)}),
    Claim("R51", "(sqrt a sqrt(10^-30 - b) > 0)(a < 10^-30) = 0",
          lambda v: gt(sqrt(v["a"]) * sqrt(Q(1, 10 ** 30) - v["b"]), 0) * gt(Q(1, 10 ** 30), v["a"]), lambda v: 0,
          {"a": F(1, 10 ** 31), "b": F(0)}),
    Claim("T74", "(sqrt x sqrt(x + 1) > 0) = (sqrt x > 0)", lambda v: gt(sqrt(v["x"]) * sqrt(v["x"] + 1), 0),
          lambda v: gt(sqrt(v["x"]), 0), sample={"x": (-5, 5)}),
    Claim("T75", "(sqrt x sqrt(1 - x) >= 0) = (sqrt x sqrt(1 - x) + 1 > 0)", lambda v: ge(sqrt(v["x"]) * sqrt(1 - v["x"]), 0),
          lambda v: gt(sqrt(v["x"]) * sqrt(1 - v["x"]) + 1, 0), sample={"x": (-0.25, 1.25)}),
    Claim("T76", "sqrt a sqrt b |y| = |sqrt a sqrt b| |y|", lambda v: sqrt(v["a"]) * sqrt(v["b"]) * abs(v["y"]),
          lambda v: abs(sqrt(v["a"]) * sqrt(v["b"])) * abs(v["y"]), sample={"a": (0, 5), "b": (0, 5), "y": (-5, 5)}),
    # domains/01_erased_domains.proof: witnesses where one side is undefined on a neighbourhood
    Claim("D01", "(sqrt x)^2 = x", lambda v: sqrt(v["x"]) ** 2, _x, {"x": F(-1)}),
    Claim("D02", "e^(log x) = x", lambda v: exp(log(v["x"])), _x, {"x": F(-1)}),
    Claim("D03", "(x^(1/3))^3 = x", lambda v: rpow(v["x"], Q(1, 3)) ** 3, _x, {"x": F(-1)}),
    Claim("D04", "log(x^2) = 2 log x", lambda v: log(v["x"] ** 2), lambda v: 2 * log(v["x"]), {"x": F(-1)}),
    Claim("D05", "sqrt(x y) = sqrt x sqrt y", lambda v: sqrt(v["x"] * v["y"]), lambda v: sqrt(v["x"]) * sqrt(v["y"]),
          {"x": F(-1), "y": F(-1)}),
    Claim("D06", "log(x y) = log x + log y", lambda v: log(v["x"] * v["y"]), lambda v: log(v["x"]) + log(v["y"]), {"x": F(-1), "y": F(-1)}),
    Claim("D07", "e^(log x + log y) = x y", lambda v: exp(log(v["x"]) + log(v["y"])), lambda v: v["x"] * v["y"], {"x": F(-1), "y": F(1)}),
    Claim("D08", "(sqrt x)^2 = |x|", lambda v: sqrt(v["x"]) ** 2, lambda v: abs(v["x"]), {"x": F(-1)}),
    Claim("D09", "(x^(1/2))^4 = x^2", lambda v: rpow(v["x"], Q(1, 2)) ** 4, lambda v: v["x"] ** 2, {"x": F(-1)}),
    Claim("D10", "log x - log x = 0", lambda v: log(v["x"]) - log(v["x"]), lambda v: 0, {"x": F(-1)}),
    Claim("D11", "sqrt(x - 1) sqrt(1 - x) = 0", lambda v: sqrt(v["x"] - 1) * sqrt(1 - v["x"]), lambda v: 0, {"x": F(2)}),
    Claim("D12", "sqrt x / sqrt x = 1", lambda v: div(sqrt(v["x"]), sqrt(v["x"])), lambda v: 1, {"x": F(-1)}),
    Claim("D13", "x^0.5 x^0.5 = x", lambda v: rpow(v["x"], Q(1, 2)) * rpow(v["x"], Q(1, 2)), _x, {"x": F(-1)}),
    Claim("D14", "sqrt(x^2 - 1) = sqrt(x - 1) sqrt(x + 1)", lambda v: sqrt(v["x"] ** 2 - 1), lambda v: sqrt(v["x"] - 1) * sqrt(v["x"] + 1),
          {"x": F(-2)}),
    Claim("D15", "log(x/y) = log x - log y", lambda v: log(div(v["x"], v["y"])), lambda v: log(v["x"]) - log(v["y"]),
          {"x": F(-1), "y": F(-1)}),
    Claim("D16", "sqrt(x^2) = x", lambda v: sqrt(v["x"] ** 2), _x, {"x": F(-1)}),
    Claim("D17", "(x^2)^(1/2) = x", lambda v: rpow(v["x"] ** 2, Q(1, 2)), _x, {"x": F(-1)}),
    Claim("D18", "log(e^x) = log(e^x + 0x) + log x - log x", lambda v: log(exp(v["x"])),
          lambda v: log(exp(v["x"])) + log(v["x"]) - log(v["x"]), {"x": F(-1)}),
    Claim("D19", "sqrt x / sqrt x = 1 (as a product)", lambda v: div(1, sqrt(v["x"])) * sqrt(v["x"]), lambda v: 1, {"x": F(-1)}),
    Claim("D20", "x^(1/4) x^(3/4) = x", lambda v: rpow(v["x"], Q(1, 4)) * rpow(v["x"], Q(3, 4)), _x, {"x": F(-1)}),
    Claim("D21", "(sqrt x)^2 = x with x > -1", lambda v: sqrt(v["x"]) ** 2, _x, {"x": F(-1, 2)}, assume=lambda v: v["x"] > -1),
    Claim("T65", "d/dx log x = 1/x (x > 0)", lambda v: 1 / v["x"], lambda v: 1 / v["x"], sample={"x": (0, 5)}),
    Claim("T66", "d/dx log x = 1/|x| (x > 0)", lambda v: 1 / v["x"], lambda v: 1 / abs(v["x"]), sample={"x": (0, 5)}),
    Claim("T67", "d/dx log(x^2) = 2/x (x != 0)", lambda v: 2 * v["x"] / v["x"] ** 2, lambda v: 2 / v["x"], sample={"x": (-5, 5)}),
    Claim("D28", "d/dx log x = 2/x", lambda v: 1 / v["x"], lambda v: 2 / v["x"], {"x": F(1)}),
    Claim("D29", "d/dx sqrt x = 1/sqrt x", lambda v: 1 / (2 * sqrt(v["x"])), lambda v: 1 / sqrt(v["x"]), {"x": F(1)}),
    # domains/03_one_denominator.proof (z = w x + b, p = sigma(z))
    Claim("T77", "log(p (1 - p)) = log p + log(1 - p)",
          lambda v: log(sigmoid(v["w"] * v["x"] + v["b"]) * (1 - sigmoid(v["w"] * v["x"] + v["b"]))),
          lambda v: log(sigmoid(v["w"] * v["x"] + v["b"])) + log(1 - sigmoid(v["w"] * v["x"] + v["b"])),
          sample={"w": (-5, 5), "x": (-5, 5), "b": (-5, 5)}),
    Claim("T78", "-log(1 - p) = log(1 + e^z)", lambda v: -log(1 - sigmoid(v["w"] * v["x"] + v["b"])),
          lambda v: log(1 + exp(v["w"] * v["x"] + v["b"])), sample={"w": (-5, 5), "x": (-5, 5), "b": (-5, 5)}),
    Claim("T79", "log(p/(1 - p)) = z",
          lambda v: log(div(sigmoid(v["w"] * v["x"] + v["b"]), 1 - sigmoid(v["w"] * v["x"] + v["b"]))),
          lambda v: v["w"] * v["x"] + v["b"], sample={"w": (-5, 5), "x": (-5, 5), "b": (-5, 5)}),
    Claim("D30", "log(1 - 2/(1 + e^-z)) = log|e^-z - 1| - log(1 + e^-z)",
          lambda v: log(1 - div(2, 1 + exp(-(v["w"] * v["x"] + v["b"])))),
          lambda v: log(abs(exp(-(v["w"] * v["x"] + v["b"])) - 1)) - log(1 + exp(-(v["w"] * v["x"] + v["b"]))),
          {"w": F(1), "x": F(1), "b": F(0)}),
    Claim("T80", "log(1 - sigma(z)) - log(sigma(z)) = -z",
          lambda v: log(1 - sigmoid(v["w"] * v["x"] + v["b"])) - log(sigmoid(v["w"] * v["x"] + v["b"])),
          lambda v: -(v["w"] * v["x"] + v["b"]),
          sample={"w": (-5, 5), "x": (-5, 5), "b": (-5, 5)}),
    Claim("D31", "log(1/(1 + e^-z) - 1/2) = log|1 - e^-z| - log(2 + 2 e^-z)",
          lambda v: log(div(1, 1 + exp(-(v["w"] * v["x"] + v["b"]))) - Q(1, 2)),
          lambda v: log(abs(1 - exp(-(v["w"] * v["x"] + v["b"])))) - log(2 + 2 * exp(-(v["w"] * v["x"] + v["b"]))),
          {"w": F(-1), "x": F(1), "b": F(0)}),
    Claim("T34", "x/x = 1", lambda v: div(v["x"], v["x"]), lambda v: 1, sample={"x": (-5, 5)}),
    Claim("T35", "(x^2 - 1)/(x - 1) = x + 1", lambda v: div(v["x"] ** 2 - 1, v["x"] - 1), lambda v: v["x"] + 1, sample={"x": (-5, 5)}),
    Claim("T36", "e^(log(x)/2) = sqrt x", lambda v: exp(log(v["x"]) / 2), lambda v: sqrt(v["x"]), sample={"x": (0, 5)}),
    Claim("T37", "x^(3/2) = x sqrt x", lambda v: rpow(v["x"], Q(3, 2)), lambda v: v["x"] * sqrt(v["x"]), sample={"x": (-5, 5)}),
    Claim("T38", "x/sqrt x = sqrt x", lambda v: div(v["x"], sqrt(v["x"])), lambda v: sqrt(v["x"]), sample={"x": (-5, 5)}),
    Claim("T39", "log(e^x) = x", lambda v: log(exp(v["x"])), _x, sample={"x": (-5, 5)}),
    Claim("T40", "1/(1/x) = x", lambda v: div(1, div(1, v["x"])), _x, sample={"x": (-5, 5)}),
    Claim("T41", "(sqrt x)^2 = x, x > 0", lambda v: sqrt(v["x"]) ** 2, _x, sample={"x": (0, 5)}),
    Claim("T42", "e^(log x) = x, x > 0", lambda v: exp(log(v["x"])), _x, sample={"x": (0, 5)}),
    Claim("T43", "log(x y) = log x + log y, x, y > 0", lambda v: log(v["x"] * v["y"]), lambda v: log(v["x"]) + log(v["y"]),
          sample={"x": (0, 5), "y": (0, 5)}),
    Claim("T44", "(sqrt x)^2 = x, x >= 0", lambda v: sqrt(v["x"]) ** 2, _x, sample={"x": (0, 5)}),
    Claim("T45", "(x^(1/3))^3 = x, x >= 0", lambda v: rpow(v["x"], Q(1, 3)) ** 3, _x, sample={"x": (0, 5)}),
    Claim("T46", "e^(log x) = x, x >= 0", lambda v: exp(log(v["x"])), _x, sample={"x": (0, 5)}),
    # domains/02_given_point.proof
    Claim("D22", "x/x = 1 at x = 0", lambda v: div(Q(0), Q(0)), lambda v: 1, {}, at_point=True),
    Claim("D23", "log x - log x = 0 at x = 0", lambda v: log(Q(0)) - log(Q(0)), lambda v: 0, {}, at_point=True),
    Claim("D24", "(x^2 - 4)/(x - 2) = 4 at x = 2", lambda v: div(Q(0), Q(0)), lambda v: 4, {}, at_point=True),
    Claim("D25", "(sqrt x)^2 = x at x = -1", lambda v: sqrt(Q(-1)) ** 2, lambda v: -1, {}, at_point=True),
    Claim("D26", "(x^(1/3))^3 = x at x = -1", lambda v: rpow(Q(-1), Q(1, 3)) ** 3, lambda v: -1, {}, at_point=True),
    Claim("D27", "(-8)^(1/3) = -2", lambda v: rpow(Q(-8), Q(1, 3)), lambda v: -2, {}, at_point=True),
    Claim("T47", "sqrt 4 = 2", lambda v: sqrt(4), lambda v: 2, sample={}),
    # refutations/01_no_wrong_refutation.proof (true claims must stay accepted at every seed)
    Claim("T48", "(x^2 - 1)/(x - 1) = x + 1", lambda v: div(v["x"] ** 2 - 1, v["x"] - 1), lambda v: v["x"] + 1, sample={"x": (-5, 5)}),
    Claim("T49", "(x^3 - 8)/(x - 2) = x^2 + 2x + 4", lambda v: div(v["x"] ** 3 - 8, v["x"] - 2), lambda v: v["x"] ** 2 + 2 * v["x"] + 4,
          sample={"x": (-5, 5)}),
    Claim("T50", "x y / y = x", lambda v: div(v["x"] * v["y"], v["y"]), _x, sample={"x": (-5, 5), "y": (-5, 5)}),
    Claim("T51", "|x|/x = (x > 0) - (x < 0)", lambda v: div(abs(v["x"]), v["x"]), lambda v: gt(v["x"], 0) - gt(0, v["x"]),
          sample={"x": (-5, 5)}),
    Claim("T52", "(e^x - 1)/(e^x - 1) = 1", lambda v: div(exp(v["x"]) - 1, exp(v["x"]) - 1), lambda v: 1, sample={"x": (-5, 5)}),
    Claim("T53", "(x^2 - x)/(x^2 - 1) = x/(x + 1)", lambda v: div(v["x"] ** 2 - v["x"], v["x"] ** 2 - 1), lambda v: div(v["x"], v["x"] + 1),
          sample={"x": (-5, 5)}),
    Claim("T54", "(1 - cos^2 x)/sin x = sin x", lambda v: div(1 - mpmath.cos(v["x"]) ** 2, mpmath.sin(v["x"])),
          lambda v: mpmath.sin(v["x"]), sample={"x": (-5, 5)}),
    Claim("T55", "sqrt a sqrt b |y| = |sqrt a sqrt b| |y|", lambda v: sqrt(v["a"]) * sqrt(v["b"]) * abs(v["y"]),
          lambda v: abs(sqrt(v["a"]) * sqrt(v["b"])) * abs(v["y"]), sample={"a": (-1, 5), "b": (-1, 5), "y": (-5, 5)}),
    Claim("T56", "sqrt a sqrt b = |sqrt a| sqrt b", lambda v: sqrt(v["a"]) * sqrt(v["b"]), lambda v: abs(sqrt(v["a"])) * sqrt(v["b"]),
          sample={"a": (-1, 5), "b": (-1, 5)}),
    Claim("T57", "log x + log x = 2 log x", lambda v: log(v["x"]) + log(v["x"]), lambda v: 2 * log(v["x"]), sample={"x": (-5, 5)}),
    Claim("T58", "sqrt x sqrt x sqrt x = x sqrt x", lambda v: sqrt(v["x"]) ** 3, lambda v: v["x"] * sqrt(v["x"]), sample={"x": (-5, 5)}),
    Claim("T59", "sum_j y_j = y_i (y = 0)", lambda v: Q(0) + Q(0), lambda v: Q(0), sample={}),
    Claim("T60", "sum_j y_j^2 = 0 (y = 0)", lambda v: Q(0) ** 2 + Q(0) ** 2, lambda v: Q(0), sample={}),
    Claim("W01", "sum_j y_j = 1 (y = 0), N = 2", lambda v: v["y_1"] + v["y_2"], lambda v: 1, {"y_1": F(0), "y_2": F(0)},
          assume=lambda v: v["y_1"] == 0 and v["y_2"] == 0),
    Claim("T61", "sum |x_j| = sum x_j (x > 0)", lambda v: abs(v["x_1"]) + abs(v["x_2"]), lambda v: v["x_1"] + v["x_2"],
          sample={"x_1": (0, 5), "x_2": (0, 5)}),
    Claim("T62", "sum sqrt(x_j)^2 = sum x_j (x > 0)", lambda v: sqrt(v["x_1"]) ** 2 + sqrt(v["x_2"]) ** 2, lambda v: v["x_1"] + v["x_2"],
          sample={"x_1": (0, 5), "x_2": (0, 5)}),
    Claim("W02", "sum_j x_j = x_i (x > 0), N = 2, i = 1", lambda v: v["x_1"] + v["x_2"], lambda v: v["x_1"], {"x_1": F(1), "x_2": F(1)},
          assume=lambda v: v["x_1"] > 0 and v["x_2"] > 0),
    Claim("T63", "sum ReLU(x_j) = sum x_j (x > 0)", lambda v: relu(v["x_1"]) + relu(v["x_2"]), lambda v: v["x_1"] + v["x_2"],
          sample={"x_1": (0, 5), "x_2": (0, 5)}),
    Claim("W03", "log x = x - 1 (x > 1)", lambda v: log(v["x"]), lambda v: v["x"] - 1, {"x": F(2)}, assume=lambda v: v["x"] > 1),
    Claim("T64", "(x > 1) = 1 (x > 1)", lambda v: gt(v["x"], 1), lambda v: 1, sample={"x": (1, 5)}),
    Claim("W04", "(x > 2) = 1 (x > 1)", lambda v: gt(v["x"], 2), lambda v: 1, {"x": F(3, 2)}, assume=lambda v: v["x"] > 1),
]


def _mazur() -> dict:
    """The forward pass and gradients of the backpropagation walk-through, exactly from its inputs."""
    i1, i2 = R("0.05"), R("0.10")
    w = [None, R("0.15"), R("0.20"), R("0.25"), R("0.30"), R("0.40"), R("0.45"), R("0.50"), R("0.55")]
    b1, b2, t1, t2 = R("0.35"), R("0.60"), R("0.01"), R("0.99")
    h1 = sigmoid(w[1] * i1 + w[2] * i2 + b1)
    h2 = sigmoid(w[3] * i1 + w[4] * i2 + b1)
    o1 = sigmoid(w[5] * h1 + w[6] * h2 + b2)
    o2 = sigmoid(w[7] * h1 + w[8] * h2 + b2)
    error = (t1 - o1) ** 2 / 2 + (t2 - o2) ** 2 / 2
    dn1 = (o1 - t1) * o1 * (1 - o1)
    return {"h1": h1, "o1": o1, "E": error, "dn1": dn1, "dw5": dn1 * h1}


def _m(key: str):
    return lambda: _mazur()[key]


def _times(*xs):
    return _prod(xs)


APPROX: list[Approx] = [
    Approx("T22", "h_1 ~ 0.593269992", _m("h1"), lambda r: r, ("0.593269992",), False),
    Approx("T22b", "h_1 ~ 1/(1 + e^-0.3775)", _m("h1"), sigmoid, ("0.3775",), False),
    Approx("T23", "o_1 ~ 0.75136507", _m("o1"), lambda r: r, ("0.75136507",), False),
    Approx("T24", "E ~ 0.298371109", _m("E"), lambda r: r, ("0.298371109",), False),
    Approx("T25", "dE/dn_1 ~ 0.74136507 * 0.186815602 ~ 0.138498562", _m("dn1"), _times, ("0.74136507", "0.186815602"), False),
    Approx("T25b", "... ~ 0.138498562 (against the exact value)", _m("dn1"), lambda r: r, ("0.138498562",), False),
    Approx("T26", "dE/dw_5 ~ 0.138498562 * 0.593269992 ~ 0.082167041", _m("dw5"), _times, ("0.138498562", "0.593269992"), False),
    Approx("T26b", "... ~ 0.082167041", _m("dw5"), lambda r: r, ("0.082167041",), False),
    Approx("A01", "dE/dn_1 ~ 0.138498563", _m("dn1"), lambda r: r, ("0.138498563",), True),
    Approx("A02", "dE/dn_1 ~ 0.7413 * 0.1869", _m("dn1"), _times, ("0.7413", "0.1869"), True),
    Approx("A03", "dE/dw_5 ~ 0.082167042", _m("dw5"), lambda r: r, ("0.082167042",), True),
    Approx("A04", "h_1 ~ 0.59327000", _m("h1"), lambda r: r, ("0.59327000",), True),
    Approx("A05", "dE/dw_5 ~ 0.74136507 * 0.186815602 * 0.59328", _m("dw5"), _times, ("0.74136507", "0.186815602", "0.59328"), True),
    Approx("T33", "dE/dw_5 ~ 0.74136507 * 0.186815602 * 0.593269993", _m("dw5"), _times,
           ("0.74136507", "0.186815602", "0.593269993"), False),
    Approx("A06", "0.725 - e^-200 ~ 0.73", lambda: R("0.725") - exp(-200), lambda r: r, ("0.73",), True),
    Approx("A07", "0.735 + e^-300 ~ 0.73", lambda: R("0.735") + exp(-300), lambda r: r, ("0.73",), True),
    Approx("A08", "sqrt 2 ~ 1.41421356237309", lambda: sqrt(2), lambda r: r, ("1.41421356237309",), True),
    Approx("A09", "e ~ 2.71828182845904", lambda: +E, lambda r: r, ("2.71828182845904",), True),
    Approx("A10", "pi ~ 3.1415", lambda: +mpmath.pi, lambda r: r, ("3.1415",), True),
    Approx("T27", "pi ~ 3.1416", lambda: +mpmath.pi, lambda r: r, ("3.1416",), False),
    Approx("A11", "tanh 1 ~ 0.76160", lambda: tanh(1), lambda r: r, ("0.76160",), True),
    Approx("T28", "tanh 1 ~ 0.76159", lambda: tanh(1), lambda r: r, ("0.76159",), False),
    Approx("T29", "0.725 ~ 0.73 (end points included)", lambda: R("0.725"), lambda r: r, ("0.73",), False),
    Approx("A12", "1/3 ~ 0.330 (against the exact value)", lambda: R(1) / 3, lambda r: r, ("0.330",), True),
    Approx("T29b", "1/3 ~ 0.33", lambda: R(1) / 3, lambda r: r, ("0.33",), False),
    Approx("T30b", "2/3 ~ 0.67", lambda: R(2) / 3, lambda r: r, ("0.67",), False),
    Approx("T30", "2/3 ~ 0.67 ~ 0.7", lambda: R(2) / 3, lambda r: r, ("0.7",), False),
    Approx("A13", "1/3 + 1/2 ~ 0.5 + 0.25", lambda: R(1) / 3 + R(1) / 2, lambda a, b: a + b, ("0.5", "0.25"), True),
    Approx("A14", "10^-5/3 ~ 3.34e-6", lambda: R(10) ** -5 / 3, lambda r: r, ("3.34e-6",), True),
    Approx("T31", "10^-5/3 ~ 3.33e-6", lambda: R(10) ** -5 / 3, lambda r: r, ("3.33e-6",), False),
    Approx("T32", "1 - sigmoid(0.3775) ~ 1 - 0.593269992", lambda: 1 - sigmoid(R("0.3775")), lambda r: 1 - r, ("0.593269992",), False),
    Approx("A15", "1 - sigmoid(0.3775) ~ 1 - 0.59326998", lambda: 1 - sigmoid(R("0.3775")), lambda r: 1 - r, ("0.59326998",), True),
    Approx("A16", "3^0.5 ~ 1.7320508 * 1.0000001", lambda: sqrt(3), _times, ("1.7320508", "1.0000001"), True),
]


def _prod(xs):
    out = 1
    for x in xs:
        out = out * x
    return out


# ------------------------------------------------------------------ checking


WITNESS_VALUES = {  # exact roots as witnesses on a kink, to the working precision
    "sqrt2": lambda: mpmath.sqrt(2),
    "cbrt2": lambda: mpmath.cbrt(2),
    "log1000": lambda: mpmath.log(1000),
    "quintic": lambda: mpmath.findroot(lambda x: x ** 5 - x - 1, 1.1673),
}


def _point(witness: dict) -> dict:
    return {k: (WITNESS_VALUES[v]() if isinstance(v, str) else _mp(v)) for k, v in witness.items()}


def _mp(v):
    return mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else mpmath.mpf(v)


def _side(f, point):
    try:
        return f(point)
    except (Undefined, ZeroDivisionError):
        return None


def _differ(a, b) -> bool:
    """Certainly different at the working precision: relatively, with no floor (e^-4000 is not 0)."""
    a, b = _mp(a), _mp(b)
    return abs(a - b) > _tiny() * max(abs(a), abs(b))


def _agree(a, b, scale=1) -> bool:
    """Equal to the working precision (absolutely near 0, relatively elsewhere, and relative to the
    largest term that cancelled)."""
    a, b = _mp(a), _mp(b)
    return abs(a - b) <= _tiny() * max(1, abs(a), abs(b), scale)


def check_false(c: Claim) -> str:
    """'' when the claim is false at its witness, else why not."""
    with mpmath.workdps(c.digits):
        p = _point(c.witness)
        if c.assume is not None and not c.assume(p):
            return "the witness breaks the claim's assumption"
        left, right = _side(c.lhs, p), _side(c.rhs, p)
        if left is not None and right is not None:
            return "" if _differ(left, right) else f"equal at the witness to {c.digits} digits ({left})"
        if left is None and right is None:
            return "both sides undefined at the witness"
        if c.at_point:
            return ""
        # the domain rule: undefined on a neighbourhood, the other side defined there
        for k in p:
            for delta in (Fraction(1, 1000), Fraction(-1, 1000)):
                q = dict(p)
                q[k] = p[k] + _mp(delta)
                if (_side(c.lhs, q) is None) == (_side(c.rhs, q) is None):
                    return f"one side undefined at the witness only, not around it ({k} moved by {delta})"
        return ""


def check_true(c: Claim, rng: random.Random, count: int = 25) -> str:
    """'' when both sides agree wherever both are defined and are defined at the same sampled points."""
    with mpmath.workdps(c.digits):
        # random reals (not small rationals), so isolated singular points (x = 1 in (x^2 - 1)/(x - 1)) are never hit
        points = [{}] if not c.sample else [
            {k: lo + (hi - lo) * _mp(rng.random()) for k, (lo, hi) in c.sample.items()} for _ in range(count)]
        both = 0
        for p in points:
            left, right = _side(c.lhs, p), _side(c.rhs, p)
            if (left is None) != (right is None):
                return f"one side only is defined at {p}"
            if left is None:
                continue
            both += 1
            if not _agree(left, right, mpmath.exp(c.scale)):
                return f"differ at {p}: {left} vs {right}"
        return "" if both * 3 >= len(points) else "both sides defined at too few points"


def check_approx(a: Approx) -> str:
    """'' when the claim's truth is as stated: the exact left value in (or out of) the corners' range."""
    with mpmath.workdps(a.digits):
        left = a.left()
        boxes = [interval(d) for d in a.decimals]
        corners = [a.right(*[R(box[e].numerator) / box[e].denominator for box, e in zip(boxes, ends)])
                   for ends in itertools.product((0, 1), repeat=len(boxes))]
        inside = min(corners) <= left <= max(corners)
        if inside == a.false:
            return f"{left} is {'inside' if inside else 'outside'} [{min(corners)}, {max(corners)}]"
        return ""


def ids() -> set[str]:
    return {c.id for c in CLAIMS} | {a.id for a in APPROX}
