"""The form of a member: what it says once notation and SymPy's automatic simplifications are set aside.

Grading needs to know when a step says nothing (`= 1 \\cdot (3x^2 + 2)`, `= \\frac{df}{dx} + 0`, `= g`
for the student's own `let g = 3x^2 + 2`), when two steps are the same step, and when a chain starts
at a goal's left side in disguise. The form answers all three: a SymPy expression built from the nodes
(never from text: no `sympify`), with SymPy's automatic canonicalisation only (flattening, ordering,
`1 x = x`, `x + 0 = x`, like terms collected, number arithmetic done), nothing that works anything
out:

  - derivatives are opaque quantities (`goals.opaque`): a derivative is never computed;
  - functions are applied, never evaluated (`ReLU(0.4)` stays), sums stay sums (`\\sum_j y_j o_i` is
    not `o_i \\sum_j y_j`), so a step that does that work still counts;
  - the student's own `let`s are unfolded (their names are only names for what they wrote), the
    key's definitions are not (`z = \\mathrm{ReLU}(u)` is a step).

Why not the checker's translator: it expands every sum for one concrete size, after which
`\\sum_{j \\neq i} y_j o_i + y_i o_i` and `\\sum_j y_j o_i` are the same sum of terms and a real step
would count as padding. A member whose form cannot be built (or only at a cost, see the limits)
has none, and grading falls back to comparing the text.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field, replace
from fractions import Fraction

import sympy as sp

from .. import nodes as n
from ..check.goals import OPAQUE_PREFIX, _index_letters, _index_run, canonical, opaque
from ..elaborate import Context, Definition
from ..translate import kronecker_items
from ..vocabulary import FUNCTION_WORDS, NETWORK_FUNCTIONS
from .key import is_key_line

MAX_UNFOLD_DEPTH = 32  # nested student `let`s unfolded into one form (deeper: no form)
MAX_EXPONENT = 1000  # a number raised to more than this is not worked out (kept as a power)
MAX_POWER_BITS = 100_000  # nor one whose value would need more bits than this
MAX_LITERAL_EXPONENT = 400  # `1e400` is read; `1e100000` has no form


class NoForm(Exception):
    """The member's form cannot be built within the limits."""


