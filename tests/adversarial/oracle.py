"""Independent oracles for the adversarial suite: plain Python, exact arithmetic, no SymPy.

Nothing here imports proofcheck or SymPy. An entry restates one claim of a file in
tests/adversarial/<family>/ as a Python function of its sizes, free indices and inputs, written from
the mathematics (a derivative worked out by hand says so), and `witness` searches exact values for a
point where the two sides differ. tests/test_adversarial_oracle.py requires a witness for every claim
marked `expect: refuted` or `expect: unknown` in the families of ORACLE_FAMILIES, and an entry for
each of them. Inputs are exact Fractions; only claims with exp use mpmath (at 50 digits).
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable

import mpmath

ORACLE_FAMILIES = ("instances", "sizes", "redteam_engine")
TRIALS = 3  # input assignments tried per instance
SEARCH = tuple(range(1, 13))  # each size is searched over 1..12 (plus a claim's `extra` sizes)
CLOSE = mpmath.mpf("1e-30")  # mpmath sides closer than this count as equal
UNDEFINED = None  # a side with no real value (0/0, the square root of a negative number); differs from every value


class Env:
    """Sizes and indices by attribute (`e.N`, `e.i`), inputs by item (`e["x", 3]`, `e["w"]`)."""

    def __init__(self, values: dict[str, int], trial: int):
        self._values = values
        self._trial = trial

    def __getattr__(self, name: str) -> int:
        try:
            return self.__dict__["_values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, key) -> Fraction:
        name, *sub = key if isinstance(key, tuple) else (key,)
        h = zlib.crc32(f"{name}|{sub}|{self._trial}".encode())
        return Fraction((h % 19 - 9) or 1, 1 + (h >> 8) % 4)


def S(lo: int, hi: int, f: Callable[[int], object]):
    """The sum of f(j) for j = lo..hi (0 when the range is empty)."""
    return sum((f(j) for j in range(lo, hi + 1)), Fraction(0))


def D(a: int, b: int) -> int:
    """Kronecker's delta."""
    return 1 if a == b else 0


def I(cond: bool) -> int:  # noqa: E743  (the indicator, as written in the proofs)
    return 1 if cond else 0


def P(values) -> Fraction:
    out = Fraction(1)
    for v in values:
        out *= v
    return out


def softmax(e: Env, j: int):
    """o_j = exp(h_j) / sum_k exp(h_k), at 50 digits."""
    with mpmath.workdps(50):
        return mpmath.exp(_mp(e["h", j])) / sum(mpmath.exp(_mp(e["h", k])) for k in range(1, e.N + 1))


@dataclass(frozen=True)
class Claim:
    file: str  # family/name.proof
    text: str  # the claim as written on its line, comment left out
    sides: Callable[[Env], tuple]
    free: tuple[str, ...] = ()
    ranges: dict = field(default_factory=dict)  # index -> (lo, hi); a bound may name a size
    sizes: tuple[str, ...] = ("N",)
    case: Callable[[Env], bool] | None = None
    extra: tuple[dict, ...] = ()  # size assignments beyond SEARCH (a size past 5,000)


def _bound(b, sizes: dict[str, int]) -> int:
    return sizes[b] if isinstance(b, str) else b


def _mp(v):
    return mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else mpmath.mpf(v)


def _differ(a, b) -> bool:
    if a is UNDEFINED or b is UNDEFINED:
        return (a is UNDEFINED) != (b is UNDEFINED)
    if isinstance(a, (Fraction, int)) and isinstance(b, (Fraction, int)):
        return a != b
    with mpmath.workdps(50):
        return abs(_mp(a) - _mp(b)) > CLOSE


def witness(c: Claim) -> dict | None:
    """A point (sizes, indices, trial) where the two sides differ, or None in the search box."""
    search = SEARCH if len(c.sizes) < 3 else SEARCH[:7]
    choices = [dict(zip(c.sizes, combo)) for combo in itertools.product(search, repeat=len(c.sizes))]
    for sizes in choices + list(c.extra):
        spans = []
        for nm in c.free:
            lo, hi = c.ranges.get(nm, (1, c.sizes[0]))
            spans.append(range(_bound(lo, sizes), _bound(hi, sizes) + 1))
        for combo in itertools.product(*spans):
            values = {**sizes, **dict(zip(c.free, combo))}
            for trial in range(TRIALS):
                e = Env(values, trial)
                if c.case is not None and not c.case(e):
                    break
                lhs, rhs = c.sides(e)
                if _differ(lhs, rhs):
                    return {"values": values, "trial": trial, "lhs": lhs, "rhs": rhs}
    return None


def _ins(text, sides, **kw) -> Claim:
    return Claim("instances/" + kw.pop("f"), text, sides, **kw)


def _siz(text, sides, **kw) -> Claim:
    return Claim("sizes/" + kw.pop("f"), text, sides, **kw)


I_N = ("i",)
IJ = ("i", "j")
IJK = ("i", "j", "k")


def _h(e: Env, j: int) -> Fraction:
    """The recurrence h_0 = 0, h_j = w h_{j-1} + x_j."""
    out = Fraction(0)
    for m in range(1, j + 1):
        out = e["w"] * out + e["x", m]
    return out


def _dh(e: Env, j: int, i: int):
    """d h_j / d x_i = w^(j - i) for j >= i, else 0 (by hand: h_j = sum_m w^(j-m) x_m)."""
    return e["w"] ** (j - i) if j >= i else 0


def _p(e: Env, j: int) -> Fraction:
    """p_0 = 1, p_j = p_{j-1} x_j."""
    return P(e["x", m] for m in range(1, j + 1))


def _g(e: Env, i: int) -> Fraction:
    """g_1 = 0 and g_j = x_j for j in 2..N."""
    return Fraction(0) if i == 1 else e["x", i]


