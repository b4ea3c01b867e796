"""Expression nodes to SymPy, for one concrete instance (sizes and free index values fixed).

Why concrete: SymPy's handling of sums with symbolic bounds is unreliable (notes-on-checking.md), so
the checker fixes N and the free indices, and then every `\\sum` is a finite sum, every indexed name a
plain symbol, and every derivative an ordinary `diff`. SymPy objects are built from nodes only:
no user text ever reaches `sympify`, `parse_expr`, `eval` or `exec`.

Derivative semantics (docs/language.md): `∂A/∂B` expands every definition in A except B's, keeps B
as a variable, differentiates, then expands B again. The "cut" set in `Scope` carries that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable

import sympy as sp
from sympy.core.parameters import global_parameters

from . import nodes as n
from . import numbersigns
from .diagnostics import ProofError
from .elaborate import Context, Definition
from .readings import entry_key, run_tokens, subscript_items, word_tokens
from .source import Span
from .vocabulary import CONSTANTS, FUNCTION_WORDS, GREEK_NAMES, LATEX_WORDS, NETWORK_FUNCTIONS, OPERATOR_WORDS, VECTOR_FUNCTIONS, as_written  # noqa: F401  (re-exported)

Key = tuple[str, tuple[int, ...]]

MAX_EXPONENT = 1000
MAX_POWER_BITS = 100_000
MAX_SUM_TERMS = 5_000
MAX_LITERAL_EXPONENT = 400
KRONECKER = "delta"  # `\delta_{ij}` is the Kronecker delta unless the problem defines `\delta`
KRONECKER_ARITY = frozenset({2})

numbersigns.install()  # SymPy's signs of constants, certified, before any expression is built


class LimitError(ProofError):
    def __init__(self, message: str, span):
        super().__init__("E206", message, span)


# ------------------------------------------------------------------ ReLU with a chosen convention at 0

_RELU_CLASSES: dict[Fraction, type] = {}


def relu_class(at_zero: Fraction) -> type:
    """A ReLU whose derivative at 0 is `at_zero` (0 unless the problem says `let ReLU'(0) = c`)."""
    if at_zero in _RELU_CLASSES:
        return _RELU_CLASSES[at_zero]
    h0 = sp.Rational(at_zero.numerator, at_zero.denominator)

    class ReLU(sp.Function):
        nargs = 1
        convention = h0

        @classmethod
        def eval(cls, x):
            if x.is_Number:
                return x if x > 0 else sp.Integer(0)
            if x.is_positive:
                return x
            if x.is_nonpositive:
                return sp.Integer(0)
            return None

        def fdiff(self, argindex=1):
            return sp.Heaviside(self.args[0], h0)

        def _eval_evalf(self, prec):
            v = self.args[0].evalf(prec)
            if v.is_Number:
                return v if v > 0 else sp.Float(0, prec)
            return None

    ReLU.__name__ = "ReLU"
    _RELU_CLASSES[at_zero] = ReLU
    return ReLU


_UNDECLARED: dict[str, type] = {}


def undeclared_function(name: str) -> type:
    """The SymPy function standing for a function the problem applies but never defines (`g(x)`,
    `\\mathrm{foo}(a)`): undefined, real-valued, one class per name so both sides of a step share it.
    A step about it is proved only when it holds with the function kept abstract (check/functions.py)."""
    f = _UNDECLARED.get(name)
    if f is None:
        f = _UNDECLARED[name] = sp.Function(name, real=True)
    return f


def exp_of(x):
    """sp.exp(x), the same object, without SymPy's evaluation where it provably leaves x alone: a sum or
    product built from symbols not known to be 0, non-zero rationals and positive integer powers
    (the entries of `W x + b` under a sigmoid or softmax). For such x, `exp.eval` returns None (no
    term is a number, a log or a multiple of pi*I, and x is not 0), but it first asks SymPy's old
    assumptions whether the whole sum is 0, which was most of the cost of building a matrix
    step's entries. Anything else goes through `sp.exp` unchanged."""
    if (x.is_Add or x.is_Mul) and not global_parameters.exp_is_pow and _plain_polynomial(x):
        return sp.exp(x, evaluate=False)
    return sp.exp(x)


def sigmoid_of(x):
    """1 / (1 + exp(-x)), the same object; for a plain polynomial x (`exp_of`) the power is built
    unevaluated: `Pow.__new__` would only ask whether a term of 1 + exp(-x) is infinite (which asks
    again whether -x is 0) and then build this very Pow, since a sum with symbols is not a number."""
    u = -x
    base = 1 + exp_of(u)
    if (u.is_Add or u.is_Mul) and _plain_polynomial(u) and base.is_Add and not base.is_number:
        return sp.Pow(base, -1, evaluate=False)
    return 1 / base


def _plain_polynomial(x) -> bool:
    """x is built from Add, Mul, commutative symbols not known to be 0, non-zero Rationals (no Float)
    and powers with a positive integer exponent of such, and every sum or product in it has a symbol:
    SymPy then decides `is_zero` from the signs of terms alone, and no term is 0, so exp.eval's last
    question (is x zero?) has no True answer (tests/test_matrix_speed.py compares with SymPy)."""
    stack = [x]
    while stack:
        e = stack.pop()
        if e.is_Symbol:
            if not e.is_commutative or e.is_zero:
                return False
        elif e.is_Add or e.is_Mul:
            if e.is_number:  # a sum of numbers only (built unevaluated: 1/3 - 1/3) may be 0 for SymPy
                return False
            stack.extend(e.args)
        elif e.is_Pow:
            if not (e.exp.is_Integer and e.exp > 0):
                return False
            stack.append(e.base)
        elif not (e.is_Rational and e != 0):
            return False
    return True


def builtin_sympy(fname: str, relu: type):
    """The SymPy definition of a one-argument built-in, or None (docs/language.md, "Function vocabulary")."""
    return {
        "exp": exp_of, "log": sp.log, "ln": sp.log, "tanh": sp.tanh, "cosh": sp.cosh, "sinh": sp.sinh,
        "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "sqrt": sp.sqrt, "abs": sp.Abs, "arctan": sp.atan,
        "relu": relu, "sigmoid": sigmoid_of,
        "erf": sp.erf, "Phi": lambda x: (1 + sp.erf(x / sp.sqrt(2))) / 2,
        "softplus": lambda x: sp.log(1 + exp_of(x)), "gelu": lambda x: x * (1 + sp.erf(x / sp.sqrt(2))) / 2,
        "sign": sp.sign, "sech": sp.sech,
    }.get(fname)


def key_name(key: Key) -> str:
    base, ints = key
    if not ints:
        return base
    if "_" in base:  # an entry of a matrix named with a subscript (matrix.py): (W_1)_{1,2}
        base = f"({base})"
    if len(ints) == 1 and ints[0] >= 0:
        return f"{base}_{ints[0]}"
    return f"{base}_{{{','.join(str(i) for i in ints)}}}"


_SYMBOLS: dict[str, sp.Symbol] = {}


def leaf_symbol(key: Key) -> sp.Symbol:
    name = key_name(key)
    s = _SYMBOLS.get(name)
    if s is None:
        s = _SYMBOLS[name] = sp.Symbol(name, real=True)
    return s


@dataclass(frozen=True)
class Scope:
    ints: tuple[tuple[str, int], ...] = ()
    params: tuple[tuple[str, object], ...] = ()
    cut: frozenset = frozenset()

    def int_of(self, name: str) -> int | None:
        for k, v in reversed(self.ints):
            if k == name:
                return v
        return None

    def param_of(self, name: str):
        for k, v in reversed(self.params):
            if k == name:
                return v
        return None

    def bind(self, name: str, value: int) -> "Scope":
        return Scope(self.ints + ((name, value),), self.params, self.cut)


@dataclass
class DerivativeRecord:
    """One derivative evaluated: for the autodiff cross-check and the report."""

    node: n.Deriv
    var: Key
    value: sp.Expr
    scope: "Scope | None" = None  # where it was evaluated (bound indices, parameters, cut): autodiff re-evaluates it there