@dataclass
class Forms:
    """Forms of members in one context; the student's `let`s of that context are unfolded."""

    context: Context
    _lets: dict = field(default_factory=dict)
    _function_lets: dict = field(default_factory=dict)  # the student's own `let g(t) = ...`, by name
    _expansions: dict = field(default_factory=dict)  # a derivative's opaque name -> its linear reading
    _padding: dict = field(default_factory=dict)  # a padding term's derivative quantity -> its value (`worked`)
    _constants: frozenset = frozenset()  # e and π as forms write them, when no `let` defines them (`_padding_derivative`)
    _terms: dict = field(default_factory=dict)  # a derivative quantity of one term -> (the term, the variable) (`detour`)
    _keyed: set = field(default_factory=set)  # the forms of names the key defines (quantities that depend on a variable)
    _keyed_bases: frozenset = frozenset()
    _functions: frozenset = frozenset()
    _key_values: dict | None = None  # the key's names -> the forms of their definitions (`by_key`)
    _families: dict = field(default_factory=dict)  # a key's family `o_j` by base -> (its letter's form, its definition's form)
    _memo: dict = field(default_factory=dict)  # member (spans aside) -> its form: goals' sides are asked for often
    _operand_scales: dict = field(default_factory=dict)  # (q1, q2) -> c, or None: decided by the checker (`work._operand_decisions`)

    def __post_init__(self):
        idx = self.context.index_names
        keyed = {canonical(d.target, (), idx) for d in self.context.definitions if is_key_line(d.span.line)}
        for d in self.context.definitions:  # later definitions win
            key = canonical(d.target, (), idx)
            if not is_key_line(d.span.line) and d.params is None and key not in keyed:  # a key's name restated stays the key's
                self._lets[key] = d
            keyed_function = any(k.target.base == d.target.base for k in self.context.definitions
                                 if k.params is not None and is_key_line(k.span.line))
            if not is_key_line(d.span.line) and d.params is not None and d.target.sub is None and not keyed_function:
                self._function_lets[d.target.base] = d
        defined = {d.target.base for d in self.context.definitions}
        self._keyed_bases = frozenset(d.target.base for d in self.context.definitions if is_key_line(d.span.line))
        self._constants = frozenset(sym for name, sym in (("e", E_FORM), ("pi", PI_FORM)) if name not in defined)
        self._functions = frozenset(d.target.base for d in self.context.definitions if d.params is not None) \
            | self.context.readings.functions | frozenset(FUNCTION_WORDS)

    def form(self, e: n.Expr) -> sp.Basic | None:
        """The member's form, or None when it cannot be built."""
        if e not in self._memo:
            try:
                self._memo[e] = self._build(opaque(e, self.context.index_names, key_of=self._derivative_key), (), frozenset(), 0)
            except (NoForm, RecursionError, ValueError, ZeroDivisionError, TypeError, OverflowError):
                self._memo[e] = None  # a form is an aid to counting work; without one the text is compared
        return self._memo[e]

    # -------------------------------------------------------------- building

    def summed(self, e: n.Expr) -> sp.Basic | None:
        """The member's form with every `\\sum_j \\delta_{ij} X_j` read as X_i (`_kronecker_collapsed`).
        Only for the value tests (`work._padded`, `work._value_decisions`), as `plain` is: the form
        itself keeps the sum, so a step that applies the delta still counts; but a step from dL/dh_i
        to `\\sum_j \\delta_{ij} (2 \\frac{\\partial L}{\\partial h_j} - o_j + y_j)` keeps the same
        derivative and holds only at its value (tests/grading/redteam/r28g_attacks sum_delta). A step
        whose new side only writes its old side again through deltas is read by `work._restates`."""
        try:
            return self.form(_kronecker_collapsed(e, self.context))
        except (RecursionError, ValueError, TypeError, AttributeError):
            return self.form(e)

    def _build(self, e, bound: tuple[str, ...], unfolding: frozenset, depth: int) -> sp.Basic:
        b = lambda x: self._build(x, bound, unfolding, depth)  # noqa: E731
        if isinstance(e, n.Num):
            return _number(e.text)
        if isinstance(e, n.Name):
            return self._name(e, bound, unfolding, depth)
        if isinstance(e, n.Group):
            return b(e.items[0]) if len(e.items) == 1 else sp.Tuple(*(b(x) for x in e.items))
        if isinstance(e, n.Neg):
            return -b(e.arg)
        if isinstance(e, n.Add):
            return b(e.left) + e.sign * b(e.right)
        if isinstance(e, n.Frac):
            return b(e.num) / b(e.den)
        if isinstance(e, n.Pow):
            return _power(b(e.base), b(e.exp))
        if isinstance(e, n.Product):
            return self._product(e, b)
        if isinstance(e, n.Call):
            applied = sp.Function(e.func)(*(b(x) for x in e.args))
            return applied if e.power == 1 else _power(applied, sp.Integer(e.power))
        if isinstance(e, n.BigOp):
            inner = bound + ((e.var.base,) if e.var is not None and e.var.sub is None else ())
            parts = [self._build(e.body, inner, unfolding, depth)]
            parts += [b(x) if x is not None else sp.Symbol("∅") for x in (e.lower, e.upper)]
            if e.cond is not None:
                parts.append(self._build(e.cond, inner, unfolding, depth))
            return sp.Function(e.op)(*parts)
        if isinstance(e, n.Condition):
            return sp.Function("cond")(*(b(x) for x in e.terms), *(sp.Symbol(op) for op in e.ops))
        if isinstance(e, n.Indicator):
            return sp.Function("indicator")(b(e.cond))
        if isinstance(e, n.Abs):
            return sp.Function("abs")(b(e.arg))
        if isinstance(e, n.Entry):
            return sp.Function("entry")(b(e.base), *(b(x) for x in e.sub))
        if isinstance(e, n.Cases):
            rows = [sp.Tuple(b(v), b(c) if c is not None else sp.Symbol("otherwise")) for v, c in e.rows]
            return sp.Function("cases")(*rows)
        if isinstance(e, n.Ones):
            return sp.Function("ones")(b(e.size)) if e.size is not None else sp.Symbol("ones")
        raise NoForm(type(e).__name__)

    def _derivative_key(self, e, bound: tuple[str, ...]):
        """A derivative read up to form, as `goals.opaque` names it: its operand's form (the student's
        lets unfolded, `1 \\cdot f`, `f + 0`, `f^1` read as f) with its variable and order as written,
        so `\\frac{d}{dx}(1 \\cdot f)` and `\\frac{dg}{dx}` after `let g = f` are df/dx and a step
        between them says nothing. None (the written form) where the operand has no form."""
        if isinstance(e, n.Product) and len(e.factors) == 2 and isinstance(e.factors[0], n.Prime):
            prime, args = e.factors  # `f'(a)`: with a a name, `\\frac{d}{da} f(a)` (docs/language.md)
            if isinstance(prime.func, n.Name) and isinstance(args, n.Group) and len(args.items) == 1 \
                    and isinstance(args.items[0], n.Name):
                e = n.Deriv(e.span, n.Product(e.span, (prime.func, args), ("juxt",)), args.items[0], prime.order, "d")
        if not isinstance(e, n.Deriv) or e.expr is None:
            return None
        idx = self.context.index_names
        if bound and not _index_letters(e, idx | frozenset(bound)) & set(bound):
            bound = ()  # a derivative that mentions no letter a sum binds around it is the same quantity outside the sum
        try:
            operand = self._build(opaque(e.expr, idx, bound, self._derivative_key), bound, frozenset(), 0)
            var = self._build(e.var, bound, frozenset(), 0)  # the student's `let u = x` read through
            if bound and not any("('Bound'" in str(s) for s in operand.free_symbols | var.free_symbols):
                # the sum's letter only in the text (`L + y_j - y_j` is L): the quantity outside the sum
                bound = ()
                operand = self._build(opaque(e.expr, idx, (), self._derivative_key), (), frozenset(), 0)
                var = self._build(e.var, (), frozenset(), 0)
        except (NoForm, RecursionError, ValueError, ZeroDivisionError, TypeError, OverflowError):
            return None
        if bound or e.order != 1 or not isinstance(var, sp.Symbol):
            return ("derivative", sp.srepr(operand), canonical(e.var, bound, idx), e.order)
        expansion = _linear_derivative(operand, var, self._padding, self._constants, self._terms)
        key = ("linear", sp.srepr(expansion))
        self._expansions[OPAQUE_PREFIX + hashlib.sha256(repr(key).encode()).hexdigest()[:16] + "⟩"] = expansion
        return key

    def worked(self, form: sp.Basic) -> sp.Basic:
        """The form with the derivatives of padding terms written alone (`\\frac{d}{dx} x^2`) worked
        out: `work._says_something` asks whether a step only adds and removes padding beside a
        quantity's derivative that both sides keep."""
        return form.xreplace(self._padding) if self._padding else form

    def detour(self, fa: sp.Basic, fb: sp.Basic) -> bool:
        """A step from fa to fb that goes round the key's derivatives and back: no derivative of a
        compound operand on the left is gone on the right (nothing was differentiated), and the
        sides are equal once every derivative of a compound operand is worked out by the rules of
        calculus with the key's quantities left as functions of the variable whose derivatives stay
        quantities (`_calculus`): `\\frac{d}{dx}(f + \\tan x) - \\frac{1}{\\cos^2 x}`, `e^{-f}
        \\frac{d}{dx} e^{f}`, `\\frac{1}{x}(\\frac{d}{dx}(x f) - f)` are all df/dx. The chain rule in
        the forward direction (`\\frac{d}{dx} \\log o` to `\\frac{1}{o} \\frac{do}{dx}`) takes a compound
        derivative away: work. Both sides must keep a derivative of a key's quantity, so working out
        `\\frac{d}{dx}(x^3 + 2x)` term by term after unfolding f stays work. Undecided: not a detour."""
        compound = lambda f: {s for s in f.free_symbols if s in self._terms and not self._atomic(s)}  # noqa: E731
        if compound(fa) - compound(fb):
            return False
        ea, eb = self._calculus(fa), self._calculus(fb)
        if ea is None or eb is None:
            return False
        kept = lambda e: any(self._atomic(s) for s in e.free_symbols if s in self._terms)  # noqa: E731
        if not (kept(ea) and kept(eb)):
            return False
        difference = ea - eb
        if sp.count_ops(difference) > MAX_DETOUR_OPS:
            return False
        try:
            return sp.expand(difference) == 0 or sp.simplify(difference) == 0
        except (ValueError, TypeError, RecursionError, ZeroDivisionError, AttributeError, NotImplementedError):
            return False  # SymPy on an odd form: a step, as before

    def by_key(self, form: sp.Basic) -> sp.Basic | None:
        """The form with the key's value definitions written in for its names (outside derivatives:
        a derivative quantity stays a quantity) and function words as SymPy's functions; None where a
        definition has no form or the result is too large. Used only to say that padding vanishes."""
        if self._key_values is None:
            values, families = {}, {}
            idx = self.context.index_names
            for d in self.context.definitions:
                if is_key_line(d.span.line) and d.params is None:
                    try:
                        body = self._build(opaque(d.body, idx, key_of=self._derivative_key), (), frozenset(), 0)
                    except (NoForm, RecursionError, ValueError, ZeroDivisionError, TypeError, OverflowError):
                        continue
                    sub = d.target.sub
                    if sub is not None and len(sub) == 1 and isinstance(sub[0], n.Name) and sub[0].sub is None \
                            and sub[0].base in idx:  # a family `o_j`: written in for any one member o_i, o_1
                        families[d.target.base] = (repr(canonical(sub[0], (), idx)), body)
                    else:  # a plain name, or one subscripted by a number or a name (`o_1`)
                        values[sp.Symbol(repr(canonical(d.target, (), idx)))] = body
            self._key_values = values
            self._families = families
        out = form
        for _ in range(MAX_KEY_DEPTH):
            nxt = out.xreplace(self._key_values)
            if self._families:
                nxt = nxt.xreplace(self._family_members(nxt))
            if nxt == out:
                break
            out = nxt
            if sp.count_ops(out) > MAX_DETOUR_OPS:
                return None
        else:
            return None
        return _real(out, self._constants)

    def undefined_functions(self) -> frozenset:
        """The functions nobody defines (`\\phi(x)`: written only applied, no `let`, no function word, not
        the network's): the checker takes them as arbitrary."""
        defined = {d.target.base for d in self.context.definitions}
        return frozenset(self.context.readings.functions - defined - set(FUNCTION_WORDS) - NETWORK_FUNCTIONS
                         - _STRUCTURES)

    def derivative_values(self, form: sp.Basic, depth: int = 0) -> dict:
        """The derivative quantities in the form (outside nested derivatives) -> their values, worked out
        by SymPy from the key's definitions written in (`\\frac{df}{dx}` -> 3x^2 + 2 with the key's
        f = x^3 + 2x), where that is certain: the operand written in is built of the variable, names
        without index letters in their subscripts and of other bases than it (`h_j`, `h_1` may be h_i),
        numbers, SymPy's functions and functions nobody defines (their derivative at the variable itself,
        `\\phi'(x)`, a quantity as forms name it), no other derivative, no sum. Only to say
        that a padding factor is 1, or a padding term 0, at the derivatives' values (`work._operand`):
        what writes the answer in. A derivative inside the operand written in (the key's `let u =
        \\frac{df}{dx}`, `\\frac{d}{dx}(f \\frac{df}{dx}/A)`) is replaced by its own value first, when it has
        one, at most MAX_NESTED_VALUES deep."""
        out = {}
        free = self.undefined_functions()
        for q in form.free_symbols:
            if q not in self._terms:
                continue
            t, var = self._terms[q]
            value = self.by_key(t)
            if value is not None and depth < MAX_NESTED_VALUES and any(OPAQUE_PREFIX in s.name for s in value.free_symbols):
                inner = self.derivative_values(value, depth + 1)
                value = value.xreplace(inner) if inner else value
            if value is None or sp.count_ops(value) > MAX_DETOUR_OPS or any(
                    a.func.__name__ not in free for a in value.atoms(sp.core.function.AppliedUndef)):
                continue
            names = value.free_symbols - {var}
            if names & self._keyed:
                continue  # a name of the key not written in (`let u = \\frac{df}{dx}` unread): not a constant
            head = var.name.split(",")[:2]  # ('Name', 'h': another h_1 may be the variable h_i
            if any(s.name.startswith(OPAQUE_PREFIX) or not s.name.endswith(", None)") and "('Name'" in s.name[1:]
                   or "('Bound'" in s.name or s.name.split(",")[:2] == head for s in names):
                continue  # a derivative inside, or a name that may be the variable (h_j or h_1 for h_i)
            try:
                d = sp.diff(value, var)
            except (ValueError, TypeError, RecursionError, ZeroDivisionError, AttributeError, NotImplementedError):
                continue
            d = d.xreplace({x: _quantity(x.expr, var) for x in d.atoms(sp.Derivative)
                            if isinstance(x.expr, sp.core.function.AppliedUndef) and x.expr.args == (var,)
                            and x.variables == (var,)})  # phi'(x) as forms name it; phi'(x^2) is not worked out
            if not d.has(sp.Derivative):
                out[q] = d
        return out

    def _family_members(self, form: sp.Basic) -> dict:
        """The members of the key's families that a form writes (`o_i`, `o_1`; not a bound `o_j` inside a
        sum) -> the family's definition with its index letter replaced by theirs (`\\exp(h_i)/\\sum_k
        \\exp(h_k)`); a sum's bound letters are not index letters and stay as they are."""
        out = {}
        for s in form.free_symbols:
            for base, (letter, body) in self._families.items():
                head = f"('Name', {base!r}, ("
                if not (s.name.startswith(head) and s.name.endswith(",))")):
                    continue
                sub = s.name[len(head):-3]
                if sub.startswith("('Bound'") or "), (" in sub:
                    continue  # bound by a sum, or more than one subscript
                out[s] = body.xreplace({x: sp.Symbol(x.name.replace(letter, sub)) for x in body.free_symbols
                                        if letter in x.name})
        return out

    def plain(self, form: sp.Basic) -> sp.Basic:
        """The form with every derivative whose operand writes `\\log e^{u}` (or `\\ln \\exp(u)`) read
        with u in its place, by linearity as a written derivative is: `\\frac{d}{dx}\\log e^{2f - x^3 -
        2x}` is `2\\frac{df}{dx} - 3x^2 - 2`. Every name is a real variable (docs/language.md), so
        log e^u = u for every value. Only for `work._padded`'s shape and value tests, which must see
        through that wrapping as they see through linearity; the form itself keeps it (forms work nothing
        out; a step that only cancels log and exp is read by `work._detours`)."""
        defined = {d.target.base for d in self.context.definitions}
        if defined & {"log", "ln", "exp"}:
            return form  # a `let` of its own for one of them: not the real functions
        replacements = {}
        for s in form.free_symbols:
            if s not in self._terms:
                continue
            t, var = self._terms[s]
            u = _log_exp_cancelled(t, self._constants)
            if u != t:
                replacements[s] = _linear_derivative(u, var, self._padding, self._constants, self._terms)
        return form.xreplace(replacements) if replacements else form

    def _atomic(self, quantity: sp.Symbol) -> bool:
        """A derivative quantity of one of the key's quantities alone (df/dx): nothing to work out
        without the key's definition."""
        t, var = self._terms[quantity]
        return t in self._keyed and t != var

    def _calculus(self, form: sp.Basic) -> sp.Basic | None:
        """The form with function words as SymPy's functions (`_REAL_FUNCTIONS`) and every derivative
        of a compound operand worked out with the key's quantities as functions of its variable; None
        where a function, a sum or a case has no such reading."""
        replacements = {}
        for s in form.free_symbols:
            if s in self._terms and not self._atomic(s):
                t, var = self._terms[s]
                worked = self._differentiate(t, var)
                if worked is None:
                    return None
                replacements[s] = worked
        return _real(form.xreplace(replacements) if replacements else form, self._constants)

    def _differentiate(self, t: sp.Basic, var: sp.Symbol) -> sp.Basic | None:
        real = _real(t, self._constants)
        if real is None or sp.count_ops(real) > MAX_DETOUR_OPS:
            return None
        functions = {q: sp.Function(q.name)(var) for q in real.free_symbols & self._keyed if q != var}
        try:
            d = sp.diff(real.xreplace(functions), var)
        except (ValueError, TypeError, RecursionError, ZeroDivisionError, AttributeError, NotImplementedError):
            return None
        back = {}
        for q, applied in functions.items():
            name = hashlib.sha256(repr(("d", sp.srepr(q), sp.srepr(var))).encode()).hexdigest()[:16]
            quantity = sp.Symbol(OPAQUE_PREFIX + name + "⟩")
            self._terms.setdefault(quantity, (q, var))
            back[sp.Derivative(applied, var)] = quantity
        d = d.xreplace(back).xreplace({applied: q for q, applied in functions.items()})
        return None if d.has(sp.Derivative) else d

    def _unfold_call(self, f: n.Name, args: n.Group):
        """The student's own `let g(t) = body` applied to args: the body with its parameters replaced
        (a function the student names is only a name for what they wrote, as a value `let` is); None
        for any other function, or a call with another number of arguments."""
        d = self._function_lets.get(f.base)
        if d is None or len(d.params) != len(args.items):
            return None
        body = d.body
        for p, a in zip(d.params, args.items):
            body = _substituted(body, p, n.Group(a.span, (a,)))
        return body

    def _name(self, e: n.Name, bound, unfolding: frozenset, depth: int) -> sp.Basic:
        if e.base in self._expansions:  # a derivative read by linearity (`_linear_derivative`)
            return self._expansions[e.base]
        key = canonical(e, bound, self.context.index_names)
        d: Definition | None = self._lets.get(key) if not bound or e.base not in bound else None
        if d is not None and key not in unfolding:
            if depth >= MAX_UNFOLD_DEPTH:
                raise NoForm("too many nested lets")
            body = opaque(d.body, self.context.index_names, key_of=self._derivative_key)
            return self._build(body, (), unfolding | {key}, depth + 1)
        symbol = sp.Symbol(repr(key))
        if e.base in self._keyed_bases and not (bound and e.base in bound):
            self._keyed.add(symbol)
        return symbol

    def _product(self, e: n.Product, b) -> sp.Basic:
        out: sp.Basic = sp.Integer(1)
        factors, ops = list(e.factors), list(e.ops)
        i = 0
        while i < len(factors):
            f = factors[i]
            nxt = factors[i + 1] if i + 1 < len(factors) else None
            if isinstance(f, n.Name) and f.base in self._functions and isinstance(nxt, n.Group) and ops[i] == "juxt":
                unfolded = self._unfold_call(f, nxt)
                value = b(unfolded) if unfolded is not None else sp.Function(f.base)(*(b(x) for x in nxt.items))
                op = ops[i - 1] if i > 0 else "*"
                i += 2
            else:
                value = b(f)
                op = ops[i - 1] if i > 0 else "*"
                i += 1
            out = out / value if op == "/" else out * value
        return out