CLAIMS: list[Claim] = [
    # ---------------------------------------------------------------- instances/index_as_number
    _ins("i x_i = x_i", lambda e: (e.i * e["x", e.i], e["x", e.i]), f="index_as_number.proof", free=I_N),
    # by hand: d/dx_i sum_j j x_j = i
    _ins(r"\frac{\partial}{\partial x_i} \sum_j j x_j = 1", lambda e: (e.i, 1), f="index_as_number.proof", free=I_N),
    _ins("(i - 1)(i - N) x_1 = 0", lambda e: ((e.i - 1) * (e.i - e.N) * e["x", 1], 0), f="index_as_number.proof", free=I_N),
    _ins("(i - 1)(i - 2)(i - N) x_1 = 0", lambda e: ((e.i - 1) * (e.i - 2) * (e.i - e.N) * e["x", 1], 0),
         f="index_as_number.proof", free=I_N),
    _ins("(i - 1)(i - 2)(i - 3)(i - 4)(i - N) x_1 = 0",
         lambda e: (P(e.i - c for c in (1, 2, 3, 4, e.N)) * e["x", 1], 0), f="index_as_number.proof", free=I_N),
    _ins("i^2 x_i = i x_i", lambda e: (e.i ** 2 * e["x", e.i], e.i * e["x", e.i]), f="index_as_number.proof", free=I_N),
    _ins("2^i = 2 i", lambda e: (2 ** e.i, 2 * e.i), f="index_as_number.proof", free=I_N),
    _ins(r"\frac{i}{N} x_i = x_i", lambda e: (Fraction(e.i, e.N) * e["x", e.i], e["x", e.i]), f="index_as_number.proof", free=I_N),
    _ins("(i - 5)(i - 6) y = (i - 5)(i - 6) y + (i - 1)(i - 2)(i - 3)(i - 4)(i - N) y",
         lambda e: ((e.i - 5) * (e.i - 6) * e["y"], (e.i - 5) * (e.i - 6) * e["y"] + P(e.i - c for c in (1, 2, 3, 4, e.N)) * e["y"]),
         f="index_as_number.proof", free=I_N),
    _ins("i + 1 = j", lambda e: (e.i + 1, e.j), f="index_as_number.proof", free=IJ, case=lambda e: e.i != e.j),
    _ins("(i - j)^2 = 1", lambda e: ((e.i - e.j) ** 2, 1), f="index_as_number.proof", free=IJ, case=lambda e: e.i != e.j),
    _ins("(i + j - 3) x = 0", lambda e: ((e.i + e.j - 3) * e["x"], 0), f="index_as_number.proof", free=IJ,
         case=lambda e: e.i != e.j),
    # ---------------------------------------------------------------- instances/literal_subscripts
    _ins("x_i = x_1", lambda e: (e["x", e.i], e["x", 1]), f="literal_subscripts.proof", free=I_N),
    _ins("(i > 1) x_i = x_i", lambda e: (I(e.i > 1) * e["x", e.i], e["x", e.i]), f="literal_subscripts.proof", free=I_N),
    _ins("(i < N) x_i = x_i", lambda e: (I(e.i < e.N) * e["x", e.i], e["x", e.i]), f="literal_subscripts.proof", free=I_N),
    _ins(r"(i \geq 2) x_i = (i > 2) x_i", lambda e: (I(e.i >= 2) * e["x", e.i], I(e.i > 2) * e["x", e.i]),
         f="literal_subscripts.proof", free=I_N),
    _ins(r"\delta_{i,1} x_1 = 0", lambda e: (D(e.i, 1) * e["x", 1], 0), f="literal_subscripts.proof", free=I_N),
    _ins(r"\delta_{i,N} x_i = \delta_{i,1} x_i", lambda e: (D(e.i, e.N) * e["x", e.i], D(e.i, 1) * e["x", e.i]),
         f="literal_subscripts.proof", free=I_N),
    _ins("(i > 3) x_i = 0", lambda e: (I(e.i > 3) * e["x", e.i], 0), f="literal_subscripts.proof", free=I_N),
    _ins("(2 < i < N) x_i = 0", lambda e: (I(2 < e.i < e.N) * e["x", e.i], 0), f="literal_subscripts.proof", free=I_N),
    _ins(r"\sum_j x_j = x_i", lambda e: (S(1, e.N, lambda j: e["x", j]), e["x", e.i]), f="literal_subscripts.proof",
         free=I_N, case=lambda e: e.i == e.N),
    _ins(r"\sum_j x_j = x_1", lambda e: (S(1, e.N, lambda j: e["x", j]), e["x", 1]), f="literal_subscripts.proof",
         free=I_N, case=lambda e: e.i == 1),
    _ins("x_i = x_N", lambda e: (e["x", e.i], e["x", e.N]), f="literal_subscripts.proof", free=I_N, case=lambda e: e.i != 1),
    _ins("(j < N) x_j = 0", lambda e: (I(e.j < e.N) * e["x", e.j], 0), f="literal_subscripts.proof", free=IJ,
         case=lambda e: e.i < e.j),
    _ins("x_i = 2", lambda e: ({3: Fraction(2)}.get(e.i, e["x", e.i]), 2), f="literal_subscripts.proof", free=I_N),
    # ---------------------------------------------------------------- instances/offsets
    _ins(r"\frac{\partial h_j}{\partial x_i} = w", lambda e: (_dh(e, e.j, e.i), e["w"]), f="offsets.proof", free=IJ,
         case=lambda e: e.j > e.i),
    _ins(r"\frac{\partial h_j}{\partial x_i} = w^{j - i} + (j - i - 1)(j - i)(j - i - 2)",
         lambda e: (_dh(e, e.j, e.i), e["w"] ** (e.j - e.i) + (e.j - e.i - 1) * (e.j - e.i) * (e.j - e.i - 2)),
         f="offsets.proof", free=IJ, case=lambda e: e.j >= e.i),
    _ins("h_j = w h_i + x_j", lambda e: (_h(e, e.j), e["w"] * _h(e, e.i) + e["x", e.j]), f="offsets.proof", free=IJ,
         case=lambda e: e.j == e.i + 2),
    _ins("g_i = x_j", lambda e: (e["x", e.i + 1], e["x", e.j]), f="offsets.proof", free=IJ, case=lambda e: e.i < e.j),
    _ins("x_{i+1} = x_j", lambda e: (e["x", e.i + 1], e["x", e.j]), f="offsets.proof", free=IJ, case=lambda e: e.i < e.j),
    _ins("x_{i+1} y_j = x_j y_{i+1}", lambda e: (e["x", e.i + 1] * e["y", e.j], e["x", e.j] * e["y", e.i + 1]),
         f="offsets.proof", free=IJ, case=lambda e: e.i < e.j),
    _ins("(j = i + 1) x_j = 0", lambda e: (I(e.j == e.i + 1) * e["x", e.j], 0), f="offsets.proof", free=IJ,
         case=lambda e: e.i != e.j),
    # ---------------------------------------------------------------- instances/definition_ranges
    # h_k = 2 y_k for k in 1..5 only; past 5 h_i is an input of its own
    _ins("h_i = 2 y_i", lambda e: (2 * e["y", e.i] if e.i <= 5 else e["h", e.i], 2 * e["y", e.i]),
         f="definition_ranges.proof", free=I_N),
    _ins("g_i = x_i", lambda e: (_g(e, e.i), e["x", e.i]), f="definition_ranges.proof", free=I_N),
    _ins("p_i = x_1 x_i", lambda e: (_p(e, e.i), e["x", 1] * e["x", e.i]), f="definition_ranges.proof", free=I_N),
    # ---------------------------------------------------------------- instances/orderings
    _ins("x_j = x_{i+1}", lambda e: (e["x", e.j], e["x", e.i + 1]), f="orderings.proof", free=IJK,
         case=lambda e: e.i < e.j < e.k),
    _ins("(k = j + 1) x_k = 0", lambda e: (I(e.k == e.j + 1) * e["x", e.k], 0), f="orderings.proof", free=IJK,
         case=lambda e: e.i < e.j < e.k),
    _ins(r"\delta_{j3} x_j = 0", lambda e: (D(e.j, 3) * e["x", e.j], 0), f="orderings.proof", free=IJ,
         case=lambda e: e.i < e.j),
    _ins("(j > k) x_j = 0", lambda e: (I(e.j > e.k) * e["x", e.j], 0), f="orderings.proof", free=IJK,
         case=lambda e: e.i < e.k),
    _ins("(i < j)(j < k) x_k = 0", lambda e: (I(e.i < e.j) * I(e.j < e.k) * e["x", e.k], 0), f="orderings.proof",
         free=IJK, case=lambda e: e.i != e.j),
    # ---------------------------------------------------------------- sizes/polynomials
    _siz("(N-1)(N-2)(N-3)(N-4)(N-5-2) = 0", lambda e: (P(e.N - c for c in (1, 2, 3, 4, 7)), 0), f="polynomials.proof"),
    _siz("(N-1)(N-2)(N-3)(N-4)(N-5) = 0", lambda e: (P(e.N - c for c in range(1, 6)), 0), f="polynomials.proof"),
    _siz("(N-1)(N-2)(N-3)(N-4) x = 0", lambda e: (P(e.N - c for c in range(1, 5)) * e["x"], 0), f="polynomials.proof"),
    _siz("(N-1)(N-2)(N-3)(N-4)(N-5)(N-6)(N-7)(N-8)(N-9)(N-10) = 0", lambda e: (P(e.N - c for c in range(1, 11)), 0),
         f="polynomials.proof"),
    _siz("(N-1)(N-2)(N-3)(N-4)(N-5)(N-6)(N-7)(N-8)(N-9)(N-10)(N-11)(N-12) x = 0",
         lambda e: (P(e.N - c for c in range(1, 13)) * e["x"], 0), f="polynomials.proof", extra=({"N": 13},)),
    _siz("(N > 9) x = 0", lambda e: (I(e.N > 9) * e["x"], 0), f="polynomials.proof"),
    _siz("(N > 20) = 0", lambda e: (I(e.N > 20), 0), f="polynomials.proof", extra=({"N": 21},)),
    _siz(r"(N \geq 100) y = 0", lambda e: (I(e.N >= 100) * e["y"], 0), f="polynomials.proof", extra=({"N": 100},)),
    _siz("N (N - 1) (N - 2) (N - 3) (N - 4) (N - 5) = 0", lambda e: (P(e.N - c for c in range(0, 6)), 0), f="polynomials.proof"),
    _siz(r"\frac{(N-1)(N-2)(N-3)(N-4)}{24} x = 0", lambda e: (P(e.N - c for c in range(1, 5)) * e["x"] / 24, 0),
         f="polynomials.proof"),
    _siz("(N - 7)^2 (N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(N - 6) = 0",
         lambda e: ((e.N - 7) ** 2 * P(e.N - c for c in range(1, 7)), 0), f="polynomials.proof"),
    _siz("2^N = N^2 + (N - 1)(N - 3)", lambda e: (2 ** e.N, e.N ** 2 + (e.N - 1) * (e.N - 3)), f="polynomials.proof"),
    # ---------------------------------------------------------------- sizes/sums
    _siz(r"\sum_j (j-1)(j-2)(j-3)(j-4)(j-5)(j-6)(j-7)(j-8)(j-9) = 0",
         lambda e: (S(1, e.N, lambda j: P(j - c for c in range(1, 10))), 0), f="sums.proof"),
    _siz(r"\sum_j (j-1)(j-2)(j-3)(j-4)(j-5) x_j = 0",
         lambda e: (S(1, e.N, lambda j: P(j - c for c in range(1, 6)) * e["x", j]), 0), f="sums.proof"),
    _siz(r"\sum_j (j-1)(j-2)(j-3)(j-4)(j-5)(j-6)(j-7)(j-8)(j-9)(j-10) x_j = 0",
         lambda e: (S(1, e.N, lambda j: P(j - c for c in range(1, 11)) * e["x", j]), 0), f="sums.proof"),
    _siz(r"\sum_j (j > 9) x_j = 0", lambda e: (S(1, e.N, lambda j: I(j > 9) * e["x", j]), 0), f="sums.proof"),
    _siz(r"\sum_j (j > 12) = 0", lambda e: (S(1, e.N, lambda j: I(j > 12)), 0), f="sums.proof", extra=({"N": 13},)),
    _siz(r"\sum_j j^2 = \frac{N (N+1) (2 N + 1)}{6} + (N-1)(N-2)(N-3)(N-4)(N-5)(N-6)",
         lambda e: (S(1, e.N, lambda j: j * j), Fraction(e.N * (e.N + 1) * (2 * e.N + 1), 6) + P(e.N - c for c in range(1, 7))),
         f="sums.proof"),
    _siz(r"\sum_j \sum_k (j - 1)(j - 2)(j - 3)(k - 4) x_k = 0",
         lambda e: (S(1, e.N, lambda j: S(1, e.N, lambda k: (j - 1) * (j - 2) * (j - 3) * (k - 4) * e["x", k])), 0),
         f="sums.proof"),
    _siz(r"\sum_j (j - 1)(j - 2)(j - 3)(j - 4)(j - 5)(j - 6)(j - 7) = \sum_j (j - 7)(j - 6)(j - 5)(j - 4)(j - 3)(j - 2)(j - 1) + (N > 7)",
         lambda e: (S(1, e.N, lambda j: P(j - c for c in range(1, 8))), S(1, e.N, lambda j: P(j - c for c in range(1, 8))) + I(e.N > 7)),
         f="sums.proof"),
    # ---------------------------------------------------------------- sizes/at_point (x = 2)
    _siz("(N-1)(N-2)(N-3)(N-4)(N-5) x = 0", lambda e: (P(e.N - c for c in range(1, 6)) * 2, 0), f="at_point.proof"),
    _siz(r"\sum_j (j-1)(j-2)(j-3)(j-4)(j-5) x = 0", lambda e: (S(1, e.N, lambda j: P(j - c for c in range(1, 6))) * 2, 0),
         f="at_point.proof"),
    _siz("(N > 4) x = 0", lambda e: (I(e.N > 4) * 2, 0), f="at_point.proof"),
    _siz("(N > 11) x = 0", lambda e: (I(e.N > 11) * 2, 0), f="at_point.proof"),
    # ---------------------------------------------------------------- sizes/several_sizes
    _siz("(N - M)(N + M - 3) = 0", lambda e: ((e.N - e.M) * (e.N + e.M - 3), 0), f="several_sizes.proof", sizes=("N", "M")),
    _siz("(N - M) x = 0", lambda e: ((e.N - e.M) * e["x"], 0), f="several_sizes.proof", sizes=("N", "M")),
    _siz("(N > 3)(M > 3)(N - M) x = 0", lambda e: (I(e.N > 3) * I(e.M > 3) * (e.N - e.M) * e["x"], 0),
         f="several_sizes.proof", sizes=("N", "M")),
    _siz("(N > M)(M > 3) x = 0", lambda e: (I(e.N > e.M) * I(e.M > 3) * e["x"], 0), f="several_sizes.proof", sizes=("N", "M")),
    _siz(r"(N \geq 5)(M \geq 5)(N - M)^2 = 0", lambda e: (I(e.N >= 5) * I(e.M >= 5) * (e.N - e.M) ** 2, 0),
         f="several_sizes.proof", sizes=("N", "M")),
    _siz(r"\sum_i a_i = \sum_j a_j", lambda e: (S(1, e.N, lambda i: e["a", i]), S(1, e.M, lambda j: e["a", j])),
         f="several_sizes.proof", sizes=("N", "M")),
    _siz(r"\sum_i \sum_j (i > 3)(j > 3) = 0", lambda e: (S(1, e.N, lambda i: S(1, e.M, lambda j: I(i > 3) * I(j > 3))), 0),
         f="several_sizes.proof", sizes=("N", "M")),
    _siz("(N - M)(N - M - 4) = 0", lambda e: ((e.N - e.M) * (e.N - e.M - 4), 0), f="several_sizes.proof", sizes=("N", "M")),
    _siz("(N - M)(M - K)(N - K) x = 0", lambda e: ((e.N - e.M) * (e.M - e.K) * (e.N - e.K) * e["x"], 0),
         f="several_sizes.proof", sizes=("N", "M", "K")),
    _siz("(N > 2)(M > 2)(K > 2)(N - M) x = 0", lambda e: (I(e.N > 2) * I(e.M > 2) * I(e.K > 2) * (e.N - e.M) * e["x"], 0),
         f="several_sizes.proof", sizes=("N", "M", "K")),
    _siz("(N > 3)(M - K) x = 0", lambda e: (I(e.N > 3) * (e.M - e.K) * e["x"], 0), f="several_sizes.proof",
         sizes=("N", "M", "K")),
    # ---------------------------------------------------------------- sizes/too_large
    _siz(r"(N > 6000) \sum_j x_j = 0", lambda e: (I(e.N > 6000) * S(1, e.N, lambda j: e["x", j]), 0), f="too_large.proof",
         extra=({"N": 6001},)),
    # ---------------------------------------------------------------- sizes/fragment
    _siz(r"\sum_j \delta_{ij} x_j = x_j", lambda e: (S(1, e.N, lambda m: D(e.i, m) * e["x", m]), e["x", e.j]),
         f="fragment.proof", free=IJ),
    _siz(r"\sum_{j=2}^{N} \delta_{ij} x_j = x_i", lambda e: (S(2, e.N, lambda m: D(e.i, m) * e["x", m]), e["x", e.i]),
         f="fragment.proof", free=I_N),
    _siz(r"\sum_{j=1}^{N-1} \delta_{ij} x_j = x_i", lambda e: (S(1, e.N - 1, lambda m: D(e.i, m) * e["x", m]), e["x", e.i]),
         f="fragment.proof", free=I_N),
    _siz(r"\sum_{j \neq i} x_j y_j = \sum_j x_j y_j",
         lambda e: (S(1, e.N, lambda m: I(m != e.i) * e["x", m] * e["y", m]), S(1, e.N, lambda m: e["x", m] * e["y", m])),
         f="fragment.proof", free=I_N),
    _siz(r"\sum_{j \neq i} x_j = \sum_j x_j - x_1",
         lambda e: (S(1, e.N, lambda m: I(m != e.i) * e["x", m]), S(1, e.N, lambda m: e["x", m]) - e["x", 1]),
         f="fragment.proof", free=I_N),
    _siz(r"\sum_{j=3}^{N} 1 = N - 2", lambda e: (S(3, e.N, lambda m: 1), e.N - 2), f="fragment.proof"),
    _siz(r"\sum_j \sum_k \delta_{jk} = N^2", lambda e: (S(1, e.N, lambda j: S(1, e.N, lambda k: D(j, k))), e.N ** 2),
         f="fragment.proof"),
    _siz(r"\sum_j \delta_{jj} = 1", lambda e: (S(1, e.N, lambda j: 1), 1), f="fragment.proof"),
    # by hand: d/dh_i sum_{k=2}^N exp(h_k) = exp(h_i) if i >= 2, else 0
    _siz(r"\frac{\partial}{\partial h_i} \sum_{k=2}^{N} \exp(h_k) = \exp(h_i)",
         lambda e: (mpmath.exp(_mp(e["h", e.i])) if e.i >= 2 else 0, mpmath.exp(_mp(e["h", e.i]))), f="fragment.proof", free=I_N),
    # by hand: d o_j / d h_i = o_j (delta_ij - o_i)
    _siz(r"\frac{\partial o_j}{\partial h_i} = -o_i o_j",
         lambda e: (softmax(e, e.j) * (D(e.i, e.j) - softmax(e, e.i)), -softmax(e, e.i) * softmax(e, e.j)),
         f="fragment.proof", free=IJ),
    _siz(r"\sum_j (j - 1)(j - 2) x_j = 0", lambda e: (S(1, e.N, lambda j: (j - 1) * (j - 2) * e["x", j]), 0), f="fragment.proof"),
    _siz(r"\sum_j x_j = x_1 + x_2", lambda e: (S(1, e.N, lambda j: e["x", j]), e["x", 1] + e["x", 2]), f="fragment.proof"),
    _siz(r"\sum_j \sum_k x_j x_k = \sum_j x_j^2 + 2 x_1 x_2",
         lambda e: (S(1, e.N, lambda j: e["x", j]) ** 2, S(1, e.N, lambda j: e["x", j] ** 2) + 2 * e["x", 1] * e["x", 2]),
         f="fragment.proof"),
    # by hand: d/dx_1 sum_{j=2}^N x_j^2 = 0
    _siz(r"\frac{\partial}{\partial x_1} \sum_{j=2}^{N} x_j^2 = 2 x_1", lambda e: (0, 2 * e["x", 1]), f="fragment.proof"),
    # by hand: d/dx_i (sum_j x_j)^2 = 2 sum_j x_j
    _siz(r"\frac{\partial}{\partial x_i} (\sum_j x_j)^2 = 2 x_i", lambda e: (2 * S(1, e.N, lambda j: e["x", j]), 2 * e["x", e.i]),
         f="fragment.proof", free=I_N),
    _siz(r"\sum_j o_j y_j = \sum_j y_j",
         lambda e: (sum(softmax(e, j) * _mp(e["y", j]) for j in range(1, e.N + 1)), S(1, e.N, lambda j: e["y", j])),
         f="fragment.proof"),
    _siz(r"\sum_{j \neq i} \delta_{ij} x_j = x_i", lambda e: (0, e["x", e.i]), f="fragment.proof", free=I_N),
    # by hand: x_i = 2 x, so d x_1 / dx = 2 and d/dx sum_i x_i = 2 N
    _siz(r"\frac{\partial x_1}{\partial x} = 0", lambda e: (2, 0), f="fragment.proof"),
    _siz(r"\frac{\partial}{\partial x} \sum_i x_i = 0", lambda e: (2 * e.N, 0), f="fragment.proof"),
    _siz(r"\frac{\partial}{\partial x} \sum_i x_i = 2 N + 2", lambda e: (2 * e.N, 2 * e.N + 2), f="fragment.proof"),
    # by hand: dL/dh_i = o_i sum_j y_j - y_i = o_i - y_i under sum_j y_j = 1; y_N is solved from it
    _siz(r"\frac{\partial L}{\partial h_i} = o_i - y_i N",
         lambda e: (softmax(e, e.i) - _mp(_y(e, e.i)), softmax(e, e.i) - _mp(_y(e, e.i)) * e.N), f="fragment.proof", free=I_N),
    _siz(r"\frac{\partial L}{\partial h_i} = o_i \sum_j y_j",
         lambda e: (softmax(e, e.i) - _mp(_y(e, e.i)), softmax(e, e.i)), f="fragment.proof", free=I_N),
]


def _y(e: Env, j: int) -> Fraction:
    """Inputs y_1..y_N with sum 1: y_N = 1 - (y_1 + ... + y_{N-1})."""
    if j < e.N:
        return e["y", j]
    return 1 - S(1, e.N - 1, lambda m: e["y", m])


# ---------------------------------------------------------------- redteam_engine (one file per bug)

def _sqrt_sq(a: Fraction, times) -> tuple:
    """(\\sqrt{a})^2 t and a t: the left side is undefined where a < 0."""
    return (UNDEFINED if a < 0 else a * times), a * times


def _rte(text, sides, **kw) -> Claim:
    return Claim("redteam_engine/" + kw.pop("f"), text, sides, **kw)


def _rec(e: Env, i: int, j: int, start: int):
    """d g_i / d g_j for g_k = w g_{k-1} + x_k over k = start..N, entries below `start` inputs (by hand:
    g_i = w^(i-j) g_j + (terms free of g_j) when i >= j >= start - 1)."""
    if i == j:
        return 1
    if i > j and i >= start and j >= start - 1:
        return e["w"] ** (i - j)
    return 0


def _fed(i: int, j: int) -> int:
    """d f_j / d f_i for f_k = x_k + f_2 over k = 3..N, f_1 and f_2 inputs."""
    return 1 if j == i or (i == 2 and j >= 3) else 0


def _lse(e: Env):
    with mpmath.workdps(50):
        return mpmath.log(sum(mpmath.exp(_mp(e["h", k])) for k in range(1, e.N + 1)))


def _y_m(e: Env, j: int) -> Fraction:
    """Inputs with y_1 + ... + y_M = 1 (y_M solved from it); entries past M are free."""
    if j == e.M:
        return 1 - S(1, e.M - 1, lambda m: e["y", m])
    return e["y", j]


def _given_y12(e: Env, i: int) -> Fraction:
    """y_i where y_1 = y_2 = 0 (assumed or given)."""
    return Fraction(0) if i <= 2 else e["y", i]


def _given_z(e: Env, i: int) -> Fraction:
    """y_i = z_i where z_1 = ... = z_6 = 0 (assumed or given)."""
    return Fraction(0) if i <= 6 else e["z", i]


def _ratio(s: Fraction):
    """s / s: 1, or undefined where s = 0."""
    return UNDEFINED if s == 0 else Fraction(1)


def _exp_sum(e: Env, lo: int, hi: int):
    """sum_{j=lo}^{hi} exp(x_j) at 50 digits (0 for an empty range)."""
    with mpmath.workdps(50):
        return sum((mpmath.exp(_mp(e["x", j])) for j in range(lo, hi + 1)), mpmath.mpf(0))


_SUM_X = lambda e: S(1, e.N, lambda j: e["x", j])  # noqa: E731
_Q4 = lambda e: S(1, e.N, lambda j: (4 - j) * e["x", j] ** 2)  # noqa: E731
_DECOYS = " + ".join(str(c) for c in list(range(2, 28)) + list(range(29, 35)))

