"""A fast exact zero test: the difference as a rational function in its generators.

Most differences the checker must prove zero are rational functions of a few *generators*: the
variables, `exp(...)`, `log(...)`, ReLU and other function applications, roots. SymPy's general
route (`expand`, then `together`, then `cancel`) rewrites the expression tree again and again; here the
tree is read once into SymPy's sparse polynomials over the rationals (`sympy.polys.rings`), as a
numerator and a denominator, with no gcd ever taken: a sum of fractions over the same denominator adds
numerators, others are cross-multiplied. The difference is zero (wherever it is defined) when the
numerator is the zero polynomial.

Why this is sound: every generator is treated as an independent indeterminate, so a zero numerator is
an identity of rational functions, which stays true for whatever values the generators take (where no
denominator vanishes: the same "zero wherever defined" as `together`'s numerator). The two rewrites
hold for every complex value: `exp(c1 m1 + c2 m2 + ...) = exp(m1/L1)^(c1 L1) exp(m2/L2)^(c2 L2) ...`
with rational c and integer c L (L: the common denominator of every coefficient of that monomial in
the difference), and `B^(p/q) = (B^(1/L))^(p L/q)` for the principal powers SymPy writes (L: the common
denominator of every rational exponent of B; both sides are exp((p/q) log B)). A root's defining
relation is used too: the numerator is reduced modulo `g^L - B` for g = B^(1/L) and a polynomial B, and
what is left must be zero; this only ever subtracts multiples of an expression that is zero (principal
roots satisfy g^L = B), so it shows no more than holds. What is not an identity in the generators (`exp(a + b) = exp(a) + exp(b)`,
`log(a b) = log a + log b`) is simply not shown here: the slower route then tries.

Not attempted (left to the slow route, never a wrong answer): floating-point numbers (not exact),
infinities and NaN (not field elements), `exp` of a constant, and anything whose polynomials would
grow past `MAX_TERMS` terms or whose power would be too costly.
"""

from __future__ import annotations

import math

import sympy as sp
from flint import fmpq, fmpq_mpoly_ctx
from sympy.polys.domains import QQ
from sympy.polys.rings import ring

MAX_TERMS = 5_000  # terms of any numerator or denominator
MAX_PRODUCT = 250_000  # term pairs one multiplication may form
MAX_POWER = 64  # larger integer powers of a polynomial with several terms are left to the slow route
# (and any power whose expansion could pass MAX_TERMS)
_NOT_IN_A_FIELD = (sp.oo, -sp.oo, sp.zoo, sp.nan)


_NOT_IN_A_FIELD_SET = frozenset(_NOT_IN_A_FIELD)


def _outside_a_field(d: sp.Expr) -> bool:
    """`d.has(*_NOT_IN_A_FIELD) or d.has(sp.Float)`, each distinct subtree looked at once: SymPy's `has`
    walks every repeat of a shared subtree (a matrix entry repeats each hidden unit), twice here."""
    seen: set = set()
    stack = [d]
    while stack:
        u = stack.pop()
        if u in seen:
            continue
        seen.add(u)
        if isinstance(u, sp.Float) or u in _NOT_IN_A_FIELD_SET:
            return True
        stack.extend(u.args)
    return False


class _GiveUp(Exception):
    """Not a rational function this test reads exactly and cheaply."""


_RINGS: dict[int, tuple] = {}  # number of generators -> (the ring, its generators)
_RINGS_KEPT = 64


def _ring(count: int) -> tuple:
    """(ring, generator, ...): a polynomial ring over QQ in at least `count` placeholder generators, the
    next power of two, kept per size. A reading only ever uses a generator's position (its lex rank), never
    its symbol, and unused generators at the end change no lex comparison, no product and no remainder;
    a fresh ring costs SymPy seven generated and compiled functions (proofs/M2_mlp_backprop.proof: 78
    readings in 27 sizes, 8 rings now)."""
    size = 1 << max(count - 1, 0).bit_length()
    hit = _RINGS.get(size)
    if hit is None:
        if len(_RINGS) >= _RINGS_KEPT:
            _RINGS.clear()
        hit = _RINGS[size] = tuple(ring([sp.Dummy() for _ in range(size)], QQ))
    return hit