@dataclass
class Translator:
    context: Context
    sizes: dict[str, int]
    free: dict[str, int] = field(default_factory=dict)
    network_call: Callable | None = None
    derivatives: list[DerivativeRecord] = field(default_factory=list)

    def __post_init__(self):
        self._cache: dict = {}
        self._expanding: set = set()
        self.relu = relu_class(self.context.relu_at_zero)
        self.index_names = self.context.index_names
        self.funcs: dict[str, Definition] = {}
        self.subscripted_funcs: dict[tuple, str] = {}  # (base, subscript) of `let f_1(t) = ...` -> its key in funcs
        for d in self.context.definitions:
            if d.params is None:
                continue
            if d.target.sub is None:
                self.funcs[d.target.base] = d
            elif not any(self.is_index(nm.base) or nm.base in self.sizes for nm in n.names(d.target.sub)):
                # a function named with a label or number (`f_1`, `h_\theta`), one function: applied where
                # that exact name stands before a bracket. With an index (`f_i`) it would be one function for
                # every i, which a student does not mean: left to read two ways (E211) where applied
                key = "\x00" + d.target.display  # never a name a proof can write
                self.subscripted_funcs[d.target.base, d.target.sub] = key
                self.funcs[key] = d
        self.values = [d for d in self.context.definitions if d.params is None]
        self._lookups: dict = {}  # key -> `lookup`'s answer

    # -------------------------------------------------------------- entry points
    def scope(self) -> Scope:
        return Scope(tuple(self.free.items()))

    def translate(self, node: n.Expr) -> sp.Expr:
        return self.expr(node, self.scope())

    def condition(self, cond: n.Condition, scope: Scope | None = None) -> list:
        """A condition as SymPy relations (True/False for index comparisons)."""
        scope = scope or self.scope()
        terms = [self.expr(t, scope) for t in cond.terms]
        return [_relation(op, a, b) for op, a, b in zip(cond.ops, terms, terms[1:])]

    # -------------------------------------------------------------- names
    def is_index(self, name: str) -> bool:
        """A declared index, or a primed one (`j'` ranges like `j`)."""
        return name.rstrip("'") in self.index_names

    def index_range(self, name: str):
        return self.context.index_range(name)

    INDEX_PRODUCTS = True  # `2 j` is an index value (the proof for every N keeps index values linear)

    def whole(self, k: int):
        """A whole number written in an index expression, as this translator's index values are."""
        return k

    def size_value(self, name: str):
        """A size's value here (None: not a size)."""
        return self.sizes.get(name)

    def int_value(self, node: n.Expr, scope: Scope) -> int | None:
        if isinstance(node, n.Num):
            f = Fraction(node.text)
            return self.whole(int(f)) if f.denominator == 1 else None
        if isinstance(node, n.Name) and node.sub is None:
            v = scope.int_of(node.base)
            if v is not None:
                return v
            v = self.size_value(node.base)
            if v is not None:
                return v
            if self.is_index(node.base):
                raise ProofError("E205", f"index `{node.base}` is not bound here: it is neither free in this step nor summed over", node.span)
            return None
        if isinstance(node, n.Add):
            a, b = self.int_value(node.left, scope), self.int_value(node.right, scope)
            return None if a is None or b is None else a + node.sign * b
        if isinstance(node, n.Neg):
            a = self.int_value(node.arg, scope)
            return None if a is None else -a
        if isinstance(node, n.Group) and len(node.items) == 1:
            return self.int_value(node.items[0], scope)
        if self.INDEX_PRODUCTS and isinstance(node, n.Product) and all(op in ("juxt", "*") for op in node.ops):
            out = 1
            for f in node.factors:
                v = self.int_value(f, scope)
                if v is None:
                    return None
                out *= v
            return out
        if self.INDEX_PRODUCTS:  # whole numbers of whole numbers: `x_{i^2}`, `x_{|i-j|}`, `x_{\max(i,2)}`
            if isinstance(node, n.Pow) and isinstance(node.exp, n.Num) and node.exp.text.isdigit() \
                    and int(node.exp.text) <= 64:
                a = self.int_value(node.base, scope)
                return None if a is None or abs(a) > 10 ** 6 else a ** int(node.exp.text)
            if isinstance(node, n.Abs):
                a = self.int_value(node.arg, scope)
                return None if a is None else abs(a)
            if isinstance(node, n.Call) and node.func in ("max", "min") and node.power == 1 and node.args:
                values = [self.int_value(a, scope) for a in node.args]
                return None if any(v is None for v in values) else (max if node.func == "max" else min)(values)
        return None

    def key_of(self, node: n.Name, scope: Scope) -> Key:
        if node.sub is None:
            return (node.base, ())
        # a letter bound where it stands (a sum's variable) counts as an index here, declared or not
        items = subscript_items(node, self.context.readings, self.index_names | {k for k, _ in scope.ints})
        items = bound_run(items, lambda c: scope.int_of(c) is not None or c in self.sizes, self.is_index,
                          node, self.context.readings.arity(node.base), self.sizes) or items
        letters = word_letters(items)
        size_word(node, letters, self.context.readings.arity(node.base)
                  | frozenset(dict(self.context.readings.mixed_runs).get(node.base, ())), self.sizes)
        if letters is not None:
            if all(scope.int_of(c) is not None or c in self.sizes for c in letters):
                return (node.base, tuple(scope.int_of(c) if scope.int_of(c) is not None else self.sizes[c] for c in letters))
            if all(self.is_index(c) for c in letters):
                raise ProofError("E205", f"index in `{node.display}` is not bound here", node.span)
        values = []
        for it in items:
            v = self.int_value(it, scope)
            if v is None:
                return self.label_key(node, items, scope)
            values.append(v)
        return (node.base, tuple(values))

    def label_key(self, node: n.Name, items, scope: Scope) -> Key:
        """The atomic name of a subscript that is a label (`x_a`, `out_{h1}`, `x_{\\mathrm{in}}`). A
        subscript that mentions an index or a letter bound where it stands (`w_{i,h}`, `x_{\\mathrm{in},i}`,
        `x_{i!}`) is never one: the label would be one scalar for every value of i. E211 then, unless
        the problem writes the base only that way (`Readings.label_family`: `w_{i,h}` and `w_{1,h}`):
        then the label names a family of its own, w_{.,h}, whose entries are its index places."""
        family = self._label_family_key(node, items, scope)
        if family is not None:
            return family
        mentioned = [nm.base for nm in n.names(items) if nm.sub is None and (
            self.is_index(nm.base) or scope.int_of(nm.base) is not None)]
        # a size in a place that has a whole-number value (`w_{N,h}`, `w_{N+1,h}`): as a label it would be one
        # scalar at every N, never the entry w_{25,h} at N = 25 (`h_{2^N}`, with no such value, stays a label)
        mentioned += [nm.base for it in items if self._valued(it, scope)
                      for nm in n.names(it) if nm.sub is None and self.size_value(nm.base) is not None]
        if mentioned:
            raise ProofError("E211", f"cannot read the subscript of `{node.base}_{{{node.raw_sub}}}`: it mentions the index or size "
                                     f"`{mentioned[0]}` but is not an index expression, and as a label it would "
                                     f"be one name for every value of `{mentioned[0]}`", node.span,
                             [f"hint: write an entry with indices and whole numbers only (`{node.base}_{{{mentioned[0]},1}}`), "
                              "or name the labelled family apart (`u_i` for the weights into one unit)"])
        # `let K = 25` then `h_K`: the label K or the entry at K's value, 25; read as the label,
        # `\\frac{\\partial h_{N+i}}{\\partial h_K} = 0` was proved for every N (red team round 31)
        defined = [d for nm in n.names(items) if nm.sub is None for d in self.context.definitions
                   if d.target.base == nm.base and d.target.sub is None and d.params is None]
        if defined:
            name, value = defined[-1].target.base, n.literal_value(defined[-1].body)
            entry = f"`{node.base}_{{{value}}}`" if value is not None else "a number or an index"
            raise ProofError("E211", f"`{node.base}_{{{node.raw_sub}}}` reads two ways: a name of its own (a label), or the "
                                     f"entry at the value of `{name}`, which a `let` defines", node.span,
                             [f"hint: for the entry write {entry}; for a label give `{name}` another name"])
        # `at K = 25`, `assume K = 25`, `case K = 25`: K has a value, so `h_K` reads two ways as after a
        # `let` (read as the label, `\\frac{\\partial h_{N+i}}{\\partial h_K} = 0` was proved; red team round 32)
        bare = {nm.base for nm in n.names(items) if nm.sub is None}
        ctx = self.context
        valued = [name.base for name, _ in ctx.point if name.sub is None and name.base in bare]
        for cond in list(ctx.assumptions) + list(ctx.case):
            if isinstance(cond, n.Condition) and "=" in cond.ops:
                valued += [t.base for t in cond.terms if isinstance(t, n.Name) and t.sub is None and t.base in bare]
        if valued:
            raise ProofError("E211", f"`{node.base}_{{{node.raw_sub}}}` reads two ways: a name of its own (a label), or the "
                                     f"entry at the value of `{valued[0]}`, which an `at`, `assume` or `case` line gives",
                             node.span, [f"hint: for the entry write the number; for a label give `{valued[0]}` another name"])
        # `x_a` beside `x_j` (j an index or a sum's letter; the same place of a comma list, `w_{1,h}` beside
        # `w_{1,j}`): a student writing `\\partial x_a` next to
        # `\\sum_j x_j` with no `index a` means an entry a as often as a label; read as the label,
        # `\\frac{\\partial}{\\partial x_a} \\sum_j x_j = 0` was proved (and `= 1` refuted)
        indexed = self.context.readings.indexed
        letters = [it.base for k, it in enumerate(items)
                   if self._one_letter(it) and (node.base, len(items), k) in indexed]
        if letters:
            letter = letters[0]
            raise ProofError("E211", f"`{node.base}_{{{node.raw_sub}}}` reads two ways: a name of its own (a label "
                                     f"`{letter}`), or an entry of the family `{node.base}`, which the problem also "
                                     f"writes with an index, at an index value `{letter}`", node.span,
                             [f"hint: for an entry declare the index (`index {letter} in 1..N`); for a label write it "
                              f"upright (`\\mathrm{{{letter}}}`) or use a letter the family takes nowhere else"])
        return (f"{node.base}_{node.raw_sub}", ())

    @staticmethod
    def _one_letter(it) -> bool:
        """A plain one-letter name (`a`, `\\alpha`), no subscript or style: what a student uses for an index."""
        return isinstance(it, n.Name) and it.sub is None and not it.styled and it.base not in CONSTANTS and (
            (len(it.base) == 1 and it.base.isalpha()) or it.base in GREEK_NAMES)

    def _valued(self, it, scope: Scope) -> bool:
        """The subscript item has a whole-number value here (an item that cannot be read has none)."""
        try:
            return self.int_value(it, scope) is not None
        except Exception:  # noqa: BLE001  (E205, symbolic_n.NotShown: no value, whatever the reason)
            return False

    def _label_family_key(self, node: n.Name, items, scope: Scope) -> Key | None:
        """(`w_{.,h}`, (1,)) for `w_{1,h}` and for `w_{i,h}` at i = 1, when the problem writes `w` with
        the one label pattern `Readings.label_family` found and no shape or definition of `w` exists;
        every other place must be an index expression here. None otherwise."""
        root = node.base.split("^")[0]  # `x^2_{i,h}`: the name powered_node asks about, never defined here
        pattern = self.context.readings.label_family(root)
        if pattern is None or len(items) != len(pattern) or root in self.context.shapes:
            return None
        if any(d.target.base.split("^")[0] == root for d in self.context.definitions):
            return None
        values, shown = [], []
        for it, label in zip(items, pattern):
            if label is not None:
                if not (isinstance(it, n.Name) and it.sub is None and it.base == label and not self.is_index(it.base)
                        and scope.int_of(it.base) is None and self.size_value(it.base) is None):
                    return None
                shown.append(label)
                continue
            v = self.int_value(it, scope)
            if v is None:
                return None
            values.append(v)
            shown.append("\u00b7")
        return (f"{node.base}_{{{','.join(shown)}}}", tuple(values))

    def _target_matches(self, d: Definition, key: Key) -> dict[str, int] | None:
        t = d.target
        base, ints = key
        if t.sub is None:
            return {} if (t.base, ()) == key else None
        if base != t.base and base != f"{t.base}_{t.raw_sub}":
            return None  # neither reading below can match: spare the subscript's reading (asked per entry)
        items = subscript_items(t, self.context.readings, self.index_names)
        letters = word_letters(items)
        if letters is not None and all(self.is_index(c) for c in letters):
            items = tuple(n.Name(items[0].span, c) for c in letters)
        fixed = self._fixed_items(t, items)
        if fixed is None:
            return {} if (f"{t.base}_{t.raw_sub}", ()) == key else None
        if t.base != base or len(items) != len(ints):
            return None
        binding: dict[str, int] = {}
        for it, value, v in zip(items, fixed, ints):
            if value is not None:
                if value != v:
                    return None
            elif binding.get(it.base, v) != v:
                return None
            else:
                binding[it.base] = v
        for nm, v in binding.items():
            if not self._in_range(nm, v):
                return None  # h_0 is not an entry of the family h_i, i in 1..N (a base case defined apart)
        return binding

    def _fixed_items(self, t: n.Name, items) -> list | None:
        """A `let` target's subscript items read as key_of reads the same text in a step: an index
        letter alone (a primed one too) is the family's pattern (None here), anything else is its
        value (`h_0`, `h_{-1}`, `h_N`, `h_{N+1}`, `h_{2+1}`), so `let h_{-1} = 7 w` defines the entry a
        step's `h_{-1}` names. None for an atomic name (`out_h1`, `x_a` without `index a`). An index
        inside arithmetic (`let h_{i+1}`) or a size other than plus or minus a whole number (`h_{2N}`,
        `h_{-N}`) is E204: a definition never silently defines another name."""
        out = []
        for it in items:
            if isinstance(it, n.Name) and it.sub is None and self.is_index(it.base):
                out.append(None)
                continue
            if isinstance(it, n.Num):
                out.append(Fraction(it.text))
                continue
            try:
                v = self.int_value(it, Scope())
            except ProofError:
                raise ProofError("E204", f"the subscript of `{t.base}_{{{t.raw_sub}}}` in a `let` is not read: a "
                                         "definition's subscript has indices alone, whole numbers, and a size plus or "
                                         "minus a whole number", t.span,
                                 [f"hint: define the family by its index alone (`let {t.base}_k = ...`) and shift the body"]) from None
            if v is None:
                return None
            if n.literal_value(it) is None and not _size_offset(it):
                # `h_{2N}`, `h_{-N}`: an entry that meets a literal one at some size only, which the
                # instances cannot place (they know sizes plus whole numbers): never a silent miss
                raise ProofError("E204", f"the subscript of `{t.base}_{{{t.raw_sub}}}` in a `let` is not read: a "
                                         "definition's subscript has indices alone, whole numbers, and a size plus or "
                                         "minus a whole number", t.span)
            out.append(v)
        return out

    def _in_range(self, name: str, v: int) -> bool:
        """Is v within the declared range of index `name` (a primed one: the plain one's)? Only bounds
        of numbers alone count (`3`, `2+1`, `-1`: Context.entry_bounds): a literal `h_3` in a family
        over 1..N still means the entry when a small N is checked."""
        rng = self.context.entry_bounds(name)
        if rng is None:
            return True
        lo, hi = (b if b is not None else self._size_bound(node) for b, node in zip(rng, self.context.index_range(name)))
        return (lo is None or lo <= v) and (hi is None or v <= hi)

    def _size_bound(self, node: n.Expr):
        """A range bound with a size (`N - 1`) at this translator's sizes, or None where they are not
        known: with j in 1..N-1, `let g_j` leaves g_N an input at every N, as a bound of numbers alone
        leaves g_4 an input over 1..3. (A literal entry such as `h_{12}` over 1..N exists only from
        N = 12 on: the instances skip the sizes where an entry the step writes does not exist yet,
        `instances.entries_exist`.)"""
        try:
            return self.int_value(node, Scope())
        except ProofError:
            return None

    def lookup(self, key: Key) -> tuple[Definition, dict[str, int]] | tuple[None, None]:
        """The definition of a key (the last one that matches) and its index binding. Remembered per
        translator: a matrix step asks for every entry of every name many times, and the answer
        depends only on the key and the definitions (the binding is read, never changed)."""
        found = self._lookups.get(key)
        if found is None:
            found = self._lookups[key] = self._find_definition(key)
        return found

    def _find_definition(self, key: Key) -> tuple[Definition, dict[str, int]] | tuple[None, None]:
        for d in reversed(self.values):
            binding = self._target_matches(d, key)
            if binding is not None:
                return d, binding
        return None, None

    def is_defined(self, key: Key) -> bool:
        return self.lookup(key)[0] is not None

    def name(self, node: n.Name, scope: Scope) -> sp.Expr:
        if node.sub is not None:
            p = scope.param_of(node.display)  # `let f(x_1) = ...`: the parameter is x_1
            if p is not None:
                return p
            if (node.base, node.sub) in self.subscripted_funcs:  # `let f_1(t) = ...`, then `f_1` alone
                raise ProofError("E201", f"`{node.display}` is a function: apply it to an argument, as in "
                                 f"`{node.display}(x)`", node.span)
        if node.sub is None:
            p = scope.param_of(node.base)
            if p is not None:
                return p
            v = scope.int_of(node.base)
            if v is not None:
                return sp.Integer(v)
            if node.base in self.sizes:
                return sp.Integer(self.sizes[node.base])
            if self.is_index(node.base):
                raise ProofError("E205", f"index `{node.base}` is not bound here: it is neither free in this step nor summed over"
                                 + (" (a primed index is only summed over)" if node.base.endswith("'") else ""), node.span)
            if node.base in self.context.readings.functions and not self.is_defined((node.base, ())):
                raise ProofError("E201", f"`{node.base}` is a function here: apply it to an argument, as in `{node.base}(x)`", node.span)
            if node.base in self.funcs or (node.base in FUNCTION_WORDS and not self.is_defined((node.base, ()))):
                raise ProofError("E201", f"`{node.base}` is a function: apply it to an argument, as in `{node.base}(x)` "
                                 f"(a power of it is `{node.base}(x)^2`)", node.span)
            if node.base in NETWORK_FUNCTIONS and not self.is_defined((node.base, ())):
                raise ProofError("E201", f"`{node.base}` is a network quantity: apply it to a layer, as in `{node.base}(h_1)`", node.span)
        key = self.key_of(node, scope)
        if scope.cut and key not in scope.cut and (key[0], len(key[1])) not in scope.cut:
            powered = self.powered_definition(key)
            if powered is not None:
                powered = f"{node.display}^{powered.rsplit('^', 1)[1]}"
                # `let s^2 = a^2 + 1` makes s the root of a node: inside `\frac{d}{da}`, s depends on a to a
                # student and is a constant input here, so the derivative reads two ways
                raise ProofError("E211", f"`{node.display}` inside this derivative reads two ways: the problem defines "
                                         f"`{powered}`, so `{node.display}` depends on what it is defined by, "
                                         f"but is read as an input that does not", node.span,
                                 [f"hint: write the derivative of `{powered}` (the node itself), "
                                  f"or define `{node.display}` with `let`"])
        return self.resolve(key, node, scope)

    def powered_definition(self, key: Key) -> str | None:
        """The base of a defined power node `s^k` whose root is `key` (`s` for `let s^2 = ...`), when `key`
        itself is not defined; None otherwise."""
        base, idx = key
        if "^" in base:
            return None
        for d in self.values:
            tb = d.target.base
            if "^" in tb and tb.rsplit("^", 1)[0] == base and self.is_defined((tb, idx)) and not self.is_defined(key):
                return tb
        return None

    def resolve(self, key: Key, node: n.Name, scope: Scope):
        """A name's value: its variable when cut, its expanded definition, or an input's value.
        Subclasses (the autodiff evaluator) change only the three hooks below."""
        if key in scope.cut:
            return self.cut_value(key)
        d, binding = self.lookup(key)
        if d is None:
            if key[1] == () and key[0] in CONSTANTS:
                return self.constant(getattr(sp, CONSTANTS[key[0]]))
            if node.base in LATEX_WORDS and self._written_plain(node):
                # `sum_i x_i`, `frac{a}{b}`: a LaTeX command typed without its backslash
                raise ProofError("E200", f"`{node.base}` without a backslash is a variable name here: write `\\{node.base}`", node.span)
            if node.base == "Sigma" and node.sub is not None and not node.styled:
                raise ProofError("E200", "`\\Sigma` is the Greek letter, here an undefined name: for a sum write `\\sum_j`", node.span)
            if node.sub is None and len(node.base) > 1 and node.base.isascii() and node.base.isalpha() \
                    and self._written_plain(node):
                guess = " ".join(node.base)
                hint = ""
                if node.base.startswith("d"):
                    hint = f"; for a derivative write `\\frac{{d{node.base[1:]}}}{{dx}}` or `\\partial {node.base[1:]} / \\partial x`"
                raise ProofError("E200", f"unknown name `{node.base}`; a run of letters is one name: for a product write `{guess}`{hint}", node.span)
            return self.input_value(key)
        ck = self.cache_key(key, scope)
        if ck in self._cache:
            return self._cache[ck]
        if ck in self._expanding:
            raise ProofError("E204", f"the definition of `{key_name(key)}` refers to itself", node.span)
        self._expanding.add(ck)
        try:
            value = self.expr(d.body, Scope(tuple(binding.items()), (), scope.cut))
        finally:
            self._expanding.discard(ck)
        self._cache[ck] = value
        return value

    # hooks: SymPy here; autodiff.py evaluates numbers instead
    def cut_value(self, key: Key):
        return leaf_symbol(key)

    def input_value(self, key: Key):
        return leaf_symbol(key)

    def constant(self, value: sp.Expr):
        return value

    def cache_key(self, key: Key, scope: Scope):
        return (key, scope.cut)

    @staticmethod
    def _written_plain(node: n.Name) -> bool:
        return not node.styled and "{" not in node.base and node.base not in GREEK_NAMES

    # -------------------------------------------------------------- expressions
    def expr(self, node: n.Expr, scope: Scope) -> sp.Expr:
        meth = getattr(self, "t_" + type(node).__name__)
        return meth(node, scope)

    def t_Num(self, node: n.Num, scope: Scope) -> sp.Expr:
        text = node.text.lower()
        if "e" in text:
            mant, _, ex = text.partition("e")
            if abs(int(ex)) > MAX_LITERAL_EXPONENT:
                raise LimitError(f"the exponent of `{node.text}` is past the limit of {MAX_LITERAL_EXPONENT}", node.span)
        f = Fraction(node.text)
        return sp.Rational(f.numerator, f.denominator)

    def t_Name(self, node: n.Name, scope: Scope) -> sp.Expr:
        items = kronecker_items(node, self.context)
        if items is not None:
            a, b = (self.expr(i, scope) for i in items)
            return sp.KroneckerDelta(a, b)
        return self.name(node, scope)

    def t_Group(self, node: n.Group, scope: Scope) -> sp.Expr:
        if len(node.items) != 1:
            raise ProofError("E201", "a list of several expressions only makes sense as the arguments of a function", node.span)
        return self.expr(node.items[0], scope)

    def t_Neg(self, node: n.Neg, scope: Scope) -> sp.Expr:
        return -self.expr(node.arg, scope)

    def t_Add(self, node: n.Add, scope: Scope) -> sp.Expr:
        a = self.expr(node.left, scope)
        b = self.expr(node.right, scope)
        return a + b if node.sign > 0 else a - b

    def t_Frac(self, node: n.Frac, scope: Scope) -> sp.Expr:
        return self.divide(self.expr(node.num, scope), self.expr(node.den, scope))

    def divide(self, num, den) -> sp.Expr:
        """num / den: a hook, so check/domain.py can note that den must not be 0 before SymPy cancels it."""
        return num / den

    def t_Pow(self, node: n.Pow, scope: Scope) -> sp.Expr:
        e = node.exp
        if isinstance(e, n.Name) and e.sub is None and e.base in ("T", "top", "intercal") \
                and not self.is_defined((e.base, ())) and e.base not in self.sizes and not self.is_index(e.base):
            raise ProofError("E210", "`^T` reads as a transpose, but this name is a scalar: declare vectors and "
                                     "matrices with their shapes, as in `let w : (n)` (docs/matrices.md), or write the "
                                     "product as a sum over an index, e.g. `\\sum_i w_i x_i` (for a power of a variable T, define T with `let`)", e.span)
        powered = self.powered_node(node, scope)
        if powered is not None:
            return self.name(powered, scope)
        base = self.expr(node.base, scope)
        exp = self.expr(node.exp, scope)
        return self.power(base, exp, node)

    def powered_node(self, node: n.Pow, scope: Scope) -> n.Name | None:
        """`\\sigma^2` where the problem says `let \\sigma^2 = ...`: the defined node σ², not σ squared.
        A letter bound here (a function's parameter, a sum's or a free index's letter) is that letter,
        squared, as a plain `let x = ...` does not capture it either."""
        b, e = node.base, node.exp
        if not (isinstance(b, n.Name) and isinstance(e, n.Num) and e.text.isdigit() and "^" not in b.base):
            return None
        if b.sub is None and (scope.param_of(b.base) is not None or scope.int_of(b.base) is not None):
            return None
        # the variable of a derivative being taken (`\frac{d}{ds} s^2`) is that letter, squared: the node
        # s^2 does not depend on s, so reading it there would make every such derivative 0
        root = self.key_of(b, scope)
        if root in scope.cut or (root[0], len(root[1])) in scope.cut:
            return None
        name = n.Name(node.span, f"{b.base}^{e.text}", b.sub, b.raw_sub, b.styled)
        if not self.is_defined(self.key_of(name, scope)):
            return None
        if any(given.display == b.display for given, _ in self.context.point):
            # `at s = 3` beside `let s^2 = a^2 + 1`: s squared (9) or the node (a^2 + 1), never silently one
            raise ProofError("E211", f"`{b.display}^{e.text}` reads two ways: the node defined by `let {b.display}^{e.text} = ...`, "
                                     f"or the square of `{b.display}`, which an `at` line gives a value", node.span,
                             [f"hint: give the value of `{b.display}^{e.text}` or of the letters its definition uses, not of `{b.display}`"])
        return name

    def power(self, base, exp, node) -> sp.Expr:
        if exp.is_Integer and abs(int(exp)) > MAX_EXPONENT and base not in (sp.Integer(0), sp.Integer(1), sp.Integer(-1)):
            raise LimitError(f"exponent {exp} is past the limit of {MAX_EXPONENT}", node.span)
        if exp.is_Integer and base.is_Rational:
            bits = abs(int(exp)) * (int(base.p).bit_length() + int(base.q).bit_length())
            if bits > MAX_POWER_BITS:
                raise LimitError("this power is too large to compute exactly", node.span)
        if exp.is_Number and not exp.is_Integer and base.is_Number and abs(base) > 10 ** 6 and abs(exp) > 50:
            raise LimitError("this power is too large to compute", node.span)
        return base ** exp

    def t_Product(self, node: n.Product, scope: Scope) -> sp.Expr:
        factors, ops = node.factors, node.ops
        values: list[tuple[str | None, sp.Expr]] = []
        i = 0
        while i < len(factors):
            f = factors[i]
            op = ops[i - 1] if i > 0 else None
            nxt = factors[i + 1] if i + 1 < len(factors) else None
            joined = nxt is not None and ops[i] == "juxt"
            if isinstance(f, n.Deriv) and f.expr is None:
                d = n.operator_applied(f, factors[i + 1:], ops[i + 1:])
                if d is None:
                    raise ProofError("E202", "a derivative operator needs an expression to act on", f.span)
                values.append((op, self.t_Deriv(d, scope)))
                break
            if joined and isinstance(f, n.Pow) and isinstance(nxt, (n.Group, n.Entry, n.Pow)) and self._powered_function(f, scope):
                exp = f.exp.arg if isinstance(f.exp, n.Neg) else f.exp
                k = ("-" if exp is not f.exp else "") + (exp.text if isinstance(exp, n.Num) else "k")
                g = as_written(f.base.base)
                shown = f"{g}^{{{k}}}(...)" if len(k) > 1 else f"{g}^{k}(...)"
                raise ProofError("E211", f"`{shown}`: a power of `{g}` before a bracket reads two ways (the power "
                                 f"of the value, {g} applied again or its inverse, or a product)",
                                 Span(f.span.line, f.span.column, nxt.span.end_line, nxt.span.end_column),
                                 [f"hint: write the power after the application, `{g}(x)^2`; for an inverse "
                                  f"function define it with `let`; for a product write `\\cdot`"])
            if joined and isinstance(f, n.Name) and f.sub is None and isinstance(nxt, n.Group) \
                    and self._value_as_function(f, nxt, scope):
                g = as_written(f.base)
                raise ProofError("E211", f"`{g}(...)` reads two ways: the function `{g}` or the number "
                                         f"`{g}` times a bracket",
                                 Span(f.span.line, f.span.column, nxt.span.end_line, nxt.span.end_column),
                                 [f"hint: for a product write `{g} \\cdot (...)` (or leave a space, "
                                  f"`{g} (...)`); for a function give it another name with `let`"])
            bracket = isinstance(nxt, n.Group) or (isinstance(nxt, n.Pow) and isinstance(nxt.base, n.Group))
            defined = self.subscripted_funcs.get((f.base, f.sub)) if isinstance(f, n.Name) and f.sub is not None else None
            if joined and defined is not None and bracket:  # `f_1(a)` of `let f_1(t) = ...`
                values.append((op, self._bracket_applied(nxt, scope, lambda items: self.apply_name(defined, items, scope, f.span))))
                i += 2
                continue
            reading = self._subscripted_application(f, nxt, scope) if joined and isinstance(f, n.Name) else None
            if reading is not None:
                message, hint = reading
                raise ProofError("E211", message, Span(f.span.line, f.span.column, nxt.span.end_line, nxt.span.end_column),
                                 [hint])
            if joined and self._callable(f) and isinstance(nxt, n.Entry):
                values.append((op, self.apply_entry(f, nxt, scope)))
                i += 2
                continue
            if joined and self._callable(f) and bracket:
                values.append((op, self._bracket_applied(nxt, scope, lambda items: self.apply(f, items, scope, f.span))))
                i += 2
                continue
            if isinstance(f, n.Prime):
                raise ProofError("E201", "a derivative `f'` must be applied to an argument, as in `f'(x)`", f.span)
            values.append((op, self.expr(f, scope)))
            i += 1
        out = values[0][1]
        for op, v in values[1:]:
            out = self.divide(out, v) if op == "/" else out * v
        return out

    def _bracket_applied(self, nxt, scope: Scope, apply) -> sp.Expr:
        """A function applied to the bracket `nxt` (`(a)` or `(a)^2`, the power taken of the value)."""
        group = nxt if isinstance(nxt, n.Group) else nxt.base
        value = apply(group.items)
        return self.power(value, self.expr(nxt.exp, scope), nxt) if isinstance(nxt, n.Pow) else value

    def _powered_function(self, f: n.Pow, scope: Scope) -> bool:
        """`g^2(a)`, `f^{-1}(a)` with g not a number of the problem (an undeclared name written nowhere
        alone, or applied elsewhere): a power of a function reads two ways, never a
        product silently (`\\sin^2(x)`, a command, is (sin x)^2 by the grammar). A number stays a
        product: `x^2(1 - x)` where x is written alone, defined, given, bound or a constant."""
        b = f.base
        if not (isinstance(b, n.Name) and b.sub is None and "^" not in b.base) or self.powered_node(f, scope) is not None:
            return False
        base = b.base
        if scope.param_of(base) is not None or scope.int_of(base) is not None or base in self.sizes or self.is_index(base):
            return False
        if self.is_defined((base, ())) or base in CONSTANTS:
            return False
        if base in self.funcs or base in FUNCTION_WORDS or base in NETWORK_FUNCTIONS:
            return False  # a defined or built-in function as a value: E201 where the name is read
        readings = self.context.readings
        return base in readings.functions or base not in readings.scalars

    def _value_as_function(self, f: n.Name, group: n.Group, scope: Scope) -> bool:
        """A number written as a function, directly before a bracket with no space: a built-in function
        word the problem defines as a value (`let \\sigma = 2`, then `\\sigma(a)`), or the constant
        `\\pi` or `e` (`\\pi(a)`, a policy to a student). Both were products silently, so a claim of
        additivity was proved (red team round 28r). With a space (`\\pi (a + b)`, `\\sigma (x + 1)`)
        and for a defined name that is no function word (`let s = 2`, `s(a + b)`) they stay products."""
        if scope.param_of(f.base) is not None or scope.int_of(f.base) is not None:
            return False
        adjacent = f.span.end_line == group.span.line and f.span.end_column == group.span.column
        if not adjacent:
            return False
        if f.base in FUNCTION_WORDS and self.is_defined((f.base, ())):
            return True
        return f.base in CONSTANTS and not self.is_defined((f.base, ()))

    def _subscripted_application(self, f: n.Name, nxt: n.Expr, scope: Scope) -> tuple[str, str] | None:
        """A subscripted name directly before a bracket: a function to a student (`h_\\theta(x)`,
        `\\mathrm{softmax}_i(z)`, `f_1(a)`), the product h_theta * x by the old rule, so a claim of
        additivity was proved (red team rounds 2x and 28r). It reads two ways (E211; the message and
        hint are returned) when the name is a built-in function word, when its subscript has an item
        that is no index, size or number, or when the problem writes the entry nowhere alone as a number
        (`Readings.alone_entries`). A name the problem declares (`let`, a shape, a Kronecker delta) and
        an entry also written alone (`o_i(1 - o_i)`, `w_1(x + y)` beside `w_1 x`) stay a product, as
        does a space (`f_1 (a)`)."""
        group = nxt.base if isinstance(nxt, n.Pow) else nxt
        if f.sub is None or not isinstance(group, n.Group):
            return None
        ctx = self.context
        # a function definition `let f_1(t) = ...` declares no number: its name before a bracket is never
        # applied (it was a product silently, refuting the true `f_1(a) + f_1(b) = f_1(a + b) + 1`)
        if any(d.target.base == f.base and d.params is None for d in ctx.definitions) \
                or any(nm.base == f.base for nm, _ in ctx.shapes) or kronecker_items(f, ctx):
            return None
        shown = f.display
        if f.base in FUNCTION_WORDS or f.base in NETWORK_FUNCTIONS:
            return (f"`{shown}(...)` reads two ways: a function with a subscript (a model `h_\\theta(x)`, an entry "
                    "of a function's value) or a product",
                    f"hint: for an entry of the function's value write `\\mathrm{{{f.base}}}(z)_{{{f.raw_sub}}}`")
        # the subscript's items as an entry reads them (`K_{je}` over indices j and e is the entry (j, e))
        items = subscript_items(f, ctx.readings, self.index_names | {k for k, _ in scope.ints})
        if any(not (self.is_index(nm.base) or nm.base in self.sizes or nm.base in CONSTANTS
                    or scope.int_of(nm.base) is not None or scope.param_of(nm.base) is not None)
               for nm in n.names(items)):
            return (f"`{shown}(...)` reads two ways: a function with a subscript (a model `h_\\theta(x)`, an entry "
                    "of a function's value) or a product",
                    f"hint: for a function write `let {f.base}(t) = ...` or a plain name `h(x)`; "
                    f"for a product write `{shown} \\cdot (...)`")
        readings = ctx.readings
        if not (readings.scanned and f.span.end_line == group.span.line and f.span.end_column == group.span.column) \
                or any(nm.base == f.base and nm.sub is not None for nm, _ in ctx.point):
            return None
        key = entry_key(f, lambda b: self.is_index(b) or scope.int_of(b) is not None or scope.param_of(b) is not None)
        if key in readings.alone_entries:
            return None
        return (f"`{shown}(...)` reads two ways: a function `{shown}` (the problem writes `{shown}` nowhere alone, "
                f"as a number) or `{shown}` times a bracket",
                f"hint: for a product write `{shown} \\cdot (...)` (or leave a space, `{shown} (...)`); for a function "
                f"write `let {f.base}(t) = ...` or a plain name `h(x)`")

    def _callable(self, f: n.Expr) -> bool:
        if isinstance(f, n.Prime):
            return True
        if isinstance(f, n.Name) and f.sub is None:
            if f.base in self.funcs:
                return True
            if f.base in FUNCTION_WORDS or f.base in NETWORK_FUNCTIONS or f.base in self.context.readings.functions:
                return not self.is_defined((f.base, ()))
        return False

    def apply_entry(self, f: n.Expr, entry: n.Entry, scope: Scope):
        """`\\mathrm{softmax}(z)_i`: an entry of a vector-valued built-in."""
        span = Span(f.span.line, f.span.column, entry.span.end_line, entry.span.end_column)
        name = FUNCTION_WORDS.get(f.base) if isinstance(f, n.Name) and f.base not in self.funcs else None
        if name not in VECTOR_FUNCTIONS:
            raise ProofError("E201", "only softmax has entries (`\\mathrm{softmax}(z)_i`): "
                                     "this function's value is a number", span)
        if len(entry.sub) != 1:
            raise ProofError("E201", "an entry of softmax has one index, as in `\\mathrm{softmax}(z)_i`", span)
        values, (lo, hi) = self.vector(name, entry.base.items, entry.sub[0], scope, span)
        k = self.int_value(entry.sub[0], scope)
        if k is None or not lo <= k <= hi:
            raise ProofError("E205", f"the entry `{entry.raw_sub}` is not an index of the vector (entries {lo}..{hi})", span)
        exps = [self.builtin("exp", [v], span) for v in values]
        return exps[k - lo] / _total(exps)

    def vector(self, fname: str, args, entry, scope: Scope, span) -> tuple[list, tuple[int, int]]:
        """The entries of the argument of softmax or log-sum-exp, with their index range: a list of
        arguments (`(a, b, c)`, entries 1..3), or one family `z` over its declared index range (the
        range of the index it is written with, `z_j`, or else of the entry's index)."""
        if len(args) >= 2:
            return [self.expr(a, scope) for a in args], (1, len(args))
        arg = args[0] if args else None
        if not (isinstance(arg, n.Name) and arg.sub is None and not self.is_defined((arg.base, ()))):
            raise ProofError("E201", f"`{fname}` takes a family, as in `{fname}(z)` for z used as `z_j`, or a list "
                                     f"`{fname}(a, b, c)`", span)
        letters = set(self.context.readings.indices_of(arg.base))
        if not letters and isinstance(entry, n.Name) and entry.sub is None and self.is_index(entry.base):
            letters = {entry.base}
        ranges = {self.index_range(x) for x in letters}
        if len(ranges) != 1:
            why = "is not used with an index" if not ranges else "is used with indices of different ranges"
            raise ProofError("E205", f"`{fname}({arg.base})`: `{arg.base}` {why}, so its entries are not known", span,
                             [f"hint: write `{arg.base}_j` somewhere with `index j in 1..N`, or list the entries"])
        lo_node, hi_node = ranges.pop()
        lo, hi = self.int_value(lo_node, scope), self.int_value(hi_node, scope)
        if lo is None or hi is None or hi - lo + 1 > MAX_SUM_TERMS:
            raise ProofError("E205", f"the range of `{arg.base}`'s index must be whole numbers or sizes", span)
        return [self.name(n.Name(arg.span, arg.base, (n.Num(arg.span, str(v)),), str(v)), scope)
                for v in range(lo, hi + 1)], (lo, hi)

    def apply(self, f: n.Expr, args: tuple[n.Expr, ...], scope: Scope, span) -> sp.Expr:
        if isinstance(f, n.Prime):
            if len(args) != 1:
                raise ProofError("E201", "`f'` takes one argument", span)
            x = sp.Dummy("x", real=True)
            if not (isinstance(f.func, n.Name) and f.func.sub is None):
                raise ProofError("E201", "only a named function can be primed, as in `f'(x)`", span)
            fx = self.apply_name(f.func.base, (), scope, span, pre=[x])
            d, at = jumps_flat(sp.diff(fx, x)), self.expr(args[0], scope)
            return d.subs(x, at) if d.has(sp.Derivative) else d.xreplace({x: at})  # g'(a) of an undeclared g: Subs
        return self.apply_name(f.base, args, scope, span)

    def apply_name(self, base: str, args, scope: Scope, span, pre=None) -> sp.Expr:
        if base in NETWORK_FUNCTIONS and base not in self.funcs and not self.is_defined((base, ())):
            if self.network_call is None:
                raise ProofError("E201", f"`{base}(...)` needs a `network` block", span)
            return self.network_call(base, args, scope, span)
        word = FUNCTION_WORDS.get(base)
        if base not in self.funcs and word in VECTOR_FUNCTIONS:
            raise ProofError("E201", f"`{base}(...)` is a vector: take an entry, as in `\\mathrm{{{base}}}(z)_i`", span)
        if base not in self.funcs and word == "lse" and pre is None:
            values, _ = self.vector(base, args, None, scope, span)
            return self.builtin("log", [_total([self.builtin("exp", [v], span) for v in values])], span)
        if base not in self.funcs and base in OPERATOR_WORDS:
            raise ProofError("E201", f"`{OPERATOR_WORDS[base][0]}[...]` is {OPERATOR_WORDS[base][1]}: proofcheck has no "
                                     "reading of random variables, and as a function nobody defines a claim about it "
                                     "would have to hold for every function", span,
                             ["hint: write the quantity it stands for (a sum over outcomes with their probabilities), "
                              "or define it with `let`"])
        values = pre if pre is not None else [self.expr(a, scope) for a in args]
        if base not in self.funcs and word is None and base in self.context.readings.functions:
            return self.undeclared(base, values, span)
        if base in self.funcs:
            d = self.funcs[base]
            shown = d.target.display
            if len(values) != len(d.params):
                raise ProofError("E201", f"`{shown}` takes {len(d.params)} argument(s), not {len(values)}", span)
            key = ("fn:" + base, ())
            if key in self._expanding:
                raise ProofError("E204", f"the function `{shown}` refers to itself", span)
            self._expanding.add(key)
            try:
                return self.expr(d.body, Scope((), tuple(zip(d.params, values)), scope.cut))
            finally:
                self._expanding.discard(key)
        return self.builtin(FUNCTION_WORDS.get(base, base), values, span)

    def undeclared(self, base: str, values: list, span) -> sp.Expr:
        """An application of a function the problem never defines: an undefined SymPy function."""
        return undeclared_function(base)(*values)

    def builtin(self, fname: str, values: list, span) -> sp.Expr:
        one = builtin_sympy(fname, self.relu)
        if one is not None:
            if len(values) != 1:
                raise ProofError("E201", f"`{fname}` takes one argument, not {len(values)}", span)
            return one(values[0])
        if fname in ("max", "min"):
            if not values:
                raise ProofError("E201", f"`{fname}` needs arguments", span)
            other = relu_operand(values, lambda v: v == 0)
            if other is not None:  # max(z, 0) is ReLU(z), with ReLU's convention at 0
                return self.relu(other) if fname == "max" else -self.relu(-other)
            return (sp.Max if fname == "max" else sp.Min)(*values)
        if fname == "root":
            if odd_root(values[1]):  # the real root, defined for every real number: sign(x) |x|^(1/k)
                return self.builtin("sign", [values[0]], span) * self.builtin("abs", [values[0]], span) ** (1 / values[1])
            return values[0] ** (1 / values[1])
        raise ProofError("E201", f"`{fname}` is not a function proofcheck knows", span)

    def t_Call(self, node: n.Call, scope: Scope) -> sp.Expr:
        if node.func.startswith("norm"):  # `\|v\|` (parse.py); vectors are proofcheck/matrix.py's
            raise ProofError("E212", "a norm is of a vector or matrix: declare it, as in `let v : (n)` "
                                     "(docs/matrices.md)", node.span)
        name = node.func
        if name in self.funcs:
            value = self.apply_name(name, node.args, scope, node.span)
        else:
            value = self.builtin(FUNCTION_WORDS.get(name, name), [self.expr(a, scope) for a in node.args], node.span)
        return value if node.power == 1 else self.power(value, sp.Integer(node.power), node)

    def t_Entry(self, node: n.Entry, scope: Scope) -> sp.Expr:
        raise ProofError("E201", "an entry `(...)_i` only makes sense of a vector-valued function, as in "
                                 "`\\mathrm{softmax}(z)_i`", node.span)

    def t_Ones(self, node: n.Ones, scope: Scope) -> sp.Expr:
        raise ProofError("E212", "`\\mathbf{1}` is the vector of ones: declare the vectors and matrices it is used "
                                 "with, as in `let x : (n)` (docs/matrices.md)", node.span)

    def t_Prime(self, node: n.Prime, scope: Scope) -> sp.Expr:
        raise ProofError("E201", "a derivative `f'` must be applied to an argument, as in `f'(x)`", node.span)

    def t_Abs(self, node: n.Abs, scope: Scope) -> sp.Expr:
        return sp.Abs(self.expr(node.arg, scope))

    def t_Indicator(self, node: n.Indicator, scope: Scope) -> sp.Expr:
        out = sp.Integer(1)
        terms = [self.expr(t, scope) for t in node.cond.terms]
        for op, a, b in zip(node.cond.ops, terms, terms[1:]):
            out = out * _indicator(op, a, b)
        return out

    def t_Cases(self, node: n.Cases, scope: Scope) -> sp.Expr:
        pieces = []
        for value, cond in node.rows:
            v = self.expr(value, scope)
            if cond is None:
                pieces.append((v, True))
            else:
                rels = self.condition(cond, scope)
                pieces.append((v, sp.And(*rels)))
        if not any(c is True for _, c in pieces):
            pieces.append((sp.nan, True))
        return sp.Piecewise(*pieces)

    def t_BigOp(self, node: n.BigOp, scope: Scope) -> sp.Expr:
        var, cond_rel = self.bound_variable(node, scope)
        lo, hi = self.bounds(node, var, scope)
        if hi - lo + 1 > MAX_SUM_TERMS:
            raise LimitError(f"this {node.op} has {hi - lo + 1:,} terms; proofcheck expands at most {MAX_SUM_TERMS:,}", node.span)
        terms = []
        for v in range(lo, hi + 1):
            inner = scope.bind(var, v)
            if cond_rel is not None and not all(bool(r) for r in self.condition(cond_rel, inner)):
                continue
            terms.append(self.expr(node.body, inner))
        if node.op == "prod":
            return sp.Mul(*terms)
        return sp.Add(*terms)

    def bound_variable(self, node: n.BigOp, scope: Scope) -> tuple[str, n.Condition | None]:
        if node.var is not None:
            if node.var.sub is not None:
                raise ProofError("E205", "a sum's variable is a plain letter", node.var.span)
            return node.var.base, None
        if node.cond is None:
            raise ProofError("E205", "this sum does not say what it sums over: write `\\sum_j` or `\\sum_{j=1}^{N}`", node.span)
        names = [t.base for t in node.cond.terms if isinstance(t, n.Name) and t.sub is None]
        unbound = [nm for nm in names if scope.int_of(nm) is None]
        if not unbound:
            raise ProofError("E205", "both variables of this sum's condition are already bound, so it sums over nothing", node.cond.span)
        return unbound[0], node.cond

    def bounds(self, node: n.BigOp, var: str, scope: Scope) -> tuple[int, int]:
        lower = node.lower
        upper = node.upper
        rng = self.index_range(var)
        if lower is None and rng is not None:
            lower = rng[0]
        if upper is None and rng is not None:
            upper = rng[1]
        if lower is None or upper is None:
            raise ProofError("E205", f"the sum over `{var}` has no range: declare `index {var} in 1..N` or write its limits", node.span)
        lo, hi = self.int_value(lower, scope), self.int_value(upper, scope)
        if lo is None or hi is None:
            raise ProofError("E205", f"the range of `{var}` must be whole numbers or sizes", node.span)
        return lo, hi

    def derivative_key(self, node: n.Deriv, scope: Scope) -> Key:
        """The variable of `∂A/∂B`: B must name a variable, not an index, a size or a parameter."""
        if node.expr is None:
            raise ProofError("E202", "a derivative operator needs an expression to act on", node.span)
        var = node.var
        if var.sub is None and (scope.int_of(var.base) is not None or var.base in self.sizes or self.is_index(var.base)):
            raise ProofError("E202", f"cannot differentiate with respect to the index `{var.base}`", var.span)
        if scope.param_of(var.display) is not None:
            raise ProofError("E202", f"cannot differentiate with respect to the parameter `{var.display}`", var.span)
        if var.sub is None and not self.is_defined((var.base, ())) and (
                var.base in self.funcs or var.base in self.context.readings.functions):
            # `\partial g` beside `g(x)`: g is a function, not a variable (its derivative is `g'(x)`)
            raise ProofError("E202", f"cannot differentiate with respect to the function `{var.base}`", var.span)
        key = self.key_of(var, scope)
        if var.sub is None and len(var.base) > 1 and var.base.isascii() and var.base.isalpha() and self._written_plain(var) \
                and not self.is_defined(key) and key not in scope.cut and var.base not in self.context.readings.scalars \
                and var.base not in self.context.readings.taken:
            # `\partial_{xy}`, `\frac{\partial}{\partial xx}`: a run of letters written nowhere else is not a
            # variable of the problem (the mixed partial is meant), as the bare name `xy` is E200
            guess = " ".join(f"\\partial_{c}" for c in var.base)
            raise ProofError("E200", f"unknown name `{var.base}` below a derivative; a run of letters is one name, and "
                             f"`{var.base}` is written nowhere else in the problem", var.span,
                             [f"hint: for the mixed partial derivative write `{guess}` or `\\frac{{\\partial^{len(var.base)}}}"
                              f"{{{' '.join(chr(92) + 'partial ' + c for c in var.base)}}}`"])
        if "^" in var.base and not self.is_defined(key) and key not in scope.cut:
            plain, power = var.base.rsplit("^", 1)
            raise ProofError("E211", f"`{plain}^{power}` below a first-order derivative reads two ways", node.span, [
                f"hint: for the derivative of order {power} write `\\partial^{power}` (or `d^{power}`) above; for the "
                f"derivative with respect to the quantity {plain}^{power} define it, as in `let \\sigma^2 = ...`"])
        if var.sub is None and self.is_family(var.base):  # every spelling: ∂L/∂w, ∂_w L, dL/dw, ∇_w L
            spelled = f"\\nabla_{var.base}" if node.notation == "nabla" else f"the derivative with respect to `{var.base}`"
            if node.notation == "nabla":
                spelled = f"`{spelled}`"
            raise ProofError("E202", f"{spelled} of a family `{var.base}` is a gradient vector; proofcheck "
                                     "works with scalars", node.span,
                             [f"hint: write each entry, as in `\\frac{{\\partial L}}{{\\partial {var.base}_j}}`"])
        return key

    def is_family(self, base: str) -> bool:
        """Is `base` a vector or matrix of entries: written with a subscript in the problem and never
        as a number on its own (then `\\nabla_w` would be a gradient, not one derivative)?"""
        readings = self.context.readings
        family = bool(readings.arity(base)) or any(d.target.base == base and d.target.sub for d in self.values)
        return family and base not in readings.scalars

    def derivative_body(self, node: n.Deriv, scope: Scope) -> n.Expr:
        """What a derivative differentiates. A Leibniz numerator that names a function (`\\frac{dg}{dx}`
        where g is only applied in the problem, `\\frac{\\partial L}{\\partial w}` beside `let L(w) = ...`)
        is that function at the variable, g(x): its derivative there, never a product or an E201."""
        e, var = node.expr, node.var
        if not (isinstance(e, n.Name) and e.sub is None) or scope.param_of(e.base) is not None \
                or scope.int_of(e.base) is not None or self.is_defined((e.base, ())):
            return e
        readings = self.context.readings
        if e.base in self.funcs:
            ok = len(self.funcs[e.base].params) == 1
        elif e.base in readings.functions:
            # applied to the variable alone everywhere (`g(x)`): beside `g(x^2)` or `L(w, b)` the numerator
            # reads two ways (g'(x), or the derivative of the composite g(x^2))
            ok = readings.arguments(e.base) == {var.display}
        else:
            return e
        if not ok or "^" in var.base:
            raise ProofError("E211", f"`{e.base}` over `d{var.display}` reads two ways: the problem applies `{e.base}` "
                                     f"to other arguments than `{var.display}`", node.span,
                             [f"hint: write the function's derivative `{e.base}'({var.display})`, or the derivative of "
                              f"what is meant, `\\frac{{d}}{{d{var.display}}} {e.base}(...)`"])
        return n.Product(e.span, (e, n.Group(var.span, (var,))), ("juxt",))

    def t_Deriv(self, node: n.Deriv, scope: Scope) -> sp.Expr:
        key = self.derivative_key(node, scope)
        var = node.var
        sym = leaf_symbol(key)
        inner = Scope(scope.ints, scope.params, scope.cut | {key})
        body = self.expr(self.derivative_body(node, scope), inner)
        value = jumps_flat(sp.diff(body, sym, node.order))
        if key not in scope.cut and self.is_defined(key):
            value = value.xreplace({sym: self.resolve(key, var, scope)})
        self.derivatives.append(DerivativeRecord(node, key, value, scope))
        return value