CLAIMS += [
    # ---------------------------------------------------------------- held_family (proved for every N today)
    _rte(r"\frac{\partial h_i}{\partial h_j} = 0", lambda e: (_rec(e, e.i, e.j, 2), 0), f="held_family.proof", free=IJ,
         case=lambda e: e.i != e.j),
    _rte(r"\frac{\partial}{\partial g_i} \sum_j g_j = 1", lambda e: (S(1, e.N, lambda j: _rec(e, j, e.i, 3)), 1),
         f="held_family.proof", free=I_N),
    _rte(r"\frac{\partial}{\partial f_i} \sum_j f_j = 1", lambda e: (S(1, e.N, lambda j: _fed(e.i, j)), 1),
         f="held_family.proof", free=I_N),
    # by hand: h_i = w (h_{i-1} + x_{i-1}) + x_i for i >= 3, and h_2 = w g_1 + x_2 with g_1, h_1 inputs
    _rte(r"\frac{\partial h_i}{\partial h_j} = 0", lambda e: (_rec(e, e.i, e.j, 3) if e.j >= 2 else 0, 0),
         f="held_family.proof", free=IJ, case=lambda e: e.i != e.j),
    # by hand: h_t = w h_1 + x_t for t = 2..N, so d/dh_1 sum_j h_j = 1 + (N - 1) w and d/dh_i = 1 for i >= 2
    _rte(r"\frac{\partial}{\partial h_i} \sum_j h_j = 1", lambda e: (1 + (e.N - 1) * e["w"] if e.i == 1 else 1, 1),
         f="held_family.proof", free=I_N),
    _rte(r"\frac{\partial h_N}{\partial h_i} = \delta_{iN}", lambda e: (_rec(e, e.N, e.i, 2), D(e.i, e.N)),
         f="held_family_ok.proof", free=I_N),
    _rte(r"\frac{\partial}{\partial h_1} \sum_j h_j = 1", lambda e: (S(1, e.N, lambda j: _rec(e, j, 1, 2)), 1),
         f="held_family_ok.proof"),
    _rte(r"\frac{\partial}{\partial g_2} \sum_j g_j = 1", lambda e: (S(1, e.N, lambda j: _rec(e, j, 2, 3)), 1),
         f="held_family_ok.proof"),
    # by hand: f_k = x_k + f_1 for k = 2..N, so d/df_1 sum_j f_j = N
    _rte(r"\frac{\partial}{\partial f_1} \sum_j f_j = 1", lambda e: (e.N, 1), f="held_family_ok.proof"),
    # ---------------------------------------------------------------- size_domain, sum_domain
    _rte(r"\frac{N - 4}{N - 4} x = x", lambda e: (UNDEFINED if e.N == 4 else e["x"], e["x"]), f="size_domain.proof"),
    _rte(r"\frac{(N - 4) x}{N - 4} = x", lambda e: (UNDEFINED if e.N == 4 else e["x"], e["x"]), f="size_domain.proof"),
    _rte(r"\frac{\sum_{j=N}^{4} x_j}{\sum_{j=N}^{4} x_j} y = y",
         lambda e: (UNDEFINED if S(e.N, 4, lambda j: e["x", j]) == 0 else e["y"], e["y"]), f="size_domain.proof"),
    _rte(r"\frac{N - 1}{N - 1} x = x", lambda e: (UNDEFINED if e.N == 1 else e["x"], e["x"]), f="size_domain_ok.proof"),
    _rte(r"(\sqrt{\sum_j x_j})^2 = \sum_j x_j", lambda e: (UNDEFINED if _SUM_X(e) < 0 else _SUM_X(e), _SUM_X(e)),
         f="sum_domain_ok.proof"),
    _rte(r"\exp(\log(\sum_j x_j)) = \sum_j x_j", lambda e: (UNDEFINED if _SUM_X(e) <= 0 else _SUM_X(e), _SUM_X(e)),
         f="sum_domain_ok.proof"),
    _rte(r"(\sqrt{(3 - N) x^2})^2 = (3 - N) x^2", lambda e: (UNDEFINED if e.N > 3 else (3 - e.N) * e["x"] ** 2,
                                                         (3 - e.N) * e["x"] ** 2), f="sum_domain.proof"),
    _rte(r"(\sqrt{\sum_j (4 - j) x_j^2})^2 = \sum_j (4 - j) x_j^2",
         lambda e: (UNDEFINED if _Q4(e) < 0 else _Q4(e), _Q4(e)), f="sum_domain.proof"),
    _rte(r"\exp(\log(\sum_j (4 - j) x_j^2 + 1)) = \sum_j (4 - j) x_j^2 + 1",
         lambda e: (UNDEFINED if _Q4(e) + 1 <= 0 else _Q4(e) + 1, _Q4(e) + 1), f="sum_domain.proof"),
    _rte(r"\frac{(N - 4) x}{(N - 4) x} = 1", lambda e: (UNDEFINED if e.N == 4 else 1, 1), f="sum_domain.proof"),
    _rte(r"\frac{\sum_{j=1}^{N} x_j}{\sum_{j=1}^{N} x_j} = \frac{\sum_{j=2}^{N} x_j}{\sum_{j=2}^{N} x_j}",
         lambda e: (_ratio(S(1, e.N, lambda j: e["x", j])), _ratio(S(2, e.N, lambda j: e["x", j]))),
         f="sum_domain.proof"),
    _rte(r"\exp(\log(\sum_{j=2}^{N} \exp(x_j))) = \sum_{j=2}^{N} \exp(x_j)",
         lambda e: (UNDEFINED if e.N < 2 else _exp_sum(e, 2, e.N), _exp_sum(e, 2, e.N)), f="sum_domain.proof"),
    _rte(r"\exp(\log(\sum_{j=N}^{4} \exp(x_j))) = \sum_{j=N}^{4} \exp(x_j)",
         lambda e: (UNDEFINED if e.N > 4 else _exp_sum(e, e.N, 4), _exp_sum(e, e.N, 4)), f="sum_domain.proof"),
    # the term j = 0 is 0/0 for every N
    _rte(r"\sum_{j=0}^{N} \frac{j x_j}{j} = \sum_{j=0}^{N} x_j", lambda e: (UNDEFINED, S(0, e.N, lambda j: e["x", j])),
         f="sum_domain.proof"),
    _rte(r"\frac{\delta_{ij}}{\delta_{ij}} x_i = x_i", lambda e: (e["x", e.i] if e.i == e.j else UNDEFINED, e["x", e.i]),
         f="sum_domain.proof", free=IJ),
    # ---------------------------------------------------------------- assumed_signs: each at a value its assumptions allow
    _rte(r"(\sqrt{c})^2 \sum_j x_j = c \sum_j x_j", lambda e: _sqrt_sq(Fraction(-1, 2), _SUM_X(e)),
         f="assumed_signs.proof"),
    _rte(r"(\sqrt{c})^2 \sum_j y_j = c \sum_j y_j", lambda e: _sqrt_sq(Fraction(-1, 2), S(1, e.N, lambda j: e["y", j])),
         f="assumed_signs.proof"),
    _rte(r"(\sqrt{c - 1})^2 \sum_j x_j = (c - 1) \sum_j x_j", lambda e: _sqrt_sq(Fraction(1, 2) - 1, _SUM_X(e)),
         f="assumed_signs.proof"),
    _rte(r"f(d)^2 \sum_j x_j = d \sum_j x_j", lambda e: _sqrt_sq(Fraction(-1, 2), _SUM_X(e)), f="assumed_signs.proof"),
    _rte(r"(\sqrt{c})^2 \sum_j z_j = c \sum_j z_j", lambda e: _sqrt_sq(Fraction(-1, 2), S(1, e.N, lambda j: e["z", j])),
         f="assumed_signs.proof"),
    # ---------------------------------------------------------------- hidden_assumption, hidden_point
    _rte("g_i = x_i", lambda e: (e["x", e.i] + _given_y12(e, e.i), e["x", e.i]), f="hidden_assumption.proof", free=I_N),
    _rte("g = 1", lambda e: (_y(e, 1), 1), f="hidden_assumption.proof"),
    _rte("g_i = x_i", lambda e: (e["x", e.i] + _given_y12(e, e.i), e["x", e.i]), f="hidden_point.proof", free=I_N),
    _rte("g_i = x_i", lambda e: (e["x", e.i] + _given_z(e, e.i), e["x", e.i]), f="hidden_assumption.proof", free=I_N),
    _rte("g_i = x_i", lambda e: (e["x", e.i] + _given_z(e, e.i), e["x", e.i]), f="hidden_point.proof", free=I_N),
    _rte("x_i + y_i = x_i", lambda e: (e["x", e.i] + _given_y12(e, e.i), e["x", e.i]), f="hidden_assumption_ok.proof",
         free=I_N),
    _rte("y_1 = 1", lambda e: (_y(e, 1), 1), f="hidden_assumption_ok.proof"),
    # ---------------------------------------------------------------- hidden_vector_sizes (mpmath)
    _rte(r"\mathrm{LSE}(h) = h_1", lambda e: (_lse(e), e["h", 1]), f="hidden_vector_sizes.proof"),
    _rte(r"\mathrm{softmax}(h)_1 = 1", lambda e: (softmax(e, 1), 1), f="hidden_vector_sizes.proof"),
    # by hand: d LSE(h) / d h_1 = softmax(h)_1
    _rte(r"\frac{\partial}{\partial h_1} \mathrm{LSE}(h) = 1", lambda e: (softmax(e, 1), 1), f="hidden_vector_sizes.proof"),
    _rte(r"\mathrm{LSE}(h) = \log(\exp(h_1) + \exp(h_2))",
         lambda e: (_lse(e), mpmath.log(mpmath.exp(_mp(e["h", 1])) + mpmath.exp(_mp(e["h", 2])))),
         f="hidden_vector_sizes_ok.proof"),
    # ---------------------------------------------------------------- undeclared_bound
    _rte(r"\sum_{t=1}^{5} \delta_{i,t} (t-1)(t-2)(t-5) x_t = 0",
         lambda e: (S(1, 5, lambda t: D(e.i, t) * (t - 1) * (t - 2) * (t - 5) * e["x", t]), 0), f="undeclared_bound.proof",
         free=I_N),
    _rte(r"\sum_{s=1}^{4} \delta_{i,s} (s-1)(s-2)(s-4) y = 0",
         lambda e: (S(1, 4, lambda t: D(e.i, t) * (t - 1) * (t - 2) * (t - 4) * e["y"]), 0), f="undeclared_bound.proof",
         free=I_N),
    _rte(r"\sum_{j=2}^{3} \delta_{i,2j} x_i = \delta_{i,4} x_i",
         lambda e: (S(2, 3, lambda t: D(e.i, 2 * t)) * e["x", e.i], D(e.i, 4) * e["x", e.i]), f="undeclared_bound.proof",
         free=I_N),
    _rte(r"\sum_{t=2}^{3} \delta_{i,2t} x_i = \delta_{i,4} x_i",
         lambda e: (S(2, 3, lambda t: D(e.i, 2 * t)) * e["x", e.i], D(e.i, 4) * e["x", e.i]), f="undeclared_bound.proof",
         free=I_N),
    _rte(r"\sum_{j=1}^{5} \delta_{i,j} (j-1)(j-2)(j-5) x_j = 0",
         lambda e: (S(1, 5, lambda t: D(e.i, t) * (t - 1) * (t - 2) * (t - 5) * e["x", t]), 0),
         f="undeclared_bound_ok.proof", free=I_N),
    # ---------------------------------------------------------------- delta_subscripts
    _rte(r"\delta_{i,1} x_i = 0", lambda e: (D(e.i, 1) * e["x", e.i], 0), f="delta_subscripts_ok.proof", free=I_N),
    _rte(r"\delta_{i1} x_i = 0", lambda e: (D(e.i, 1) * e["x", e.i], 0), f="delta_subscripts_ok.proof", free=I_N),
    _rte(r"\sum_j \delta_{j,1} x_j = 0", lambda e: (e["x", 1], 0), f="delta_subscripts_ok.proof"),
    _rte(r"\sum_{j=2}^{N} \delta_{j,1} x_j = -x_1", lambda e: (0, -e["x", 1]), f="delta_subscripts_ok.proof"),
    _rte(r"\delta_{2i} x_i = 0", lambda e: (D(2, e.i) * e["x", e.i], 0), f="delta_subscripts.proof", free=I_N),
    _rte(r"\sum_{t=1}^{3} \delta_{t2} x_t = x_3", lambda e: (S(1, 3, lambda t: D(t, 2) * e["x", t]), e["x", 3]),
         f="delta_subscripts.proof"),
    # by hand: only the term j = 2 (present when N >= 2) holds x_1
    _rte(r"\frac{\partial}{\partial x_1} \sum_{j=2}^{N} x_j x_{j-1} = x_2",
         lambda e: (e["x", 2] if e.N >= 2 else 0, e["x", 2]), f="delta_subscripts_ok.proof"),
    # ---------------------------------------------------------------- size_constants, size_budget, size_huge
    _rte(r"(N > 2 \cdot 10) x = 0", lambda e: (I(e.N > 20) * e["x"], 0), f="size_constants.proof", extra=({"N": 21},)),
    _rte(r"(N > 10^3) x = 0", lambda e: (I(e.N > 1000) * e["x"], 0), f="size_constants.proof", extra=({"N": 1001},)),
    _rte(r"(\frac{N}{3} > 7) x = 0", lambda e: (I(Fraction(e.N, 3) > 7) * e["x"], 0), f="size_constants.proof",
         extra=({"N": 22},)),
    _rte(r"(j - i = 3 \cdot 3) x = 0", lambda e: (I(e.j - e.i == 9) * e["x"], 0), f="size_constants.proof", free=IJ,
         extra=({"N": 10},)),
    _rte("(N + M = 30) x = 0", lambda e: (I(e.N + e.M == 30) * e["x"], 0), f="size_constants.proof", sizes=("N", "M"),
         extra=({"N": 15, "M": 15},)),
    _rte(r"(N = 28) x = 0 \cdot N \cdot (" + _DECOYS + ")", lambda e: (I(e.N == 28) * e["x"], 0), f="size_budget.proof",
         extra=({"N": 28},)),
    _rte("(N > 10000000000000) x = 0", lambda e: (I(e.N > 10 ** 13) * e["x"], 0), f="size_huge.proof",
         extra=({"N": 10 ** 13 + 1},)),
    # ---------------------------------------------------------------- size_critical (K = 2 * 10 = 20)
    _rte("(N > K) x = 0", lambda e: (I(e.N > 20) * e["x"], 0), f="size_critical.proof", extra=({"N": 21},)),
    _rte(r"\max(N - K, 0) x = 0", lambda e: (max(e.N - 20, 0) * e["x"], 0), f="size_critical.proof",
         extra=({"N": 21},)),
    _rte(r"(N > K) \sum_j x_j = (N \geq K) \sum_j x_j",
         lambda e: (I(e.N > 20) * _SUM_X(e), I(e.N >= 20) * _SUM_X(e)), f="size_critical.proof", extra=({"N": 20},)),
    # by hand: N^2 - 90 N + 2024 = (N - 44)(N - 46)
    _rte("(N^2 - 90 N + 2024 = 0) x = 0", lambda e: (I((e.N - 44) * (e.N - 46) == 0) * e["x"], 0),
         f="size_critical.proof", extra=({"N": 44},)),
    _rte(r"\frac{N^2 - 90 N + 2024}{N^2 - 90 N + 2024} x = x",
         lambda e: (UNDEFINED if (e.N - 44) * (e.N - 46) == 0 else e["x"], e["x"]), f="size_critical.proof",
         extra=({"N": 44},)),
    _rte("(N + M = 30)(M > 20)(N > 5) x = 0", lambda e: (I(e.N + e.M == 30 and e.M > 20 and e.N > 5) * e["x"], 0),
         f="size_critical.proof", sizes=("N", "M"), extra=({"N": 9, "M": 21},)),
    _rte("(N = 3 M - 2)(N + M = 30) x = 0", lambda e: (I(e.N == 3 * e.M - 2 and e.N + e.M == 30) * e["x"], 0),
         f="size_critical.proof", sizes=("N", "M"), extra=({"N": 22, "M": 8},)),
    _rte(r"(N > M + 2 \cdot 10) x = 0", lambda e: (I(e.N > e.M + 20) * e["x"], 0), f="size_critical.proof",
         sizes=("N", "M"), extra=({"N": 22, "M": 1},)),
    _rte("(N + M + L = 31)(N > 12)(M > 1)(L > 1) x = 0",
         lambda e: (I(e.N + e.M + e.L == 31 and e.N > 12 and e.M > 1 and e.L > 1) * e["x"], 0),
         f="size_critical.proof", sizes=("N", "M", "L"), extra=({"N": 13, "M": 9, "L": 9},)),
    # by hand: of the sum only the term j = 1 is left, x_1 (N >= 1)
    _rte(r"(N > 10^{13}) \sum_{j=1}^{N} \delta_{j1} x_j = 0", lambda e: (I(e.N > 10 ** 13) * e["x", 1], 0),
         f="size_critical.proof", extra=({"N": 10 ** 13 + 1},)),
    _rte("((N - 100) (N - 110) (N - 120) (N - 130) (N - 140) (N - 150) (N - 160) (N - 170) (N - 180) (N - 190) (N - 200) (N - 210) (N - 220) (N - 230) (N - 240) (N - 250) (N - 260) (N - 270) (N - 280) (N - 290) (N - 300) (N - 310) (N - 320) (N - 330) (N - 340) = 0)(N > 330) x = 0",
         lambda e: (I(e.N in range(100, 341, 10) and e.N > 330) * e["x"], 0), f="size_critical.proof",
         extra=({"N": 340},)),
    _rte("(N^{65} = 3^{195}) x = 0", lambda e: (I(e.N ** 65 == 3 ** 195) * e["x"], 0), f="size_critical.proof",
         extra=({"N": 27},)),
    _rte(r"\sum_j (j = 3 \cdot 7) x_j = 0", lambda e: (S(1, e.N, lambda j: I(j == 21) * e["x", j]), 0),
         f="size_critical.proof", extra=({"N": 21},)),
    # ---------------------------------------------------------------- fragment_ok
    _rte(r"\sum_j \sum_{k \neq j} x_j x_k = (\sum_j x_j)^2 - \sum_j x_j",
         lambda e: (S(1, e.N, lambda j: S(1, e.N, lambda k: I(k != j) * e["x", j] * e["x", k])), _SUM_X(e) ** 2 - _SUM_X(e)),
         f="fragment_ok.proof"),
    # by hand: d/dx_i sum_jk W_jk x_j x_k = sum_k (W_ik + W_ki) x_k
    _rte(r"\frac{\partial}{\partial x_i} \sum_j \sum_k W_{jk} x_j x_k = 2 \sum_k W_{ik} x_k",
         lambda e: (S(1, e.N, lambda k: (e["W", e.i, k] + e["W", k, e.i]) * e["x", k]), 2 * S(1, e.N, lambda k: e["W", e.i, k] * e["x", k])),
         f="fragment_ok.proof", free=I_N),
    _rte(r"\sum_j \sum_k W_{jk} x_k = \sum_j \sum_k W_{kj} x_k",
         lambda e: (S(1, e.N, lambda j: S(1, e.N, lambda k: e["W", j, k] * e["x", k])),
                    S(1, e.N, lambda j: S(1, e.N, lambda k: e["W", k, j] * e["x", k]))), f="fragment_ok.proof"),
    _rte(r"\sum_{j=1}^{N} \sum_{k=2}^{N} \delta_{jk} = N", lambda e: (S(1, e.N, lambda j: S(2, e.N, lambda k: D(j, k))), e.N),
         f="fragment_ok.proof"),
    _rte(r"\frac{\partial}{\partial x_i} \sum_i x_i^2 = 2 \sum_i x_i", lambda e: (2 * e["x", e.i], 2 * _SUM_X(e)),
         f="fragment_ok.proof", free=I_N),
    # by hand: d/dh_i sum_{j=1}^N h_j h_{j+1} = h_{i+1} + (h_{i-1} when i >= 2)
    _rte(r"\frac{\partial}{\partial h_i} \sum_j h_j h_{j+1} = h_{i+1} + h_{i-1}",
         lambda e: (e["h", e.i + 1] + (e["h", e.i - 1] if e.i >= 2 else 0), e["h", e.i + 1] + e["h", e.i - 1]),
         f="fragment_ok.proof", free=I_N),
    _rte(r"\sum_j x_{j+1} = \sum_j x_j", lambda e: (S(1, e.N, lambda j: e["x", j + 1]), _SUM_X(e)), f="fragment_ok.proof"),
    _rte(r"\sum_j \sum_k W_{jk} = \sum_k \sum_j W_{kj}",
         lambda e: (S(1, e.N, lambda j: S(1, e.M, lambda k: e["W", j, k])), S(1, e.M, lambda k: S(1, e.N, lambda j: e["W", k, j]))),
         f="fragment_ok.proof", sizes=("N", "M")),
    _rte(r"\sum_k \delta_{ik} x_k = x_i", lambda e: (S(1, e.M, lambda k: D(e.i, k) * e["x", k]), e["x", e.i]),
         f="fragment_ok.proof", free=I_N, sizes=("N", "M")),
    _rte(r"\sum_{k \neq i} x_k = \sum_k x_k - x_i",
         lambda e: (S(1, e.M, lambda k: I(k != e.i) * e["x", k]), S(1, e.M, lambda k: e["x", k]) - e["x", e.i]),
         f="fragment_ok.proof", free=I_N, sizes=("N", "M")),
    _rte(r"\sum_j y_j = 1", lambda e: (S(1, e.N, lambda j: _y_m(e, j)), 1), f="fragment_ok.proof", sizes=("N", "M")),
    _rte(r"\sum_{j \neq i} y_j = \sum_j y_j - y_i",
         lambda e: (S(2, e.N, lambda j: I(j != e.i) * e["y", j]), S(2, e.N, lambda j: e["y", j]) - e["y", e.i]),
         f="fragment_ok.proof", free=I_N),
    # by hand: g_1 = 2 x_1 and g_k = x_k for k >= 2, so d/dx_i sum_j g_j = 2 at i = 1, else 1
    _rte(r"\frac{\partial}{\partial x_i} \sum_j g_j = 1", lambda e: (2 if e.i == 1 else 1, 1), f="fragment_ok.proof", free=I_N),
    _rte(r"\prod_j (1 + x_j) = 1 + \sum_j x_j", lambda e: (P(1 + e["x", j] for j in range(1, e.N + 1)), 1 + _SUM_X(e)),
         f="fragment_ok.proof"),
    # y_k = 0 for k = 2..N
    _rte(r"\sum_j y_j = 0", lambda e: (e["y", 1], 0), f="fragment_ok.proof"),
]


