"""Proofs for every size: sums over a symbolic range, decided without fixing N.

The concrete path (`instances`, `compare`) fixes N and the free indices, so it can only show a step
at the sizes it tries. This module proves a step for **every** size N >= 1 and every value of the free
indices in range, for the fragment softmax/cross-entropy derivations live in: sums over a range such
as `1..N` of expressions built from family entries (`h_j`, `y_j`, `o_j` defined by `let`), free
indices, Kronecker deltas and `j \\neq i` sums, derivatives of all these with respect to family
entries, and equality assumptions such as `\\sum_j y_j = 1`. Anything else raises `NotShown`, and then
the concrete instances decide (at best `numeric`).

How a proof goes (`prove_all_sizes`):
1. The free indices are split by every pattern of coinciding values the case allows (`i = j` or
   `i \\neq j`); within a pattern, indices in different blocks are different numbers.
2. Both sides are translated with symbols: a size is a positive integer symbol, a free index an
   integer symbol, a family entry `h_i` the value `h(i)` of an undefined real function, and a sum an
   opaque atom `SumOver(body, b, lo, hi)` that SymPy never evaluates or reasons about.
3. The difference is put in a canonical form (`_Normaliser`): every sum body is expanded into
   monomials, Kronecker deltas on the bound variable are collapsed, factors free of the bound variable
   are pulled out, and the bound variable is renamed by nesting height, so that equal sums become the
   same atom. Equality assumptions whose one side is a single sum atom rewrite that atom.
4. Sum atoms, family entries and leftover deltas become independent real symbols and the difference
   must vanish identically (`symbolic.zero_test`). Treating them as independent is sound: an identity
   in independent symbols holds for any values they take, including the related values they really
   have; it only costs completeness.

Every rewrite rule below says in its docstring why it holds for every N; tests/test_symbolic_n.py and
tests/adversarial/sizes hold false claims that look like the fragment (verified without SymPy).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import nodes as n
from ..diagnostics import ProofError
from ..elaborate import Context, Definition
from ..readings import subscript_items
from ..translate import Key, Scope, Translator, bound_run, leaf_symbol, size_word, word_letters
from ..vocabulary import CONSTANTS
from .domain import NONNEGATIVE, NONZERO, POSITIVE, Condition, DomainRecorder
from .instances import _index_only, _partitions, size_names
from .symbolic import zero_test

BETA = "_β"  # canonical bound variables are _β1, _β2, ... by nesting height (no index can be named so)
FAMILY = "family:"  # a family h's entries are FAMILY + "h" applied to indices: never a function `h(x)`
NOT_SMOOTH = (sp.Piecewise, sp.Heaviside, sp.Max, sp.Min, sp.Abs, sp.sign)
MAX_WRITTEN_OUT = 24  # a sum over a literal range of at most this many terms (or peeled terms) is written out


class NotShown(Exception):
    """Outside the fragment, or the canonical difference is not 0: no proof for every N (never 'false')."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class NProof:
    proved: bool
    reason: str = ""


class SumOver(sp.Function):
    """`SumOver(body, b, lo, hi)`: the sum of body over the integers b = lo..hi, as an opaque atom.

    Not `sympy.Sum`: SymPy evaluates and reasons about `Sum` (its sign, empty ranges, `doit`), and a
    wrong guess there (a sum over 2..N is positive, yet it is empty at N = 1) would be silent. This
    class has no evaluation rules and no assumptions, so SymPy only ever carries it around."""

    nargs = 4

    @property
    def body(self):
        return self.args[0]

    @property
    def var(self):
        return self.args[1]

    @property
    def bounds(self):
        return self.args[2], self.args[3]


def _outside_sums(e, wanted) -> list:
    """The subexpressions of e that `wanted` picks, in order without repeats, not looking inside them
    nor inside any sum atom (a sum atom itself may be picked)."""
    out: list = []

    def walk(x):
        if wanted(x):
            if x not in out:
                out.append(x)
            return
        if isinstance(x, SumOver):
            return
        for a in x.args:
            walk(a)

    walk(e)
    return out


def _sum_atoms(e) -> list:
    """The sum atoms of e not nested in another sum atom."""
    return _outside_sums(e, lambda x: isinstance(x, SumOver))


def _entries(e, base: str, arity: int) -> list:
    """The entries of the family `base` in e outside any sum atom."""
    return _outside_sums(e, lambda x: isinstance(x, AppliedUndef) and x.func.__name__ == FAMILY + base
                         and len(x.args) == arity)


_PLACEHOLDERS: list = []  # the same Dummies in every call: SymPy caches what it learns of them and of
# the small expressions built from them (`exp(a)/a`), where fresh Dummies made it ask again each time


def _placeholders(k: int, e) -> list:
    """k distinct Dummies that do not occur in e, to stand for atoms while SymPy differentiates or
    expands. Reused from call to call (a result never keeps them: every use maps them back), so the
    assumption queries SymPy makes on them and on what it builds from them are answered from its
    caches; fresh ones when e holds one of them (never so far: a safety net, not a path)."""
    while len(_PLACEHOLDERS) < k:
        _PLACEHOLDERS.append(sp.Dummy("a"))
    chosen = _PLACEHOLDERS[:k]
    if k and e.free_symbols.intersection(chosen):
        return [sp.Dummy("a") for _ in range(k)]
    return chosen