def bound_run(items: tuple, bound, declared, node: n.Name | None = None, arity: frozenset = frozenset(),
              sizes=frozenset()) -> tuple | None:
    """A subscript written as juxtaposed names (`W_{\\mu\\nu}`, `W_{s \\nu}`), every one bound where it
    stands (`bound(name)`: a sum's variable, an index with its value, a size) and not every one a
    declared index, as one item per name: the entry (mu, nu), as a run of Latin letters bound where it
    stands is read (`W_{st}`), never the one entry at the product mu nu. None otherwise (the reading
    of `subscript_items` stands: declared indices are split there, `x_{2t}` is arithmetic).

    `arity`: the numbers of indices the problem writes `node`'s family with. A split into another
    number, or a run with a size (in `sizes`) where the problem gives no count, reads two ways (E211):
    `h_{N i}` beside `h_{35}` is the entry N i of a one-index family or the entry (N, i), and read as
    the second, `\\frac{\\partial h_{N i}}{\\partial h_{35}} = 0` was proved for every N (false at
    N = 7, i = 5; red team round 31)."""
    if len(items) != 1 or not isinstance(items[0], n.Product) or any(op != "juxt" for op in items[0].ops):
        return None
    names = items[0].factors
    if not all(isinstance(f, n.Name) and f.sub is None and bound(f.base) for f in names) \
            or all(declared(f.base) for f in names):
        return None
    if node is not None and len(names) not in arity and (arity or any(f.base in sizes for f in names)):
        product = " \\cdot ".join(f.base for f in names)
        raise ProofError("E211", f"`{node.base}_{{{node.raw_sub}}}` reads two ways: the entry at the product "
                                 f"`{product}`, or an entry of {len(names)} indices", node.span,
                         [f"hint: for the product write `{node.base}_{{{product}}}`; "
                          f"for an entry of {len(names)} indices write `{node.base}_{{{','.join(f.base for f in names)}}}` everywhere"])
    return tuple(names)