def rational_zero(d: sp.Expr, scale: int = 1) -> bool:
    """True if `d` is identically zero as a rational function of its generators; False: not shown.
    `scale` divides the term limits (MAX_TERMS, MAX_PRODUCT): a quick look that gives up sooner."""
    if _outside_a_field(d):
        return False
    try:
        return not _Reader(d, MAX_TERMS // scale, MAX_PRODUCT // scale).numerator()
    except (_GiveUp, RecursionError):
        return False


def polynomial_zero(d: sp.Expr, scale: int = 1) -> bool:
    """True if `d` is the zero polynomial in its opaque parts; False: not shown. A cheaper and weaker
    reading than `rational_zero`: only sums, products, integer powers and rational numbers are read;
    every other node (a function application, a root, a variable) is one indeterminate, and `B^-k` is
    `(1/B)^k` with `1/B` one more indeterminate, so no denominators are ever cross-multiplied. Sound
    for the same reason: an identity in independent indeterminates holds for whatever values they take,
    so d is zero wherever every part of it has a value. It shows the differences whose two sides only
    distribute products differently over the same parts (a matrix step's entries at a large size, where
    cross-multiplying the sigmoid denominators of `rational_zero` grows too large)."""
    if _outside_a_field(d):
        return False
    try:
        return not _Polynomial(d, MAX_TERMS // scale, MAX_PRODUCT // scale).read(d)
    except (_GiveUp, RecursionError):
        return False


class _Polynomial:
    """Reads one expression into a polynomial over its opaque parts (`polynomial_zero`), in FLINT's
    sparse polynomials over QQ (exact, as SymPy's rings, and several times faster on the products of
    a matrix entry: proofs/M2_mlp_backprop.proof's readings took 0.16 s of CPU in SymPy's)."""

    def __init__(self, d: sp.Expr, max_terms: int, max_product: int):
        self.max_terms, self.max_product = max_terms, max_product
        self.parts: dict[sp.Expr, int] = {}  # an opaque part, or ("inverse", B) for 1/B
        self.scanned: set = set()
        self.memo: dict = {}  # subtree -> its polynomial (a matrix entry repeats its subtrees)
        self._scan(d)
        self.ctx = fmpq_mpoly_ctx.get(("g", max(len(self.parts), 1)), "lex")
        self.gens = self.ctx.gens()

    def _scan(self, e: sp.Expr) -> None:
        if e.is_Rational or e in self.scanned:
            return
        self.scanned.add(e)
        if e.is_Add or e.is_Mul:
            for a in e.args:
                self._scan(a)
        elif e.is_Pow and e.exp.is_Integer and e.exp < 0:
            self.parts.setdefault(("inverse", e.base), len(self.parts))
        elif e.is_Pow and e.exp.is_Integer:
            self._scan(e.base)
        else:
            self.parts.setdefault(e, len(self.parts))

    def read(self, e: sp.Expr):
        """e's polynomial; a repeated subtree is read once (polynomials are never changed in place)."""
        p = self.memo.get(e)
        if p is None:
            p = self.memo[e] = self._read(e)
        return p

    def _read(self, e: sp.Expr):
        if e.is_Rational:
            return self.ctx.constant(fmpq(int(e.p), int(e.q)))
        if e.is_Add:
            out = self.ctx.constant(0)
            for a in e.args:
                out = _checked(out + self.read(a), self.max_terms)
            return out
        if e.is_Mul:
            out = self.ctx.constant(1)
            for a in e.args:
                p = self.read(a)
                if len(out) * len(p) > self.max_product:
                    raise _GiveUp
                out = _checked(out * p, self.max_terms)
            return out
        if e.is_Pow and e.exp.is_Integer and e.exp < 0:
            return self.gens[self.parts[("inverse", e.base)]] ** int(-e.exp)
        if e.is_Pow and e.exp.is_Integer:
            return _power(self.read(e.base), int(e.exp), self.max_terms)
        return self.gens[self.parts[e]]


def _checked(p, max_terms: int):
    if len(p) > max_terms:
        raise _GiveUp
    return p


def _power(p, k: int, max_terms: int):
    """p ** k, unless it could have more than max_terms terms (t terms give at most C(k+t-1, t-1))."""
    if len(p) > 1 and (k > MAX_POWER or math.comb(k + len(p) - 1, len(p) - 1) > max_terms):
        raise _GiveUp
    return p ** k


def _exp_terms(arg: sp.Expr) -> list[tuple[sp.Expr, sp.Expr]]:
    """exp's argument as (rational coefficient, monomial) pairs."""
    out = []
    for term in sp.Add.make_args(arg):
        c, m = term.as_coeff_Mul()
        if not c.is_Rational or m == 1:
            raise _GiveUp  # an irrational coefficient's exp, or exp of a constant: not split here
        out.append((c, m))
    return out


class _Reader:
    """Reads one expression into (numerator, denominator) polynomials over its generators."""

    def __init__(self, d: sp.Expr, max_terms: int, max_product: int):
        self.max_terms, self.max_product = max_terms, max_product
        self.atoms: dict[sp.Expr, int] = {}
        self.exp_den: dict[sp.Expr, int] = {}  # monomial -> common denominator of its coefficients in exp
        self.root_den: dict[sp.Expr, int] = {}  # base -> common denominator of its rational exponents
        self.scanned: set = set()
        self.memo: dict = {}  # subtree -> (numerator, denominator): a repeated subtree is read once
        self._scan(d)
        # roots first: in the ring's lex order a root's relation g^L - B then leads with g^L
        keys: list = [("root", b) for b in self.root_den] + list(self.atoms) + [("exp", m) for m in self.exp_den]
        self.ring, *self.gens = _ring(len(keys))
        self.index = {k: i for i, k in enumerate(keys)}
        self.d = d

    def numerator(self):
        """The difference's numerator, reduced by the relations of its roots."""
        num = self._read(self.d)[0]
        for base, q in self.root_den.items():
            if not num:
                break
            nb, db = self._read(base)
            if db == self.ring.one:
                g = self.gens[self.index[("root", base)]]
                num = self._check(num.rem(g ** q - nb))
        return num

    def _scan(self, e: sp.Expr) -> None:
        if e.is_Rational or e in self.scanned:  # what a subtree adds is the same on every visit
            return
        self.scanned.add(e)
        if e.is_Add or e.is_Mul:
            for a in e.args:
                self._scan(a)
        elif e.is_Pow and e.exp.is_Integer:
            self._scan(e.base)
        elif e.is_Pow and e.exp.is_Rational:
            self.root_den[e.base] = sp.ilcm(self.root_den.get(e.base, 1), e.exp.q)
            self._scan(e.base)
        elif isinstance(e, sp.exp):
            for c, m in _exp_terms(e.args[0]):
                self.exp_den[m] = sp.ilcm(self.exp_den.get(m, 1), c.q)
        else:
            self.atoms.setdefault(e, len(self.atoms))  # a variable, a function application, a root

    def _check(self, p):
        return _checked(p, self.max_terms)

    def _mul(self, p, q):
        if len(p) * len(q) > self.max_product:
            raise _GiveUp
        return self._check(p * q)

    def _power(self, p, k: int):
        return _power(p, k, self.max_terms)

    def _read(self, e: sp.Expr):
        """(numerator, denominator) of e, each subtree read once (polynomials are never changed in place)."""
        pair = self.memo.get(e)
        if pair is None:
            pair = self.memo[e] = self._read_new(e)
        return pair

    def _read_new(self, e: sp.Expr):
        one = self.ring.one
        if e.is_Rational:
            return self.ring(QQ(int(e.p), int(e.q))), one
        if e.is_Add:
            groups: dict = {}  # denominator -> summed numerators over it
            for a in e.args:
                n, den = self._read(a)
                groups[den] = self._check(groups[den] + n) if den in groups else n
            (den, num), *rest = groups.items()
            for other, n in rest:
                num, den = self._check(self._mul(num, other) + self._mul(n, den)), self._mul(den, other)
            return num, den
        if e.is_Mul:
            num, den = one, one
            for a in e.args:
                n, d = self._read(a)
                num, den = self._mul(num, n), self._mul(den, d)
            return num, den
        if e.is_Pow and e.exp.is_Integer:
            num, den = self._read(e.base)
            k = int(e.exp)
            if k < 0:
                if not num:
                    raise _GiveUp  # a power of zero in a denominator
                num, den, k = den, num, -k
            return self._power(num, k), self._power(den, k)
        if e.is_Pow and e.exp.is_Rational:
            power = int(e.exp * self.root_den[e.base])
            g = self.gens[self.index[("root", e.base)]]
            return (g ** power, one) if power >= 0 else (one, g ** -power)
        if isinstance(e, sp.exp):
            num, den = one, one
            for c, m in _exp_terms(e.args[0]):
                power = int(c * self.exp_den[m])
                g = self.gens[self.index[("exp", m)]]
                if power >= 0:
                    num = self._check(num * g ** power)
                else:
                    den = self._check(den * g ** -power)
            return num, den
        return self.gens[self.index[e]], one