_STRUCTURES = {"sum", "prod", "cond", "indicator", "abs", "entry", "cases", "ones"}  # what forms build as applications


def _kronecker_collapsed(e: n.Expr, ctx: Context, which: frozenset | None = None) -> n.Expr:
    """e with every `\\sum_j \\delta_{ij} X_j` read as X_i: a sum over the whole range of its letter j
    (no limits, or its declared range written as limits; no condition) whose body is a product with the
    Kronecker delta of j and another index i of the same declared range as a factor (not a divisor):
    the delta keeps the one term j = i (translate.kronecker_items says which deltas are Kronecker's;
    an indicator `\\mathbb{1}[i = j]` is one too). Anything else stays as written.
    `which`: only the sums at these places (the big operators of e counted in post-order), the others
    kept (`delta_applied`)."""
    if not _has_delta(e, ctx):
        return e
    place = [0]

    def walk(x):
        if isinstance(x, (tuple, list)):
            return type(x)(walk(y) for y in x)
        if not isinstance(x, n.Node) or isinstance(x, n.Name):
            return x
        changes = {fl: walk(getattr(x, fl)) for fl in x.__dataclass_fields__ if fl != "span"}
        if any(changes[fl] is not getattr(x, fl) for fl in changes):
            x = replace(x, **changes)
        if isinstance(x, n.BigOp):
            here = place[0]
            place[0] += 1
            collapsed = _delta_sum(x, ctx) if which is None or here in which else None
            if collapsed is not None:
                return collapsed
        return x

    return walk(e)


