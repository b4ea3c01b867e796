"""Where each side of a step is defined, read from the proof's own tree before SymPy rewrites it.

SymPy simplifies while it builds: `(\\sqrt{x})^2` becomes `x`, `e^{\\log x}` becomes `x`, `x/x`
becomes `1`. The domain those forms had (x >= 0, x > 0, x != 0) is gone from the SymPy value, so it is
recorded while the nodes are translated: `DomainTranslator` is the Translator with its hooks (`divide`,
`power`, `builtin`, derivatives and definitions) noting one `Condition` per division, logarithm,
root and real power, in terms of the same SymPy values. The certified evaluator (certified.py) checks
the SymPy value's own conditions as it evaluates; these are the ones simplification erased.

The domain rule (docs/language.md): a step holds when both sides are equal wherever both are defined,
and neither side is undefined on a region (an open set) where the other is defined. A side undefined
at isolated points only (the removable singularity of (x^2 - 1)/(x - 1) at x = 1) is not a mismatch.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy as sp

from .. import nodes as n
from ..translate import Translator, leaf_symbol, odd_root
from .certified import symbols_of

NONZERO, POSITIVE, NONNEGATIVE = "nonzero", "positive", "nonnegative"

_WHY = {NONZERO: "division by zero", POSITIVE: "log of a non-positive number",
        NONNEGATIVE: "a root or real power of a negative number"}


@dataclass(frozen=True)
class Condition:
    """`expr != 0`, `expr > 0` or `expr >= 0`: one requirement for a side to have a value."""

    kind: str
    expr: sp.Expr
    why: str
    soft: bool = False  # from inside a derivative: the function's domain, not its value's (see t_Deriv)

    def substitute(self, mapping: dict) -> "Condition":
        return Condition(self.kind, self.expr.xreplace(mapping), self.why, self.soft) if mapping else self

    def as_soft(self) -> "Condition":
        return Condition(self.kind, self.expr, self.why, True)


MAX_TOGETHER_OPS = 200  # a condition larger than this is not brought over one denominator (`holds_everywhere`)
MAX_NUMERATOR_OPS = 60  # nor is a larger numerator of that form multiplied out


@functools.lru_cache(maxsize=4096)
def holds_everywhere(cond: Condition) -> bool:
    """SymPy's assumptions (inputs are real) show the condition for every input: exp(h) > 0. Failing that,
    over one denominator (`sp.together`, equal to the condition's expression wherever that has a value, which is
    all a condition speaks of): `1 - \\sigma(z)` is e^{-z}/(1 + e^{-z}), positive by its form, though SymPy
    cannot tell the sign of the difference `1 - 1/(1 + e^{-z})` (so `\\log(p (1 - p)) = \\log p + \\log(1 - p)`
    with p = \\sigma(w x + b) was left unknown)."""
    e = cond.expr
    if _holds(cond.kind, e):
        return True
    hyperbolic = e.has(sp.tanh, sp.sinh, sp.cosh)
    if (e.is_Add or e.is_Mul) and (hyperbolic or e.has(sp.Pow)) and e.count_ops() <= MAX_TOGETHER_OPS:
        from .numbers import piecewise  # noqa: PLC0415  (numbers imports this module)

        if piecewise(e):
            return False
        # `\\tanh u` is (e^u - e^{-u})/(e^u + e^{-u}): `1 - \\tanh(u)^2` is 4/(e^u + e^{-u})^2 once its
        # numerator is multiplied out
        t = sp.together(e.rewrite([sp.tanh, sp.sinh, sp.cosh], sp.exp) if hyperbolic else e)  # never sin, cos: no I
        if t != e and _holds(cond.kind, t):
            return True
        num, den = sp.fraction(t)
        if den == 1 or num.count_ops() > MAX_NUMERATOR_OPS:
            return False
        num = sp.expand(num)
        if den.is_positive:
            return _holds(cond.kind, num)
        if den.is_negative:
            return _holds(cond.kind, -num)
    return False


def _holds(kind, e) -> bool:
    if kind == POSITIVE:
        return e.is_positive is True
    if kind == NONNEGATIVE:
        return e.is_nonnegative is True
    return e.is_zero is False


def relevant(conds) -> tuple[Condition, ...]:
    """The conditions that can fail somewhere, without repeats."""
    out: dict[Condition, None] = {}
    for c in conds:
        if symbols_of(c.expr) and not holds_everywhere(c):
            out.setdefault(c, None)
        elif not c.expr.free_symbols:
            out.setdefault(c, None)  # a constant condition is checked at its value
    return tuple(out)


class DomainRecorder:
    """Mixed into a Translator (`domain_translator`): it also records, per translated side, the
    conditions simplification erases."""

    def __post_init__(self):
        super().__post_init__()
        self.domains: tuple = ()  # (conditions of a, conditions of b) after `translate_pair`
        self._conds: list[Condition] = []
        self._conds_of: dict = {}

    def translate_pair(self, a_node: n.Expr, b_node: n.Expr) -> tuple[sp.Expr, sp.Expr]:
        a, ca = self.translate_with_domain(a_node)
        b, cb = self.translate_with_domain(b_node)
        self.domains = (ca, cb)
        return a, b

    def translate_with_domain(self, node: n.Expr) -> tuple[sp.Expr, tuple[Condition, ...]]:
        mark = len(self._conds)
        value = self.translate(node)
        return value, relevant(self._conds[mark:])

    def _require(self, kind: str, expr: sp.Expr, why: str | None = None) -> None:
        if not isinstance(expr, sp.Expr):
            return  # a vector or matrix operand: its entries' own conditions are in its entries
        if expr.is_number and not expr.free_symbols and expr.is_Rational:
            # a rational constant is settled now: 1/0 is zoo in SymPy already, 2 > 0 holds
            if kind == NONZERO and expr != 0 or kind == POSITIVE and expr > 0 or kind == NONNEGATIVE and expr >= 0:
                return
        self._conds.append(Condition(kind, expr, why or _WHY[kind]))

    # hooks -----------------------------------------------------------
    def divide(self, num, den) -> sp.Expr:
        self._require(NONZERO, den)
        return super().divide(num, den)

    def power(self, base, exp, node) -> sp.Expr:
        value = super().power(base, exp, node)
        if not isinstance(base, sp.Expr) or not isinstance(exp, sp.Expr):
            return value
        if exp.is_Integer:
            if exp < 0:
                self._require(NONZERO, base)
            elif exp == 0 and base.is_zero is not False:  # SymPy's b^0 is 1; 0 only to a positive power
                self._require(NONZERO, base, "0 to the power 0")
        elif exp.is_Rational:
            self._require(NONNEGATIVE if exp > 0 else POSITIVE, base, "a real power of a negative number")
        elif base.is_positive is not True:
            self._require(POSITIVE, base, "a power of a non-positive number")
        return value

    def builtin(self, fname: str, values: list, span) -> sp.Expr:
        value = super().builtin(fname, values, span)
        if fname in ("log", "ln"):
            self._require(POSITIVE, values[0])
        elif fname == "sqrt":
            self._require(NONNEGATIVE, values[0], "the square root of a negative number")
        elif fname == "root":
            if not odd_root(values[1]):  # an odd root is the real one, defined everywhere (translate.odd_root)
                self._require(NONNEGATIVE, values[0], "a root of a negative number")
            self._require(NONZERO, values[1], "a root of index 0")
        elif fname == "tan":
            self._require(NONZERO, sp.cos(values[0]), "tan at a pole")
        return value

    def resolve(self, key, node, scope):
        """A definition's conditions come with its value, also when the value comes from the cache."""
        ck = self.cache_key(key, scope)
        known = self._conds_of.get(ck)
        if known is not None:
            self._conds.extend(known)
            return super().resolve(key, node, scope)
        mark = len(self._conds)
        value = super().resolve(key, node, scope)
        self._conds_of[ck] = tuple(self._conds[mark:])
        return value

    def _definition_value(self, d, scope):
        """A whole vector or matrix definition's conditions come with its value, also when the value
        comes from the cache (matrix.MatrixMixin keeps the whole value): an entry is defined only where
        its whole definition is (`let v = \\log(x)`: v_2 needs x_1 > 0 too), and the entry asked second
        must record that as the first did. Only translators with MatrixMixin call this."""
        from ..matrix import mbase  # noqa: PLC0415  (matrix imports autodiff: loaded with the matrix translator)

        ck = ("whole",) + self.cache_key(("mat:" + mbase(d.target), ()), scope)
        known = self._conds_of.get(ck)
        if known is not None:
            self._conds.extend(known)
            return super()._definition_value(d, scope)
        mark = len(self._conds)
        value = super()._definition_value(d, scope)
        self._conds_of[ck] = tuple(self._conds[mark:])
        return value

    def t_Deriv(self, node: n.Deriv, scope):
        """A derivative exists only where the differentiated function is defined: its conditions
        (x > 0 for `\\frac{d}{dx}\\log x`) are kept *soft*. Where a soft condition fails the point
        is not used at all (no value compared, no domain mismatch: the right side of a batch-norm
        derivative may be undefined there); elsewhere the value is the formal derivative, with its own
        domain (1/x, x != 0)."""
        mark = len(self._conds)
        value = super().t_Deriv(node, scope)
        inner = self._conds[mark:]
        del self._conds[mark:]
        key = self.derivative_key(node, scope)
        back = {}
        if key not in scope.cut and self.is_defined(key):
            back = {leaf_symbol(key): self.resolve(key, node.var, scope)}  # records the definition's conditions
        self._conds.extend(c.substitute(back).as_soft() for c in inner)
        return value

    def apply(self, f, args, scope, span) -> sp.Expr:
        """`f'(x)` is a derivative too: its function's conditions (at a dummy variable, put back to the
        argument) are soft, the argument's own are not."""
        mark = len(self._conds)
        value = super().apply(f, args, scope, span)
        if isinstance(f, n.Prime):
            inner = self._conds[mark:]
            del self._conds[mark:]
            dummies = {s for c in inner for s in c.expr.free_symbols if isinstance(s, sp.Dummy)}
            arg = self.expr(args[0], scope) if args else None  # records the argument's own conditions
            back = {d: arg for d in dummies} if arg is not None else {}
            self._conds.extend(c.substitute(back).as_soft() for c in inner)
        return value


@functools.lru_cache(maxsize=None)
def domain_translator(base: type) -> type:
    """`base` (the Translator, or the matrix one) recording domains too."""
    return type("Domain" + base.__name__, (DomainRecorder, base), {})


DomainTranslator = domain_translator(Translator)