def _exceeds(f, v: int, bound) -> int:
    """I(f(v) > bound) for an mpmath function f, at 50 digits (f is far from the bound at every size used)."""
    with mpmath.workdps(50):
        return I(f(mpmath.mpf(v)) > bound)


CLAIMS += [
    # ---------------------------------------------------------------- size_transcendental, size_root, index_transcendental
    _rte("(2^N > 10^6) x = 0", lambda e: (I(2 ** e.N > 10 ** 6) * e["x"], 0), f="size_transcendental.proof",
         extra=({"N": 20},)),
    _rte(r"(\exp(N) > 10^9) x = 0", lambda e: (_exceeds(mpmath.exp, e.N, 10 ** 9) * e["x"], 0),
         f="size_transcendental.proof", extra=({"N": 21},)),
    _rte(r"(\log(N) > 5) x = 0", lambda e: (_exceeds(mpmath.log, e.N, 5) * e["x"], 0), f="size_transcendental.proof",
         extra=({"N": 149},)),
    _rte(r"(\sin(N) > 0.9999) x = 0", lambda e: (_exceeds(mpmath.sin, e.N, mpmath.mpf("0.9999")) * e["x"], 0),
         f="size_transcendental.proof", extra=({"N": 33},)),
    # sqrt(N) > 7 exactly when N > 49 (whole N)
    _rte(r"(\sqrt{N} > 7) x = 0", lambda e: (I(e.N > 49) * e["x"], 0), f="size_root.proof", extra=({"N": 50},)),
    _rte("(N^{1/2} > 7) x = 0", lambda e: (I(e.N > 49) * e["x"], 0), f="size_root.proof", extra=({"N": 50},)),
    _rte(r"(\sqrt{i} > 7) x_i = 0", lambda e: (I(e.i > 49) * e["x", e.i], 0), f="index_transcendental.proof", free=I_N,
         extra=({"N": 50},)),
    _rte(r"\sum_j (\sqrt{j} > 7) x_j = 0", lambda e: (S(1, e.N, lambda j: I(j > 49) * e["x", j]), 0),
         f="index_transcendental.proof", extra=({"N": 50},)),
    _rte(r"\sum_j (\exp(j) > 10^{9}) x_j = 0",
         lambda e: (S(1, e.N, lambda j: _exceeds(mpmath.exp, j, 10 ** 9) * e["x", j]), 0),
         f="index_transcendental.proof", extra=({"N": 21},)),
    # ---------------------------------------------------------------- function_of_size (5 * 6 = 30)
    _rte("f(N) x = 0", lambda e: (I(e.N > 30) * e["x"], 0), f="function_of_size.proof", extra=({"N": 31},)),
    _rte(r"g(N) (N - 5 \cdot 6) x = x", lambda e: (UNDEFINED if e.N == 30 else e["x"], e["x"]),
         f="function_of_size.proof", extra=({"N": 30},)),
    _rte("h(N) x = 0", lambda e: (I(e.N > 30) * e["x"], 0), f="function_of_size.proof", extra=({"N": 31},)),
    _rte("q(N) x = 0", lambda e: (I(e.N ** 2 > 900) * e["x"], 0), f="function_of_size.proof", extra=({"N": 31},)),
    _rte("p(i) x_i = 0", lambda e: (I(e.i > 30) * e["x", e.i], 0), f="function_of_size.proof", free=I_N,
         extra=({"N": 31},)),
    _rte(r"\sum_j p(j) x_j = 0", lambda e: (S(1, e.N, lambda j: I(j > 30) * e["x", j]), 0), f="function_of_size.proof",
         extra=({"N": 31},)),
]

def _COUNT(e: Env) -> Fraction:
    """\\sum_j 1 over 1..N."""
    return S(1, e.N, lambda j: 1)


def _r8_sqrt_sq(v: int):
    """sqrt(v) sqrt(v) with no real value for v < 0."""
    return UNDEFINED if v < 0 else Fraction(v)


CLAIMS += [
    # ---------------------------------------------------------------- r8_*: values of sizes behind names (5 * 6 = 30)
    _rte(r"(\mathrm{sin}(N) > 0.9999) x = 0", lambda e: (_exceeds(mpmath.sin, e.N, mpmath.mpf("0.9999")) * e["x"], 0),
         f="r8_word_sin.proof", extra=({"N": 33},)),
    _rte(r"(\operatorname{exp}(N) > 10^9) x = 0", lambda e: (_exceeds(mpmath.exp, e.N, 10 ** 9) * e["x"], 0),
         f="r8_word_exp.proof", extra=({"N": 21},)),
    _rte(r"(\mathrm{log}(i) > 5) x_i = 0", lambda e: (_exceeds(mpmath.log, e.i, 5) * e["x", e.i], 0),
         f="r8_word_log_index.proof", free=I_N, extra=({"N": 149},)),
    _rte(r"\sum_j (\mathrm{sqrt}(j) > 7) x_j = 0", lambda e: (S(1, e.N, lambda j: I(j > 49) * e["x", j]), 0),
         f="r8_word_sqrt_sum.proof", extra=({"N": 50},)),
    _rte(r"(r(N) > 5 \cdot 6) x = 0", lambda e: (I(e.N > 30) * e["x"], 0), f="r8_defined_identity.proof",
         extra=({"N": 31},)),
    _rte(r"\sum_j (r(j) > 5 \cdot 6) x_j = 0", lambda e: (S(1, e.N, lambda j: I(j > 30) * e["x", j]), 0),
         f="r8_defined_identity_sum.proof", extra=({"N": 31},)),
    _rte(r"(f(N) > 0.9999) x = 0", lambda e: (_exceeds(mpmath.sin, e.N, mpmath.mpf("0.9999")) * e["x"], 0),
         f="r8_defined_sin.proof", extra=({"N": 33},)),
    _rte(r"(K_N > 5 \cdot 6) x = 0", lambda e: (I(e.N > 30) * e["x"], 0), f="r8_family_value.proof", extra=({"N": 31},)),
    _rte(r"\sum_j (K_j > 5 \cdot 6) x_j = 0", lambda e: (S(1, e.N, lambda j: I(j > 30) * e["x", j]), 0),
         f="r8_family_value_sum.proof", extra=({"N": 31},)),
    _rte(r"\frac{K_N - 5 \cdot 6}{K_N - 5 \cdot 6} x = x", lambda e: (UNDEFINED if e.N == 30 else e["x"], e["x"]),
         f="r8_family_value_denominator.proof", extra=({"N": 30},)),
    _rte(r"(\sum_j 1 > 5 \cdot 6) x = 0", lambda e: (I(_COUNT(e) > 30) * e["x"], 0), f="r8_count_sum.proof",
         extra=({"N": 31},)),
    _rte(r"(\prod_j 2 > 10^6) x = 0", lambda e: (I(P(2 for _ in range(e.N)) > 10 ** 6) * e["x"], 0),
         f="r8_product_value.proof", extra=({"N": 20},)),
    _rte(r"(\sum_{t=1}^{N} t > 5 \cdot 6 \cdot 7) x = 0", lambda e: (I(S(1, e.N, lambda t: t) > 210) * e["x"], 0),
         f="r8_sum_of_t.proof", extra=({"N": 21},)),
    _rte(r"|5 \cdot 6 - \sum_j 1| = 5 \cdot 6 - \sum_j 1", lambda e: (abs(30 - _COUNT(e)), 30 - _COUNT(e)),
         f="r8_sum_abs.proof", extra=({"N": 31},)),
    _rte(r"\sqrt{5 \cdot 6 - \sum_j 1} \sqrt{5 \cdot 6 - \sum_j 1} = 5 \cdot 6 - \sum_j 1",
         lambda e: (_r8_sqrt_sq(30 - _COUNT(e)), 30 - _COUNT(e)), f="r8_sum_sqrt.proof", extra=({"N": 31},)),
    _rte(r"\frac{\sum_j 1 - 5 \cdot 6}{\sum_j 1 - 5 \cdot 6} = 1", lambda e: (UNDEFINED if _COUNT(e) == 30 else 1, 1),
         f="r8_sum_denominator.proof", extra=({"N": 30},)),
    _rte(r"\mathrm{ReLU}(5 \cdot 6 - \sum_j 1) x = (5 \cdot 6 - \sum_j 1) x",
         lambda e: (max(30 - _COUNT(e), 0) * e["x"], (30 - _COUNT(e)) * e["x"]), f="r8_sum_relu.proof",
         extra=({"N": 31},)),
    # r8_value_caught.proof
    _rte(r"f_N x = 0", lambda e: (I(e.N > 30) * e["x"], 0), f="r8_value_caught.proof", extra=({"N": 31},)),
    _rte(r"f_i x_i = 0", lambda e: (I(e.i > 30) * e["x", e.i], 0), f="r8_value_caught.proof", free=I_N,
         extra=({"N": 31},)),
    _rte(r"(K > 5 \cdot 6) x = 0", lambda e: (I(e.N + 1 > 30) * e["x"], 0), f="r8_value_caught.proof",
         extra=({"N": 30},)),
    _rte(r"f(N) x = 0", lambda e: (I(e.N > 30) * e["x"], 0), f="r8_value_caught.proof", extra=({"N": 31},)),
    _rte(r"(\sin N > 0.9999) x = 0", lambda e: (_exceeds(mpmath.sin, e.N, mpmath.mpf("0.9999")) * e["x"], 0),
         f="r8_value_caught.proof", extra=({"N": 33},)),
]


def _sigmoid(v) -> mpmath.mpf:
    with mpmath.workdps(50):
        return 1 / (1 + mpmath.exp(-_mp(v)))


def _above(value, bound) -> int:
    """I(value > bound) at 50 digits, for an mpmath value far from the bound."""
    with mpmath.workdps(50):
        return I(value > bound)