MAX_DELTA_SUMS = 4  # delta sums of one member applied in every combination (`delta_applied`); more: all at once only


def delta_applied(e: n.Expr, ctx: Context) -> list[n.Expr]:
    """e with some of its Kronecker delta sums applied (`_kronecker_collapsed`), every non-empty choice
    of them (all at once only beyond MAX_DELTA_SUMS); [] when it has none. A step whose new side is its
    old side again in one of these readings only wrote t_i as `\\sum_j \\delta_{ij} t_j`
    (`work._restates`), while a step that applies a delta on its old side is read as written."""
    if not _has_delta(e, ctx):
        return []
    try:
        every = _kronecker_collapsed(e, ctx)
        if every == e:
            return []
        sums = range(_big_operators(e))  # the sums that take part (`\\sum_j \\sum_k \\delta_{ij} \\delta_{jk}` needs both)
        places = [p for p in sums if _kronecker_collapsed(e, ctx, frozenset(sums) - {p}) != every]
        if len(places) > MAX_DELTA_SUMS:
            return [every]
        choices = [frozenset(c) for r in range(len(places), 0, -1) for c in itertools.combinations(places, r)]
        out = [every]
        for c in choices:
            v = _kronecker_collapsed(e, ctx, c)
            if v != e and v not in out:
                out.append(v)
        return out
    except (RecursionError, ValueError, TypeError, AttributeError):
        return []