_BOUND: dict = {}  # (lo, hi) -> Dummies that stand for a bound variable over lo..hi, reused


def _bound_placeholder(lo, hi, e):
    """A Dummy for the bound variable of a sum over lo..hi that does not occur in e, the same from
    call to call (see `_placeholders`). Its range is always lo..hi, so `SymbolicTranslator.ranges`
    (and what is memoised from it) stays a function of the symbol: the ranges "never change once
    set"; nested sums get different ones, as the outer one occurs in the inner one's body."""
    pool = _BOUND.setdefault((lo, hi), [])
    free = e.free_symbols
    for d in pool:
        if d not in free:
            return d
    pool.append(sp.Dummy("b"))
    return pool[-1]


# ------------------------------------------------------------------ ranges

def _nonneg_for_all_sizes(e, sizes: set) -> bool:
    """Is e >= 0 for every size >= 1? Only for e = c0 + sum c_s s with whole c's: then every c_s >= 0
    and the value at all sizes 1 >= 0 suffice (e only grows with each size). Anything else: False."""
    e = sp.expand(e)
    if not e.free_symbols <= sizes:
        return False
    try:
        poly = sp.Poly(e, *sorted(sizes, key=lambda s: s.name)) if sizes else None
    except sp.PolynomialError:
        return False
    if poly is not None and (poly.total_degree() > 1 or any(not c.is_Integer for c in poly.coeffs())):
        return False
    if any(sp.diff(e, s) < 0 for s in e.free_symbols):
        return False
    at_one = e.xreplace({s: sp.Integer(1) for s in sizes})
    return bool(at_one.is_Integer and at_one >= 0)


# ------------------------------------------------------------------ translation with symbols