def _size_offset(e: n.Expr) -> bool:
    """A name plus or minus whole numbers (`N`, `N + 1`, `N - 1`, `1 + N`, `(N + 1)`), as the instances
    read an index term (instances._index_term)."""
    if isinstance(e, n.Group) and len(e.items) == 1:
        return _size_offset(e.items[0])
    if isinstance(e, n.Name):
        return e.sub is None
    if isinstance(e, n.Add):
        if n.literal_value(e.right) is not None:
            return _size_offset(e.left)
        return e.sign > 0 and n.literal_value(e.left) is not None and _size_offset(e.right)
    return False


def size_word(node: n.Name, letters: list[str] | None, arity: frozenset, sizes) -> None:
    """A subscript word with a size in it (`h_{Ni}`, `h_{iN}`) split into a number of indices other than
    the counts the problem writes the family with (`arity`, and the lengths of its runs of an index and
    digits: `W_{i1}` beside `W_{iN}` makes it the entry (i, N), r28_size_in_two_letter_subscript) reads two
    ways, as `bound_run` says of `h_{N i}`: E211
    (`\\frac{\\partial h_{Ni}}{\\partial h_{35}} = 0` was proved, false at N = 7, i = 5; red team round 32)."""
    if letters is None or len(letters) in arity or not any(c in sizes for c in letters):
        return
    product = " \\cdot ".join(letters)
    raise ProofError("E211", f"`{node.base}_{{{node.raw_sub}}}` reads two ways: the entry at the product `{product}`, "
                             f"or an entry of {len(letters)} indices", node.span,
                     [f"hint: for the product write `{node.base}_{{{product}}}`; for an entry of {len(letters)} "
                      f"indices write `{node.base}_{{{','.join(letters)}}}` everywhere"])