def _big_operators(e) -> int:
    return sum(1 for x in n.subtrees(e) if isinstance(x, n.BigOp))


def _delta_sum(x: n.BigOp, ctx: Context) -> n.Expr | None:
    """`\\sum_j \\delta_{ij} X_j` as X_i (bracketed), or None (`_kronecker_collapsed`)."""
    if x.op in ("sum", "prod") and x.var is not None and x.var.sub is None and x.cond is None:
        one = _one_term(x, ctx.index_names)  # `\\sum_{j=i}^{i} X_j`, `\\prod_{j=i}^{i} X_j`: X_i
        if one is not None:
            return one
    if x.op != "sum" or x.var is None or x.var.sub is not None or (x.lower is None) != (x.upper is None) \
            or x.cond is not None:
        return None
    j, idx = x.var.base, ctx.index_names
    if x.lower is not None:  # `\\sum_{j=1}^{N}`: the whole declared range of j only
        rj = ctx.index_range(j)
        if rj is None or canonical(x.lower, (), idx) != canonical(rj[0], (), idx) \
                or canonical(x.upper, (), idx) != canonical(rj[1], (), idx):
            return None
    body = x.body
    while isinstance(body, n.Group) and len(body.items) == 1:
        body = body.items[0]
    scale = Fraction(1)
    if isinstance(body, n.Frac):  # `\\sum_j \\frac{\\delta_{ij} X_j}{c}` for a number c: (X_i) / c
        den = _delta_value(body.den, ctx)
        if den is None or den[2] or den[0] == 0:
            return None
        scale, body = 1 / den[0], body.num
        while isinstance(body, n.Group) and len(body.items) == 1:
            body = body.items[0]
    factors, ops = ((body,), ()) if isinstance(body, n.Name) else (body.factors, body.ops) \
        if isinstance(body, n.Product) else ((), ())
    for p, factor in enumerate(factors):
        items = kronecker_items(factor, ctx) if isinstance(factor, n.Name) else _equal_items(factor)
        times = scale
        if items is None:
            items = _delta_otherwise(factor, ctx)
        if items is None:
            disguised = _delta_in_disguise(factor, ctx)
            if disguised is not None:
                items, times = disguised[0], scale * disguised[1]
        if items is None or not all(isinstance(t, n.Name) and t.sub is None for t in items):
            continue
        letters = [t.base for t in items]
        if letters.count(j) != 1:
            continue
        i = letters[1] if letters[0] == j else letters[0]
        rj, ri = ctx.index_range(j), ctx.index_range(i)
        if rj is None or ri is None or canonical(rj, (), idx) != canonical(ri, (), idx):
            continue  # i need not be one of j's values
        if "/" in ops[max(p - 1, 0):p + 1]:
            continue  # a divisor
        rest = factors[:p] + factors[p + 1:]
        rest_ops = ops[:p - 1] + ops[p:] if p > 0 else ops[1:]
        if 0 < p < len(factors) - 1 and rest_ops[p - 1] == "juxt" and isinstance(factors[p - 1], (n.Name, n.Prime)) \
                and isinstance(factors[p + 1], n.Group):
            continue  # taking the delta away would make `g \\delta_{ij} (x_j)` an application
        kept = n.Num(x.span, "1") if not rest else rest[0] if len(rest) == 1 else n.Product(body.span, rest, rest_ops)
        if times != 1:  # `\\sum_j (-\\delta_{ij}) X_j` is -(X_i), `\\sum_j (\\delta_{ij} + \\delta_{ji}) X_j` is 2 (X_i)
            number = n.Frac(x.span, n.Num(x.span, str(abs(times.numerator))), n.Num(x.span, str(times.denominator)))
            kept = n.Product(x.span, (number, n.Group(x.span, (kept,))), ("*",))
            kept = n.Neg(x.span, kept) if times < 0 else kept
        try:
            renamed = _letter_renamed(kept, j, i, idx)
        except _Captured:
            return None
        if j in _index_letters(renamed, idx | {j}):
            return None
        return n.Group(x.span, (renamed,))
    return None


def _one_term(x: n.BigOp, idx) -> n.Expr | None:
    """`\\sum_{j=i}^{i} X_j` as X_i (bracketed): a sum from an index letter to itself has one term
    (red team round 32: it restated t_i and earned a step), or None."""
    lower, upper = x.lower, x.upper
    if lower is None or not isinstance(lower, n.Name) or lower.sub is not None \
            or canonical(lower, (), idx) != canonical(upper, (), idx):
        return None
    j, i = x.var.base, lower.base
    if j == i:
        return None
    try:
        renamed = _letter_renamed(x.body, j, i, idx)
    except _Captured:
        return None
    if j in _index_letters(renamed, idx | {j}):
        return None
    return n.Group(x.span, (renamed,))