CLAIMS += [
    # ---------------------------------------------------------------- r9_*: sizes behind inputs and inner sums (5 * 6 = 30)
    _rte(r"(N + \sigma(x) > 5 \cdot 6) y = 0", lambda e: (_above(e.N + _sigmoid(e["x"]), 30) * e["y"], 0),
         f="r9_size_plus_sigmoid.proof", extra=({"N": 30},)),
    _rte(r"(N \sigma(x) > 5 \cdot 6) y = 0", lambda e: (_above(e.N * _sigmoid(e["x"]), 30) * e["y"], 0),
         f="r9_size_times_sigmoid.proof", extra=({"N": 31}, {"N": 61}, {"N": 301}, {"N": 3001})),
    _rte(r"(\sum_j (1 + 0 x_j) > 5 \cdot 6) y = 0",
         lambda e: (I(S(1, e.N, lambda j: 1 + 0 * e["x", j]) > 30) * e["y"], 0), f="r9_sum_dead_input.proof",
         extra=({"N": 31},)),
    _rte(r"(\sum_{t=1}^{N} (t + \tanh(x)) > 5 \cdot 6 \cdot 7) y = 0",
         lambda e: (_above(S(1, e.N, lambda t: t) + e.N * mpmath.tanh(_mp(e["x"])), 210) * e["y"], 0),
         f="r9_sum_bounded_input.proof", extra=({"N": 20}, {"N": 21})),
    _rte(r"(\sum_{t=1}^{3} N > 5 \cdot 6) y = 0", lambda e: (I(S(1, 3, lambda t: e.N) > 30) * e["y"], 0),
         f="r9_literal_range_sum_of_size.proof"),
    _rte(r"(K_N > 5 \cdot 6) y = 0", lambda e: (I(e.N + 0 * e["x"] > 30) * e["y"], 0), f="r9_family_dead_input.proof",
         extra=({"N": 31},)),
    _rte(r"(\sum_{s=1}^{N} \sum_{t=1}^{s} 1 > 5 \cdot 6 \cdot 7) y = 0",
         lambda e: (I(S(1, e.N, lambda s: S(1, s, lambda t: 1)) > 210) * e["y"], 0), f="r9_nested_sum.proof",
         extra=({"N": 21},)),
    _rte(r"(K_N > 5 \cdot 6) y = 0", lambda e: (I(S(1, e.N, lambda t: 1) > 30) * e["y"], 0),
         f="r9_family_nested_sum.proof", extra=({"N": 31},)),    _rte(r"(N + 4 x > 0) (x < -7.4) y = 0", lambda e: (I(e.N + 4 * e["x"] > 0) * I(e["x"] < Fraction(-37, 5)) * e["y"], 0),
         f="r9_size_plus_input.proof", extra=({"N": 31}, {"N": 33})),
]


def _xs(e: Env) -> Fraction:
    """x_1 + ... + x_N."""
    return S(1, e.N, lambda j: e["x", j])


CLAIMS += [
    # ---------------------------------------------------------------- r10_*: sizes behind sums and inputs (5 * 6 = 30)
    _rte(r"(N + 4 \sum_j x_j > 0) (\sum_j x_j < -7.4) y = 0",
         lambda e: (I(e.N + 4 * _xs(e) > 0) * I(_xs(e) < Fraction(-37, 5)) * e["y"], 0), f="r10_sum_twice.proof",
         extra=tuple({"N": k} for k in range(30, 400))),
    _rte(r"(N + 4 x + 4 z > 0) (x + z < -7.4) y = 0",
         lambda e: (I(e.N + 4 * e["x"] + 4 * e["z"] > 0) * I(e["x"] + e["z"] < Fraction(-37, 5)) * e["y"], 0),
         f="r10_mixed_two_inputs.proof", extra=tuple({"N": k} for k in range(30, 80))),
    _rte(r"(N + 4 \cdot 10 x_1 > 0) (x_{0+1} < -0.74) y = 0",
         lambda e: (I(e.N + 40 * e["x", 1] > 0) * I(e["x", 1] < Fraction(-74, 100)) * e["y"], 0),
         f="r10_input_spelling.proof", extra=tuple({"N": k} for k in range(30, 80))),
    _rte(r"(0.001 \sum_j x_j^2 + 5 \cdot 6 < N) y = 0",
         lambda e: (I(Fraction(1, 1000) * S(1, e.N, lambda j: e["x", j] ** 2) + 30 < e.N) * e["y"], 0),
         f="r10_sum_squares.proof", extra=tuple({"N": k} for k in range(31, 80))),
    _rte(r"(\sum_j ((\frac{x_j}{10})^4 - (\frac{x_j}{10})^2) < -7.5) y = 0",
         lambda e: (I(S(1, e.N, lambda j: (e["x", j] / 10) ** 4 - (e["x", j] / 10) ** 2) < Fraction(-15, 2)) * e["y"], 0),
         f="r10_sum_quartic.proof", extra=tuple({"N": k} for k in range(31, 400))),
    _rte(r"(\sum_{t=3}^{1} N + N > 5 \cdot 6) y = 0",
         lambda e: (I(S(3, 1, lambda t: e.N) + e.N > 30) * e["y"], 0), f="r10_reversed_range.proof",
         extra=({"N": 31},)),
    _rte(r"(x + z + N - 30 > 0)(x < 3.2)(z < 4.5) y = 0",
         lambda e: (I(e["x"] + e["z"] + e.N - 30 > 0) * I(e["x"] < Fraction(16, 5)) * I(e["z"] < Fraction(9, 2)) * e["y"], 0),
         f="r10_arrangement_minors.proof", extra=tuple({"N": k} for k in range(30, 80))),
]


CLAIMS += [
    # ---------------------------------------------------------------- r11_*: sums under an assumption on their inputs (5 * 6 = 30)
    _rte(r"(\sum_j x_j < N - 5 \cdot 6) y = 0",
         lambda e: (I(S(1, e.N, lambda j: abs(e["x", j]) / (10 * e.N)) < e.N - 30) * e["y"], 0),
         f="r11_sum_assumed_positive.proof", extra=tuple({"N": k} for k in range(30, 40))),
    _rte(r"(\sum_j (x_j - 1)^2 + 5 \cdot 6 < N) y = 0",
         lambda e: (I(S(1, e.N, lambda j: (abs(e["x", j]) / 100) ** 2) + 30 < e.N) * e["y"], 0),
         f="r11_sum_squares_assumed_off_minimum.proof", extra=tuple({"N": k} for k in range(30, 40))),
]

CLAIMS += [
    # ---------------------------------------------------------------- r11_*: readings (a power node and a function's parameter)
    _rte(r"\frac{d}{dt} f(t) = 1", lambda e: (2 * e["t"] + 1, 1), f="r11_power_node_captures_parameter.proof", sizes=()),
    _rte(r"\sum_{t=1}^{3} t^2 = 0", lambda e: (S(1, 3, lambda t: t ** 2), 0), f="r11_power_node_captures_sum_letter.proof",
         sizes=()),
    _rte(r"\sum_j j^2 = 0", lambda e: (S(1, 3, lambda j: j ** 2), 0), f="r11_power_node_captures_index_letter.proof",
         sizes=()),
]

CLAIMS += [
    # ---------------------------------------------------------------- a sum under an equality on its inputs
    _rte(r"(\sum_j x_j < N - 30.5) y = 0", lambda e: (I(1 < e.N - Fraction(61, 2)) * e["y"], 0),
         f="sum_equality_assumed.proof", extra=tuple({"N": k} for k in range(31, 40))),
]

CLAIMS += [
    # ---------------------------------------------------------------- r12_*: sums under equalities and lets that bound their inputs
    _rte(r"(\sum_j x_j > \pi^3) y = 0",
         lambda e: (I(_mp(S(1, e.N, lambda j: 1 - (e["w", j] / 100) ** 2)) > mpmath.pi ** 3) * e["y"], 0),
         f="r12_sum_equality_defines_input.proof", extra=tuple({"N": k} for k in range(32, 40))),
    _rte(r"(\sum_j x_j > e^{7/2}) y = 0",
         lambda e: (I(_mp(S(1, e.N, lambda j: 1 - (e["w", j] / 100) ** 2)) > mpmath.exp(mpmath.mpf(7) / 2)) * e["y"], 0),
         f="r12_sum_equality_solved_input.proof", extra=tuple({"N": k} for k in range(34, 40))),
    _rte(r"(\sum_j x_j^2 > 30) y = 0",
         lambda e: (I(S(1, e.N, lambda j: (1 - abs(e["x", j]) / 1000) ** 2) > 30) * e["y"], 0),
         f="r12_sum_bounded_through_let.proof", extra=tuple({"N": k} for k in range(31, 40))),
    _rte(r"(\sum_j x_j + 30 < N) y = 0",
         lambda e: (I(S(1, e.N, lambda j: abs(e["x", j]) / (10 * e.N)) + 30 < e.N) * e["y"], 0),
         f="r12_sum_bounded_through_let.proof", extra=tuple({"N": k} for k in range(31, 40))),
    # ---------------------------------------------------------------- r12_*: a power node beside bound letters
    _rte(r"\sum_{j \neq 2} j^2 = 0", lambda e: (S(1, 3, lambda j: j ** 2) - 4, 0), f="r12_power_node_bound_forms.proof", sizes=()),
    _rte(r"\prod_{t=1}^{3} (t^2 + 1) = 1", lambda e: (P(t ** 2 + 1 for t in range(1, 4)), 1),
         f="r12_power_node_bound_forms.proof", sizes=()),
    _rte(r"\sum_j j² = 0", lambda e: (S(1, 3, lambda j: j ** 2), 0), f="r12_power_node_bound_forms.proof", sizes=()),
    _rte(r"\sum_{t \in 1..3} t^2 = 0", lambda e: (S(1, 3, lambda t: t ** 2), 0), f="r12_power_node_bound_forms.proof",
         sizes=()),
]

CLAIMS += [
    # ---------------------------------------------------------------- r13_*: an equality about a sum bounds the sum of squares (Cauchy-Schwarz)
    _rte(r"(\sum_j y_j^2 < 1/\pi^3) z = 0",
         lambda e: (I(_mp(S(1, e.N, lambda j: Fraction(1, e.N) ** 2)) < 1 / mpmath.pi ** 3) * e["z"], 0),
         f="r13_sum_equality_bounds_squares.proof", extra=tuple({"N": k} for k in range(32, 40))),
    _rte(r"(\sum_j y_j^2 < 4/\pi^3) z = 0",
         lambda e: (I(_mp(S(1, e.N, lambda j: Fraction(2, e.N) ** 2)) < 4 / mpmath.pi ** 3) * e["z"], 0),
         f="r13_sum_equality_bounds_squares_scaled.proof", extra=tuple({"N": k} for k in range(32, 40))),
    _rte(r"(\pi^3 \sum_j y_j^2 < 1) z = 0",
         lambda e: (I(mpmath.pi ** 3 * _mp(S(1, e.N, lambda j: Fraction(1, e.N) ** 2)) < 1) * e["z"], 0),
         f="r13_sum_equality_bounds_squares_flipped.proof", extra=tuple({"N": k} for k in range(32, 40))),
]

def _ones_past_pi3(f: str):
    """`(\\sum_j y_j > \\pi^3) z = 0` with every y_j = 1 (which satisfies each file's equality tying the
    sum to the size): false from N = 32 on."""
    return _rte(r"(\sum_j y_j > \pi^3) z = 0",
                lambda e: (I(_mp(S(1, e.N, lambda j: Fraction(1))) > mpmath.pi ** 3) * e["z"], 0),
                f=f, extra=tuple({"N": k} for k in range(32, 40)))


CLAIMS += [
    # ---------------------------------------------------------------- r14_*: an equality that ties a sum to a size
    # the inputs are chosen to satisfy the equality (every y_j = 1, or 1/2 for 2 sum = N), as in r13_*
    *(_ones_past_pi3(f) for f in ("r14_sum_equals_size.proof", "r14_sum_equals_size_reversed.proof",
                                  "r14_sum_equals_size_difference.proof", "r14_sum_equals_size_case.proof")),
    _rte(r"(\sum_j y_j > \pi^3 / 2) z = 0",
         lambda e: (I(_mp(S(1, e.N, lambda j: Fraction(1, 2))) > mpmath.pi ** 3 / 2) * e["z"], 0),
         f="r14_sum_equals_size_scaled.proof", extra=tuple({"N": k} for k in range(32, 40))),
    _rte(r"(s > \pi^3) z = 0",
         lambda e: (I(_mp(S(1, e.N, lambda j: Fraction(1))) > mpmath.pi ** 3) * e["z"], 0),
         f="r14_sum_equals_size_let.proof", extra=tuple({"N": k} for k in range(32, 40))),
    _rte(r"(\sum_j y_j > 31.5) z = 0",
         lambda e: (I(S(1, e.N, lambda j: Fraction(1)) > Fraction(63, 2)) * e["z"], 0),
         f="r14_sum_equals_size_ok.proof", extra=tuple({"N": k} for k in range(32, 40))),
]

CLAIMS += [
    # ---------------------------------------------------------------- r15_*: an equality that ties a sum to a size
    # written without the size's name (a sum of ones, an input equal to N, a shifted body, a mean); every y_j = 1
    # (and m = N) satisfies it, as in r14_*
    *(_ones_past_pi3(f) for f in ("r15_sum_equals_ones.proof", "r15_sum_equals_ones_other_letter.proof",
                                  "r15_sum_equals_ones_bounds.proof", "r15_sum_equals_ones_let.proof",
                                  "r15_sum_equals_ones_case.proof", "r15_sum_equals_size_caught.proof")),
]

CLAIMS += [
    # ---------------------------------------------------------------- sizes/r25_root_by_arithmetic: a root written as
    # arithmetic of small literals (4 + 1, 2.5 * 2 = 5; 4 + 2 = 6)
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 4 - 1) x_1 = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * e["x", 1], 0), f="r25_root_by_arithmetic.proof"),
    _siz(r"(N - 1)(N - 2)(N - 3)(N - 4)(N - 2.5 \cdot 2) x_1 = 0",
         lambda e: (P(e.N - c for c in (1, 2, 3, 4, Fraction(5, 2) * 2)) * e["x", 1], 0), f="r25_root_by_arithmetic.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 4 - 1)(N - 4 - 2) x_1 = 0",
         lambda e: (P(e.N - c for c in range(1, 7)) * e["x", 1], 0), f="r25_root_by_arithmetic.proof"),
    # ---------------------------------------------------------------- sizes/r25_three_orderings: false only
    # where N > M >= 3 (every ordering of three sizes tried)
    _siz("(N-1)(N-2)(M-1)(M-2)(M-N-1)(N-M) x_1 = 0",
         lambda e: ((e.N - 1) * (e.N - 2) * (e.M - 1) * (e.M - 2) * (e.M - e.N - 1) * (e.N - e.M) * e["x", 1], 0),
         f="r25_three_orderings.proof", sizes=("N", "M", "K")),
    _siz("(N-1)(N-2)(M-1)(M-2)(M-N-1)(N-M)(K-1) x_1 = 0",
         lambda e: ((e.N - 1) * (e.N - 2) * (e.M - 1) * (e.M - 2) * (e.M - e.N - 1) * (e.N - e.M) * (e.K - 1) * e["x", 1], 0),
         f="r25_three_orderings.proof", sizes=("N", "M", "K")),
]

CLAIMS += [
    # ---------------------------------------------------------------- sizes/r25_root_by_arithmetic (fix25m): the
    # root as a defined constant (K = 4 + 1) or a fraction of literals (10 / 2)
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - K) x_1 = 0",
         lambda e: (P(e.N - c for c in (1, 2, 3, 4, 4 + 1)) * e["x", 1], 0), f="r25_root_by_arithmetic.proof"),
    _siz(r"(N - 1)(N - 2)(N - 3)(N - 4)(N - \frac{10}{2}) x_1 = 0",
         lambda e: (P(e.N - c for c in (1, 2, 3, 4, Fraction(10, 2))) * e["x", 1], 0), f="r25_root_by_arithmetic.proof"),
    # ---------------------------------------------------------------- sizes/r28_hidden_roots (lead): a root in N
    # that no literal names (0.5 N - 3 vanishes at 6)
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(0.5 N - 3) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (Fraction(1, 2) * e.N - 3), 0), f="r28_hidden_roots.proof"),
    _siz(r"(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(\frac{N}{2} - 3) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (Fraction(e.N, 2) - 3), 0), f="r28_hidden_roots.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(0.5 (0.5 N - 1) - 1) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (Fraction(1, 2) * (Fraction(1, 2) * e.N - 1) - 1), 0),
         f="r28_hidden_roots.proof"),
    _siz(r"(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(\sum_i 0.5 - 3) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (S(1, e.N, lambda i: Fraction(1, 2)) - 3), 0),
         f="r28_hidden_roots.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(0.2 N - 1)(0.125 N - 0.75) = 0",
         lambda e: (P(e.N - c for c in range(1, 5)) * (Fraction(1, 5) * e.N - 1) * (Fraction(1, 8) * e.N - Fraction(3, 4)), 0),
         f="r28_hidden_roots.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(0.25 N^2 - 0.5 N - 6) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (Fraction(1, 4) * e.N ** 2 - Fraction(1, 2) * e.N - 6), 0),
         f="r28_hidden_roots.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(0.5 N - 3) x_1 = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (Fraction(1, 2) * e.N - 3) * e["x", 1], 0),
         f="r28_hidden_roots.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 5) f(N) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (Fraction(1, 2) * e.N - 3), 0), f="r28_hidden_roots.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 5) c_N = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (Fraction(1, 2) * e.N - 3), 0), f="r28_hidden_roots.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(K - 3) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (Fraction(1, 2) * e.N - 3), 0), f="r28_hidden_roots.proof"),
    _siz(r"(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(\log(0.5 N) - \log 3) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (mpmath.log(mpmath.mpf(e.N) / 2) - mpmath.log(3)), 0),
         f="r28_hidden_roots.proof"),
    _siz("(N - 1)(N - 2)(N - 3)(N - 4)(N - 5)(2^{0.5 N} - 8) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * (mpmath.power(2, mpmath.mpf(e.N) / 2) - 8), 0),
         f="r28_hidden_roots.proof"),
    _siz(r"(N - 1)(N - 2)(N - 3)(N - 4)(N - 5) \sum_i (i - 3.5) = 0",
         lambda e: (P(e.N - c for c in range(1, 6)) * S(1, e.N, lambda i: i - Fraction(7, 2)), 0),
         f="r28_hidden_roots.proof"),
]