class SymbolicTranslator(Translator):
    """translate.Translator with symbols for sizes and indices, sums as atoms, derivatives by rules.

    Definitions are expanded as in translate (the derivative semantics included); what changes is
    only what an index value is (a SymPy integer expression) and the three constructs that needed a
    number: sums, entry lookup and derivatives."""

    def __init__(self, ctx: Context, sizes: dict[str, sp.Symbol], free: dict[str, sp.Expr],
                 ranges: dict[sp.Symbol, list[tuple[sp.Expr, sp.Expr]]]):
        super().__init__(ctx, {}, dict(free))
        self.size_symbols = sizes
        self.ranges = ranges  # index symbol -> the ranges it is known to lie in (fixed once set)
        self._families: dict[str, sp.Function] = {}
        self._nonneg: dict = {}  # provably_nonneg, memoised: an index symbol's ranges never change
        self._self_referent: dict[str, bool] = {}  # refers_to_itself, memoised

    # -------------------------------------------------------------- index values
    # index values are SymPy integer expressions in the size symbols, kept linear (no products)
    INDEX_PRODUCTS = False

    def whole(self, k: int):
        return sp.Integer(k)

    def size_value(self, name: str):
        return self.size_symbols.get(name)

    def name(self, node: n.Name, scope: Scope):
        if node.sub is None:
            if scope.param_of(node.base) is not None:
                return scope.param_of(node.base)
            v = scope.int_of(node.base)
            if v is not None:
                return v
            if node.base in self.size_symbols:
                return self.size_symbols[node.base]
        return super().name(node, scope)

    def t_Indicator(self, node: n.Indicator, scope: Scope):
        """`(i = j)` and `(i \\neq j)` of index values are the Kronecker delta and 1 minus it (exactly:
        index values are whole numbers), which the proof for every N collapses in sums like `\\delta_{ij}`;
        any other condition is a kink, as in translate (outside this fragment)."""
        cond = node.cond
        if cond.ops and all(op in ("=", "!=") for op in cond.ops):
            try:
                values = [self.int_value(t, scope) for t in cond.terms]
            except ProofError:
                values = [None]
            if all(v is not None for v in values):
                out = sp.Integer(1)
                for op, a, b in zip(cond.ops, values, values[1:]):
                    delta = sp.KroneckerDelta(a, b)
                    out = out * (delta if op == "=" else 1 - delta)
                return out
        return super().t_Indicator(node, scope)

    def key_of(self, node: n.Name, scope: Scope) -> Key:
        if node.sub is None:
            return (node.base, ())
        items = self.target_items(node, frozenset(k for k, _ in scope.ints))
        items = bound_run(items, lambda c: scope.int_of(c) is not None or self.is_index(c) or c in self.size_symbols,
                          self.is_index, node, self.context.readings.arity(node.base), self.size_symbols) or items
        letters = word_letters(items)
        if letters is not None and all(scope.int_of(c) is not None for c in letters if not self.is_index(c)
                                       and c not in self.size_symbols):
            # a run of letters bound where it stands (`W_{st}` inside sums over s and t, declared or
            # not) is one item per letter, as translate.key_of reads it: never the scalar `W_st`
            items = tuple(n.Name(items[0].span, c) for c in letters)
        values = []
        for it in items:
            v = self.int_value(it, scope)
            if v is None:
                if isinstance(it, n.Name) and it.sub is None and not self.is_index(it.base):
                    return self.label_key(node, items, scope)  # an atomic name such as out_h1 (E211 beside an index)
                raise NotShown(f"the subscript of `{node.display}` is not an index expression")
            values.append(v)
        return (node.base, tuple(values))

    def target_items(self, node: n.Name, bound: frozenset = frozenset()) -> tuple:
        """A subscript's index items as translate reads them (readings.subscript_items), a run of index
        letters or sizes split by character (`W_{ij}`); `bound`: letters bound where it stands (a sum's
        variables), which count as indices there, as in translate.key_of."""
        items = subscript_items(node, self.context.readings, self.index_names | bound)
        letters = word_letters(items)
        size_word(node, letters, self.context.readings.arity(node.base)
                  | frozenset(dict(self.context.readings.mixed_runs).get(node.base, ())), self.size_symbols)
        if letters is not None and all(self.is_index(c) or c in self.size_symbols for c in letters):
            items = tuple(n.Name(items[0].span, c) for c in letters)
        return items

    # -------------------------------------------------------------- entries and definitions
    def entry(self, key: Key):
        base, idx = key
        if not idx:
            return leaf_symbol(key)
        f = self._families.get(base)
        if f is None:
            f = self._families[base] = sp.Function(FAMILY + base)
        return f(*idx)

    def family_definition(self, base: str, arity: int) -> Definition | None:
        """The one `let` of a family, with plain distinct index names as its subscript; a family with
        several definitions (`let h_0 = ...` and `let h_j = ...`) is outside the fragment."""
        defs = [d for d in self.values if d.target.base == base and d.target.sub is not None]
        if not defs:
            return None
        if len(defs) > 1:
            raise NotShown(f"`{base}` has several definitions")
        d = defs[0]
        items = self.target_items(d.target)
        names = [it.base for it in items if isinstance(it, n.Name) and it.sub is None and self.is_index(it.base)]
        if len(names) != len(items) or len(set(names)) != len(names):
            raise NotShown(f"the definition of `{d.target.display}` is not over plain distinct indices")
        if len(names) != arity:
            return None
        return d

    def refers_to_itself(self, base: str) -> bool:
        """Does a definition of `base`, followed through every definition (and function) it mentions,
        mention `base` again (a recurrence `h_t = w h_{t-1} + x_t`, or `f_k = x_k + f_2`)?"""
        if base not in self._self_referent:
            bodies = [d.body for d in self.context.definitions if d.target.base == base]
            seen: set[str] = set()
            found = False
            while bodies and not found:
                for nm in n.names(bodies.pop()):
                    if nm.base == base:
                        found = True
                        break
                    if nm.base not in seen:
                        seen.add(nm.base)
                        bodies += [d.body for d in self.context.definitions if d.target.base == nm.base]
            self._self_referent[base] = found
        return self._self_referent[base]

    def is_defined(self, key: Key) -> bool:
        base, idx = key
        if not idx:
            return super().is_defined(key)
        return self.family_definition(base, len(idx)) is not None

    def resolve(self, key: Key, node: n.Name, scope: Scope):
        base, idx = key
        if (base, len(idx)) in scope.cut:
            return self.entry(key)
        if not idx:
            return super().resolve(key, node, scope)
        d = self.family_definition(base, len(idx))
        if d is None:
            return self.entry(key)
        return self._expand_entry(d, key, scope)

    def _expand_entry(self, d: Definition, key: Key, scope: Scope):
        """`o(t)` for `let o_j = body`: body with j := t, when t is provably in j's declared range
        wherever translate would use the definition (both check the bounds of numbers alone:
        Context.entry_bounds)."""
        base, idx = key
        items = self.target_items(d.target)
        binding = []
        for it, t in zip(items, idx):
            rng = self.context.entry_bounds(it.base)  # a primed letter's is the plain one's
            if rng is not None:
                nodes = self.context.index_range(it.base)
                for bound, node, lower in ((rng[0], nodes[0], True), (rng[1], nodes[1], False)):
                    if bound is None and getattr(t, "is_Integer", False):
                        continue  # a literal entry (`h_{12}` over 1..N) is read where it exists, N >= 12
                    # a bound with a size limits the entries too (j in 1..N-1 leaves g_N an input)
                    b = sp.Rational(bound.numerator, bound.denominator) if bound is not None \
                        else self.int_value(node, Scope())
                    if b is None:
                        raise NotShown(f"cannot read the range of `{it.base}`")
                    gap = (t - b) if lower else (b - t)
                    if not self.provably_nonneg(gap):
                        raise NotShown(f"cannot tell whether `{base}` at {t} is an entry of its definition")
            binding.append((it.base, t))
        if any(k[0][0] == base for k in self._expanding if isinstance(k, tuple) and k and isinstance(k[0], tuple)):
            raise NotShown(f"`{base}` is defined in terms of itself (a recurrence)")
        ck = (key, scope.cut)
        if ck in self._cache:
            return self._cache[ck]
        self._expanding.add(ck)
        try:
            value = self.expr(d.body, Scope(tuple(binding), (), scope.cut))
        finally:
            self._expanding.discard(ck)
        self._cache[ck] = value
        return value

    def provably_nonneg(self, e) -> bool:
        """e >= 0 for every size and every value of its index symbols in their ranges (linear forms)."""
        if e not in self._nonneg:
            self._nonneg[e] = self._provably_nonneg(sp.expand(e))
        return self._nonneg[e]

    def _provably_nonneg(self, e) -> bool:
        idx = [s for s in e.free_symbols if s in self.ranges]
        if not idx:
            return _nonneg_for_all_sizes(e, set(self.size_symbols.values()))
        s = idx[0]
        c = e.coeff(s)
        if not c.is_Integer or s in sp.expand(e - c * s).free_symbols:
            return False
        # e is monotone in s: its least value is at an end of s's range; any known range will do
        return any(self.provably_nonneg(e.xreplace({s: lo if c > 0 else hi})) for lo, hi in self.ranges[s])

    def in_range(self, t, lo, hi) -> bool:
        """Is the index value t within lo..hi for every size and every value t can take?"""
        return self.provably_nonneg(t - lo) and self.provably_nonneg(hi - t)

    # -------------------------------------------------------------- sums
    def t_BigOp(self, node: n.BigOp, scope: Scope):
        """A sum over its range as an opaque atom; `\\sum_{j \\neq i} f(j)` as the full sum minus f(i).

        Why `\\sum_{j \\neq i} f(j) = \\sum_j f(j) - f(i)` for every N: i is an index value within j's
        range (checked, `in_range`), so the full sum has exactly one more term, the one at j = i."""
        if node.op != "sum":
            raise NotShown("a product over an index")
        var, cond = self.bound_variable(node, scope)
        lo, hi = self.bounds(node, var, scope)
        for bound in (lo, hi):
            if not bound.free_symbols <= set(self.size_symbols.values()):
                raise NotShown("a sum whose range depends on an index")
        b = sp.Dummy(var)
        self.ranges[b] = [(lo, hi)]
        body = self.expr(node.body, scope.bind(var, b))
        total = SumOver(body, b, lo, hi)
        if cond is None:
            return total
        names = [t for t in cond.terms if isinstance(t, n.Name) and t.sub is None]
        if cond.ops != ("!=",) or len(names) != 2 or len(cond.terms) != 2:
            raise NotShown("a sum condition other than `j \\neq i`")
        other = names[1].base if names[0].base == var else names[0].base
        t = scope.int_of(other)
        if t is None or other == var:
            raise NotShown("a sum condition other than `j \\neq i`")
        if not self.in_range(t, lo, hi):
            raise NotShown(f"`{other}` may lie outside the range of `{var}`")
        return total - body.xreplace({b: t})

    # -------------------------------------------------------------- derivatives
    def derivative_key(self, node: n.Deriv, scope: Scope) -> Key:
        var = node.var
        if var.sub is None and var.base in self.size_symbols:
            raise ProofError("E202", f"cannot differentiate with respect to the size `{var.base}`", var.span)
        return super().derivative_key(node, scope)

    def t_Deriv(self, node: n.Deriv, scope: Scope):
        """`∂A/∂B` as in translate: B's whole family stays a variable while A is translated, A is
        differentiated by `derivative`, and B's definition is expanded again.

        Why keeping every entry of B's family a variable (translate keeps only the entry B) gives the
        same derivative: the family has one definition (`family_definition`), and that definition,
        followed through every definition it mentions, never mentions the family itself
        (`refers_to_itself`), so the other entries, expanded, do not depend on B; their partial
        derivative with respect to B is 0 either way (δ = 0 below). A family defined through its own
        entries is "not shown": `let h_t = w h_{t-1} + x_t` over t in 2..N leaves h_1 an input that
        h_2 depends on, so ∂h_2/∂h_1 = w, not 0."""
        key = self.derivative_key(node, scope)
        base = key[0]
        if key[1] and self.is_defined(key) and self.refers_to_itself(base):
            raise NotShown(f"`{base}` is defined through its own entries: its other entries may depend on "
                           f"`{node.var.display}`")
        held = (base, len(key[1]))  # the family (or scalar) held: a scalar x and a family x_i are different
        value = self.derivative_value(node, scope, key, held)
        if held not in scope.cut and self.is_defined(key):
            if key[1]:
                entries = [e for e in value.atoms(AppliedUndef)
                           if e.func.__name__ == FAMILY + base and len(e.args) == len(key[1])]
                value = value.xreplace({e: self.resolve((base, tuple(e.args)), node.var, scope) for e in entries})
            else:
                value = value.xreplace({leaf_symbol(key): self.resolve(key, node.var, scope)})
        return value

    def derivative_value(self, node: n.Deriv, scope: Scope, key: Key, held: tuple):
        """A differentiated with B's family held as a variable (before B's definition goes back in)."""
        value = self.expr(self.derivative_body(node, scope), Scope(scope.ints, scope.params, scope.cut | {held}))
        for _ in range(node.order):
            value = self.derivative(value, key)
        return value

    def derivative(self, f, key: Key):
        """d f / d (the entry `key`), by the chain rule over the finitely many atoms f depends on.

        Why valid for every N: f is a differentiable expression in finitely many atoms (entries outside
        sums, sum atoms, plain symbols), whatever N is. ∂h(s)/∂h(t) = δ(s, t) (entries of an input
        family, or of the family held as a variable, are independent variables), and the derivative of
        a sum atom is the sum atom of the body's derivative: a finite sum is differentiated term by term."""
        base, idx = key
        sums = [s for s in _sum_atoms(f) if self._mentions(s, base)]
        entries = _entries(f, base, len(idx)) if idx else []
        subst = dict(zip(sums + entries, _placeholders(len(sums) + len(entries), f)))
        g = f.xreplace(subst)
        out = sp.diff(g, leaf_symbol(key)) if not idx else sp.Integer(0)
        for e in entries:
            delta = sp.Mul(*[sp.KroneckerDelta(s, t) for s, t in zip(e.args, idx)])
            out += sp.diff(g, subst[e]) * delta
        for s in sums:
            ds = SumOver(self.derivative(s.body, key), s.var, *s.bounds)
            out += sp.diff(g, subst[s]) * ds
        back = {v: k for k, v in subst.items()}
        return out.xreplace(back)

    @staticmethod
    def _mentions(e, base: str) -> bool:
        return any(a.func.__name__ == FAMILY + base for a in e.atoms(AppliedUndef)) \
            or any(s.name == base for s in e.free_symbols)