def word_letters(items: tuple) -> list[str] | None:
    """The letters of a subscript left as one word (`W_{st}` over sums of s and t, not declared), a
    primed letter as one (`st'`: s, t'), when there are two or more (readings.word_tokens); else None."""
    if len(items) == 1 and isinstance(items[0], n.Name) and items[0].sub is None:
        letters = word_tokens(items[0].base)
        if letters is not None and len(letters) > 1:
            return letters
    return None


def kronecker_items(node: n.Name, ctx: Context) -> tuple[n.Expr, n.Expr] | None:
    """The two indices of a Kronecker delta `\\delta_{..}` (None: not one). Its subscript reads as a
    two-index family's (readings.subscript_items): `\\delta_{ij}`, `\\delta_{i1}`, `\\delta_{i j}` and
    `\\delta_{i,1}` are δ(i, j) and δ(i, 1), never a variable named `1` or an input family `delta`;
    `\\delta_{12}` reads two ways (E211). A problem that defines `\\delta` has no Kronecker delta."""
    if node.base != KRONECKER or node.sub is None or any(d.target.base == KRONECKER for d in ctx.definitions):
        return None
    tokens = run_tokens(node.sub[0]) if len(node.sub) == 1 else None
    # `\delta_{it}`, `\delta_{it'}`: a sum's variable t (or t') need not be declared
    letters = {t.rstrip("'") for t, _ in tokens or () if t.rstrip("'").isalpha()}
    items = subscript_items(node, ctx.readings, ctx.index_names | letters, KRONECKER_ARITY)
    return (items[0], items[1]) if len(items) == 2 else None