_F3 = lambda s: (s - 1) * (s - 2) * (s - 3)  # noqa: E731  (vanishes at s = 1, 2, 3: the cross-check's sizes)

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_undeclared_pair: `W_{st}`
    # with summed letters that are not declared indices is the entry W_{s,t}
    _rte(r"\sum_{s=1}^{N} \sum_{t=1}^{N} (s-1)(s-2)(s-3) W_{st} = N \sum_{s=1}^{N} \sum_{t=1}^{N} (s-1)(s-2)(s-3) \delta_{t1} W_{st}",
         lambda e: (S(1, e.N, lambda s: S(1, e.N, lambda t: _F3(s) * e["W", s, t])),
                    e.N * S(1, e.N, lambda s: S(1, e.N, lambda t: _F3(s) * D(t, 1) * e["W", s, t]))),
         f="r28_undeclared_pair.proof"),
    _rte(r"\sum_{t=1}^{N} (t-1)(t-2)(t-3) W_{jt} = \frac{1}{N} \sum_{t=1}^{N} \sum_{u=1}^{N} (u-1)(u-2)(u-3) W_{jt}",
         lambda e: (S(1, e.N, lambda t: _F3(t) * e["W", e.j, t]),
                    Fraction(1, e.N) * S(1, e.N, lambda t: S(1, e.N, lambda u: _F3(u) * e["W", e.j, t]))),
         f="r28_undeclared_pair.proof", free=("j",)),
    _rte(r"\sum_{s=1}^{N} \sum_{t=1}^{N} (s-1)(s-2)(s-3) \frac{\partial}{\partial W_{st}} \sum_{u=1}^{N} \sum_{v=1}^{N} W_{uv} = 0",
         lambda e: (S(1, e.N, lambda s: S(1, e.N, lambda t: _F3(s) * 1)), 0), f="r28_undeclared_pair.proof"),
    _rte(r"\sum_{s=1}^{N} (s-1)(s-2)(s-3) \frac{\partial}{\partial W_{js}} \sum_{u=1}^{N} W_{ju}^2 = 0",
         lambda e: (S(1, e.N, lambda s: _F3(s) * 2 * e["W", e.j, s]), 0), f="r28_undeclared_pair.proof", free=("j",)),
    _rte(r"\sum_{t=1}^{N} (t-1)(t-2)(t-3) W_{tN} = \frac{1}{N} \sum_{t=1}^{N} \sum_{u=1}^{N} (u-1)(u-2)(u-3) W_{tN}",
         lambda e: (S(1, e.N, lambda t: _F3(t) * e["W", t, e.N]),
                    Fraction(1, e.N) * S(1, e.N, lambda t: S(1, e.N, lambda u: _F3(u) * e["W", t, e.N]))),
         f="r28_undeclared_pair.proof"),
    _rte(r"\sum_{s=1}^{N} \sum_{t=1}^{N} W_{st} = N \sum_{s=1}^{N} \sum_{t=1}^{N} \delta_{t1} W_{st}",
         lambda e: (S(1, e.N, lambda s: S(1, e.N, lambda t: e["W", s, t])),
                    e.N * S(1, e.N, lambda s: S(1, e.N, lambda t: D(t, 1) * e["W", s, t]))),
         f="r28_undeclared_pair_ok.proof"),
    _rte(r"\sum_s \sum_t (s-1)(s-2)(s-3) W_{st} = N \sum_s \sum_t (s-1)(s-2)(s-3) \delta_{t1} W_{st}",
         lambda e: (S(1, e.N, lambda s: S(1, e.N, lambda t: _F3(s) * e["W", s, t])),
                    e.N * S(1, e.N, lambda s: S(1, e.N, lambda t: _F3(s) * D(t, 1) * e["W", s, t]))),
         f="r28_undeclared_pair_ok.proof"),
]


def _g_primed(e: Env, k: int) -> Fraction:
    """g_k = 5 x for k in 1..3 (the definition's range); g_4, g_5, ... are inputs."""
    return 5 * e["x"] if k <= 3 else e["g", k]


CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_primed_definition:
    # `let g_{j'} = 5 x` with `index j in 1..3` defines g_1..g_3 only
    _rte(r"\sum_k g_k = 5 N x", lambda e: (S(1, e.N, lambda k: _g_primed(e, k)), 5 * e.N * e["x"]),
         f="r28_primed_definition.proof"),
    _rte(r"\sum_{t=1}^{N} g_t = 5 N x", lambda e: (S(1, e.N, lambda k: _g_primed(e, k)), 5 * e.N * e["x"]),
         f="r28_primed_definition.proof"),
    # d/dx of g_k^2 is 2 g_k * 5 for k <= 3 and 0 for an input entry (by hand)
    _rte(r"\frac{\partial}{\partial x} \sum_k g_k^2 = 50 N x",
         lambda e: (S(1, e.N, lambda k: 50 * e["x"] if k <= 3 else 0), 50 * e.N * e["x"]),
         f="r28_primed_definition.proof"),
    _rte(r"\sum_k g_k = 5 N x", lambda e: (S(1, e.N, lambda k: _g_primed(e, k)), 5 * e.N * e["x"]),
         f="r28_primed_definition_ok.proof"),
]


def _dphi(t: Fraction) -> Fraction:
    """phi'(t) for the function phi(t) = t^2 (a claim about an undeclared function holds for every one)."""
    return 2 * t


CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_function_derivative:
    # d/dx_i sum_j c_j phi(x_j) = c_i phi'(x_i), shown with phi(t) = t^2
    _rte(r"\frac{\partial}{\partial x_i} \sum_j \phi(x_j) = \phi'(x_1)",
         lambda e: (_dphi(e["x", e.i]), _dphi(e["x", 1])), f="r28_function_derivative.proof", free=I_N),
    _rte(r"\frac{\partial}{\partial x_i} \sum_j (j - 1) \phi(x_j) = 0",
         lambda e: ((e.i - 1) * _dphi(e["x", e.i]), 0), f="r28_function_derivative.proof", free=I_N),
    _rte(r"\frac{\partial}{\partial x_i} \sum_j (j-1)(j-2)(j-3) \phi(x_j) = 0",
         lambda e: (_F3(e.i) * _dphi(e["x", e.i]), 0), f="r28_function_derivative.proof", free=I_N),
    _rte(r"\frac{\partial}{\partial w} \phi(w \sum_j (j-1)(j-2)(j-3) x_j) = 0",
         lambda e: (S(1, e.N, lambda j: _F3(j) * e["x", j]) * _dphi(e["w"] * S(1, e.N, lambda j: _F3(j) * e["x", j])), 0),
         f="r28_function_derivative.proof"),
    _rte(r"\frac{\partial}{\partial x_i} \sum_j \phi(x_j) = 5",
         lambda e: (_dphi(e["x", e.i]), 5), f="r28_function_derivative_ok.proof", free=I_N),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_primed_delta: `\delta_{jj'}`
    # is the Kronecker delta of j and j' (j' ranges like j)
    _rte(r"\sum_{j'} \delta_{jj'} x_{j'} = \frac{1}{N} \sum_{j'} \delta_{jj'} \sum_{i'} x_{i'}",
         lambda e: (S(1, e.N, lambda jp: D(e.j, jp) * e["x", jp]),
                    Fraction(1, e.N) * S(1, e.N, lambda jp: D(e.j, jp)) * S(1, e.N, lambda ip: e["x", ip])),
         f="r28_primed_delta.proof", free=("j",)),
    # d/dx_j sum_{j'} delta_{jj'} x_{j'} = delta_{jj} = 1 (by hand)
    _rte(r"\frac{\partial}{\partial x_j} \sum_{j'} \delta_{jj'} x_{j'} = \frac{1}{N} \sum_{j'} \delta_{jj'}",
         lambda e: (1, Fraction(1, e.N) * S(1, e.N, lambda jp: D(e.j, jp))), f="r28_primed_delta.proof", free=("j",)),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_primed_run: `W_{jj'}` and
    # `W_{i j'}` are entries (row, column) of W; j' and i' range like j and i
    _rte(r"\sum_{j'} W_{jj'} x_{j'} = \frac{1}{N} \sum_{j'} W_{jj'} \sum_{i'} x_{i'}",
         lambda e: (S(1, e.N, lambda jp: e["W", e.j, jp] * e["x", jp]),
                    Fraction(1, e.N) * S(1, e.N, lambda jp: e["W", e.j, jp]) * S(1, e.N, lambda ip: e["x", ip])),
         f="r28_primed_run.proof", free=("j",)),
    # d/dx_i of v_j = sum_{j'} W_{j,j'} x_{j'} is W_{j,i} (by hand)
    _rte(r"\frac{\partial v_j}{\partial x_i} = \frac{1}{N} \sum_{j'} W_{jj'}",
         lambda e: (e["W", e.j, e.i], Fraction(1, e.N) * S(1, e.N, lambda jp: e["W", e.j, jp])),
         f="r28_primed_run.proof", free=IJ),
    _rte(r"\sum_{j'} W_{i j'} x_{j'} = \sum_{j'} W_{j' i} x_{j'}",
         lambda e: (S(1, e.N, lambda jp: e["W", e.i, jp] * e["x", jp]), S(1, e.N, lambda jp: e["W", jp, e.i] * e["x", jp])),
         f="r28_primed_run.proof", free=I_N),
    _rte(r"\sum_{j'} W_{j,j'} x_{j'} = \frac{1}{N} \sum_{j'} W_{j,j'} \sum_{i'} x_{i'}",
         lambda e: (S(1, e.N, lambda jp: e["W", e.j, jp] * e["x", jp]),
                    Fraction(1, e.N) * S(1, e.N, lambda jp: e["W", e.j, jp]) * S(1, e.N, lambda ip: e["x", ip])),
         f="r28_primed_run_ok.proof", free=("j",)),
    _rte(r"\sum_{j'} W_{i,j'} x_{j'} = \sum_{j'} W_{j',i} x_{j'}",
         lambda e: (S(1, e.N, lambda jp: e["W", e.i, jp] * e["x", jp]), S(1, e.N, lambda jp: e["W", jp, e.i] * e["x", jp])),
         f="r28_primed_run_ok.proof", free=I_N),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_constant_bound: `let g_j = 5 x`
    # over j in 1..3 (written 2+1, (3) or 3) defines g_1..g_3 only
    _rte(r"\sum_k g_k = 5 N x", lambda e: (S(1, e.N, lambda k: _g_primed(e, k)), 5 * e.N * e["x"]),
         f="r28_constant_bound.proof"),
    _rte(r"\sum_k g_k = 5 N x", lambda e: (S(1, e.N, lambda k: _g_primed(e, k)), 5 * e.N * e["x"]),
         f="r28_constant_bound_ok.proof"),
    # r28_constant_bound: g_j = 5 x over j in -1..N (or 0..N), entries below the range inputs
    _rte(r"\sum_{t=-3}^{N} g_t = 5 (N + 4) x",
         lambda e: (S(-3, e.N, lambda t: 5 * e["x"] if t >= -1 else e["g", t]), 5 * (e.N + 4) * e["x"]),
         f="r28_constant_bound.proof"),
    _rte(r"\sum_{t=-2}^{N} g_t = 5 (N + 3) x",
         lambda e: (S(-2, e.N, lambda t: 5 * e["x"] if t >= 0 else e["g", t]), 5 * (e.N + 3) * e["x"]),
         f="r28_constant_bound_ok.proof"),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_entry_definition: by
    # `let h_{-1} = 7 w` (`let h_{N+1} = 7 w`) the entry is 7 w, with derivative 7 (by hand)
    _rte(r"\frac{\partial h_{-1}}{\partial w} = 0", lambda e: (7, 0), f="r28_entry_definition.proof"),
    _rte(r"\frac{\partial h_{N+1}}{\partial w} = 0", lambda e: (7, 0), f="r28_entry_definition.proof"),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_greek_run: `W_{\mu\nu}` is the
    # entry in row mu, column nu
    _rte(r"\sum_{\mu=1}^{N} \sum_{\nu=1}^{N} (\mu-1) W_{\mu\nu} = \sum_{\mu=1}^{N} \sum_{\nu=1}^{N} (\nu-1) W_{\mu\nu}",
         lambda e: (S(1, e.N, lambda m: S(1, e.N, lambda v: (m - 1) * e["W", m, v])),
                    S(1, e.N, lambda m: S(1, e.N, lambda v: (v - 1) * e["W", m, v]))), f="r28_greek_run.proof"),
    _rte(r"\sum_{\mu} \sum_{\nu} (\mu-1) W_{\mu\nu} = \sum_{\mu} \sum_{\nu} (\nu-1) W_{\mu\nu}",
         lambda e: (S(1, e.N, lambda m: S(1, e.N, lambda v: (m - 1) * e["W", m, v])),
                    S(1, e.N, lambda m: S(1, e.N, lambda v: (v - 1) * e["W", m, v]))), f="r28_greek_run_ok.proof"),
]


def _newton_e6(e) -> Fraction:
    """K a - H b + G c - F d + E f - g of sizes/r28_scalar_newton_e6 (6 e_6 of v_1..v_n by Newton's
    identities), in exact fractions."""
    p = [None] + [S(1, e.n, lambda j, k=k: e["v", j] ** k) for k in range(1, 7)]
    E = p[1]
    F = Fraction(1, 2) * (E * p[1] - p[2])
    G = Fraction(1, 3) * (F * p[1] - E * p[2] + p[3])
    H = Fraction(1, 4) * (G * p[1] - F * p[2] + E * p[3] - p[4])
    K = Fraction(1, 5) * (H * p[1] - G * p[2] + F * p[3] - E * p[4] + p[5])
    return K * p[1] - H * p[2] + G * p[3] - F * p[4] + E * p[5] - p[6]