# ------------------------------------------------------------------ canonical form

class _Normaliser:
    """The canonical form of an expression with sum atoms (see the module docstring, step 3)."""

    def __init__(self, t: SymbolicTranslator, distinct: set):
        self.t = t
        self.distinct = distinct  # free index symbols of different blocks: different numbers
        self._sums: dict = {}  # sum atom -> its canonical form (`norm_sum`)

    def deltas(self, e):
        """δ(x, y) = 0 when x and y differ as numbers: free indices in different blocks of the pattern,
        or values provably apart for every size (`δ(i, N+1)` with i in 1..N: i <= N < N + 1)."""
        if not e.has(sp.KroneckerDelta):
            return e
        sub = {}
        sizes = set(self.t.size_symbols.values())
        for d in e.atoms(sp.KroneckerDelta):
            x, y = d.args
            if x == y:
                continue
            if x in self.distinct and y in self.distinct:
                sub[d] = sp.Integer(0)
            elif ((x - y).free_symbols & sizes or x.is_Integer or y.is_Integer) \
                    and (self.t.provably_nonneg(y - x - 1) or self.t.provably_nonneg(x - y - 1)):
                sub[d] = sp.Integer(0)  # two index symbols alone are not tried: cost; only completeness lost
        return e.xreplace(sub) if sub else e

    def norm(self, e):
        return self._norm(self.deltas(e))

    def _norm(self, e):
        if isinstance(e, SumOver):
            return self.norm_sum(e)
        if e.is_Atom or not e.has(SumOver):
            return e
        return e.func(*[self._norm(a) for a in e.args])

    def norm_sum(self, s: SumOver):
        """`_norm_sum`, once per sum atom: the same atom comes back often (in both sides, in the
        difference, after the rewrites). Its form depends only on the atom, this normaliser's distinct
        indices and the translator's ranges of the symbols in it, which never change once set (the
        ranges only gain fresh bound variables), and no bound variable made inside escapes into it."""
        hit = self._sums.get(s)
        if hit is None:
            hit = self._sums[s] = self._norm_sum(s)
        return hit

    def _norm_sum(self, s: SumOver):
        """Σ_b body over lo..hi, by linearity: the expanded body's monomials, each summed on its own.

        Why valid for every N: a finite sum of a sum of terms is the sum of the terms' sums
        (linearity), whatever the number of terms, and `sympy.expand` only rewrites the body into an
        equal polynomial form (sum atoms inside it are placeholders it cannot look into)."""
        lo, hi = s.bounds
        peeled = self.peel(s, lo, hi)
        if peeled is not None:
            return peeled
        b = _bound_placeholder(lo, hi, s.body)
        self.t.ranges[b] = [(lo, hi)]
        body = self.norm(s.body.xreplace({s.var: b}))
        inner = _sum_atoms(body)
        hold = dict(zip(inner, _placeholders(len(inner), body)))
        back = {v: k for k, v in hold.items()}
        expanded = sp.expand(body.xreplace(hold))
        return sp.Add(*[self.term(m, b, lo, hi, back) for m in sp.Add.make_args(expanded)])

    def peel(self, s: SumOver, lo, hi):
        """A sum over a short literal range written out, or a shifted range moved to start at 1 and end
        at a size: Σ_{b=L}^{hi} f = Σ_{b=1}^{hi} f - Σ_{m=1}^{L-1} f(m), Σ_{b=lo}^{S+c} f =
        Σ_{b=lo}^{S} f ± the terms between S and S + c. None when neither applies.

        Why valid for every N: each is the split of a finite sum into two consecutive ranges, and it
        is used only when the range moved to is a prefix or an extension of the written one for every
        size (`_nonneg_for_all_sizes` on the gap), so no term is counted that an empty range would
        not have: `\\sum_{j=3}^{N}` is not moved (at N = 1 it is empty, but 1..N minus j = 1, 2 is not)."""
        sizes = set(self.t.size_symbols.values())
        term = lambda m: s.body.xreplace({s.var: sp.Integer(m)})  # noqa: E731
        if lo.is_Integer and hi.is_Integer:
            if 0 <= hi - lo + 1 <= MAX_WRITTEN_OUT:
                return self.norm(sp.Add(*[term(m) for m in range(int(lo), int(hi) + 1)]))
            return None
        if lo.is_Integer and lo > 1 and _nonneg_for_all_sizes(hi - lo + 1, sizes) and lo - 1 <= MAX_WRITTEN_OUT:
            head = sp.Add(*[term(m) for m in range(1, int(lo))])
            return self.norm(SumOver(s.body, s.var, sp.Integer(1), hi) - head)
        c = sp.expand(hi).as_coeff_Add()[0]
        base = hi - c
        if c != 0 and lo.is_Integer and base.is_Symbol and base in sizes and abs(c) <= MAX_WRITTEN_OUT:
            shift = lambda k: s.body.xreplace({s.var: base + k})  # noqa: E731
            if c > 0 and _nonneg_for_all_sizes(base - lo + 1, sizes):
                tail = sp.Add(*[shift(k) for k in range(1, int(c) + 1)])
                return self.norm(SumOver(s.body, s.var, lo, base) + tail)
            if c < 0 and _nonneg_for_all_sizes(hi - lo + 1, sizes):
                tail = sp.Add(*[shift(k) for k in range(int(c) + 1, 1)])
                return self.norm(SumOver(s.body, s.var, lo, base) - tail)
        return None

    def term(self, m, b, lo, hi, back):
        """One monomial m of a sum over b: collapse a delta on b, or pull out what does not depend on b.

        Why each is valid for every N:
        - Σ_b δ(b, t) g(b) = g(t) when t is an index value within lo..hi (checked by `in_range` for
          every size and every value t can take): exactly one term, b = t, is not multiplied by 0.
          When that cannot be shown, the delta stays inside the sum atom, which is opaque.
        - Σ_b c g(b) = c Σ_b g(b) for c free of b (distributivity over a finite sum).
        - Σ_b c = c (hi - lo + 1) when hi - lo + 1 >= 0 for every size (checked): the count of terms.
          Otherwise (a range that can be empty, `\\sum_{j=3}^{N}` at N = 1) c times the count as an
          opaque atom."""
        factors = list(sp.Mul.make_args(m))
        for k, f in enumerate(factors):
            base, power = (f.base, f.exp) if f.is_Pow else (f, sp.Integer(1))
            if not (isinstance(base, sp.KroneckerDelta) and b in base.free_symbols):
                continue
            if not (power.is_Integer and power > 0):
                raise NotShown("a Kronecker delta in a denominator")
            x, y = base.args
            target = y if x == b else (x if y == b else None)
            if target is None or b in target.free_symbols or not self.t.in_range(target, lo, hi):
                continue  # not collapsible here (`\sum_{j=2}^{N} \delta_{ij}` at i = 1): it stays in the atom
            rest = sp.Mul(*(factors[:k] + factors[k + 1:])).xreplace(back)
            return self.norm(rest.xreplace({b: target}))
        dep, coef = [], []
        for f in factors:
            (dep if b in f.xreplace(back).free_symbols else coef).append(f)
        c = sp.Mul(*coef).xreplace(back)
        if not dep:
            count = hi - lo + 1
            if not _nonneg_for_all_sizes(count, set(self.t.size_symbols.values())):
                return c * self.canonical(sp.Integer(1), b, lo, hi)  # the count, as an opaque atom
            return c * count
        body = sp.Mul(*dep).xreplace(back)
        return c * self.canonical(body, b, lo, hi)

    @staticmethod
    def canonical(body, b, lo, hi) -> SumOver:
        """Rename the bound variable by nesting height: Σ_b f(b) = Σ_β f(β) (a bound variable's name
        does not matter), and equal sums get equal atoms. Inner atoms bind lower heights, so no capture."""
        height = 1 + max((int(a.var.name[len(BETA):]) for a in body.atoms(SumOver)), default=0)
        beta = sp.Symbol(f"{BETA}{height}")
        return SumOver(body.xreplace({b: beta}), beta, lo, hi)