def jumps_flat(value: sp.Expr) -> sp.Expr:
    """The derivative of a jump (sign, an indicator, a Heaviside, ReLU') is 0, at the jump too, as in
    autograd and torch: SymPy's Dirac deltas become 0 (docs/language.md, "Kinks")."""
    if not value.has(sp.DiracDelta):
        return value
    return value.replace(lambda e: isinstance(e, sp.DiracDelta), lambda e: sp.Integer(0))


def _total(terms: list):
    """The sum of SymPy expressions or autodiff numbers alike."""
    out = terms[0]
    for t in terms[1:]:
        out = out + t
    return out


def power_node_mix(ctx: Context, exprs) -> None:
    """E211 for a step that reads a defined power node (`s^2` after `let s^2 = a^2 + 1`) and also uses its
    letter as a variable of its own (`\\frac{d}{ds} s^3 = 3 s^2`): in the one reading s^2 is the node, in
    the other s squared, and the two are different variables for the checker (Translator.powered_node),
    so a true step was refuted. A power inside a derivative by its own letter is that letter's power
    (the node would not depend on it), as powered_node reads it; a letter bound by a sum is not the input."""
    nodes: dict[str, set[str]] = {}
    for d in ctx.definitions:
        root, hat, k = d.target.base.partition("^")
        if hat and d.params is None and k.isdigit():
            nodes.setdefault(root, set()).add(k)
    values = {d.target.base for d in ctx.definitions if d.params is None}
    # a function's name is no variable: `\\sigma(z)` beside `let \\sigma^2 = ...` is the sigmoid
    nodes = {b: k for b, k in nodes.items() if b in values or not (b in FUNCTION_WORDS or b in ctx.readings.functions)}
    if not nodes:
        return
    read: list[n.Pow] = []
    used: list[n.Name] = []

    def walk(x, cut: frozenset, bound: frozenset) -> None:
        if isinstance(x, n.Pow) and isinstance(x.base, n.Name) and isinstance(x.exp, n.Num) \
                and x.exp.text in nodes.get(x.base.base, ()) and x.base.base not in cut | bound:
            read.append(x)
            walk(x.base.sub or (), cut, bound)
            return
        if isinstance(x, n.Name) and x.base in nodes and x.base not in bound:
            used.append(x)
        if isinstance(x, n.Deriv) and x.var is not None:
            cut = cut | {x.var.base}
        if isinstance(x, n.BigOp):  # its letter, or the letters of its condition (`\\sum_{j \\neq 2}`)
            bound = bound | {nm.base for nm in n.names((x.var, x.cond)) if nm.sub is None}
        if isinstance(x, n.Product):  # `\\frac{d}{ds} s^2`: an operator applies to the factors after it
            for f in x.factors:
                walk(f, cut, bound)
                if isinstance(f, n.Deriv) and f.expr is None and f.var is not None:
                    cut = cut | {f.var.base}
            return
        for c in n.children(x):
            if isinstance(c, (n.Node, tuple)):
                walk(c, cut, bound)

    for e in exprs:
        walk(e, frozenset(), frozenset())
    if read and used:
        p, u = read[0], used[0]
        shown = f"{p.base.display}^{p.exp.text}"
        raise ProofError("E211", f"`{shown}` reads two ways in this step: the node defined by `let {shown} = ...`, or "
                                 f"the power of `{u.display}`, which the step also uses as a variable of its own "
                                 f"(line {u.span.line}, column {u.span.column})", p.span,
                         [f"hint: give the node a name of its own (`let v = ...`), or write the step without `{u.display}`"])