MAX_DISGUISE_NODES = 40  # a factor read as a delta in disguise (`_delta_in_disguise`) has at most this many nodes


def _delta_in_disguise(x, ctx: Context) -> tuple | None:
    """(the two indices, c) of a factor that is c times a Kronecker delta written with numbers around it:
    built from deltas of one pair of letters (`\\delta_{ij}`, `\\mathbb{1}[i = j]`, `(i \\neq j)` as 1 less one) and
    numbers by sums, products, quotients, whole powers, |.|, max, min and square roots, it is c != 0 where
    the two letters are equal and 0 where they are not (`\\delta_{ij}^2`, `\\frac{3 \\delta_{ij}}{3}`,
    `2 \\delta_{ij} - \\delta_{ij}`, `1 - (i \\neq j)`, `-\\delta_{ij}`, `\\delta_{ij} + \\delta_{ji}`: red team round 32,
    each restated t_i and earned a step); None for anything else."""
    read = _delta_value(x, ctx)
    if read is None:
        return None
    on, off, pairs = read
    if on == 0 or off != 0 or not pairs:
        return None
    if not all(isinstance(t, n.Name) and t.sub is None for pair in pairs for t in pair):
        return None
    letters = {frozenset(t.base for t in pair) for pair in pairs}
    if len(letters) != 1 or len(next(iter(letters))) != 2:
        return None
    return pairs[0], on


MAX_DISGUISE_NODES = 40  # a factor read by `_delta_value` has at most this many nodes