# ------------------------------------------------------------------ domains

class DomainSymbolicTranslator(DomainRecorder, SymbolicTranslator):
    """SymbolicTranslator recording each side's domain conditions (check/domain.py) as it builds it,
    before SymPy's simplification erases them (`\\frac{N - 4}{N - 4}` becomes 1, `(\\sqrt{s})^2` becomes s).

    A derivative's own conditions (where the function it differentiates is defined) are soft, as in
    the concrete path: where they fail the claim says nothing. The conditions of B's definition, put
    back after differentiating, are the value's own (hard)."""

    def translate_with_domain(self, node: n.Expr) -> tuple:
        """Both the value and its hard conditions, without repeats (`_check_domains` decides which
        hold everywhere: SymPy alone knows nothing of a sum atom)."""
        mark = len(self._conds)
        value = self.translate(node)
        return value, tuple(dict.fromkeys(c for c in self._conds[mark:] if not c.soft))

    def t_Deriv(self, node: n.Deriv, scope: Scope):
        return SymbolicTranslator.t_Deriv(self, node, scope)  # the held family is put back there, hard

    def derivative_value(self, node: n.Deriv, scope: Scope, key: Key, held: tuple):
        mark = len(self._conds)
        value = super().derivative_value(node, scope, key, held)
        self._conds[mark:] = [c.as_soft() for c in self._conds[mark:]]
        return value

    def power(self, base, exp, node):
        """A whole exponent in N (`x^{N-1}`) asks for a nonzero base only when it can be negative."""
        if isinstance(exp, sp.Expr) and exp.is_integer and not exp.is_Integer:
            value = SymbolicTranslator.power(self, base, exp, node)
            if exp.is_nonnegative is not True:
                self._require(NONZERO, base)
            return value
        return super().power(base, exp, node)