CLAIMS += [
    # ---------------------------------------------------------------- sizes/r28_scalar_newton_e6 (fix28s):
    # 6 e_6(v) = 0, true for n <= 5 only; no whole number past 4 written (the degree rule)
    _siz("K a - H b + G c - F d + E f - g = 0", lambda e: (_newton_e6(e), 0), f="r28_scalar_newton_e6.proof",
         sizes=("n",)),
    # ---------------------------------------------------------------- sizes/r28_size_in_two_letter_subscript
    # (fix28s): N only inside the subscript iN; false once N >= 2
    _siz("W_{iN} = W_{i1}", lambda e: (e["W", e.i, e.N], e["W", e.i, 1]), f="r28_size_in_two_letter_subscript.proof",
         sizes=("M", "N"), free=I_N, ranges={"i": (1, "M")}),
    _siz("i W_{iN} = i W_{i1}", lambda e: (e.i * e["W", e.i, e.N], e.i * e["W", e.i, 1]),
         f="r28_size_in_two_letter_subscript.proof", sizes=("M", "N"), free=I_N, ranges={"i": (1, "M")}),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28p_entry_targets: a `let` of one
    # entry (`h_N`, `h_{-N}`, `h_{2+1}`, `W_{i,N}`) makes that entry the body; its derivative is 7 (by hand)
    _rte(r"\frac{\partial h_N}{\partial w} = 0", lambda e: (7, 0), f="r28p_entry_targets.proof"),
    _rte(r"\frac{\partial h_{25}}{\partial w} = 0", lambda e: (7 if e.N + 20 == 25 else 0, 0), f="r28p_entry_targets.proof"),
    _rte(r"\frac{\partial h_j}{\partial w} = 0", lambda e: (7 if e.N - 3 == e.j else 0, 0), f="r28p_entry_targets.proof",
         free=("j",)),
    _rte(r"\frac{\partial h_3}{\partial w} = 0", lambda e: (7, 0), f="r28p_entry_targets.proof"),
    _rte(r"\frac{\partial W_{1,N}}{\partial x_1} = 0", lambda e: (7, 0), f="r28p_entry_targets.proof"),
    # redteam_engine/r28p_shifted_target: `let h_{i+1} = 7 x_i` makes h_2 = 7 x_1 (i = 1), d h_2 / d x_1 = 7
    _rte(r"\frac{\partial h_2}{\partial x_1} = 0", lambda e: (7, 0), f="r28p_shifted_target.proof"),
    _rte(r"\frac{\partial h_{10}}{\partial w} = 0", lambda e: (7 if 2 * e.N == 10 else 0, 0), f="r28p_shifted_target.proof"),
    _rte(r"\frac{\partial h_{-6}}{\partial w} = 0", lambda e: (7 if -e.N == -6 else 0, 0), f="r28p_shifted_target.proof"),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28p_primed_runs: a run with primed
    # letters is one index per (primed) letter; i', j' range like i, j (1..N)
    _rte(r"\sum_{i'} \sum_{j'} \delta_{i'1} W_{i'j'} = \sum_{i'} \sum_{j'} \delta_{j'1} W_{i'j'}",
         lambda e: (S(1, e.N, lambda a: S(1, e.N, lambda b: D(a, 1) * e["W", a, b])),
                    S(1, e.N, lambda a: S(1, e.N, lambda b: D(b, 1) * e["W", a, b]))), f="r28p_primed_runs.proof"),
    _rte(r"\sum_{j'} W_{j'k} x_{j'} = \sum_{j'} W_{kj'} x_{j'}",
         lambda e: (S(1, e.N, lambda jp: e["W", jp, e.k] * e["x", jp]), S(1, e.N, lambda jp: e["W", e.k, jp] * e["x", jp])),
         f="r28p_primed_runs.proof", free=("k",)),
    _rte(r"\sum_{i'} \sum_{j'} \delta_{i'j'} x_{i'} = N \sum_{i'} x_{i'}",
         lambda e: (S(1, e.N, lambda a: S(1, e.N, lambda b: D(a, b) * e["x", a])), e.N * S(1, e.N, lambda a: e["x", a])),
         f="r28p_primed_runs.proof"),
    # v_j = sum_{j'} delta_{jj'} x_{j'} = x_j, so d v_j / d x_j = 1 (by hand)
    _rte(r"\frac{\partial v_j}{\partial x_j} = 0", lambda e: (1, 0), f="r28p_primed_runs.proof", free=("j",)),
]


def _g_range(e: Env, t: int, lo: int, hi: int) -> Fraction:
    """g_t = 5 x for t in lo..hi (the definition's range); other entries are inputs."""
    return 5 * e["x"] if lo <= t <= hi else e["g", t]


CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28p_range_bounds: `let g_j = 5 x`
    # (or `g_{j'}`) covers the range however its bound of numbers is written
    _rte(r"\sum_k g_k = 5 N x", lambda e: (S(1, e.N, lambda k: _g_range(e, k, 1, 3)), 5 * e.N * e["x"]),
         f="r28p_range_bounds.proof"),  # 1..\frac{6}{2} and 1..2+1 (two lines, one text)
    _rte(r"\sum_{t=-3}^{0} g_t = 20 x", lambda e: (S(-3, 0, lambda t: _g_range(e, t, -3, -1)), 20 * e["x"]),
         f="r28p_range_bounds.proof"),
    _rte(r"\sum_{t=1}^{3} g_t = 15 x", lambda e: (S(1, 3, lambda t: _g_range(e, t, 1, 2)), 15 * e["x"]),
         f="r28p_range_bounds.proof"),
    # redteam_engine/r28p_unread_bound: j in 1..N/2, so at N = 1 g_1 is an input
    _rte(r"\sum_k g_k = 5 N x", lambda e: (S(1, e.N, lambda k: 5 * e["x"] if 2 * k <= e.N else e["g", k]), 5 * e.N * e["x"]),
         f="r28p_unread_bound.proof"),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28p_primed_count: sum_{j'} 1 = N
    _rte(r"(\sum_{j'} 1 > 30) x = 0", lambda e: (I(e.N > 30) * e["x"], 0), f="r28p_primed_count.proof", extra=({"N": 31},)),
    _rte(r"\max(\sum_{j'} 1 - 30, 0) x = 0", lambda e: (max(e.N - 30, 0) * e["x"], 0), f="r28p_primed_count.proof",
         extra=({"N": 31},)),
    _rte(r"(\sum_{j} 1 > 30) x = 0", lambda e: (I(e.N > 30) * e["x"], 0), f="r28p_primed_count.proof", extra=({"N": 31},)),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28p_entry_overlap: h_{N+1} = 7 w
    # (the family over 1..N does not reach N + 1)
    _rte(r"h_{N+1} = x_{N+1}", lambda e: (7 * e["w"], e["x", e.N + 1]), f="r28p_entry_overlap.proof"),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28p_size_coincidence: d h_a / d h_b
    # is 1 when a = b (by hand)
    _rte(r"\frac{\partial h_{2N}}{\partial h_{10}} = 0", lambda e: (D(2 * e.N, 10), 0), f="r28p_size_coincidence.proof"),
    _rte(r"\frac{\partial h_{-N}}{\partial h_{-6}} = 0", lambda e: (D(-e.N, -6), 0), f="r28p_size_coincidence.proof"),
    _rte(r"\frac{\partial h_{N+20}}{\partial h_{25}} = 0", lambda e: (D(e.N + 20, 25), 0), f="r28p_size_coincidence.proof"),
]

_CAP_PAIRS = range(5, 22)  # redteam_engine/fix30r_size_meetings, past_the_cap: 17 pairs 2N/2k - 3N/3k, then 2N/200
CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/fix30r_size_meetings (fix30r):
    # d h_a / d h_b is 1 when a = b, else 0 (by hand); the entries meet at N = 7, 6, 7, 6, 7 and (the cap) N = 100
    _rte(r"\frac{\partial h_{3N}}{\partial h_{21}} = 0", lambda e: (D(3 * e.N, 21), 0), f="fix30r_size_meetings.proof"),
    _rte(r"\frac{\partial h_{N^2}}{\partial h_{36}} = 0", lambda e: (D(e.N ** 2, 36), 0), f="fix30r_size_meetings.proof"),
    _rte(r"\frac{\partial h_{2N-1}}{\partial h_{13}} = 0", lambda e: (D(2 * e.N - 1, 13), 0), f="fix30r_size_meetings.proof"),
    _rte(r"\frac{\partial h_{2N}}{\partial h_{N+6}} = 0", lambda e: (D(2 * e.N, e.N + 6), 0), f="fix30r_size_meetings.proof"),
    _rte(r"\frac{\partial W_{1,2N}}{\partial W_{1,14}} = 0", lambda e: (D(2 * e.N, 14), 0), f="fix30r_size_meetings.proof"),
    _rte(" + ".join(rf"\frac{{\partial h_{{2N}}}}{{\partial h_{{{2 * k}}}}} - \frac{{\partial h_{{3N}}}}{{\partial h_{{{3 * k}}}}}"
                    for k in _CAP_PAIRS) + r" + \frac{\partial h_{2N}}{\partial h_{200}} = 0",
         lambda e: (sum(D(2 * e.N, 2 * k) - D(3 * e.N, 3 * k) for k in _CAP_PAIRS) + D(2 * e.N, 200), 0),
         f="fix30r_size_meetings.proof", extra=({"N": 100},)),
    _rte(r"\frac{\partial h_{2^N}}{\partial h_{1024}} = 0", lambda e: (D(2 ** e.N, 1024), 0), f="fix30r_size_meetings.proof"),
    _rte(r"\frac{\partial h_{N+M}}{\partial h_{10}} = 0", lambda e: (D(e.N + e.M, 10), 0), f="fix30r_size_meetings.proof",
         sizes=("N", "M")),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28p_primed_runs: undeclared sum
    # letters t, t' over 1..3 in a delta's run
    _rte(r"\sum_{t'=1}^{3} \delta_{t'2} x_{t'} = x_1", lambda e: (S(1, 3, lambda tp: D(tp, 2) * e["x", tp]), e["x", 1]),
         f="r28p_primed_runs.proof"),
    _rte(r"\sum_{t=1}^{3} \sum_{t'=1}^{3} \delta_{tt'} x_{t'} = 3 x_1",
         lambda e: (S(1, 3, lambda t: S(1, 3, lambda tp: D(t, tp) * e["x", tp])), 3 * e["x", 1]), f="r28p_primed_runs.proof"),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r28_size_bound_range (lead):
    # j in 1..N-1 defines g_1..g_{N-1} = 5x; g_N is an input (its value e["g", N])
    _rte(r"\sum_k g_k = 5 N x",
         lambda e: (S(1, e.N - 1, lambda k: 5 * e["x"]) + e["g", e.N], 5 * e.N * e["x"]), f="r28_size_bound_range.proof"),
    _rte("g_N = 5 x", lambda e: (e["g", e.N], 5 * e["x"]), f="r28_size_bound_range.proof"),
]

_R31 = "r31_mixed_meetings.proof"
CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r31_mixed_meetings (lead): d h_a / d h_b
    # is 1 when a = b, else 0 (by hand); subscripts in a size and an index, or in an index beyond i + c
    _rte(r"\frac{\partial h_{N+i}}{\partial h_{25}} = 0", lambda e: (D(e.N + e.i, 25), 0), free=("i",), f=_R31,
         extra=({"N": 13},)),
    _rte(r"\frac{\partial h_{N-i}}{\partial h_{20}} = 0", lambda e: (D(e.N - e.i, 20), 0), free=("i",), f=_R31,
         case=lambda e: e.i == 3, extra=({"N": 23},)),
    _rte(r"\frac{\partial h_{3N+2i}}{\partial h_{27}} = 0", lambda e: (D(3 * e.N + 2 * e.i, 27), 0), free=("i",), f=_R31),
    _rte(r"\frac{\partial h_{N+7i}}{\partial h_{100}} = 0", lambda e: (D(e.N + 7 * e.i, 100), 0), free=("i",), f=_R31,
         extra=({"N": 16},)),
    _rte(r"\frac{\partial h_{2i}}{\partial h_{10}} = 0", lambda e: (D(2 * e.i, 10), 0), free=("i",), f=_R31),
    _rte(r"\frac{\partial h_{i^2}}{\partial h_{49}} = 0", lambda e: (D(e.i ** 2, 49), 0), free=("i",), f=_R31),
    _rte(r"\frac{\partial h_{N+i}}{\partial h_{25}} (N-13)(N-14)(N-15)(N-22)(N-23)(N-24) = 0",
         lambda e: (D(e.N + e.i, 25) * (e.N - 13) * (e.N - 14) * (e.N - 15) * (e.N - 22) * (e.N - 23) * (e.N - 24), 0),
         free=("i",), f=_R31, extra=({"N": 16},)),
    # read as the entry at the product N i (the reading a student means beside h_{35}); E211 now
    _rte(r"\frac{\partial h_{N i}}{\partial h_{35}} = 0", lambda e: (D(e.N * e.i, 35), 0), free=("i",), f=_R31),
]
CLAIMS += [
    _rte(r"\frac{\partial h_{2N+i}}{\partial h_{j+30}} = 0", lambda e: (D(2 * e.N + e.i, e.j + 30), 0), free=("i", "j"),
         f=_R31),
]
CLAIMS += [
    _rte(r"\frac{\partial h_{N+i}}{\partial h_{25}} (i-1)(i-2)(i-3)(i-10)(i-11)(i-12) = 0",
         lambda e: (D(e.N + e.i, 25) * (e.i - 1) * (e.i - 2) * (e.i - 3) * (e.i - 10) * (e.i - 11) * (e.i - 12), 0),
         free=("i",), f=_R31, extra=({"N": 16},)),
]

_R31X = "r31x_sum_meetings.proof"
CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r31x_sum_meetings (redteam31):
    # d h_a / d h_b is 1 when a = b, else 0 (by hand); the entry in a size stands under a sum
    _rte(r"\frac{\partial}{\partial h_{25}} \sum_{k=1}^{N} h_{N+k} = 0",
         lambda e: (S(1, e.N, lambda k: D(e.N + k, 25)), 0), f=_R31X, extra=({"N": 13},)),
    _rte(r"\sum_{t=1}^{N} \frac{\partial h_{N+t}}{\partial h_{25}} = 0",
         lambda e: (S(1, e.N, lambda t: D(e.N + t, 25)), 0), f=_R31X, extra=({"N": 13},)),
    _rte(r"\frac{\partial s}{\partial h_{25}} = 0",
         lambda e: (S(1, e.N, lambda k: D(e.N + k, 25)), 0), f=_R31X, extra=({"N": 13},)),
    _rte(r"\frac{\partial}{\partial h_{25}} \sum_{k=N+1}^{2N} h_{N+k} = 0",
         lambda e: (S(e.N + 1, 2 * e.N, lambda k: D(e.N + k, 25)), 0), f=_R31X),
]

_R31U = "r31x_unrealised_sizes.proof"
_ONES = {"j": (1, 1), "k": (1, 1), "l": (1, 1), "m": (1, 1)}  # the witness needs j = k = l = m = 1 only
CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r31x_unrealised_sizes (redteam31)
    _rte(r"\frac{\partial h_{N+i}}{\partial h_{25}} + x_j x_k x_l = x_l x_k x_j",
         lambda e: (D(e.N + e.i, 25) + e["x", e.j] * e["x", e.k] * e["x", e.l], e["x", e.l] * e["x", e.k] * e["x", e.j]),
         free=("i", "j", "k", "l"), ranges=_ONES, f=_R31U, extra=({"N": 13},)),
    _rte(r"\frac{\partial h_{N+i}}{\partial h_{25}} + x_j x_k x_l x_m = x_m x_l x_k x_j",
         lambda e: (D(e.N + e.i, 25) + e["x", e.j] * e["x", e.k] * e["x", e.l] * e["x", e.m],
                    e["x", e.m] * e["x", e.l] * e["x", e.k] * e["x", e.j]),
         free=("i", "j", "k", "l", "m"), ranges=_ONES, f=_R31U, extra=({"N": 13},)),
]
CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r31x_index_meetings, r31x_far_index_meetings
    # (redteam31): d h_{i^2} / d h_{j+30} is 1 where i^2 = j + 30, else 0 (by hand)
    _rte(r"\frac{\partial h_{i^2}}{\partial h_{j+30}} = 0", lambda e: (D(e.i ** 2, e.j + 30), 0), free=("i", "j"),
         f="r31x_index_meetings.proof"),
    _rte(r"\frac{\partial h_{i^2}}{\partial h_{j+30}} (i-6)(i-7)(i-8)(i-9)(i-10)(i-11) = 0",
         lambda e: (D(e.i ** 2, e.j + 30) * P(e.i - c for c in range(6, 12)) if max(e.i, e.j) <= e.N else 0, 0),
         free=("i", "j"),  # i, j in 1..N: the narrowed ranges below hold no witness below N = 114
         ranges={"i": (12, 12), "j": (114, 114)}, f="r31x_far_index_meetings.proof", extra=({"N": 114},)),
    # held-out variants (sound32): d h_a / d h_b = 1 where a = b, else 0
    _rte(r"\frac{\partial h_{i^2}}{\partial h_{j+30}} (i-6)(i-7)(i-8)(i-9)(i-10)(i-11)(i-12) = 0",
         lambda e: (D(e.i ** 2, e.j + 30) * P(e.i - c for c in range(6, 13)) if max(e.i, e.j) <= e.N else 0, 0),
         free=("i", "j"), ranges={"i": (13, 13), "j": (139, 139)}, f="r31x_far_index_meetings.proof",
         extra=({"N": 139},)),
    _rte(r"\frac{\partial x_{3i}}{\partial x_{j}} (i-1)(i-2)(i-3)(i-4)(i-5) = 0",
         lambda e: (D(3 * e.i, e.j) * P(e.i - c for c in range(1, 6)) if max(e.i, e.j) <= e.N else 0, 0),
         free=("i", "j"), ranges={"i": (6, 6), "j": (18, 18)}, f="r31x_far_index_meetings.proof", extra=({"N": 18},)),
    _rte(r"\frac{\partial h_{2i}}{\partial h_{j}} (i > 4) = 0",
         lambda e: (D(2 * e.i, e.j) * I(e.i > 4) if max(e.i, e.j) <= e.N else 0, 0),
         free=("i", "j"), f="r31x_far_index_meetings.proof"),
]