def _delta_value(x, ctx: Context) -> tuple | None:
    """(its value where the delta's letters are equal, where they are not, the deltas met) of a value
    built from deltas and numbers (`_delta_in_disguise`); None for anything else. A number alone has
    no deltas and one value."""
    if sum(1 for _ in n.subtrees(x)) > MAX_DISGUISE_NODES:
        return None
    pairs: list = []

    def value(y, truth: int):
        while isinstance(y, n.Group) and len(y.items) == 1:
            y = y.items[0]
        if isinstance(y, n.Num):
            try:
                return Fraction(y.text)
            except (ValueError, ZeroDivisionError):
                return None
        if isinstance(y, n.Indicator) and isinstance(y.cond, n.Condition) and y.cond.ops == ("!=",) \
                and len(y.cond.terms) == 2:
            pairs.append(tuple(y.cond.terms))
            return 1 - truth
        items = kronecker_items(y, ctx) if isinstance(y, n.Name) else _equal_items(y)
        if items is None:
            items = _delta_otherwise(y, ctx)
        if items is not None:
            pairs.append(tuple(items))
            return Fraction(truth)
        if isinstance(y, n.Neg):
            v = value(y.arg, truth)
            return None if v is None else -v
        if isinstance(y, n.Abs) or (isinstance(y, n.Call) and y.func == "abs" and len(y.args) == 1 and y.power == 1):
            v = value(y.arg if isinstance(y, n.Abs) else y.args[0], truth)
            return None if v is None else abs(v)
        if isinstance(y, n.Call) and y.func in ("max", "min") and y.args and y.power == 1:
            vs = [value(a, truth) for a in y.args]
            return None if any(v is None for v in vs) else (max if y.func == "max" else min)(vs)
        if isinstance(y, n.Call) and y.func == "sqrt" and len(y.args) == 1 and y.power == 1:
            v = value(y.args[0], truth)
            return v if v in (0, 1) else None  # the roots this reading needs: sqrt(0) = 0, sqrt(1) = 1
        if isinstance(y, n.Add):
            a, b = value(y.left, truth), value(y.right, truth)
            return None if a is None or b is None else a + y.sign * b
        if isinstance(y, n.Frac):
            a, b = value(y.num, truth), value(y.den, truth)
            return None if a is None or b is None or b == 0 else a / b
        if isinstance(y, n.Pow) and isinstance(y.exp, n.Num) and y.exp.text.isdigit() and 1 <= int(y.exp.text) <= 8:
            a = value(y.base, truth)
            return None if a is None else a ** int(y.exp.text)
        if isinstance(y, n.Product) and all(op in ("juxt", "*", "/") for op in y.ops):
            out = value(y.factors[0], truth)
            for op, f in zip(y.ops, y.factors[1:]):
                v = value(f, truth)
                if out is None or v is None or (op == "/" and v == 0):
                    return None
                out = out / v if op == "/" else out * v
            return out
        return None

    try:
        on, off = value(x, 1), value(x, 0)
    except (RecursionError, TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    if on is None or off is None:
        return None
    return on, off, pairs


def _equal_items(x) -> tuple | None:
    """The two sides of an indicator `\\mathbb{1}[i = j]`, a Kronecker delta written otherwise; None for anything else."""
    if isinstance(x, n.Indicator) and isinstance(x.cond, n.Condition) and x.cond.ops == ("=",) and len(x.cond.terms) == 2:
        return tuple(x.cond.terms)
    return None


def _letters(sub, idx) -> list | None:
    """The two index letters of a subscript, `ij` or `i, j`; None for another."""
    run = _index_run(sub, idx)
    if run is None and sub is not None and len(sub) == 2 and all(isinstance(t, n.Name) and t.sub is None for t in sub):
        run = [t.base for t in sub]
    return run if run is not None and len(run) == 2 else None


def _delta_otherwise(x, ctx: Context) -> tuple | None:
    """The two indices of a Kronecker delta written another way: `\\frac{\\partial h_j}{\\partial h_i}` for a
    family h that nothing defines, no shape given, no network in force (its entries are independent
    inputs: the derivative is δ_ji), or a
    name `D_{jk}` after a `let D_{ij} = \\delta_{ij}` (or `\\delta_{ji}`); None for anything else."""
    defined = {d.target.base for d in ctx.definitions} | {s.base for s, _ in ctx.shapes}
    if isinstance(x, n.Deriv) and x.order == 1 and isinstance(x.expr, n.Name) and isinstance(x.var, n.Name) \
            and x.expr.base == x.var.base and x.expr.base not in defined and not ctx.networks:
        a, b = x.expr.sub, x.var.sub
        if a is not None and b is not None and len(a) == 1 and len(b) == 1 \
                and all(isinstance(t, n.Name) and t.sub is None for t in (a[0], b[0])):
            return a[0], b[0]
        return None
    if not isinstance(x, n.Name) or x.sub is None:
        return None
    idx = ctx.index_names
    for d in reversed(ctx.definitions):
        if d.target.base != x.base or d.params is not None:
            continue
        target, used = _letters(d.target.sub, idx), _letters(x.sub, idx)
        body = d.body
        while isinstance(body, n.Group) and len(body.items) == 1:
            body = body.items[0]
        items = kronecker_items(body, ctx) if isinstance(body, n.Name) else None
        if target is None or used is None or target[0] == target[1] or items is None \
                or not all(isinstance(t, n.Name) and t.sub is None for t in items) \
                or sorted(t.base for t in items) != sorted(target):
            return None
        return n.Name(x.span, used[0]), n.Name(x.span, used[1])
    return None


def _has_delta(e, ctx: Context) -> bool:
    """Could e hold a delta `_delta_sum` reads (a quick test: most members hold none)?"""
    named = {d.target.base for d in ctx.definitions if isinstance(d.body, n.Name) and d.body.base == "delta"}
    return any((isinstance(x, n.Name) and (x.base == "delta" or x.base in named)) or isinstance(x, n.Deriv)
               or _equal_items(x) is not None
               or (isinstance(x, n.Indicator) and isinstance(x.cond, n.Condition) and x.cond.ops == ("!=",))
               or (isinstance(x, n.BigOp) and isinstance(x.lower, n.Name) and isinstance(x.upper, n.Name)
                   and x.lower.sub is None and x.upper.sub is None and x.lower.base == x.upper.base) for x in n.subtrees(e))


class _Captured(Exception):
    """A sum inside binds one of the two letters: no renaming."""


def _letter_renamed(e, j: str, i: str, idx: frozenset):
    """e with the index letter j written i, in subscripts too (`W_{jk}` is W_{ik})."""
    if isinstance(e, (tuple, list)):
        return type(e)(_letter_renamed(x, j, i, idx) for x in e)
    if not isinstance(e, n.Node):
        return e
    if isinstance(e, n.BigOp) and e.var is not None and e.var.base.rstrip("'") in (j, i):
        raise _Captured
    if isinstance(e, n.Name):
        if e.sub is None:
            return replace(e, base=i) if e.base == j else e
        run = _index_run(e.sub, idx | {j, i})
        if run is not None:
            letters = [i if c == j else c for c in run]
            return replace(e, sub=tuple(n.Name(e.sub[0].span, c) for c in letters), raw_sub="".join(letters))
        return replace(e, sub=_letter_renamed(e.sub, j, i, idx))
    return replace(e, **{fl: _letter_renamed(getattr(e, fl), j, i, idx) for fl in e.__dataclass_fields__ if fl != "span"})


def _quantity(t: sp.Basic, var: sp.Symbol) -> sp.Symbol:
    """The quantity forms name d/dvar of the term t by (`_linear_derivative`)."""
    return sp.Symbol(OPAQUE_PREFIX + hashlib.sha256(repr(("d", sp.srepr(t), sp.srepr(var))).encode()).hexdigest()[:16] + "⟩")


def _linear_derivative(operand: sp.Basic, var: sp.Symbol, padding: dict, constants: frozenset = frozenset(),
                       terms: dict | None = None) -> sp.Basic:
    """d/dvar of the operand's form read by linearity alone: a sum term by term, a number factor
    out, a constant's derivative 0 and the variable's 1; every other term's derivative a quantity of
    its own (its form and the variable), never worked out: so `-\\frac{d}{dx}(-f)`, `\\frac{1}{2}
    \\frac{d}{dx}(2 f)`, `\\frac{d}{dx}(f + x) - 1` and `\\frac{df}{dx} \\frac{dx}{dx}` are df/dx, while
    `\\frac{d}{dx} x^3` stays a derivative to be worked out (that is work).

    Padding: beside a term that stays a quantity (f), a term in the variable alone (`x^2`, `\\sin x`)
    has its derivative worked out (`_padding_derivative`), so `\\frac{d}{dx}(f + x^2) - 2x` is df/dx
    too: differentiating what the student added only to take it away again is no work. A derivative
    of such terms alone (`\\frac{d}{dx}(x^3 + 2x)`) is never worked out here; its quantity's value goes
    in `padding` (see `Forms.worked`)."""
    out = sp.Integer(0)
    parts = []  # (number factor, term, its derivative if it is padding else None)
    for term in sp.Add.make_args(operand):
        c, t = term.as_coeff_Mul()
        if t == 1:
            continue  # a constant
        if t == var:
            out += c
            continue
        parts.append((c, t, _padding_derivative(t, var, constants)))
    beside_a_quantity = any(worked is None for _, _, worked in parts)
    for c, t, worked in parts:
        if worked is not None and beside_a_quantity:
            out += c * worked
            continue
        name = hashlib.sha256(repr(("d", sp.srepr(t), sp.srepr(var))).encode()).hexdigest()[:16]
        quantity = sp.Symbol(OPAQUE_PREFIX + name + "⟩")
        if terms is not None:
            terms[quantity] = (t, var)
        if worked is not None:
            padding[quantity] = worked
        out += c * quantity
    return out


_PADDING_FUNCTIONS = {  # d/du of a function word's form at u, in forms (a function applied, never evaluated)
    "sin": lambda u: sp.Function("cos")(u),
    "cos": lambda u: -sp.Function("sin")(u),
    "exp": lambda u: sp.Function("exp")(u),
    "log": lambda u: 1 / u,
    "ln": lambda u: 1 / u,
}
E_FORM = sp.Symbol(repr(("Name", "e", None)))  # Euler's e as a form writes it (`e^{x}`), unless a `let` defines e
PI_FORM = sp.Symbol(repr(("Name", "pi", None)))
MAX_PADDING_OPS = 64  # a padding term larger than this is not worked out (it stays a quantity)


def _padding_derivative(t: sp.Basic, var: sp.Symbol, constants: frozenset = frozenset()) -> sp.Basic | None:
    """d/dvar of a term in the variable alone, built of numbers, the `constants` (e and π when no
    `let` defines them), sums, products, number powers, powers of e and `\\sin`/`\\cos`/`\\exp`/
    `\\log`; None for anything else (a key's quantity, another name, any other function): that term's
    derivative stays a quantity."""
    if t.free_symbols - {var} - constants or sp.count_ops(t) > MAX_PADDING_OPS:
        return None

    def d(e: sp.Basic) -> sp.Basic | None:
        if e.is_Number or e in constants:
            return sp.Integer(0)
        if e == var:
            return sp.Integer(1)
        if e.is_Add or e.is_Mul:
            parts = [d(a) for a in e.args]
            if any(p is None for p in parts):
                return None
            if e.is_Add:
                return sp.Add(*parts)
            return sp.Add(*(sp.Mul(*e.args[:i], p, *e.args[i + 1:]) for i, p in enumerate(parts)))
        if e.is_Pow and e.exp.is_Rational:
            inner = d(e.base)
            return None if inner is None else e.exp * e.base ** (e.exp - 1) * inner
        if e.is_Pow and e.base == E_FORM and E_FORM in constants:
            inner = d(e.exp)
            return None if inner is None else e * inner
        if isinstance(e, sp.core.function.AppliedUndef) and len(e.args) == 1 and e.func.__name__ in _PADDING_FUNCTIONS:
            inner = d(e.args[0])
            return None if inner is None else _PADDING_FUNCTIONS[e.func.__name__](e.args[0]) * inner
        return None

    return d(t)


MAX_NESTED_VALUES = 4  # derivatives inside derivatives given values (`Forms.derivative_values`)
MAX_KEY_DEPTH = 16  # the key's definitions written in one another at most this deep (`Forms.by_key`)
MAX_DETOUR_OPS = 200  # a form larger than this is not worked out by `Forms.detour` (its step counts)
_REAL_FUNCTIONS = {  # function words as forms apply them -> SymPy's own (for `Forms.detour` only)
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "exp": sp.exp, "log": sp.log, "ln": sp.log, "sqrt": sp.sqrt,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "sech": sp.sech, "arctan": sp.atan, "atan": sp.atan,
    "sigma": lambda u: 1 / (1 + sp.exp(-u)), "sigmoid": lambda u: 1 / (1 + sp.exp(-u)),
    "softplus": lambda u: sp.log(1 + sp.exp(u)),
}


def _real(form: sp.Basic, constants: frozenset) -> sp.Basic | None:
    """The form with its function words applied as SymPy's functions, and e and π (the `constants`)
    as SymPy's. Anything else applied (a sum, a case, ReLU, a key's function g) stays an undefined
    function: equal only to itself, constant where its arguments are (`g(1)`), and its derivative
    never worked out (`_differentiate` gives up on it)."""
    out = form.replace(lambda x: isinstance(x, sp.core.function.AppliedUndef) and x.func.__name__ in _REAL_FUNCTIONS
                       and len(x.args) == 1,
                       lambda x: _REAL_FUNCTIONS[x.func.__name__](x.args[0]))
    return out.xreplace({c: v for c, v in ((E_FORM, sp.E), (PI_FORM, sp.pi)) if c in constants})


_LOGS = ("log", "ln")


def _log_exp_cancelled(form: sp.Basic, constants: frozenset) -> sp.Basic:
    """The form with `\\log e^{u}` and `\\log \\exp(u)` (and `\\ln`) replaced by u, at any depth: u is
    real (every name is), so log e^u = u."""
    def cancels(x) -> bool:
        if not (isinstance(x, sp.core.function.AppliedUndef) and x.func.__name__ in _LOGS and len(x.args) == 1):
            return False
        a = x.args[0]
        return (a.is_Pow and a.base == E_FORM and E_FORM in constants) or \
            (isinstance(a, sp.core.function.AppliedUndef) and a.func.__name__ == "exp" and len(a.args) == 1)

    def inner(x):
        a = x.args[0]
        return a.exp if a.is_Pow else a.args[0]

    return form.replace(cancels, inner)


def _substituted(e, param: str, value):
    """e with the plain name `param` replaced by the node `value` (a function's body at its argument)."""
    if isinstance(e, n.Name) and e.sub is None and e.base == param:
        return value
    if isinstance(e, tuple):
        return tuple(_substituted(x, param, value) for x in e)
    if isinstance(e, n.Node) and not isinstance(e, n.Name):
        return replace(e, **{f: _substituted(getattr(e, f), param, value) for f in e.__dataclass_fields__ if f != "span"})
    return e


def _number(text: str) -> sp.Rational:
    mantissa, _, exponent = text.lower().partition("e")
    if exponent and abs(int(exponent)) > MAX_LITERAL_EXPONENT:
        raise NoForm("a literal's exponent is too large")
    v = Fraction(text)
    return sp.Rational(v.numerator, v.denominator)


def _power(base: sp.Basic, exp: sp.Basic) -> sp.Basic:
    """base^exp, worked out automatically except for numbers too large to be worth it."""
    if base.is_Number and exp.is_Number:
        too_big = not exp.is_Integer or abs(exp) > MAX_EXPONENT or \
            max(abs(sp.Rational(base).p), abs(sp.Rational(base).q), 1).bit_length() * abs(int(exp)) > MAX_POWER_BITS
        if too_big:
            return sp.Pow(base, exp, evaluate=False)
    return sp.Pow(base, exp)


def size(e: n.Expr) -> int:
    """How many nodes a member has: `2 (3)(2)` is larger than `12`, so writing it out is arithmetic."""
    return 1 + sum(size(x) for x in n.children(e) if isinstance(x, (n.Node, tuple)))


class FormCache:
    """Forms per context object (a problem's chains share a few contexts)."""

    def __init__(self):
        self._by_context: dict[int, tuple[object, Forms]] = {}

    def of(self, ctx) -> Forms:
        hit = self._by_context.get(id(ctx))
        if hit is None or hit[0] is not ctx:
            hit = (ctx, Forms(ctx))
            self._by_context[id(ctx)] = hit
        return hit[1]


def derivatives_in(e: n.Expr, idx) -> set[str]:
    """The opaque names the derivatives in `e` read as."""
    out: set[str] = set()

    def walk(x):
        if isinstance(x, n.Name) and x.base.startswith(OPAQUE_PREFIX):
            out.add(x.base)
        for y in n.children(x):
            walk(y)

    walk(opaque(e, idx))
    return out