class _Signs:
    """Which domain conditions hold for every size and every value of every input and index.

    A condition is shown by SymPy's assumptions after each opaque part is replaced by a symbol that
    carries only what holds of it for every size: a family entry is a real number, a delta is 0 or 1
    (nonnegative), an index is an integer (positive when its range starts at 1 or above for every
    size), and a sum atom is positive when its body is positive for every value of the bound variable
    and its range is never empty (`_nonneg_for_all_sizes(hi - lo)`), nonnegative when its body is
    nonnegative (an empty sum is 0), and likewise for negative bodies; otherwise just real."""

    def __init__(self, t: SymbolicTranslator):
        self.t = t
        self.sizes = set(t.size_symbols.values())
        self._sums: dict = {}
        self.assumed = {sym: sp.Dummy(sym.name, real=True, **sign) for sym, sign in _assumed_signs(t).items()}

    def holds(self, c: Condition) -> bool:
        e = self.stand_in(c.expr)
        if c.kind == POSITIVE:
            return e.is_positive is True
        if c.kind == NONNEGATIVE:
            return e.is_nonnegative is True
        return e.is_zero is False

    def stand_in(self, e):
        e = e.xreplace({a: self.sum_symbol(a) for a in _sum_atoms(e)})
        sub = {}
        for a in e.atoms(AppliedUndef):
            if a.func.__name__.startswith(FAMILY):
                sub[a] = sp.Dummy("entry", real=True)
        for d in e.atoms(sp.KroneckerDelta):
            sub[d] = sp.Dummy("delta", nonnegative=True, integer=True)
        for x in e.free_symbols:
            if x in self.assumed:  # an input whose sign an `assume` line states
                sub[x] = self.assumed[x]
            elif x in self.t.ranges and not x.is_integer:  # a free index (the symbols of sums are Dummies)
                sub[x] = self.index_symbol(x)
            elif isinstance(x, sp.Dummy) and x in self.t.ranges:
                sub[x] = self.index_symbol(x)
        return e.xreplace(sub) if sub else e

    def index_symbol(self, x):
        positive = all(self.t.provably_nonneg(lo - 1) for lo, _ in self.t.ranges[x])
        return sp.Dummy(str(x), integer=True, positive=positive or None)

    def sum_symbol(self, a: SumOver):
        if a not in self._sums:
            lo, hi = a.bounds
            body = self.stand_in(a.body)
            nonempty = (lo - hi).free_symbols <= self.sizes and _nonneg_for_all_sizes(hi - lo, self.sizes)
            if body.is_positive:
                sign = {"positive": True} if nonempty else {"nonnegative": True}
            elif body.is_nonnegative:
                sign = {"nonnegative": True}
            elif body.is_negative:
                sign = {"negative": True} if nonempty else {"nonpositive": True}
            elif body.is_nonpositive:
                sign = {"nonpositive": True}
            else:
                sign = {"real": True}
            self._sums[a] = sp.Dummy("sum", **sign)
        return self._sums[a]