def odd_root(k) -> bool:
    """`\\sqrt[k]{x}` with k an odd whole number is the real root (`\\sqrt[3]{-8} = -2`); any other index
    is the principal power x^(1/k), defined for x >= 0 only."""
    return isinstance(k, sp.Integer) and k > 0 and k % 2 == 1


def relu_operand(values: list, is_zero) -> object | None:
    """`max(z, 0)` / `max(0, z)`: the z of a two-argument max or min with a literal 0, else None."""
    if len(values) != 2:
        return None
    if is_zero(values[0]):
        return values[1]
    if is_zero(values[1]):
        return values[0]
    return None


def _relation(op: str, a, b):
    return {
        ">": sp.StrictGreaterThan, "<": sp.StrictLessThan, ">=": sp.GreaterThan, "<=": sp.LessThan,
        "=": sp.Eq, "!=": sp.Ne,
    }[op](a, b)


def _indicator(op: str, a, b) -> sp.Expr:
    if a.is_Number and b.is_Number and a.is_real and b.is_real:
        return sp.Integer(1) if bool(_relation(op, a, b)) else sp.Integer(0)
    if op == ">":
        return sp.Heaviside(a - b, 0)
    if op == ">=":
        return sp.Heaviside(a - b, 1)
    if op == "<":
        return sp.Heaviside(b - a, 0)
    if op == "<=":
        return sp.Heaviside(b - a, 1)
    eq = sp.Piecewise((1, sp.Eq(a, b)), (0, True))
    return eq if op == "=" else 1 - eq