_T34N = "t34_neq_guards.proof"
CLAIMS += [
    # ---------------------------------------------------------------- sizes/t34_neq_guards (truth34): each at the point its
    # header gives, where its assumption holds (the inputs are set here, not drawn)
    _siz(r"(\sum_j x_j^2 > 0) = 1", lambda e: (I(S(1, e.N, lambda j: Fraction(0) ** 2) > 0), 1),  # x = 0
         f=_T34N, case=lambda e: S(1, e.N, lambda j: Fraction(0)) != 1),
    _siz(r"(\sum_{j=1}^{N-1} x_j^2 > 0) = 1",  # x_j = 0 for j < N, x_N = 1
         lambda e: (I(S(1, e.N - 1, lambda j: Fraction(0) ** 2) > 0), 1), f=_T34N,
         case=lambda e: S(1, e.N, lambda j: Fraction(1 if j == e.N else 0)) != 0),
    _siz(r"((x_1 - x_2)^2 > 0) = 1", lambda e: (I((Fraction(1) - Fraction(1)) ** 2 > 0), 1), f=_T34N,
         case=lambda e: Fraction(1) + Fraction(1) != 0),
    _siz(r"(x^2 > 0) = 1", lambda e: (I(Fraction(0) ** 2 > 0), 1), f=_T34N, case=lambda e: Fraction(1) != 0),
    _siz(r"(x^2 - 1 > 0) = 1", lambda e: (I(Fraction(1, 2) ** 2 - 1 > 0), 1), f=_T34N,
         case=lambda e: Fraction(1, 2) != 0),
    _siz(r"(x^3 > 0) = 1", lambda e: (I(Fraction(-1) ** 3 > 0), 1), f=_T34N, case=lambda e: Fraction(-1) != 0),
    _siz(r"(\sum_j x_j^2 > N - 30) = 1",  # x_1 = 1/2, x_j = 0 otherwise
         lambda e: (I(S(1, e.N, lambda j: Fraction(1, 2) ** 2 if j == 1 else Fraction(0)) > e.N - 30), 1), f=_T34N,
         case=lambda e: S(1, e.N, lambda j: Fraction(1, 2) if j == 1 else Fraction(0)) != 0, extra=({"N": 31},)),
]

_T34 = "t34_finite_meetings.proof"
CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/t34_finite_meetings (truth34): d h_a / d h_b
    # is 1 where a = b, else 0 (by hand); each witness is a meeting the false factor misses
    _rte(r"\frac{\partial h_{i^2}}{\partial h_{2j}} (i-2)(i-4)(i-6)(i-8) = 0",
         lambda e: (D(e.i ** 2, 2 * e.j) * P(e.i - c for c in (2, 4, 6, 8)) if e.i <= 10 and e.j <= e.N else 0, 0),
         free=("i", "j"), ranges={"i": (10, 10), "j": (50, 50)}, f=_T34, extra=({"N": 50},)),
    _rte(r"\frac{\partial h_{i^2}}{\partial h_{50-j}} (i-2)(i-3)(i-4)(i-5)(i-6)(i-7) = 0",
         lambda e: (D(e.i ** 2, 50 - e.j) * P(e.i - c for c in range(2, 8)) if max(e.i, e.j) <= e.N else 0, 0),
         free=("i", "j"), ranges={"i": (1, 1), "j": (49, 49)}, f=_T34, extra=({"N": 49},)),
    _rte(r"\frac{\partial h_{2i+3j}}{\partial h_{20}} (j-6)(j-4) = 0",
         lambda e: (D(2 * e.i + 3 * e.j, 20) * (e.j - 6) * (e.j - 4), 0), free=("i", "j"), f=_T34),
    _rte(r"\frac{\partial h_{i^2+j}}{\partial h_{2}} (i-5) = 0",
         lambda e: (D(e.i ** 2 + e.j, 2) * (e.i - 5), 0), free=("i", "j"), f=_T34),
    _rte(r"\frac{\partial h_{i^2}}{\partial h_{2j}} (i > 38) = 0",
         lambda e: (D(e.i ** 2, 2 * e.j) * I(e.i > 38) if e.i <= 40 and e.j <= e.N else 0, 0),
         free=("i", "j"), ranges={"i": (40, 40), "j": (800, 800)}, f=_T34, extra=({"N": 800},)),
    # g_k = h_{k^2} for k in 1..14, so g_{3i+1} = h_{(3i+1)^2} where 3i + 1 <= 14
    _rte(r"\frac{\partial g_{3i+1}}{\partial h_{200-j}} (i-1)(i-2)(i-3) = 0",
         lambda e: (D((3 * e.i + 1) ** 2, 200 - e.j) * P(e.i - c for c in (1, 2, 3)) if max(e.i, e.j) <= e.N else 0, 0),
         free=("i", "j"), ranges={"i": (4, 4), "j": (31, 31)}, f=_T34, extra=({"N": 31},)),
    _rte(r"\frac{\partial h_{i+2j^2}}{\partial h_{300}} (j-7)(j-8)(j-9)(j-10)(j-11)(j-12) = 0",
         lambda e: (D(e.i + 2 * e.j ** 2, 300) * P(e.j - c for c in range(7, 13)) if max(e.i, e.j) <= e.N else 0, 0),
         free=("i", "j"), ranges={"i": (298, 298), "j": (1, 1)}, f=_T34, extra=({"N": 298},)),
]

CLAIMS += [
    # ---------------------------------------------------------------- sizes/r32_constrained_sign (truth32): each at inputs its
    # assumptions allow (x_j = 1/N makes \sum_j x_j = 1; x = 0 makes \sum_j x_j = 0; x_1 = 6/5 alone makes s = 36/25 > 1)
    _siz(r"(\sum_j (x_j - \frac{1}{30})^2 > 0) = 1",
         lambda e: (I(S(1, e.N, lambda j: (Fraction(1, e.N) - Fraction(1, 30)) ** 2) > 0), 1),
         f="r32_constrained_sign.proof", extra=({"N": 30},)),
    _siz(r"(\sum_j x_j^2 < \frac{1}{30}) = 0",  # \sum_j x_j^2 = 1/N < 1/30 needs N > 30
         lambda e: (I(S(1, e.N, lambda j: Fraction(1, e.N) ** 2) < Fraction(1, 30)), 0),
         f="r32_constrained_sign.proof", case=lambda e: Fraction(1, e.N) < Fraction(1, 30), extra=({"N": 31},)),
    _siz(r"(\sum_j x_j^2 < N) = 0", lambda e: (I(0 < e.N), 0),  # x = 0 meets 0 < N - 30 for N > 30 only
         f="r32_constrained_sign.proof", case=lambda e: 0 < e.N - 30, extra=({"N": 31},)),
    _siz(r"(30 - N + \sum_j x_j^2 > 0) = 1", lambda e: (I(30 - e.N > 0), 1),
         f="r32_constrained_sign.proof", extra=({"N": 31},)),
    _siz(r"(\sum_j x_j^2 > N - 30) = 1", lambda e: (I(Fraction(36, 25) > e.N - 30), 1),
         f="r32_constrained_sign.proof", extra=({"N": 32},)),
]

CLAIMS += [
    # ---------------------------------------------------------------- sizes/r33_joint_region (redteam33): at x_j = 1, t = 1,
    # (sum_j x_j)^2 - 5 sum_j x_j^2 = N^2 - 5 N, above t = 1 from N = 6 on (Cauchy-Schwarz keeps it <= 0 below)
    _siz(r"((\sum_j x_j)^2 - 5 \sum_j x_j^2 > t) (t > 0) = 0",
         lambda e: (I(S(1, e.N, lambda j: 1) ** 2 - 5 * S(1, e.N, lambda j: 1) > 1) * I(1 > 0), 0),
         f="r33_joint_region.proof", extra=({"N": 6},)),
    _siz(r"((\sum_j x_j)^2 - 5 \sum_j x_j^2 + u + w > 0) (u < 0) (w < 0) = 0",  # at x_j = 1, u = w = -1
         lambda e: (I(S(1, e.N, lambda j: 1) ** 2 - 5 * S(1, e.N, lambda j: 1) - 1 - 1 > 0) * I(-1 < 0) * I(-1 < 0), 0),
         f="r33_joint_region.proof", extra=({"N": 6},)),
]

def _r34_gap(e: Env) -> tuple:
    """At x_j = 1 and u = 6.5 N - N^2: (g, u) for g = (sum_j x_j)^2 - 6.5 sum_j x_j^2 + u, so g = 0 exactly,
    and u < 0 from N = 7 on (red team round 34)."""
    one = S(1, e.N, lambda j: 1)
    u = Fraction(13, 2) * e.N - e.N ** 2
    return one ** 2 - Fraction(13, 2) * one + u, u


def _sgn(v) -> int:
    return (v > 0) - (v < 0)


CLAIMS += [
    # ---------------------------------------------------------------- sizes/r34_boundary_only (redteam34): each differs
    # from 0 only where g = 0, which meets u < 0 from N = 7 on (Cauchy-Schwarz keeps g + ... away below); ReLU'(0) = 0
    _siz(r"((\sum_j x_j)^2 - 6.5 \sum_j x_j^2 + u \geq 0) ((\sum_j x_j)^2 - 6.5 \sum_j x_j^2 + u \leq 0) (u < 0) = 0",
         lambda e: (lambda g, u: (I(g >= 0) * I(g <= 0) * I(u < 0), 0))(*_r34_gap(e)), f="r34_boundary_only.proof"),
    _siz(r"\mathrm{sign}((\sum_j x_j)^2 - 6.5 \sum_j x_j^2 + u)^2 (u < 0) = (u < 0)",
         lambda e: (lambda g, u: (_sgn(g) ** 2 * I(u < 0), I(u < 0)))(*_r34_gap(e)), f="r34_boundary_only.proof"),
    _siz(r"(1 - \mathrm{ReLU}'((\sum_j x_j)^2 - 6.5 \sum_j x_j^2 + u) - \mathrm{ReLU}'(-((\sum_j x_j)^2 - 6.5 \sum_j x_j^2 + u))) (u < 0) = 0",
         lambda e: (lambda g, u: ((1 - I(g > 0) - I(-g > 0)) * I(u < 0), 0))(*_r34_gap(e)), f="r34_boundary_only.proof"),
    _siz(r"((\sum_j x_j)^2 - 6.5 \sum_j x_j^2 + u = 0) (u < 0) = 0",
         lambda e: (lambda g, u: (I(g == 0) * I(u < 0), 0))(*_r34_gap(e)), f="r34_boundary_only.proof"),
]

CLAIMS += [
    # ---------------------------------------------------------------- sizes/r34_unentered_domain (redteam34): at x_j = 1,
    # u = 0, A = 6.5 N - N^2 + 1 is negative from N = 7 on, where ReLU(A) = 0 and 0^0 has no value
    _siz(r"\mathrm{ReLU}(6.5 \sum_j x_j^2 - (\sum_j x_j)^2 + u^2 + 1)^0 = 1",
         lambda e: (UNDEFINED if max(Fraction(13, 2) * e.N - e.N ** 2 + 1, 0) == 0 else 1, 1),
         f="r34_unentered_domain.proof"),
]

def _r34_a(e: Env) -> Fraction:
    """A = 6.5 sum_j x_j^2 - (sum_j x_j)^2 + 1 at x_j = 1: 6.5 N - N^2 + 1, negative from N = 7 on."""
    one = S(1, e.N, lambda j: 1)
    return Fraction(13, 2) * one - one ** 2 + 1


CLAIMS += [
    # ---------------------------------------------------------------- sizes/r34_unentered_condition (redteam34): log and
    # square root of A, which has no value where A < 0 (at x_j = 1 from N = 7 on)
    _siz(r"\log(6.5 \sum_j x_j^2 - (\sum_j x_j)^2 + 1) - \log(6.5 \sum_j x_j^2 - (\sum_j x_j)^2 + 1) = 0",
         lambda e: (UNDEFINED if _r34_a(e) <= 0 else 0, 0), f="r34_unentered_condition.proof"),
    _siz(r"\sqrt{6.5 \sum_j x_j^2 - (\sum_j x_j)^2 + 1}^2 = 6.5 \sum_j x_j^2 - (\sum_j x_j)^2 + 1",
         lambda e: (UNDEFINED if _r34_a(e) < 0 else _r34_a(e), _r34_a(e)), f="r34_unentered_condition.proof"),
    _siz(r"\log(\mathrm{ReLU}(t) + 6.5 \sum_j x_j^2 - (\sum_j x_j)^2 + 1) - \log(\mathrm{ReLU}(t) + 6.5 \sum_j x_j^2 - "
         r"(\sum_j x_j)^2 + 1) = 0",  # at t = 0
         lambda e: (UNDEFINED if max(0, 0) + _r34_a(e) <= 0 else 0, 0), f="r34_unentered_condition.proof"),
]

def _r34_zero_terms(e: Env) -> Fraction:
    """Twelve terms ReLU(a) - ReLU(-a) - a, each 0."""
    return sum((max(e[v], 0) - max(-e[v], 0) - e[v] for v in "abcdefghkmpq"), Fraction(0))


CLAIMS += [
    # ---------------------------------------------------------------- sizes/r34_joint_gaps (redteam34): at x_j = 1 (and
    # u = w = z = -1, t = 1), (sum_j x_j)^2 - 5 sum_j x_j^2 = N^2 - 5 N, positive from N = 6 on
    _siz(r"((\sum_j x_j)^2 - 5 \sum_j x_j^2 + u + w + z > 0) (u < 0) (w < 0) (z < 0) = 0",
         lambda e: (I(S(1, e.N, lambda j: 1) ** 2 - 5 * S(1, e.N, lambda j: 1) - 3 > 0), 0), f="r34_joint_gaps.proof"),
    _siz(r"((\sum_j x_j)^2 - 5 \sum_j x_j^2 > t) (t > 0)"
         + "".join(rf" + \mathrm{{ReLU}}({v}) - \mathrm{{ReLU}}(-{v}) - {v}" for v in "abcdefghkmpq") + " = 0",
         lambda e: (I(S(1, e.N, lambda j: 1) ** 2 - 5 * S(1, e.N, lambda j: 1) > 1) + _r34_zero_terms(e), 0),
         f="r34_joint_gaps.proof"),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r33_family_definition_meetings (redteam33):
    # d K_{i^2} / d h_{j+30} for K_m = (m - 36) h_m, m in 1..N, is (i^2 - 36) where i^2 = j + 30 and i^2 <= N (by hand)
    _rte(r"\frac{\partial K_{i^2}}{\partial h_{j+30}} = 0",
         lambda e: (D(e.i ** 2, e.j + 30) * I(e.i ** 2 <= e.N) * (e.i ** 2 - 36), 0),
         free=("i", "j"), f="r33_family_definition_meetings.proof", extra=({"N": 49},)),
]

CLAIMS += [
    # ---------------------------------------------------------------- redteam_engine/r32_size_in_function (redteam32): d h_a / d h_b
    # is 1 where a = b, else 0 (by hand); a size inside a function in a subscript beside an index
    _rte(r"\frac{\partial h_{\max(N, i) + i}}{\partial h_{25}} = 0", lambda e: (D(max(e.N, e.i) + e.i, 25), 0),
         free=("i",), f="r32_size_in_function.proof", extra=({"N": 13},)),
    _rte(r"\frac{\partial h_{\min(N, 20) + i}}{\partial h_{25}} = 0", lambda e: (D(min(e.N, 20) + e.i, 25), 0),
         free=("i",), f="r32_size_in_function.proof", extra=({"N": 13},)),
    _rte(r"\frac{\partial h_{|N| + i}}{\partial h_{25}} = 0", lambda e: (D(abs(e.N) + e.i, 25), 0),
         free=("i",), f="r32_size_in_function.proof", extra=({"N": 13},)),
]