_SIGN_OF = {">": "positive", ">=": "nonnegative", "<": "negative", "<=": "nonpositive"}
_FLIPPED = {">": "<", ">=": "<=", "<": ">", "<=": ">="}


def _assumed_signs(t: SymbolicTranslator) -> dict[sp.Symbol, dict[str, bool]]:
    """Inputs whose sign an `assume` line states outright (`assume \\epsilon > 0`, `0 <= x`): the
    step is claimed under its assumptions, so a domain condition needs to hold only there. Only a
    plain input name (not defined, not an index or size) compared with a number counts; the number
    must put the sign beyond doubt (`x > 2` makes x positive, `x > -1` says nothing of it)."""
    out: dict[sp.Symbol, dict[str, bool]] = {}
    for cond in t.context.assumptions:
        for left, op, right in zip(cond.terms, cond.ops, cond.terms[1:]):
            if isinstance(right, n.Name) and isinstance(left, n.Num) and op in _FLIPPED:
                left, op, right = right, _FLIPPED[op], left
            if not (isinstance(left, n.Name) and left.sub is None and isinstance(right, n.Num) and op in _SIGN_OF):
                continue
            base = left.base
            if base in t.size_symbols or t.is_index(base) or t.is_defined((base, ())) or base in CONSTANTS:
                continue
            try:
                bound = Fraction(right.text)
            except (ValueError, ZeroDivisionError):
                continue
            sign = _SIGN_OF[op]
            if (sign in ("positive", "nonnegative") and bound < 0) or (sign in ("negative", "nonpositive") and bound > 0):
                continue
            if bound != 0:
                sign = "positive" if bound > 0 else "negative"
            out.setdefault(leaf_symbol((base, ())), {})[sign] = True
    # contradictory assumptions (x > 0 and x < 0) leave no point to check: say nothing of that input
    return {sym: signs for sym, signs in out.items()
            if not ({"positive", "nonnegative"} & set(signs) and {"negative", "nonpositive"} & set(signs))}


def _check_domains(t: SymbolicTranslator, norm: "_Normaliser", ca: tuple, cb: tuple) -> None:
    """Every hard domain condition of either side holds for every size and value (`_Signs`), or both
    sides have it (where it fails neither side has a value: the domain rule has nothing to compare).
    Otherwise one side may be undefined on a region where the other is defined at some size
    (`\\frac{N - 4}{N - 4} x = x` at N = 4): not shown, and the instances decide."""
    hard_a = [c for c in ca if not c.soft]
    hard_b = [c for c in cb if not c.soft]
    signs = _Signs(t)
    open_ = [c for c in dict.fromkeys(hard_a + hard_b) if not signs.holds(c)]
    if not open_:
        return

    def canonical(c: Condition):
        return c.kind, norm.norm(c.expr)

    shared = {canonical(c) for c in hard_a} & {canonical(c) for c in hard_b}
    for c in open_:
        if canonical(c) not in shared:
            raise NotShown(f"a side may be undefined at some size ({c.why}): its condition is not shown to "
                           "hold for every N")


# ------------------------------------------------------------------ the proof

def _patterns(free: list[str], ctx: Context):
    """Set partitions of the free indices that the case's index conditions allow (`=`/`\\neq` between
    free indices); any other index condition is outside the fragment."""
    same, differ = [], []
    for cond in ctx.case:
        if not _index_only(cond, ctx):
            continue  # a condition on inputs: a proof for every input covers it
        for op, a, b in zip(cond.ops, cond.terms, cond.terms[1:]):
            if not (isinstance(a, n.Name) and isinstance(b, n.Name) and a.base in free and b.base in free) or op not in ("=", "!="):
                raise NotShown("a case other than `=` or `\\neq` between free indices")
            (same if op == "=" else differ).append((a.base, b.base))
    for part in _partitions(list(free)):
        block = {m: k for k, blk in enumerate(part) for m in blk}
        if all(block[a] == block[b] for a, b in same) and all(block[a] != block[b] for a, b in differ):
            yield part


def _rewrites(ctx: Context, t: SymbolicTranslator, norm: _Normaliser) -> dict:
    """`assume A = B` with one side a single sum atom (`\\sum_j y_j = 1`): atom -> the other side.
    Valid wherever the assumption holds, which is where the step is claimed."""
    out = {}
    for cond in ctx.assumptions:
        if cond.ops != ("=",) or len(cond.terms) != 2:
            continue
        try:
            sides = [norm.norm(t.translate(x)) for x in cond.terms]
        except (ProofError, NotShown):
            continue  # an assumption with free indices or outside the fragment: not used
        for atom, value in (sides, sides[::-1]):
            if isinstance(atom, SumOver) and not value.has(atom):
                out[atom] = value
                break
    return out


def _independent(e):
    """Sum atoms, family entries and deltas as independent real symbols, for the zero test.

    Only those: an undeclared function applied to an entry (`\\phi(x_i)`) stays an application of
    the entry's symbol, never a symbol of its own, or its derivative with respect to the entry,
    `Derivative(\\phi(x(i)), x(i))`, would become the derivative of one symbol by another, 0."""
    sub = {}
    for k, a in enumerate(sorted(_sum_atoms(e), key=sp.default_sort_key)):
        sub[a] = sp.Symbol(f"_sum{k}", real=True)
    e = e.xreplace(sub)
    sub = {}
    entries = {a for a in e.atoms(AppliedUndef) if a.func.__name__.startswith(FAMILY)}
    for k, a in enumerate(sorted(entries | e.atoms(sp.KroneckerDelta), key=sp.default_sort_key)):
        sub[a] = sp.Symbol(f"_atom{k}", real=True)
    return e.xreplace(sub)


def _check_fragment(e) -> None:
    if e.has(*NOT_SMOOTH) or any(type(f).__name__ == "ReLU" for f in e.atoms(sp.Function)):
        raise NotShown("a kink (ReLU, indicator, |x|, max, cases) is outside the proof for every N")


def prove_all_sizes(ctx: Context, a_node: n.Expr, b_node: n.Expr, free: list[str]) -> NProof:
    """A proof that a = b for every size >= 1 and every value of the free indices, or why not."""
    try:
        return _prove(ctx, a_node, b_node, free)
    except NotShown as exc:
        return NProof(False, exc.reason)
    except ProofError as exc:
        return NProof(False, exc.diagnostic.message)
    except (RecursionError, TypeError, ValueError, AttributeError, sp.PolynomialError) as exc:
        # a construct this module does not handle: no proof, and the concrete instances decide
        return NProof(False, f"outside the fragment ({type(exc).__name__})")


def _prove(ctx: Context, a_node: n.Expr, b_node: n.Expr, free: list[str]) -> NProof:
    sizes = {s: sp.Symbol(s, integer=True, positive=True) for s in size_names(ctx)}
    patterns = list(_patterns(free, ctx))
    for part in patterns:
        reps = {blk[0]: sp.Symbol(blk[0]) for blk in part}
        rep_of = {m: reps[blk[0]] for blk in part for m in blk}
        ranges: dict = {}
        t = DomainSymbolicTranslator(ctx, sizes, rep_of, ranges)
        for blk in part:
            known = []
            for m in blk:
                lo, hi = ctx.index_range(m)
                lo_v, hi_v = t.int_value(lo, Scope()), t.int_value(hi, Scope())
                if lo_v is None or hi_v is None:
                    raise NotShown(f"the range of `{m}` is not whole numbers and sizes")
                known.append((lo_v, hi_v))
            ranges[reps[blk[0]]] = known
        norm = _Normaliser(t, set(reps.values()))
        (a, ca), (b, cb) = t.translate_with_domain(a_node), t.translate_with_domain(b_node)
        _check_domains(t, norm, ca, cb)
        diff = norm.norm(a - b)
        rewrites = _rewrites(ctx, t, norm)
        if rewrites:
            diff = norm.norm(diff.xreplace(rewrites))
        _check_fragment(diff)
        if not zero_test(_independent(diff)):
            raise NotShown("the difference is not shown to be 0 for every N")
    if not patterns:
        raise NotShown("no pattern of index values satisfies the case")
    return NProof(True)
