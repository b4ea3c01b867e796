"""What a step is checked over: sizes, free indices and the concrete instances.

A step with a symbolic size `N` and free indices `i, j` is a claim for every N and every index value
in range; the checker can only translate concrete ones. Which concrete ones suffice depends on how the
step uses its indices and sizes, found by `analyse`:

- **Order-determined** steps use indices and sizes only as subscripts (`h_i`, `h_{j-1}`, `x_N`,
  `h_1`) and in comparisons among such index terms (`case i \\neq j`, `(j > i)`, `\\delta_{ij}`), sum
  only over fixed literal ranges, and expand no recurrence. Such a step's truth depends only on the
  *order type* of its index terms: the sign of every difference between terms `v + c` (v a size or
  free index, c an offset written in the proof) and the constants written in index positions. The
  plan realises every order type that the ranges and the case allow, by the smallest values that
  realise it, so the instances cover every size and value: `complete`.
- Otherwise (a sum over `1..N`, `N` or `i` used as a number, a recurrence) the truth may depend on the
  values themselves. Then each small size is checked at **every** index value (`exact` sizes), and
  further sizes realise every ordering of the sizes among themselves and against every whole number
  written in the step (equal to each, between, and past all of them) plus at least LARGE_SIZE; those
  are sampled numerically. This is never a proof for every N (`complete` is False): a step proved at
  the exact sizes is `numeric` unless `symbolic_n` proves it for every N.

A false claim each rule is there for: `i x_i = x_i` (i used as a number: i = 2 is tried),
`(i - 1)(i - N) x_1 = 0` (1 < i < N is an order type), `case i = N` then `\\sum_j x_j = x_i` (N = 2
is tried), `(N-1)(N-2)(N-3)(N-4)(N-5-2) = 0` (N = 6, past every constant), `(N - M)(N + M - 3) = 0`
(every ordering of N, M and 3). tests/adversarial/instances and sizes hold many more.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass, field, fields, replace
from fractions import Fraction
from typing import Any

import sympy as sp

from .. import nodes as n
from ..diagnostics import ProofError
from ..elaborate import Context
from ..readings import is_index_letter, subscript_items, word_tokens
from ..translate import Scope, Translator, kronecker_items
from ..vocabulary import CONSTANTS, FUNCTION_WORDS

SMALL_SIZES = {1: 4, 2: 3}  # number of symbolic sizes -> every size in 1..this is checked exactly
SMALL_SIZES_MANY = 2  # with three sizes or more, every size in 1..2 (and the orderings numerically)
CROSS_CHECK_SIZES = 3  # a step proved for every N is cross-checked at N = 1..3 (N = 1: empty shifted ranges)
LARGE_SIZE = 5  # a size-dependent step is always also sampled at some size at least this large
MAX_EXHAUSTIVE = 64  # index assignments at one size enumerated in full (else its order types)
MAX_EXHAUSTIVE_FIXED = 256  # the same without symbolic sizes (literal ranges): then the plan is complete
MAX_ORDER_SCAN = 60_000  # assignments scanned while realising order types; beyond, the plan is incomplete
ORDER_SCAN_SLACK = 8  # a bound on the candidates' product this many times the scan is not even started
VECTOR_SUMS = frozenset({"lse", "softmax"})  # built-ins that sum over their family argument's range
KINK_WORDS = frozenset({"relu", "max", "min", "abs", "sign"})  # built-ins whose argument's sign matters
DOMAIN_WORDS = frozenset({"log", "sqrt", "root"})  # built-ins defined only where their argument's sign allows
MAX_ROOT_DEGREE = 64  # an index polynomial of higher degree is not root-isolated (then the step is `unknown` at best)
MAX_ARGUMENT_NODES = 400  # nor is an argument this large (measured in SymPy nodes) factored
MAX_CRITICAL_SIZES = 64  # critical sizes checked per step (each sampled only); with more, the step is `unknown`
MAX_ENTRY_SIZES = 16  # sizes where an entry named by a size meets another entry (`_entry_meetings`), per step; more: unknown
MAX_ARRANGEMENT = (3, 8)  # inputs and rows of an affine arrangement mixing sizes whose minors are searched
MAX_MIXED_FACTORS = 24  # factors in inputs whose meetings with sizes are searched (`_mixed_meetings`); more: unknown
MAX_MEETING_FACTORS = 12  # where pairs of sign-changing factors meet is found among this many per step
MAX_REFERENCE_RANGE = 24  # a literal-range sum whose values can be reference points (else values matter)
# size choices sampled numerically past the exact ones: every ordering found is tried (a step true at
# every ordering but one is `numeric` only if that one is tried: `(N-1)(N-2)(M-1)(M-2)(M-N-1)(N-M) = 0`
# fails only at sizes such as N = 4, M = 3); with more orderings than this the step is `unknown`
MAX_NUMERIC_SIZES = 128
MAX_DEGREE_SIZE = 12  # a step is tried at every size up to its degree in the entries of its vectors,
# matrices and families of inputs, but at most this (`degree_sizes`)
ORDERED_SIZES_MAX = 3  # up to this many sizes, their orderings are realised; with more (matrix dimensions,
# mostly) the orderings of those the step may use as numbers (`Shape.number_sizes`), the others at
# LARGE_SIZE, and the two choices past every constant: all equal and all different. Only the sizes a step
# can depend on count (`Shape.used_sizes`); the others are held at 1 (`make_plan`)


# ------------------------------------------------------------------ names and free indices

def size_names(ctx: Context) -> list[str]:
    """Names in index ranges that are not indices (`N`), then the dimensions of declared shapes."""
    out: list[str] = []
    for _, lo, hi in ctx.indices:
        for e in (lo, hi):
            for nm in n.names(e):
                if nm.sub is None and nm.base not in ctx.index_names and nm.base not in out:
                    out.append(nm.base)
    if ctx.shapes:
        from ..matrix import size_names as shape_sizes  # noqa: PLC0415  (vectors and matrices: matrix.py)
        out += [s for s in shape_sizes(ctx) if s not in out]
    return out



def free_indices(exprs, ctx: Context) -> list[str]:
    """Declared indices that are free in the members (not bound by a sum where they stand)."""
    idx = ctx.index_names
    free: list[str] = []
    cond_sums: list[tuple[list[str], frozenset]] = []

    def add(nm):
        if nm not in free:
            free.append(nm)

    def walk(x, bound: frozenset):
        if isinstance(x, n.BigOp):
            if x.var is not None:
                for e in (x.lower, x.upper):
                    if e is not None:
                        walk(e, bound)
                walk(x.body, bound | {x.var.base})
                return
            if x.cond is not None:
                names = [t.base for t in x.cond.terms if isinstance(t, n.Name) and t.sub is None and t.base in idx]
                cond_sums.append((names, bound))
                walk(x.body, bound | set(names))
                return
            walk(x.body, bound)
            return
        if isinstance(x, n.Name):
            if x.sub is None and x.base in idx and x.base not in bound:
                add(x.base)
            for s in x.sub or ():
                walk(s, bound)
            if x.sub and len(x.sub) == 1 and isinstance(x.sub[0], n.Name) and len(x.sub[0].base) > 1:
                for c in word_tokens(x.sub[0].base) or ():  # `W_{ij'}`: i, and j' (never j)
                    if c in idx and c not in bound:
                        add(c)
            return
        for y in n.children(x):
            walk(y, bound)

    for e in exprs:
        walk(e, frozenset())
    for names, bound in cond_sums:
        outside = [nm for nm in names if nm in free or nm in bound]
        if not outside and len(names) >= 2:
            add(names[1])
    return free


def _partitions(items: list[str]):
    """Every set partition of the items (patterns of coinciding index values), deterministic order."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for part in _partitions(rest):
        for i in range(len(part)):
            yield part[:i] + [[first] + part[i]] + part[i + 1:]
        yield [[first]] + part


@dataclass(frozen=True)
class Instance:
    sizes: tuple[tuple[str, int], ...]
    indices: tuple[tuple[str, int], ...]
    large: bool = False  # sampled numerically only (a size beyond the exact ones)

    def describe(self) -> dict[str, Any]:
        return {"sizes": dict(self.sizes), "indices": dict(self.indices)}


# ------------------------------------------------------------------ how a step uses indices and sizes

@dataclass
class Shape:
    """What `analyse` found: the reference constants and offsets, and whether values matter."""

    sizes: list[str]  # the problem's symbolic sizes
    used_sizes: set[str] = field(default_factory=set)  # sizes the step mentions anywhere (ranges included)
    # sizes the step may use as numbers: written as one, in an index term or a range, or summed by a
    # product, norm or trace whose new terms need not vanish with the inputs (`matrix.number_sizes`);
    # with more than ORDERED_SIZES_MAX sizes, the orderings of these are realised (`numeric_sizes`)
    number_sizes: set[str] = field(default_factory=set)
    index_constants: set[int] = field(default_factory=set)  # whole numbers in index positions
    constants: set[int] = field(default_factory=set)  # every whole number in sight (for sizes)
    # {c : `v + c` is an index term for some v}: every variable gets them all, since an offset written in
    # a definition (`let g_k = x_{k+1}`) applies to whichever index the entry is taken at (`g_i`)
    offsets: set[int] = field(default_factory=lambda: {0})
    sizes_matter: bool = False  # a size used as a number or as a sum's bound
    values_matter: bool = False  # an index used as a number, a value-dependent range, a recurrence
    why: list[str] = field(default_factory=list)
    # where an indicator, kink, delta or domain argument written in sizes and indices changes sign:
    # partial assignments {name: value} (`(N > 2 \\cdot 10)`: N = 19, 20, 21), found by root isolation
    critical: list[dict[str, int]] = field(default_factory=list)
    critical_unchecked: str = ""  # why `critical` may miss a point (then the step is `unknown` at best)
    # a bound on the step's degree in the entries of its vectors, matrices and families of inputs (of the
    # polynomials in them, inside smooth functions too), else None (`matrix.entry_degree`)
    entry_degree: int | None = None

    def terms(self) -> tuple[int, ...]:
        return tuple(sorted(self.offsets))


def _whole(text: str | Fraction) -> list[int]:
    """A literal's integer neighbours: itself when whole, else its floor and ceiling (N vs 2.5)."""
    try:
        f = Fraction(text)
    except (ValueError, ZeroDivisionError):
        return []
    if abs(f) > 10 ** 12:
        return []  # no size is ever that large; a number that large is never an index or a size
    if f.denominator == 1:
        return [int(f)]
    return [math.floor(f), math.ceil(f)]


def _chain_terms(x, sign: int, out: list, inner: set) -> None:
    """The signed terms of a chain of `+` and `-` (`s - 4 - 1`: s, -4, -1); the ids of its inner Adds go in `inner`."""
    if isinstance(x, n.Add):
        inner.add(id(x))
        _chain_terms(x.left, sign, out, inner)
        _chain_terms(x.right, sign * x.sign, out, inner)
    elif isinstance(x, n.Neg):
        _chain_terms(x.arg, -sign, out, inner)
    else:
        out.append((sign, x))


def _index_term(e, ctx: Context, sizes: set[str], summed: frozenset = frozenset()) -> tuple[str | None, int] | None:
    """`v`, `v + c`, `v - c`, `c + v` or a whole `c`: (v, c) / (None, c). v is an index (a primed one
    too), a size, or a variable a sum binds (`summed`: `\\sum_{t=1}^{5} x_t` need not declare t)."""
    if isinstance(e, n.Group) and len(e.items) == 1:
        return _index_term(e.items[0], ctx, sizes, summed)
    if isinstance(e, n.Num):
        w = _whole(e.text)
        return (None, w[0]) if len(w) == 1 else None
    if isinstance(e, n.Name) and e.sub is None and (e.base.rstrip("'") in ctx.index_names or e.base in sizes
                                                    or e.base in summed):
        return (e.base, 0)
    if isinstance(e, n.Add):
        left, right = _index_term(e.left, ctx, sizes, summed), _index_term(e.right, ctx, sizes, summed)
        if left is None or right is None:
            return None
        if left[0] is not None and right[0] is None:
            return (left[0], left[1] + e.sign * right[1])
        if left[0] is None and right[0] is not None and e.sign > 0:
            return (right[0], left[1] + right[1])
        if left[0] is None and right[0] is None:
            return (None, left[1] + e.sign * right[1])
    return None


def _literal_values(ctx: Context, e, ranges: dict[str, tuple[int, int]]) -> set[int] | None:
    """Every value of the index arithmetic e (`2t`, `t + s`) over the literal ranges of the sum
    variables it is written with, or None when it names anything else (a free index, a size, an input)."""
    names = n.names(e)
    if not names or any(nm.sub is not None or nm.base not in ranges for nm in names):
        return None
    letters = sorted({nm.base for nm in names})
    t = Translator(ctx, {})
    out: set[int] = set()
    for combo in itertools.product(*[range(ranges[v][0], ranges[v][1] + 1) for v in letters]):
        v = t.int_value(e, Scope(tuple(zip(letters, combo))))
        if v is None:
            return None
        out.add(v)
    return out


# ------------------------------------------------------------------ where arguments change sign

_INDEX_SYMBOLS: dict[str, sp.Symbol] = {}


def _index_symbol(name: str) -> sp.Symbol:
    s = _INDEX_SYMBOLS.get(name)
    if s is None:
        s = _INDEX_SYMBOLS[name] = sp.Symbol(name, integer=True)
    return s


def _arith(ctx: Context, e, names: frozenset, on_sum, numeric: dict | None = None, free: set | None = None) -> sp.Expr:
    """e as SymPy, with the sizes, indices and sum variables in `names` as integer symbols and every
    other part (an input, a function value, a sum) as an opaque symbol of its own. A name with one
    plain definition (`let K = 2 \\cdot 10`) is read through it. `on_sum(body, var)` is told about each
    sum met, whose value is opaque but whose body's sign may change. An opaque part that uses one of
    `names` as a number (`\\exp(N)`, `\\sqrt{j}`, `2^N`) is put in `numeric`, its symbol mapped to
    whether its sign is the same for every value (`_one_signed`): where it changes is not searched.
    `free` collects the symbols of parts that take every real value at every size: an input, a sum
    over a size's range of such parts (`_free_growth`)."""
    expanding: set[str] = set()
    free_parts = free if free is not None else set()

    def rec(x) -> sp.Expr:
        if isinstance(x, n.Group) and len(x.items) == 1:
            return rec(x.items[0])
        if isinstance(x, n.Name) and x.sub is None and x.base not in names and x.base not in expanding:
            defs = _definitions_of(ctx, x.base)
            if len(defs) == 1 and defs[0].params is None and defs[0].target.sub is None:
                expanding.add(x.base)
                try:
                    return rec(defs[0].body)
                finally:
                    expanding.discard(x.base)
        if isinstance(x, n.Num):
            try:
                f = Fraction(x.text)
            except (ValueError, ZeroDivisionError):
                return sp.Dummy()
            return sp.Rational(f.numerator, f.denominator)
        if isinstance(x, n.Name) and x.sub is None and x.base in names:
            return _index_symbol(x.base)
        if isinstance(x, n.Neg):
            return -rec(x.arg)
        if isinstance(x, n.Add):
            return rec(x.left) + x.sign * rec(x.right)
        if isinstance(x, n.Frac):
            return _quotient(rec(x.num), rec(x.den))
        if isinstance(x, n.Product):
            items, ops = list(x.factors), ["*", *x.ops]
            out, k = None, 0
            while k < len(items):
                f, op = items[k], ops[k]
                size = _ones_square(f, items[k + 1], ops[k + 1], names) if k + 1 < len(items) else None
                if size is not None:  # `\mathbf{1}_a^\top \mathbf{1}_a` is the size a as a number
                    value = _index_symbol(size)
                    k += 2
                elif k + 1 < len(items) and ops[k + 1] == "juxt" and _applied_function(ctx, f, items[k + 1]):
                    value = opaque_part(n.Product(f.span, (f, items[k + 1]), ("juxt",)),
                                        _SIGNED_WORDS.get(FUNCTION_WORDS.get(f.base), False))  # `\\mathrm{sin}(N)`
                    k += 2
                else:
                    value = rec(f)
                    k += 1
                out = value if out is None else (_quotient(out, value) if op == "/" else out * value)
            return out
        if isinstance(x, n.Pow) and isinstance(x.exp, n.Num) and x.exp.text.isdigit():
            base = rec(x.base)
            if int(x.exp.text) <= MAX_ROOT_DEGREE:
                return base ** int(x.exp.text)
            if any(not isinstance(v, sp.Dummy) for v in base.free_symbols):
                raise _Unsearched(f"a power of a size or index of degree past {MAX_ROOT_DEGREE}")
        if isinstance(x, n.BigOp) and x.var is not None:
            on_sum(x.body, x.var.base)
            bounds = [b for b in (x.lower, x.upper) if b is not None] or list(ctx.index_range(x.var.base) or ())
            ranged = any(uses_as_number(b, names) for b in bounds)  # its number of terms depends on a size
            inner: set = set()
            body = _arith(ctx, x.body, names | {x.var.base}, lambda *_: None, None, inner)
            if not any(isinstance(v, sp.Dummy) for v in body.free_symbols):  # set by sizes and indices alone
                closed = closed_sum(x, bounds, body)
                if closed is not None:
                    return closed  # `\\sum_j 1` is N
                return opaque_part(x, False, ranged or uses_as_number(x.body, names))
            own = {v for v in inner if x.var.base in _SUBSCRIPT_LETTERS.get(v, ())}
            if own and _constrained(ctx, x.body, x):
                if ranged and _square_growth(body, own):
                    # a constraint narrows what it takes, never its sign: >= 0 whatever the inputs (`_positive`),
                    # > 0 when an assumption excludes the one point where it is 0 (`_zero_excluded`)
                    return opaque_part(x, False, True, free=POS if _zero_excluded(ctx, x, body, names) else NONNEG)
                own = set()  # `assume x_j > 0`: the sum of x_j is positive, not every value at every size
            if ranged and _free_growth(body, own):
                return opaque_part(x, False, False, free=True)  # `\\sum_j W_{ij} x_j`: every value at every size
            if ranged and _square_growth(body, own):
                return opaque_part(x, True, False, free=HALF)  # `\\sum_k (x_k - m)^2`: [0, oo) at every size
            # `\\sum_t (t + \\tanh x)`, `\\sum_j \\tanh x_j`: values that grow with N, past a constant only at sizes never tried
            return opaque_part(x, _one_signed(x.body), ranged or uses_as_number(x.body, names))
        if isinstance(x, n.Name) and x.sub is not None and _definitions_of(ctx, x.base):
            entry = family_entry(x)
            if entry is not None:
                return entry
            depends = any(uses_as_number(item, names) or _bases(item) & names for item in x.sub) and _set_by_indices(ctx, x, names)
            return opaque_part(x, False, depends)  # `K_N` for `let K_j = j`
        return opaque_part(x, _one_signed(x))

    def closed_sum(x: n.BigOp, bounds: list, body: sp.Expr) -> sp.Expr | None:
        """`\\sum_{j=1}^{N} p(j)` for a polynomial p in indices and sizes, as the polynomial in N it is
        (`\\sum_j 1` is N, `\\sum_{t=1}^{N} t` is N(N + 1)/2): exact for every N >= 0; the same
        over a range of two whole numbers (`\\sum_{t=1}^{3} N` is 3N). None for any other sum (a
        product, another range, a body that is not such a polynomial)."""
        if x.op != "sum" or len(bounds) != 2:
            return None
        var = _index_symbol(x.var.base)
        lo, hi = rec(bounds[0]), rec(bounds[1])
        literal = lo.is_Integer and hi.is_Integer and hi - lo <= MAX_REFERENCE_RANGE
        if literal and hi < lo:
            return sp.S.Zero  # an empty range (`\\sum_{t=3}^{1}`): 0, not SymPy's reversed convention
        if not literal and (lo != 1 or not (hi.is_Symbol and hi in {_index_symbol(nm) for nm in names})):
            return None
        if not body.is_polynomial(var):
            return None
        return sp.expand(sp.summation(body, (var, lo, hi)))

    def structure(x):
        """x without positions, each subscript in sizes and indices read as a number (`x_{0+1}` is
        `x_1`): the same input or sum wherever and however it is written gets one symbol."""
        if isinstance(x, n.Name) and x.sub is not None:
            subs = []
            for item in x.sub:
                value = _arith(ctx, item, names, lambda *_: None)
                subs.append(sp.srepr(sp.expand(value)) if not any(isinstance(v, sp.Dummy) for v in value.free_symbols)
                            else structure(item))
            return ("name", x.base, tuple(subs))
        if isinstance(x, n.Node):
            return (type(x).__name__, tuple(structure(c) for c in n.children(x)))
        if isinstance(x, (tuple, list)):
            return tuple(structure(c) for c in x)
        return x

    def family_entry(x: n.Name) -> sp.Expr | None:
        """`K_N` for the one definition `let K_j = p(j)`, p a polynomial in sizes and indices alone
        (`let K_j = j + 0 x`): p(N), exact. None for anything else (a recurrence, inputs)."""
        defs = _definitions_of(ctx, x.base)
        if len(defs) != 1 or defs[0].params is not None or len(x.sub) != 1 or len(defs[0].target.sub or ()) != 1:
            return None
        letter = defs[0].target.sub[0]
        if not (isinstance(letter, n.Name) and letter.sub is None) or x.base in expanding:
            return None
        expanding.add(x.base)
        try:
            body = _arith(ctx, defs[0].body, names | {letter.base}, lambda *_: None, None)
        finally:
            expanding.discard(x.base)
        if any(isinstance(v, sp.Dummy) for v in body.free_symbols) or not body.is_polynomial():
            return None
        return sp.expand(body.xreplace({_index_symbol(letter.base): rec(x.sub[0])}))

    def opaque_part(x, one_signed: bool, depends: bool | None = None, free: bool | str = False) -> sp.Expr:
        """A new symbol for x (an input: the same symbol wherever its name is written, so where two
        arguments meet is found, `_mixed_meetings`), put in `numeric` when x's value depends on a size
        or index as a number."""
        is_input = isinstance(x, n.Name) and x.base not in CONSTANTS and x.base not in FUNCTION_WORDS \
            and not _definitions_of(ctx, x.base)
        if free in (NONNEG, POS):  # numeric (its values move with the size), not free, known >= 0 (> 0)
            opaque = sp.Dummy(free)
            if numeric is not None:
                numeric[opaque] = one_signed
            return opaque
        opaque = _input_symbol(structure(x), HALF if free == HALF else "input") if is_input or free else sp.Dummy()
        if numeric is not None and (uses_as_number(x, names) if depends is None else depends):
            numeric[opaque] = one_signed
        if free or is_input:
            free_parts.add(opaque)
        if is_input and x.sub is not None:
            if len(_SUBSCRIPT_LETTERS) > INPUT_MEMO:
                _SUBSCRIPT_LETTERS.clear()  # bounded in a long-lived worker; a letter forgotten only makes a sum not free
            _SUBSCRIPT_LETTERS[opaque] = frozenset(nm for item in x.sub for nm in _bases(item))
        return opaque

    return rec(e)


INPUT_MEMO = 1 << 16  # input symbols remembered (far more than one step's analysis meets: LRU keeps its own)
_SUBSCRIPT_LETTERS: dict = {}  # an input's symbol -> the letters of its subscripts (`x_j`: j), for `_free_growth`
HALF = "half"  # the name of the symbols of sums whose values are [0, oo) at every size (`_square_growth`)
NONNEG = "nonneg"  # ... and of constrained sums of squares: >= 0, but what they take may move with the size
POS = "pos"  # ... and of those whose one zero an assumption excludes (`_zero_excluded`): > 0, values moving too


def _zero_excluded(ctx: Context, x: n.BigOp, body: sp.Expr, names: frozenset) -> bool:
    """x is \\sum_j c x_j^{2k} (c > 0), 0 only where every x_j of its range is 0, and an assumption or
    the case is `\\sum_j f(x_j) \\neq 0` (its lets unfolded: `let s = \\sum_j x_j`, `assume s \\neq 0`)
    over the same letter and range, f a polynomial with f(0) = 0: at that point the assumed sum is 0, so
    no point the step is checked at has x = 0, and x > 0 there at every size (r20_let_constrained_neq).
    Nothing else: what x takes may still move with the size (NONNEG's reading otherwise stays)."""
    if x.op != "sum" or x.cond is not None or x.var is None:
        return False
    letter = x.var.base
    try:
        poly = sp.Poly(body, *body.free_symbols) if len(body.free_symbols) == 1 else None
    except sp.PolynomialError:
        return False
    if poly is None or len(poly.terms()) != 1:
        return False
    (power,), coeff = poly.terms()[0]
    if power < 2 or power % 2 or not (coeff.is_Rational and coeff > 0):
        return False
    v = next(iter(body.free_symbols))
    bounds = (x.lower, x.upper)
    within = frozenset(names | {letter})
    for cond in (_unfold_lets(ctx, c) for c in (*ctx.assumptions, *ctx.case)):
        if cond.ops != ("!=",) or len(cond.terms) != 2:
            continue
        for sm, other in (cond.terms, cond.terms[::-1]):
            if not (isinstance(sm, n.BigOp) and sm.op == "sum" and sm.cond is None and sm.var is not None
                    and sm.var.base == letter and (sm.lower, sm.upper) == bounds
                    and isinstance(other, n.Num) and n.literal_value(other) == 0):
                continue
            try:
                f = _arith(ctx, sm.body, within, lambda *_: None)
                q = sp.Poly(f, v)
            except (ProofError, RecursionError, TypeError, ValueError, ZeroDivisionError, ArithmeticError,
                    sp.PolynomialError, _Unsearched):
                continue
            if f.free_symbols <= {v} and q.domain.is_QQ | q.domain.is_ZZ and q.eval(0) == 0 and not q.is_zero:
                return True
    return False


def _constrained(ctx: Context, e, whole=None) -> bool:
    """Some input written in e is bounded by an inequality among the assumptions or the case, or has
    a given value (`assume x_j > 0`): a sum of its terms does not take every real value at every size
    (`_free_growth`: \\sum_j x_j is (0, oo), below N - 30 only from N = 31 on), nor reach 0
    (`_square_growth`, `(x_j - 1)^2` under x_j > 1), so its sizes count as numbers; so is an
    equality about each input (`x_j = 1 - w_j^2`), and one about a sum of them (`\\sum_j y_j = 1`)
    bounds every other sum of them (`\\sum_j y_j^2` is at least 1/N). The sum such an equality is
    about stays free when the equality pins it to a number (`_pinning`: numbers and such sums, signed,
    added and scaled by numbers), so where the assumption itself is read it changes no sign with the
    size (reading it constrained made T4's own assumption `unknown`); a step that compares it with a
    size (`\\sum_j y_j < N - 30.5`) is decided at the sizes tried only, by their sampled points
    (tests/adversarial/redteam_engine/sum_equality_assumed.proof). An equality that ties it to
    anything else (`\\sum_j y_j = N`, `= \\sum_k 1`, `= m` for `let m = \\sum_j 1`) bounds it: it may grow
    with the size (r14_sum_equals_size*, r15_sum_equals_ones*). Likewise an inequality between `whole`
    (the sum itself, as written) and numbers alone (`assume \\sum_j x_j^2 > 1`) leaves it free: it cuts
    the same interval off its values at every size, and its own argument is searched with the step's
    (`_mixed_meetings`: `\\sum_j x_j^2 + N` meets it nowhere)."""
    bases = {nm.base for nm in n.names(e)}
    declared = frozenset(set(size_names(ctx)) | set(ctx.index_names) | {d.target.base for d in ctx.definitions})
    # every condition is read with the plain names its `let`s define unfolded: `let t = \\sum_j (y_j - 1)`,
    # `assume t = 0` is about the y_j, as `assume \\sum_j (y_j - 1) = 0` is (r19_pinning_let_body)
    conds = [_unfold_lets(ctx, c) for c in (*ctx.assumptions, *ctx.case)]
    told = [c for c in conds if set(c.ops) & {"<", "<=", ">", ">="}
            and not (whole is not None and _narrows(c, whole, bases, declared))]
    told += [name for name, _ in ctx.point]
    if any(nm.base in bases for c in told for nm in n.names(c)):
        return True
    equal = [c for c in conds if not set(c.ops) & {"<", "<=", ">", ">="}]
    if any(nm.base in bases for c in equal for nm in _names_outside_sums(c)):
        return True  # `x_j = 1 - w_j^2`
    # about a sum of them: that sum's own body alone stays free (`\\sum_j y_j^2` under `\\sum_j y_j = 1`
    # is at least 1/N, so below 0.0323 only from N = 32 on)
    if any(nm.base in bases and s.body != e for c in equal for s in _all_sums(c) for nm in n.names(s.body)):
        return True
    # unless the equality ties it to anything but a number (`\\sum_j y_j = N`, `= \\sum_k 1`, `2 \\sum_j y_j - N
    # = 0`, through `let s = \\sum_j y_j` too): then the sum may grow with the size (N past \\pi^3 only
    # from N = 32 on). Pinned to a number: every term is a number or such a sum, scaled and added
    for unfolded in equal:
        sums = [sm for sm in _all_sums(unfolded) if any(nm.base in bases for nm in n.names(sm.body))]
        if sums and not all(_pinning(t, bases, declared) for t in unfolded.terms):
            return True
    return False


def _narrows(cond, whole, bases: set, declared: frozenset) -> bool:
    """cond compares the sum `whole` (the same node: same body and range) with numbers alone, scaled
    and added (`0 < \\sum_j x_j^2 < 1`, `2 \\sum_j x_j - 1 > 0`): what it allows the sum is the same
    interval at every size."""
    sums = [sm for sm in _all_sums(cond) if any(nm.base in bases for nm in n.names(sm.body))]
    return bool(sums) and all(sm == whole for sm in sums) and all(_pinning(t, bases, declared) for t in cond.terms)


def _pinning(e, bases: set, declared: frozenset = frozenset()) -> bool:
    """e is built of numbers (and e, \\pi, unless the problem declares them: `index j in 1..e` makes e a
    size) and sums of the inputs `bases`, by signs, sums and number factors only: an equality of such
    terms pins those sums to a number at every size."""
    if isinstance(e, n.Num):
        return True
    if isinstance(e, n.Name):
        return e.sub is None and e.base in CONSTANTS and e.base not in declared
    if isinstance(e, n.BigOp):
        return e.op == "sum" and any(nm.base in bases for nm in n.names(e.body))
    if isinstance(e, n.Neg):
        return _pinning(e.arg, bases, declared)
    if isinstance(e, n.Group):
        return len(e.items) == 1 and _pinning(e.items[0], bases, declared)
    if isinstance(e, n.Add):
        return _pinning(e.left, bases, declared) and _pinning(e.right, bases, declared)
    if isinstance(e, n.Product):
        parts = [f for f in e.factors if not _number_node(f)]
        return len(parts) <= 1 and all(_pinning(f, bases, declared) for f in parts)
    if isinstance(e, n.Frac):
        return _pinning(e.num, bases, declared) and _number_node(e.den)
    return False


def _number_node(e) -> bool:
    """A written number, possibly signed or bracketed (`2`, `-3`, `(1/2)`)."""
    if isinstance(e, n.Num):
        return True
    if isinstance(e, n.Neg):
        return _number_node(e.arg)
    if isinstance(e, n.Group):
        return len(e.items) == 1 and _number_node(e.items[0])
    if isinstance(e, n.Frac):
        return _number_node(e.num) and _number_node(e.den)
    return False


MAX_LET_UNFOLD = 16  # nested `let`s unfolded when reading an equality about a sum (`_unfold_lets`)


def _unfold_lets(ctx: Context, e, depth: int = 0):
    """e with the plain names that a `let` defines (no parameters, no subscript) replaced by their
    bodies, so `assume s = N` after `let s = \\sum_j y_j` is read as the sum it is about."""
    if depth > MAX_LET_UNFOLD:
        return e
    if isinstance(e, n.Name) and (e.sub is None or _atomic_subscript(ctx, e)):
        defs = [d for d in ctx.definitions if d.target.base == e.base and d.target.raw_sub == e.raw_sub
                and d.params is None]
        return _unfold_lets(ctx, defs[-1].body, depth + 1) if defs else e
    if isinstance(e, n.Node) and not isinstance(e, n.Name):
        return replace(e, **{f.name: _unfold_child(ctx, getattr(e, f.name), depth) for f in fields(e) if f.name != "span"})
    return e


def _atomic_subscript(ctx: Context, e: n.Name) -> bool:
    """`t_1`, `t_{sum}`: a name whose subscript holds no index letter is one name (a `let` of it is
    unfolded like a plain name's); `h_j` is an entry of a family, left alone."""
    idx = ctx.index_names

    def index_word(base: str) -> bool:  # `j`, `j'`, `ij`, `jj'`: entries, as `h_j` and `W_{ij}` are
        letters = word_tokens(base)
        return is_index_letter(base, idx) or (letters is not None and all(is_index_letter(c, idx) for c in letters))
    return not any(index_word(nm.base) for nm in n.names(e.sub))


def _unfold_child(ctx: Context, v, depth: int):
    if isinstance(v, tuple):
        return tuple(_unfold_child(ctx, x, depth) for x in v)
    return _unfold_lets(ctx, v, depth) if isinstance(v, n.Node) else v


def _all_sums(e) -> list:
    """Every sum written in e (nested ones too)."""
    found = [e] if isinstance(e, n.BigOp) else []
    return found + [s for c in n.children(e) for s in _all_sums(c)]


def _names_outside_sums(e) -> list:
    """The names e writes outside every sum: an equality about each input (`x_j = 1 - w_j^2`, which
    bounds every x_j), not about their sum (`\\sum_j y_j = 1`)."""
    if isinstance(e, n.BigOp):
        return []
    if isinstance(e, n.Name):
        return [e]
    return [nm for c in n.children(e) for nm in _names_outside_sums(c)]


@functools.lru_cache(maxsize=INPUT_MEMO)
def _input_symbol(key, kind: str) -> sp.Dummy:
    """The opaque symbol of an input or a sum (`_arith`'s `structure`), one per key; `kind` is
    "input" (every real value) or HALF."""
    return sp.Dummy(kind)


def _half(v) -> bool:
    return isinstance(v, sp.Dummy) and v.name == HALF


def _square_growth(body: sp.Expr, free: set) -> bool:
    """A sum's body is c q^2, c a positive number, q affine in an input of its own term with a
    nonzero coefficient (`_own_affine`; `(x_k - m)^2`): every term is >= 0 and can be 0, so the sum's
    values are [0, oo) at every size."""
    c, q = sp.S.One, body
    if body.is_Mul:
        c, q = body.as_independent(*[v for v in body.free_symbols if v in free], as_Add=False)
    if not (q.is_Pow and q.exp == 2) or not c.is_positive:
        return False
    base = q.base
    return any(v in free and not _half(v) and _own_affine(base, v) for v in base.free_symbols)


def _free_growth(body: sp.Expr, free: set) -> bool:
    """A sum's body (in SymPy, `_arith`) is a polynomial of odd degree in one of its parts that take
    every real value, an input of its own term (`free`: inputs with the sum's letter in their
    subscripts; `W_{ij} x_j`, `x_j^3 + c`, not `x_j^2 - x_j y`, whose y is every term's): it takes
    every real value, and so does the sum at every size, so where it crosses a constant is met by the regions' search at each
    size. Any other body (`t + \\tanh x`, `\\tanh x_j`, `1 + 0 x_j`, `x_j^2`, bounded below by 0, a
    quartic) has values that grow or shrink with N."""
    expanded = sp.expand(body)
    for v in sorted((v for v in expanded.free_symbols if v in free), key=sp.default_sort_key):
        try:
            if sp.degree(expanded, v) % 2 == 1 and expanded.is_polynomial(v):
                return True
        except (sp.PolynomialError, ValueError, TypeError):
            continue
    return False


def _set_by_indices(ctx: Context, e, names: frozenset, seen: frozenset = frozenset()) -> bool:
    """e's value is set by sizes and indices alone (no input: `\\sum_j 1`, `K_N` for `let K_j = j`):
    every name in it is one of `names`, a constant, a function word, or defined (for a family, in every
    definition) by such an expression. Where an input enters, the regions' search at each size meets
    its sign changes; where none does, only the sizes searched can. Read as SymPy (`_arith`), an
    input times 0 is no input (`let K_j = j + 0 x`); a sum's own letter is one of `names`."""
    names = names | _sum_letters(e)
    inputs = False  # a name with no definition: an input, unless it drops out (`0 x`)
    for nm in n.names(e):
        base = nm.base
        if base in names or base in CONSTANTS or base in FUNCTION_WORDS or base in seen:
            continue
        defs = _definitions_of(ctx, base)
        if not defs:
            inputs = True
            continue
        for d in defs:
            own = frozenset(x.base for x in n.names(d.target) if x.sub is None) | frozenset(d.params or ())
            if not _set_by_indices(ctx, d.body, names | own, seen | {base}):
                return False
    if not inputs:
        return True
    if any(_definitions_of(ctx, nm.base) for nm in n.names(e)):
        return False  # read through `_arith` only without definitions (a recurrence would not end)
    return not any(isinstance(v, sp.Dummy) for v in _arith(ctx, e, names, lambda *_: None).free_symbols)


def _sum_letters(e) -> frozenset:
    """The letters bound by the sums and products in e."""
    out: set[str] = set()

    def walk(x):
        if isinstance(x, n.BigOp) and x.var is not None:
            out.add(x.var.base)
        for y in n.children(x):
            walk(y)

    walk(e)
    return frozenset(out)


_SIGNED_WORDS = {w: True for w in ("exp", "cosh", "sqrt", "sigmoid", "softplus")}  # one sign whatever the argument


def _applied_function(ctx: Context, head, nxt) -> bool:
    """`head(...)` applies a function: a built-in named by a word (`\\mathrm{sin}`), a function of
    `let f(t) = ...`, or an undeclared function of the problem's readings."""
    if not (isinstance(head, n.Name) and head.sub is None and isinstance(nxt, n.Group)):
        return False
    if head.base in FUNCTION_WORDS or head.base in ctx.readings.functions:
        return True
    return any(d.params is not None for d in _definitions_of(ctx, head.base))


def uses_as_number(x, names) -> bool:
    """Does x use one of `names` (sizes, indices, sum variables, parameters) as a number, outside
    subscripts (`\\exp(N)` does, `x_N` does not)?"""
    if isinstance(x, n.Name):
        return x.sub is None and x.base in names
    if isinstance(x, n.Ones):
        return False  # `\\mathbf{1}_n`: n is a dimension, as in a subscript
    return any(uses_as_number(y, names) for y in n.children(x))


def _one_signed(x) -> bool:
    """x has one sign wherever it has a value, whatever its argument (e^u, cosh u, a root, b^u with b
    a positive number): as a factor of an argument it moves no sign change."""
    if isinstance(x, n.Call):
        return _SIGNED_WORDS.get(FUNCTION_WORDS.get(x.func, x.func), False) and x.power == 1
    if isinstance(x, n.Pow):
        if isinstance(x.base, n.Name) and x.base.sub is None and x.base.base == "e":
            return True  # e^u
        if isinstance(x.base, n.Num):
            try:
                return Fraction(x.base.text) > 0  # 2^N (not 0^N: 1 at N = 0, else 0)
            except (ValueError, ZeroDivisionError):
                return False
        return isinstance(x.exp, n.Frac) and isinstance(x.exp.num, n.Num) and isinstance(x.exp.den, n.Num)  # N^{1/2}
    return False


class _Unsearched(Exception):
    """An argument in sizes and indices too large to root-isolate: where it changes sign is not known."""


def _quotient(a: sp.Expr, b: sp.Expr) -> sp.Expr:
    return sp.Dummy() if b == 0 else a / b


def _sign_factors(value: sp.Expr, numeric: dict | None = None, free: set | None = None,
                  mixed: list | None = None, sizes: frozenset = frozenset()) -> list[sp.Expr]:
    """The factors of value (numerator and denominator) written in sizes and indices alone: where
    value changes sign, one of them does. Opaque parts (inputs, functions) are factored out:
    `(3 - N) x^2` changes sign at N = 3. An opaque part that uses a size or index as a number
    (`numeric`, from `_arith`) is left out only as a factor of one sign (`\\exp(N) x`); anywhere else
    (`\\exp(N) - 10^9`, `\\sqrt{j} - 7`) where value changes sign is not known: _Unsearched. So is
    a factor that mixes sizes or indices with an opaque part other than an input (`free`): `N +
    \\sigma(x) - 30` crosses 0 only from N = 30 on, a size the search at each size never reaches,
    while `N + x` crosses it at x = -N at every size. The factors in inputs, with or without sizes
    and indices, go in `mixed` (where they meet: `_mixed_meetings`). A factor positive at every size
    and every input (`_positive`: `\\sum_j x_j^2 + N` for the symbols of the sizes in `sizes`) changes
    no sign: none of these."""
    free = free or set()
    numeric = numeric or {}
    if not any(not isinstance(v, sp.Dummy) or v in numeric for v in value.free_symbols):
        if mixed is not None and value.free_symbols & free and value not in mixed:
            mixed.append(value)  # in inputs alone: unfactored (a resultant with it has its factors' roots)
        return []
    if sp.count_ops(value) > MAX_ARGUMENT_NODES:
        raise _Unsearched(f"an argument in sizes and indices of more than {MAX_ARGUMENT_NODES} operations")
    try:
        parts = sp.fraction(sp.together(value))
        factors = [f for part in parts for f, _ in sp.factor_list(part)[1]]
    except (sp.PolynomialError, ValueError, TypeError):
        if numeric:
            raise _Unsearched("a size or index used as a number inside a function") from None
        return []
    factors = [f for f in factors if not _positive(f, sizes)]
    for f in factors:
        bounded = any(isinstance(v, sp.Dummy) and v not in free and v not in numeric for v in f.free_symbols) \
            or any(v in numeric and not _half(v) for v in f.free_symbols)
        if bounded and any(not isinstance(v, sp.Dummy) for v in f.free_symbols):
            raise _Unsearched("a size or index used as a number together with an input or a function value in "
                              "one factor (`N + \\sigma(x)`, `N \\tanh(x) - 30`): where it changes sign depends on both")
        inside = f.free_symbols & numeric.keys()
        if inside and not (f in numeric and numeric[f]):
            raise _Unsearched("a size or index used as a number inside a function, a product or a defined entry "
                              "(`\\exp(N)`, `\\sqrt{j}`, `\\prod_j 2`, `K_N` for `let K_j = j`)")
    if mixed is not None:
        mixed += [f for f in factors if f.free_symbols & free and f not in mixed]
    return [f for f in factors if f.free_symbols and not any(isinstance(v, sp.Dummy) for v in f.free_symbols)]


def _positive(f: sp.Expr, sizes: frozenset) -> bool:
    """f is > 0 wherever it has a value, whatever the sizes (`sizes`: their symbols, each >= 1) and the
    inputs: a polynomial with positive coefficients in sizes and sums known >= 0 (NONNEG: constrained
    sums of squares, HALF), with a term in sizes alone (`\\sum_j x_j^2 + N`, `2 + N S`). A constraint
    from an assumption narrows what such a sum takes, never this sign (r20_let_constrained)."""
    known = {v for v in f.free_symbols if isinstance(v, sp.Dummy) and v.name in (NONNEG, HALF, POS)}
    nonneg = {v for v in known if v.name != POS}  # POS: > 0, so a term of it alone is > 0 too
    if not known or not f.free_symbols <= known | set(sizes):
        return False
    try:
        poly = sp.Poly(f, *sorted(f.free_symbols, key=sp.default_sort_key))
    except sp.PolynomialError:
        return False
    gens = poly.gens
    terms = poly.terms()
    return all(c.is_Rational and c > 0 for _, c in terms) and any(
        all(e == 0 for g, e in zip(gens, m) if g in nonneg) for m, _ in terms)


def _mixed_meetings(mixed: list[sp.Expr], free: set) -> list[sp.Expr]:
    """Polynomials in sizes and indices whose sign changes are where the regions of inputs that
    factors mixing sizes with inputs cut change (the regions' search at each size meets the rest):
    for a factor in one input u and sizes, where its roots in u appear or vanish (its leading
    coefficient and discriminant in u), and where it meets another factor in u alone (their
    resultant): `(N + 4 x > 0)(x < -7.4)` has a cell from N = 29.6 on. Factors in several inputs,
    and the factors that share inputs with them, when all are affine in the inputs: where a minor of
    their coefficient matrix (rows (a, b) of a . u + b, and the row at infinity) vanishes, the only
    places the arrangement's cells can change (`(N + 4x + 4z > 0)(x + z < -7.4)`: N = 29.6); any
    other such factor is not searched (docs/language.md). An input of its own, in which a factor is
    affine (`D + N \\epsilon`), lets the factor take every value at every size: nothing to search."""
    out: list[sp.Expr] = []

    def add(r) -> None:
        r = sp.expand(r)
        if r.free_symbols and not any(isinstance(v, sp.Dummy) for v in r.free_symbols) and r not in out:
            out.append(r)

    for f in mixed:
        inputs = f.free_symbols & free
        if all(isinstance(v, sp.Dummy) for v in f.free_symbols):
            continue  # in inputs alone
        others = [g for g in mixed if g is not f and g.free_symbols & inputs]
        if any(_own_affine(f, u) and not _half(u) and not any(u in g.free_symbols for g in others) for u in inputs):
            continue  # f takes every value at every size through an input of its own (`D + N \\epsilon`)
        if len(inputs) != 1 or any(len(g.free_symbols & free) > 1 for g in others):
            for r in _arrangement_minors(f, mixed, free):
                add(r)
            continue
        (u,) = inputs
        if _half(u):  # [0, oo): where its boundary u = 0 meets the sizes
            add(f.xreplace({u: 0}))
        try:
            poly = sp.Poly(f, u)
            add(poly.LC())
            if poly.degree() > 1:
                add(sp.discriminant(poly.as_expr(), u))
            for g in mixed:
                if g is not f and g.free_symbols & free == {u}:
                    add(sp.resultant(f, g, u))
        except (sp.PolynomialError, ValueError, TypeError):
            raise _Unsearched("an argument in a size and an input that is no polynomial in the input") from None
    return out


def _arrangement_minors(f: sp.Expr, mixed: list[sp.Expr], free: set) -> list[sp.Expr]:
    """Every minor of the coefficient matrix of the factors connected to f through shared inputs
    (`_mixed_meetings`), each a polynomial in sizes and indices; _Unsearched when one of them is not
    affine in the inputs, or they are too many (MAX_ARRANGEMENT). A half-free input u (>= 0) adds
    the row of u itself."""
    component, inputs = [f], set(f.free_symbols & free)
    grew = True
    while grew:
        grew = False
        for g in mixed:
            if g not in component and g.free_symbols & inputs:
                component.append(g)
                inputs |= g.free_symbols & free
                grew = True
    variables = sorted(inputs, key=sp.default_sort_key)
    rows = []
    for g in component:
        try:
            poly = sp.Poly(g, *variables)
        except sp.PolynomialError:
            poly = None
        if poly is None or poly.total_degree() > 1 or any(isinstance(v, sp.Dummy) for c in poly.coeffs() for v in c.free_symbols):
            raise _Unsearched("an argument that mixes a size or index with several inputs, not affine in them, or "
                              "meeting one that is not")
        rows.append([poly.coeff_monomial(v) for v in variables] + [poly.coeff_monomial(1)])
    rows += [[sp.S.One if w == v else sp.S.Zero for w in variables] + [sp.S.Zero] for v in variables if _half(v)]
    rows.append([sp.S.Zero] * len(variables) + [sp.S.One])  # the hyperplane at infinity
    if len(variables) > MAX_ARRANGEMENT[0] or len(rows) > MAX_ARRANGEMENT[1]:
        raise _Unsearched(f"arguments mixing sizes with more than {MAX_ARRANGEMENT[0]} inputs or "
                          f"{MAX_ARRANGEMENT[1]} such arguments")
    matrix = sp.Matrix(rows)
    out = []
    for k in range(1, len(variables) + 2):
        for rs in itertools.combinations(range(matrix.rows), k):
            for cs in itertools.combinations(range(matrix.cols), k):
                out.append(matrix.extract(list(rs), list(cs)).det())
    return out


def _own_affine(f: sp.Expr, u: sp.Symbol) -> bool:
    """f is c u + (rest without u) for c a nonzero number times sizes and indices (`N \\epsilon`:
    sizes and indices are at least 1 where they multiply)."""
    c = sp.diff(f, u)
    if c.has(u) or any(isinstance(v, sp.Dummy) for v in c.free_symbols):
        return False
    number, rest = c.as_independent(*c.free_symbols, as_Add=False) if c.free_symbols else (c, sp.S.One)
    return bool(number.is_number and number != 0 and (rest == 1 or rest.is_Mul or rest.is_Symbol or rest.is_Pow)
                and all(e.is_Integer and e > 0 for _, e in rest.as_powers_dict().items()))


def _sign_points(f: sp.Expr) -> list[dict[str, int]]:
    """Where the factor f changes sign: the integers next to each real root (isolated exactly: every
    real root of a polynomial with rational coefficients, any degree up to MAX_ROOT_DEGREE). In one
    variable, that variable's values; in several, each variable's roots with the others at 1 (the
    least size) and the roots on the diagonal (all equal): `N + M = 30` gives N = 29, M = 1 and
    N = M = 15 (`_meeting_points` adds where two factors meet)."""
    syms = sorted(f.free_symbols, key=lambda v: v.name)
    if len(syms) == 1:
        return [{syms[0].name: k} for k in _integer_roots(f, syms[0])]
    out: list[dict[str, int]] = []
    for v in syms:
        rest = {w: sp.Integer(1) for w in syms if w != v}
        out += [{v.name: k, **{w.name: 1 for w in rest}} for k in _integer_roots(f.xreplace(rest), v)]
    t = sp.Dummy()
    out += [{w.name: k for w in syms} for k in _integer_roots(f.xreplace({w: t for w in syms}), t)]
    return out


def _compares_terms(f: sp.Expr, offsets: set[int]) -> bool:
    """Is f `±(v + a - (w + b))` for offsets a, b: a comparison the order types of the terms decide?"""
    syms = list(f.free_symbols)
    try:
        poly = sp.Poly(f, *syms)
    except sp.PolynomialError:
        return False
    if len(syms) != 2 or poly.total_degree() != 1:
        return False
    a, b = (poly.coeff_monomial(v) for v in syms)
    c = poly.coeff_monomial(1)
    if a != -b or abs(a) == 0 or not (c / a).is_integer:
        return False
    return int(c / a) in {p - q for p in offsets for q in offsets}


def _meeting_points(f: sp.Expr, g: sp.Expr) -> list[dict[str, int]]:
    """Where two factors in the same two variables (or one of them in one of those) vanish together,
    as integer neighbours: the roots of their resultant in one variable, then the other variable's
    roots of f there (`(N + M = 30)` with `(M > 20)`: N = 10, M = 20 and their neighbours). Two
    conditions in two sizes can only both change at such a point."""
    syms = sorted(f.free_symbols | g.free_symbols, key=lambda v: v.name)
    if len(syms) != 2 or len(f.free_symbols) != 2:
        return []
    out: list[dict[str, int]] = []
    for v, w in (syms, syms[::-1]):
        try:
            res = sp.resultant(sp.fraction(sp.together(f))[0], sp.fraction(sp.together(g))[0], w)
        except (sp.PolynomialError, ValueError, TypeError):
            continue
        for a in _integer_roots(res, v):
            out += [{v.name: a, w.name: b} for b in _integer_roots(f.xreplace({v: sp.Integer(a)}), w)]
    return out


def _integer_roots(f: sp.Expr, v: sp.Symbol) -> list[int]:
    """The integers next to each real root of the rational function f of v (roots of its numerator):
    floor - 1 .. ceil + 1 of an isolating interval narrower than 1."""
    num = sp.fraction(sp.together(f))[0]
    try:
        poly = sp.Poly(num, v)
    except sp.PolynomialError:
        return []
    if poly.is_zero or poly.degree() < 1:
        return []
    if poly.degree() > MAX_ROOT_DEGREE or not poly.domain.is_QQ and not poly.domain.is_ZZ:
        raise _Unsearched(f"a polynomial in a size or index of degree {poly.degree()}")
    out: set[int] = set()
    for (lo, hi), _ in poly.intervals(eps=sp.Rational(1, 2)):
        out.update(range(math.floor(lo) - 1, math.ceil(hi) + 2))
    return sorted(out)


def _ones_square(f, g, op: str, names: frozenset) -> str | None:
    """The size s when `f g` is `\\mathbf{1}_s^\\top \\mathbf{1}_s` (the number s), else None."""
    if op not in ("juxt", "*") or not (isinstance(f, n.Pow) and isinstance(f.exp, n.Name) and f.exp.base == "top"):
        return None
    a, b = f.base, g
    if isinstance(a, n.Ones) and isinstance(b, n.Ones) and isinstance(a.size, n.Name) and a.size == b.size \
            and a.size.sub is None and a.size.base in names:
        return a.size.base
    return None


def _difference_roots(ctx: Context, exprs, names: frozenset) -> set[int]:
    """The whole numbers next to every real root of the step's own difference, as a function of the
    sizes and indices it uses as numbers (`_arith`: inputs and function values opaque): a constant
    need not be written to be a root. `(N - 1) \\cdots (N - 5)(0.5 N - 3) = 0` vanishes at N = 1..6
    though no 6 is written, so "past every constant" must mean past 6 as well. Only adds sizes to
    try: a difference this reading cannot factor adds nothing, and the rest of the plan stands."""
    try:
        value = _arith(ctx, exprs[0], names, lambda *_: None) - _arith(ctx, exprs[1], names, lambda *_: None)
        if not any(not isinstance(v, sp.Dummy) for v in value.free_symbols) \
                or sp.count_ops(value) > MAX_ARGUMENT_NODES:
            return set()
        factors = [f for f, _ in sp.factor_list(sp.fraction(sp.together(value))[0])[1]]
        out: set[int] = set()
        for f in factors:
            if f.free_symbols and not any(isinstance(v, sp.Dummy) for v in f.free_symbols):
                for point in _sign_points(f):
                    out.update(abs(v) for v in point.values() if abs(v) <= 10 ** 12)
        return out
    except (_Unsearched, ProofError, RecursionError, TypeError, ValueError, ZeroDivisionError,
            ArithmeticError, sp.PolynomialError, NotImplementedError):
        return set()  # not read: the constants written stand alone, as before


def _size_entry(ctx: Context, item, size_set: set[str], sum_vars: frozenset = frozenset()):
    """A subscript item written with sizes and numbers only (`2N`, `-N`, `N^2 - 1`, `10`), with sizes and
    indices together (`N + i`, `3N + 2i`), or with indices alone (`j + 30`, `2i`), as SymPy in those names
    (opaque parts such as `2^N` as Dummies), with whether it goes beyond `v + c` and `c` (two terms that
    do not are ordered, `_realise`); None for anything else. A sum's variable counts as an index when it
    is in `sum_vars` (its range is the sum's: `entry_term`)."""
    names = n.names(item)
    indices = ctx.index_names
    if any(nm.sub is not None or not (nm.base in size_set or nm.base.rstrip("'") in indices or nm.base in sum_vars)
           for nm in names):
        return None
    try:
        value = _arith(ctx, item, frozenset(size_set | {nm.base for nm in names}), lambda *_: None)
    except (ProofError, RecursionError, TypeError, ValueError, ZeroDivisionError, ArithmeticError):
        return None
    if not any(nm.base in size_set for nm in names) and value.has(sp.Dummy):
        return None  # indices alone through a function (`x_{\\max(i,j)}`): their values are enumerated
    return value, _index_term(item, ctx, size_set) is None


def _exact_integer_roots(f: sp.Expr, v: sp.Symbol) -> list[int]:
    """The integers where the rational function f of v is exactly 0 (its numerator's real roots isolated
    exactly, each integer in an isolating interval tested exactly). `_Unsearched` when that cannot be
    done: past MAX_ROOT_DEGREE, coefficients that are not rational, or a root past any size (10^12)."""
    num, den = sp.fraction(sp.together(f))
    try:
        poly = sp.Poly(num, v)
    except sp.PolynomialError:
        raise _Unsearched("an entry named by sizes beyond a polynomial") from None
    if poly.is_zero or poly.degree() < 1:
        return []
    if poly.degree() > MAX_ROOT_DEGREE or not (poly.domain.is_QQ or poly.domain.is_ZZ):
        raise _Unsearched(f"an entry named by a polynomial in a size of degree {poly.degree()}")
    out: list[int] = []
    for (lo, hi), _ in poly.intervals(eps=sp.Rational(1, 2)):
        for k in range(math.floor(lo), math.ceil(hi) + 1):
            if poly.eval(k) == 0 and den.xreplace({v: sp.Integer(k)}) != 0 and k not in out:
                if abs(k) > 10 ** 12:
                    raise _Unsearched(f"entries named by sizes meet only at {v.name} = {k}, past any size tried")
                out.append(k)
    return out


def _entry_meetings(ctx: Context, entries: dict, size_set: set[str], exprs=()) -> tuple[list[dict[str, int]], str]:
    """Where two entries of one family, one named by sizes beyond `v + c` (`h_{2N}`, `h_{-N}`, `h_{N^2}`,
    `h_{3N + 2i}`), are the same entry: the sizes that make their subscripts equal (`h_{2N}` and `h_{10}`:
    N = 5; `h_{3N + 2i}` and `h_{27}`: N = 7 with i = 3), found exactly. Those sizes are checked
    (`Shape.critical`; an index's value there is a reference value at every size): the order types of
    the terms and constants written never reach them (`\\frac{\\partial h_{2N}}{\\partial h_{10}} = 0` was
    accepted, red team fix28p; `\\frac{\\partial h_{N+i}}{\\partial h_{25}} = 0` too, round 31).
    At most MAX_ENTRY_SIZES sizes, the least first; past that, or where the meetings cannot be found
    exactly (several sizes in one subscript, `h_{2^N}`, a size and an index not in a linear subscript),
    the second value says why (then `unknown`). Two entries that differ by indices alone (`h_{2i}` and
    `h_{j+1}`) are left to the orderings and values of the index terms."""
    points: list[dict[str, int]] = []
    why = ""
    for base, terms in sorted(entries.items()):
        for (pos, p, beyond, _, own), (pos2, q, beyond2, _, own2) in itertools.combinations(terms, 2):
            if pos != pos2 or not (beyond or beyond2):
                continue  # two terms `v + c` or `c`: their order types are realised (`_realise`)
            d = sp.expand(p - q)
            syms = d.free_symbols
            if not syms:
                continue
            indices = {x for x in syms if not isinstance(x, sp.Dummy) and x.name not in size_set}
            if indices and any(isinstance(x, sp.Dummy) for x in syms) \
                    and not any(not isinstance(x, sp.Dummy) and x.name in size_set for x in syms):
                # a size inside a function beside indices (`h_{\\max(N, i) + i}`, `h_{2^N + i}`: `_size_entry`
                # keeps a Dummy only where a size is written): no size is left to search, and the indices'
                # order types never reach N + i = 25 (`h_{\\max(N, i) + i}` beside `h_{25}` was accepted:
                # red team round 32)
                why = why or (f"entries of `{base}` named by indices and a size inside a function: where they meet "
                              "another entry is not searched")
                continue
            if indices and not any(not isinstance(x, sp.Dummy) and x.name in size_set for x in syms) \
                    and (len(indices) != 1 or syms != indices):
                # indices alone (`h_{2i}` and `h_{j+1}`, `x_{\\max(i,j)}`): their order types and values are
                # enumerated; two indices beyond `v + c` meet where no order type need fall (`h_{i^2}` and
                # `h_{j+30}` at i = j = 6 was accepted: red team round 31), so the least whole meetings
                # are reference values too
                if len(indices) == 2 and syms == indices and (beyond or beyond2):
                    pair = sorted(indices, key=lambda x: x.name)
                    covered = _order_type_meeting(d) or _meeting_covered(ctx, exprs, d, indices, size_set)
                    every = None if covered else _finite_meetings(ctx, d, pair, size_set)
                    if every is not None:
                        # finitely many meetings, every one found exactly: each is a reference value, so no
                        # meeting is left to a sample (`h_{i^2}` and `h_{50-j}` meet at i = 1..7 only)
                        points += [pt for pt in every if pt not in points]
                        continue
                    points += [pt for pt in _least_meetings(d, pair) if pt not in points]
                    if not covered:
                        # a sample is not a cover: `(i-6)(i-7)...(i-11)` beside `h_{i^2}` and `h_{j+30}`
                        # vanishes at the least meetings and not at i = 12, j = 114 (red team round 31)
                        why = why or (f"entries of `{base}` named by two indices meet at whole points beyond their "
                                      f"order types ({sp.sstr(d)} = 0, maybe infinitely many), and the step uses "
                                      "those indices as numbers elsewhere: its least meetings do not stand for every one")
                continue
            if len(indices) > MAX_MEETING_INDICES:
                why = why or (f"entries of `{base}` named by a size and {len(indices)} indices: where they meet is "
                              "not searched")
                continue
            if indices and syms != indices:
                try:
                    found = _index_meetings(ctx, d, sorted(indices, key=lambda x: x.name), syms - indices, size_set,
                                            {**dict(own), **dict(own2)})
                except _Unsearched as exc:
                    why = why or f"{exc} (`{base}`): where it meets another entry is not searched"
                    continue
                points += [pt for pt in found if pt not in points]
                continue
            if len(syms) > 1 or any(isinstance(x, sp.Dummy) for x in syms):
                why = why or (f"entries of `{base}` named by sizes beyond a polynomial in one size: where they "
                              "meet another entry is not searched")
                continue
            # one size (`h_{2N}` and `h_{10}`: N = 5, a size) or one index (`h_{2i}` and `h_{10}`: i = 5, a
            # reference value at every size, whole but not necessarily positive)
            v = next(iter(syms))
            try:
                roots = _exact_integer_roots(d, v)
            except _Unsearched as exc:
                why = why or f"{exc} (`{base}`): where it meets another entry is not searched"
                continue
            for r in roots:
                if (v in indices or r >= 1) and {v.name: r} not in points:
                    points.append({v.name: r})
    points.sort(key=lambda pt: sorted(pt.items()))
    sizes_met = {tuple(sorted((k, v) for k, v in pt.items() if k in size_set)) for pt in points}
    if len(sizes_met) > MAX_ENTRY_SIZES:
        why = why or (f"{len(sizes_met)} sizes where an entry named by sizes meets another entry; only "
                      f"{MAX_ENTRY_SIZES} are checked")
        points = points[:MAX_ENTRY_SIZES]
    return points, why


def _order_type_meeting(d: sp.Expr) -> bool:
    """d = +-(a - b) + c for two indices a, b and a whole c: the meetings a = b - c are an order type of
    the terms `a` and `b - c`, realised like every other (`_realise`)."""
    try:
        poly = sp.Poly(d, *sorted(d.free_symbols, key=lambda x: x.name))
    except sp.PolynomialError:
        return False
    if poly.total_degree() != 1 or len(poly.gens) != 2 or not poly.domain.is_ZZ:
        return False
    a, b = (poly.coeff_monomial(g) for g in poly.gens)
    return abs(a) == 1 and a == -b


def _meeting_covered(ctx: Context, exprs, d: sp.Expr, indices, size_set: set[str]) -> bool:
    """Do the step's members (definitions read through) use the two indices of a meeting d = 0 only in
    entry subscripts and in comparisons whose difference is a nonzero rational multiple of d? On the
    meeting set such a comparison has one value, and every meeting has the same entries meeting, so
    the least meetings stand for the rest (`\\frac{\\partial h_{i^2}}{\\partial h_{j+30}} = (i^2 = j + 30)`).
    Any other use (`(i - 6)(i - 7)`, `\\cos(i)`, a sum binding one of the letters, a comparison that is
    not d): False. A sample is then not a cover of infinitely many meetings."""
    names = {x.name for x in indices}
    if any("@" in nm for nm in names):
        return False  # a sum's variable: where it is bound is not followed here
    seen: set = set()
    syms = frozenset(size_set | ctx.index_names)

    def proportional(cond) -> bool:
        if len(cond.terms) != 2:
            return False
        try:
            left = _arith(ctx, cond.terms[0], syms, lambda *_: None)
            right = _arith(ctx, cond.terms[1], syms, lambda *_: None)
        except Exception:  # noqa: BLE001  (unreadable: not covered)
            return False
        ratio = sp.cancel((left - right) / d)
        return ratio.is_Rational and ratio != 0

    def numbered(x, letters: set) -> bool:
        """A family definition's body uses its own subscript letters as numbers (`let K_m = (m - 36) h_m`),
        here or in the definitions of the entries it writes: then the entry K_{i^2} differs from meeting to
        meeting (red team round 33)."""
        if isinstance(x, n.Name):
            if x.sub is None:
                return x.base in letters
            return entry_numbered(x, letters)
        if isinstance(x, n.BigOp) and x.var is not None and x.var.base in letters:
            return True
        return any(numbered(y, letters) for y in n.children(x) if isinstance(y, (n.Node, tuple, list)))

    def entry_numbered(x: n.Name, letters: set) -> bool:
        """x is an entry with one of `letters` in its subscripts whose family's definition uses its own
        subscript letters as numbers."""
        if not any(nm.base in letters for item in x.sub for nm in n.names(item)) or (x.base, "@family") in seen:
            return False
        seen.add((x.base, "@family"))
        for dd in ctx.definitions:
            if dd.target.base == x.base and dd.target.sub and dd.params is None:
                own = {nm.base for item in dd.target.sub for nm in n.names(item)}
                if numbered(dd.body, own):
                    return True
        return False

    def ok(x) -> bool:
        if isinstance(x, n.Name):
            if x.sub is None and x.base in names:
                return False
            if x.sub is not None and entry_numbered(x, names):
                return False
            if x.base not in seen and x.sub is None:
                for dd in ctx.definitions:
                    if dd.target.base == x.base:
                        seen.add(x.base)
                        if not ok(dd.body):
                            return False
            return True  # an entry's subscripts are where the meeting itself is
        if isinstance(x, (n.Indicator, n.Condition)):
            cond = x.cond if isinstance(x, n.Indicator) else x
            if proportional(cond):
                return True
        if isinstance(x, n.BigOp) and x.var is not None and x.var.base in names:
            return False
        return all(ok(y) for y in n.children(x) if isinstance(y, (n.Node, tuple, list)))

    return bool(exprs) and all(ok(e) for e in exprs)


_LEAST_MEETING_BOUND = 200  # two indices alone: their meetings with both values in 1..this are searched
_LEAST_MEETINGS = 4  # and the least this many are reference values


def _least_meetings(d: sp.Expr, indices: list) -> list[dict[str, int]]:
    """The least whole (a, b) in 1.._LEAST_MEETING_BOUND with d(a, b) = 0 (by the larger value), for a
    polynomial d in two indices with rational coefficients; none for anything else. Reference values
    only: every meeting need not be among them (the order types of the indices stay the rule)."""
    try:
        poly = sp.Poly(d, *indices)
    except sp.PolynomialError:
        return []
    if not (poly.domain.is_QQ or poly.domain.is_ZZ):
        return []
    scale = math.lcm(*(int(c.q) for c in poly.coeffs()))
    terms = [(int(c * scale), e) for e, c in poly.terms()]
    out = []
    for top in range(1, _LEAST_MEETING_BOUND + 1):
        for a, b in [(top, k) for k in range(1, top + 1)] + [(k, top) for k in range(1, top)]:
            if sum(c * a ** ea * b ** eb for c, (ea, eb) in terms) == 0:
                out.append({indices[0].name: a, indices[1].name: b})
                if len(out) >= _LEAST_MEETINGS:
                    return out
    return out


_FINITE_MEETINGS = 16  # two indices meeting at at most this many whole points (`_finite_meetings`): all are tried
_FINITE_SCAN = 200  # the most values of one index scanned for them


def _finite_meetings(ctx: Context, d: sp.Expr, indices: list, size_set: set[str]) -> list[dict[str, int]] | None:
    """Every whole (a, b) inside the declared ranges with d(a, b) = 0, for two declared indices, when that
    set is shown finite: one index ranges over whole numbers written (`index i in 1..10`, or `case i = 3`),
    or, with each lower bound a whole number lo (i = lo_i + s, j = lo_j + t, s, t >= 0), d's terms other
    than the constant all have the sign opposite to it (or the same: no meeting), so each is at most
    |constant| at a meeting and a term c s^k bounds s (`i^2 + j - 50`: i <= 7). Each value of the bounded
    index (at most _FINITE_SCAN) is tried and the other's roots found exactly. None when it is not shown
    finite, is more than _FINITE_MEETINGS points or past _MEETING_SCAN, or when an upper bound is not a whole
    number nor k N + c (k >= 1, c >= 0: every meeting then fits the least size past its values, where
    `critical_sizes` takes it). A superset of the meetings is tried, never a sample."""
    try:
        poly = sp.Poly(d, *indices)
    except sp.PolynomialError:
        return None
    if not (poly.domain.is_QQ or poly.domain.is_ZZ) or poly.is_zero:
        return None
    spans: list[tuple[int, int | None]] = []
    for v in indices:
        if "@" in v.name or ctx.index_range(v.name) is None:
            return None  # a sum's variable: its range is its sum's, not followed here
        ends = []
        for bound in ctx.index_range(v.name):
            try:
                value = sp.expand(_arith(ctx, bound, frozenset(size_set), lambda *_: None))
            except (ProofError, RecursionError, TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                return None
            ends.append(value)
        lo, hi = ends
        if not (lo.is_Rational and (hi.is_Rational or _grows(hi, size_set))):
            return None
        span = (math.ceil(lo), math.floor(hi) if hi.is_Rational else None)
        pinned = _case_value(ctx, v.name.rstrip("'")) if "'" not in v.name else None
        if pinned is not None:
            try:
                value = _arith(ctx, pinned, frozenset(size_set), lambda *_: None)
            except (ProofError, RecursionError, TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                value = None
            if value is not None and value.is_Integer:
                span = (int(value), int(value))
        spans.append(span)
    scale = math.lcm(*(int(c.q) for c in poly.coeffs()))
    terms = [(int(c * scale), e) for e, c in poly.terms()]
    bounded = [k for k in (0, 1) if spans[k][1] is not None]
    if not bounded:
        shifted = sp.Poly(sp.expand(d.xreplace({indices[0]: indices[0] + spans[0][0],
                                                indices[1]: indices[1] + spans[1][0]})), *indices)
        const = shifted.coeff_monomial(1)
        rest = [(e, c) for e, c in shifted.terms() if any(e)]
        if const == 0 or not rest:
            return None
        if all(c * const > 0 for _, c in rest):
            return []  # every term has the constant's sign on the quadrant: no meeting at all
        if not all(c * const < 0 for _, c in rest):
            return None
        for k in (0, 1):
            caps = []
            for e, c in rest:
                if e[k] >= 1 and e[1 - k] == 0:  # c s^p <= |constant|
                    top = 0
                    while top <= _FINITE_SCAN and abs(c) * (top + 1) ** e[k] <= abs(const):
                        top += 1
                    if top <= _FINITE_SCAN:  # else the bound is not reached: no cap (never a cut one)
                        caps.append(top)
            if caps:
                spans[k] = (spans[k][0], spans[k][0] + min(caps))
                bounded.append(k)
        if not bounded:
            return None
    k = min(bounded, key=lambda b: spans[b][1] - spans[b][0])
    lo, hi = spans[k]
    other_lo, other_hi = spans[1 - k]
    if hi - lo + 1 > _FINITE_SCAN:
        return None
    out: list[dict[str, int]] = []
    for x in range(lo, hi + 1):
        coeffs: dict[int, int] = {}
        for c, e in terms:
            coeffs[e[1 - k]] = coeffs.get(e[1 - k], 0) + c * x ** e[k]
        if not any(coeffs.values()):
            if other_hi is None or other_hi - other_lo + 1 > _FINITE_MEETINGS:
                return None  # every value of the other index meets this one
            ys = list(range(other_lo, other_hi + 1))
        else:
            y = sp.Symbol("y")
            try:
                ys = _exact_integer_roots(sum(c * y ** p for p, c in coeffs.items()), y)
            except _Unsearched:
                return None
        for y_value in ys:
            if y_value >= other_lo and (other_hi is None or y_value <= other_hi):
                if abs(y_value) > _MEETING_SCAN:
                    return None
                pt = {indices[k].name: x, indices[1 - k].name: y_value}
                out.append({nm.name: pt[nm.name] for nm in indices})
                if len(out) > _FINITE_MEETINGS:
                    return None
    return out


def _grows(bound: sp.Expr, size_set: set[str]) -> bool:
    """Is the upper bound k N + c for one size N, whole k >= 1 and c >= 0 (at N = v it holds every v)?"""
    syms = bound.free_symbols
    if len(syms) != 1 or next(iter(syms)).name not in size_set:
        return False
    try:
        q = sp.Poly(bound, *syms)
    except sp.PolynomialError:
        return False
    k, c = q.coeff_monomial(next(iter(syms))), q.coeff_monomial(1)
    return q.degree() == 1 and k.is_Integer and k >= 1 and c.is_Integer and c >= 0


_MEETING_SCAN = 10_000  # the longest run of sizes searched for whole index values where two entries meet
MAX_MEETING_INDICES = 2  # indices in one meeting (`h_{2N+i}` and `h_{j+30}`); more: unknown


def _affine(e: sp.Expr, v: sp.Symbol, what: str) -> tuple[Fraction, Fraction]:
    """(k, m) with e = k v + m, rational; `_Unsearched` otherwise."""
    try:
        q = sp.Poly(sp.expand(e), v)
    except sp.PolynomialError:
        raise _Unsearched(f"{what} is not linear in `{v.name}`") from None
    if q.degree() > 1 or not (q.domain.is_QQ or q.domain.is_ZZ):
        raise _Unsearched(f"{what} is not linear in `{v.name}`")
    k, m = q.coeff_monomial(v), q.coeff_monomial(1)
    return Fraction(int(k.p), int(k.q)), Fraction(int(m.p), int(m.q))


def _index_meetings(ctx: Context, d: sp.Expr, indices: list, rest: set, size_set: set[str],
                    sum_ranges: dict | None = None) -> list[dict[str, int]]:
    """Where d = a N + b_1 i_1 (+ b_2 i_2) + e, a subscript in one size N and one or two indices against
    another entry, is 0 with the indices whole and inside their declared ranges lo(N)..hi(N) (each a
    whole number or linear in N). The least and greatest of b_1 i_1 + b_2 i_2 over the ranges are linear
    in N, so the sizes where a real solution exists form a run [L, U] (U may be unbounded), found
    exactly; inside it, a whole solution is found by the extended Euclidean algorithm. Every size of the
    run with a whole solution, with it. `_Unsearched` for anything else: a subscript not linear, a range
    in another size or unreadable, more than MAX_ENTRY_SIZES such sizes, an unbounded run. `sum_ranges`:
    the (lower, upper) of each sum's variable, under its own name (`entry_term`), not a declared range."""
    if len(rest) != 1 or any(isinstance(x, sp.Dummy) for x in rest):
        raise _Unsearched(f"an entry named by an index `{indices[0].name}` and {'no' if not rest else 'several'} sizes")
    v = next(iter(rest))
    try:
        poly = sp.Poly(d, v, *indices)
    except sp.PolynomialError:
        raise _Unsearched("an entry named by a size and an index beyond a polynomial") from None
    if poly.total_degree() > 1 or not (poly.domain.is_QQ or poly.domain.is_ZZ):
        raise _Unsearched("an entry named by a size and an index, not linear in them")
    scale = math.lcm(*(int(c.q) for c in poly.coeffs()))
    a = int(poly.coeff_monomial(v) * scale)
    e = int(poly.coeff_monomial(1) * scale)
    bs = [int(poly.coeff_monomial(i) * scale) for i in indices]
    ranges = []
    for i in indices:
        rng = (sum_ranges or {}).get(i.name) or ctx.index_range(i.name)
        if rng is None or any(b is None for b in rng):
            raise _Unsearched(f"the range of `{i.name}` is not declared")
        pinned = _case_value(ctx, i.name)
        if pinned is not None:  # `case i = 3`: the range is that one value (inside the declared one: instances check it)
            rng = (pinned, pinned)
        ends = []
        for bound in rng:
            try:
                value = _arith(ctx, bound, frozenset(size_set), lambda *_: None)
            except (ProofError, RecursionError, TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                raise _Unsearched(f"the range of `{i.name}` could not be read") from None
            if not value.free_symbols <= {v}:
                raise _Unsearched(f"the range of `{i.name}` is in another size")
            ends.append(_affine(value, v, f"the range of `{i.name}`"))
        ranges.append(tuple(ends))
    # each cut (k, m) means k N + m <= 0: N >= 1, every range nonempty, least <= -(a N + e) <= greatest
    cuts = [(Fraction(-1), Fraction(1))]
    least, most = (Fraction(0), Fraction(0)), (Fraction(0), Fraction(0))
    for b, (lo, hi) in zip(bs, ranges):
        cuts.append((lo[0] - hi[0], lo[1] - hi[1]))
        small, big = (lo, hi) if b > 0 else (hi, lo)
        least = (least[0] + b * small[0], least[1] + b * small[1])
        most = (most[0] + b * big[0], most[1] + b * big[1])
    cuts.append((least[0] + a, least[1] + e))
    cuts.append((-a - most[0], -e - most[1]))
    lo_n, hi_n = 1, None
    for k, m in cuts:
        if k == 0:
            if m > 0:
                return []
        elif k > 0:
            top = math.floor(-m / k)
            hi_n = top if hi_n is None else min(hi_n, top)
        else:
            lo_n = max(lo_n, math.ceil(-m / k))
    if hi_n is not None and hi_n < lo_n:
        return []
    if lo_n > 10 ** 12:
        raise _Unsearched(f"entries named by a size and an index meet only past {v.name} = 10^12")

    def at(size: int) -> dict[str, int] | None:
        """A whole solution at this size, or None."""
        target = -(a * size + e)
        bounds = [(math.ceil(lo[0] * size + lo[1]), math.floor(hi[0] * size + hi[1])) for lo, hi in ranges]
        if len(bs) == 1:
            if target % bs[0]:
                return None
            x = target // bs[0]
            return {v.name: size, indices[0].name: x} if bounds[0][0] <= x <= bounds[0][1] else None
        (b1, b2), (r1, r2) = bs, bounds
        g, x0, y0 = _extended_gcd(b1, b2)
        if target % g:
            return None
        x0, y0 = x0 * (target // g), y0 * (target // g)
        # x = x0 + (b2/g) t, y = y0 - (b1/g) t: t inside both ranges
        t_lo, t_hi = -math.inf, math.inf
        for base, step, (r_lo, r_hi) in ((x0, b2 // g, r1), (y0, -(b1 // g), r2)):
            lo_t, hi_t = Fraction(r_lo - base, step), Fraction(r_hi - base, step)
            if step < 0:
                lo_t, hi_t = hi_t, lo_t
            t_lo, t_hi = max(t_lo, math.ceil(lo_t)), min(t_hi, math.floor(hi_t))
        if t_lo > t_hi:
            return None
        t = t_lo
        return {v.name: size, indices[0].name: x0 + (b2 // g) * t, indices[1].name: y0 - (b1 // g) * t}

    # every size of the run with a whole solution: the other parts of the step may tell its sizes apart
    # (`(i - 1)(i - 2)(i - 3)(i - 10)(i - 11)(i - 12)` beside `h_{N+i}` and `h_{25}` vanishes at the
    # three sizes at each end of the run 13..24 and nowhere inside it), so ends alone are not enough
    if hi_n is None or hi_n - lo_n >= _MEETING_SCAN:
        raise _Unsearched(f"entries named by a size and an index meet at every whole {v.name} from {lo_n} on"
                          if hi_n is None else f"entries named by a size and an index meet on {v.name} = {lo_n}..{hi_n}")
    out: list[dict[str, int]] = []
    for size in range(lo_n, hi_n + 1):
        pt = at(size)
        if pt is not None:
            out.append(pt)
            if len(out) > MAX_ENTRY_SIZES:
                raise _Unsearched(f"entries named by a size and an index meet at more than {MAX_ENTRY_SIZES} sizes "
                                  f"({v.name} = {lo_n}..{hi_n})")
    return out


def _case_value(ctx: Context, name: str):
    """The expression a `case` line pins an index to (`case i = 3`, `case i = N`), or None."""
    for cond in ctx.case:
        if len(cond.ops) != 1 or cond.ops[0] != "=":
            continue
        for this, other in (cond.terms, cond.terms[::-1]):
            if isinstance(this, n.Name) and this.sub is None and this.base == name \
                    and not any(nm.base.rstrip("'") in ctx.index_names for nm in n.names(other)):
                return other
    return None


def _extended_gcd(a: int, b: int) -> tuple[int, int, int]:
    """(g, x, y) with a x + b y = g = gcd(a, b) > 0."""
    x0, y0, x1, y1 = 1, 0, 0, 1
    while b:
        q, a, b = a // b, b, a % b
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    return (a, x0, y0) if a > 0 else (-a, -x0, -y0)


def _bases(e) -> set[str]:
    return {nm.base for nm in n.names(e)}


def _definitions_of(ctx: Context, base: str) -> list:
    return [d for d in ctx.definitions if d.target.base == base]


def _shape_sizes(ctx: Context, seen: set[str], sizes: list[str]) -> set[str]:
    """The sizes in the declared shapes of the names a matrix step reaches (`seen`: written in it, or in
    a definition it expands, transitively, or in an assumption about them). A `\\mathbf{1}` or `I`
    without a size takes one of these by unification, and one with a size is walked as a use of it;
    a size in no such shape (`Q : (c, d)` that the step never mentions) cannot change the step. Any
    doubt (a dimension that cannot be read): every size."""
    from ..matrix import _dim  # noqa: PLC0415  (vectors and matrices: matrix.py)
    out: set[str] = set()
    for name, dims in ctx.shapes:
        if name.base not in seen:
            continue
        for d in dims:
            try:
                out |= {s.name for s in _dim(d, ctx).free_symbols}
            except ProofError:
                return set(sizes)
    return out & set(sizes)


def analyse(ctx: Context, exprs, free: list[str], matrices: bool | None = None, roots: bool = True) -> Shape:
    """Walk the members, the definitions they reach, the relevant assumptions, the case and the point,
    and record every index term, constant and use of an index or size as a number. `matrices`: does
    the step involve a vector or matrix (`matrix.step_shape`; found here when not given)? `roots`:
    add the roots of the difference to the constants (`_difference_roots`); they change no flag, so
    a caller that reads only the flags (`may_be_complete`) spares them."""
    sizes = size_names(ctx)
    size_set = set(sizes)
    positive_sizes = frozenset(_index_symbol(s) for s in sizes if s not in ctx.index_names)  # each >= 1
    shape = Shape(sizes)
    idx = ctx.index_names
    reached: set[str] = set()
    seen: set[str] = set()  # every name walked, in the step and in the definitions it expands
    expanding: list[str] = []
    factors: list[sp.Expr] = []  # every sign-changing factor in sizes and indices (`_sign_factors`)
    mixed: list[sp.Expr] = []  # every one in inputs, with or without sizes and indices
    free_all: set = set()  # the symbols of inputs (`_arith`'s `free`)
    signed_params: set[tuple[str, str]] = set()  # (f, t): in `let f(t) = ...` an argument's sign depends on t
    chained: set[int] = set()  # the ids of the Adds inside a `+`/`-` chain already read (`walk`)
    entries: dict[str, list] = {}  # base -> [((arity, position), subscript in sizes, beyond v + c, node)] (`_entry_meetings`)

    sum_bounds: dict[str, list] = {}  # a sum's variable -> [(lower, upper, tag)] of the sums around, innermost last
    sum_tags = itertools.count(1)

    def entry_term(base: str | None, items, k: int, it, bound: frozenset = frozenset(),
                   params: frozenset = frozenset()) -> None:
        """A subscript item in sizes and indices (`_size_entry`). A sum's variable is an index whose range
        is its sum's, under a name of its own (`k@3`): `\\sum_{k=1}^{N} h_{N+k}` beside `h_{25}` with k
        undeclared, or `\\sum_{k=N+1}^{2N}` with k declared in 1..N, meet where the sum's range says
        (both were accepted: red team round 31)."""
        if base is None or not size_set:
            return
        inner = frozenset(v for v in bound - params if sum_bounds.get(v))
        got = _size_entry(ctx, it, size_set, inner)
        if got is None:
            return
        value, beyond = got
        own: list = []
        for v in sorted(inner & {nm.base for nm in n.names(it)}):
            lower, upper, tag = sum_bounds[v][-1]
            name = f"{v}@{tag}"
            value = value.xreplace({x: sp.Symbol(name, integer=True) for x in value.free_symbols if x.name == v})
            own.append((name, (lower, upper)))
        key = tuple((nm.split("@")[0], rng) for nm, rng in own)
        # one written subscript is one entry (nodes compare without their places), so `h_{2^N}` twice
        # is never a meeting of two opaque values; in two sums of different ranges it is two
        if not any(t[0] == (len(items), k) and t[3] == it and tuple((nm.split("@")[0], rng) for nm, rng in t[4]) == key
                   for t in entries.setdefault(base, [])):
            entries[base].append(((len(items), k), value, beyond, it, tuple(own)))

    def note(flag: str, why: str) -> None:
        setattr(shape, flag, True)
        if len(shape.why) < 8 and why not in shape.why:
            shape.why.append(why)

    def use_term(term: tuple[str | None, int], bound: frozenset, params: frozenset) -> None:
        var, c = term
        if var is None:
            shape.index_constants.add(c)
            shape.constants.add(c)
            return
        if var in size_set:
            shape.used_sizes.add(var)
            shape.number_sizes.add(var)
        shape.offsets.add(c)
        if c:
            shape.constants.add(abs(c))

    def arith_name(nm: str, bound: frozenset, params: frozenset) -> None:
        if nm in size_set:
            shape.used_sizes.add(nm)
            shape.number_sizes.add(nm)
            note("sizes_matter", f"`{nm}` is used as a number")
        elif nm in params:
            note("values_matter", f"the index `{nm}` of a definition is used as a number")
        elif nm in idx and nm not in bound:
            note("values_matter", f"the index `{nm}` is used as a number")

    def sign_argument(left, right, bound, params) -> None:
        """An argument whose sign matters (left - right, or left alone): record where it changes sign
        as a function of the sizes, indices and sum variables it is written with (`_sign_points`);
        a sum inside it counts by its body (`\\sqrt{\\sum_j (4 - j) x_j^2}`: j = 4)."""
        names = frozenset(size_set | idx | (bound - params))

        def on_sum(body, var):
            sign_argument(body, None, bound | {var}, params)

        if expanding and params:  # inside `let f(t) = ...`: which parameters an argument's sign depends on
            for p in params:
                if any(side is not None and uses_as_number(side, {p}) for side in (left, right)):
                    signed_params.add((expanding[-1], p))
        try:
            numeric: dict = {}
            free: set = set()
            value = _arith(ctx, left, names, on_sum, numeric, free)
            if right is not None:
                value = value - _arith(ctx, right, names, on_sum, numeric, free)
            free_all.update(free)
            for f in _sign_factors(value, numeric, free, mixed, sizes=positive_sizes):
                if f not in factors:
                    factors.append(f)
                    add_points(_sign_points(f))
        except _Unsearched as exc:
            unsearched(str(exc))

    def unsearched(what: str) -> None:
        if not shape.critical_unchecked:
            shape.critical_unchecked = f"{what}: where it changes sign is not searched"

    def add_points(points) -> None:
        for point in points:
            if point not in shape.critical:
                shape.critical.append(point)

    def arguments(x, bound, params) -> None:
        """The arguments of kinks (|.|, ReLU, max, min, sign) and domains (a denominator, log, a root,
        a power that is not a whole number) that x puts down directly."""
        if isinstance(x, n.Abs):
            sign_argument(x.arg, None, bound, params)
        elif isinstance(x, n.Frac):
            sign_argument(x.den, None, bound, params)
        elif isinstance(x, n.Pow) and not (isinstance(x.exp, n.Num) and x.exp.text.isdigit()):
            sign_argument(x.base, None, bound, params)
        elif isinstance(x, n.Call):
            applied(FUNCTION_WORDS.get(x.func, x.func), x.args, bound, params)
        elif isinstance(x, n.Product):
            for k, (f, op) in enumerate(zip(x.factors, x.ops)):
                nxt = x.factors[k + 1]
                if op == "/":
                    sign_argument(nxt, None, bound, params)
                elif op == "juxt" and isinstance(f, n.Name) and f.sub is None and isinstance(nxt, n.Group) \
                        and not _definitions_of(ctx, f.base):
                    applied(FUNCTION_WORDS.get(f.base), nxt.items, bound, params)
                elif op == "juxt" and isinstance(f, n.Name) and f.sub is None and isinstance(nxt, n.Group):
                    defined_applied(f.base, nxt.items, bound, params)

    def defined_applied(base: str, args, bound, params) -> None:
        """`f(N)` for `let f(t) = (t > 30)`: the body's sign arguments in t are read with t opaque, so
        an argument that uses a size or index as a number puts sign changes where they are not
        searched."""
        reach(base)
        names = frozenset(size_set | idx | bound)
        for d in _definitions_of(ctx, base):
            for p, a in zip(d.params or (), args):
                if (base, p) in signed_params and uses_as_number(a, names):
                    unsearched(f"a size or index passed to `{base}`, whose argument's sign depends on it")

    def applied(word, args, bound, params) -> None:
        if word in ("max", "min") and len(args) == 2:
            sign_argument(args[0], args[1], bound, params)
        elif word in KINK_WORDS or word in DOMAIN_WORDS:
            for a in args[:1] if word in DOMAIN_WORDS else args:
                sign_argument(a, None, bound, params)

    def condition(cond: n.Condition, bound, params, ranges) -> None:
        for a, b in zip(cond.terms, cond.terms[1:]):
            sign_argument(a, b, bound, params)
        terms = [_index_term(t, ctx, size_set, bound - params) for t in cond.terms]
        if all(t is not None for t in terms) and any(t[0] is not None for t in terms):
            for t in terms:
                use_term(t, bound, params)
        else:
            for t in cond.terms:
                walk(t, bound, params, ranges)

    def sum_range(x: n.BigOp, var: str, bound, params, ranges) -> None:
        rng = ctx.index_range(var)
        lower = x.lower if x.lower is not None else (rng[0] if rng else None)
        upper = x.upper if x.upper is not None else (rng[1] if rng else None)
        range_of(var, lower, upper, bound, params, ranges)

    def vector_range(x: n.Product, bound, params, ranges) -> None:
        """softmax and log-sum-exp of a family (`\\mathrm{LSE}(h)`, `\\mathrm{softmax}(h)_1`) sum over
        the family's index range inside translate (`Translator.vector`): that range counts as a sum's."""
        for k, (f, op) in enumerate(zip(x.factors, x.ops)):
            arg = x.factors[k + 1]
            group = arg.base if isinstance(arg, (n.Entry, n.Pow)) else arg
            if not (op == "juxt" and isinstance(f, n.Name) and f.sub is None and isinstance(group, n.Group)
                    and FUNCTION_WORDS.get(f.base) in VECTOR_SUMS and not _definitions_of(ctx, f.base)
                    and len(group.items) == 1 and isinstance(group.items[0], n.Name) and group.items[0].sub is None):
                continue
            letters = set(ctx.readings.indices_of(group.items[0].base))
            entry = arg.sub[0] if isinstance(arg, n.Entry) and len(arg.sub) == 1 else None
            if not letters and isinstance(entry, n.Name) and entry.sub is None and entry.base.rstrip("'") in idx:
                letters = {entry.base.rstrip("'")}
            for letter in sorted(letters):
                lower, upper = ctx.index_range(letter) or (None, None)
                inner = {k: v for k, v in ranges.items() if k != letter}
                range_of(letter, lower, upper, bound, params, inner)
                if letter in inner:  # a literal range: every entry is a reference point, as in a subscript
                    shape.index_constants.update(range(inner[letter][0], inner[letter][1] + 1))

    def range_of(var: str, lower, upper, bound, params, ranges) -> None:
        literal = []
        for e in (lower, upper):
            if e is None:
                continue
            t = _index_term(e, ctx, size_set, bound - params)
            if t is None:
                walk(e, bound, params, ranges)
                note("values_matter", "a sum's range is not a whole number or a size")
                continue
            use_term(t, bound, params)
            if t[0] is None:
                literal.append(t[1])
            elif t[0] in size_set:
                note("sizes_matter", f"a sum or product runs over a range that depends on `{t[0]}`")
            else:
                note("values_matter", f"a sum or product runs over a range that depends on the index `{t[0]}`")
        if len(literal) == 2:
            lo, hi = literal
            if hi - lo + 1 > MAX_REFERENCE_RANGE:
                note("values_matter", "a sum over a long literal range")
            else:
                ranges[var] = (lo, hi)

    def subscript(items, bound, params, ranges, base: str | None = None) -> None:
        for k, it in enumerate(items):
            entry_term(base, items, k, it, bound, params)
            if isinstance(it, n.Name) and it.sub is None and len(word_tokens(it.base) or ()) > 1:
                # a word read letter by letter where it stands (`W_{iN}`: translate.word_letters): its
                # size letters are used, never held at 1 (W_{iN} would be W_{i1})
                shape.used_sizes.update(c for c in word_tokens(it.base) if c in size_set)
                shape.number_sizes.update(c for c in word_tokens(it.base) if c in size_set)
            t = _index_term(it, ctx, size_set, bound - params)  # bound - params: the variables of sums
            if t is not None:
                use_term(t, bound, params)
                if t[0] in ranges:  # a literal-range sum's variable: all its values are references
                    lo, hi = ranges[t[0]]
                    for v in range(lo, hi + 1):
                        shape.index_constants.add(v + t[1])
            elif any(nm.sub is None and (nm.base in idx or nm.base in size_set or nm.base in bound)
                     for nm in n.names(it)):
                values = _literal_values(ctx, it, ranges)
                if values is not None:  # `x_{2t}` with t in 2..3: the entries 4 and 6 are references
                    shape.index_constants.update(values)
                    shape.constants.update(v for v in values if v >= 0)
                else:
                    walk(it, bound, params, ranges)  # `x_{2i}`: index arithmetic beyond offsets

    def walk(x, bound: frozenset, params: frozenset, ranges: dict) -> None:
        if isinstance(x, n.Num):
            shape.constants.update(c for c in _whole(x.text) if c >= 0)
            return
        if isinstance(x, n.Add) and id(x) not in chained:
            # the constant of a sum as it evaluates, not only as written: `N - 4 - 1` has the root 5
            terms: list = []
            _chain_terms(x, 1, terms, chained)
            values = [n.literal_value(t) for _, t in terms]
            if any(v is not None for v in values):
                total = sum(sg * v for (sg, _), v in zip(terms, values) if v is not None)
                shape.constants.update(_whole(abs(total)))
                shape.constants.update(c for (_, t), v in zip(terms, values) if v is not None
                                       and not isinstance(t, n.Num) for c in _whole(abs(v)))  # `2.5 \cdot 2`
        if isinstance(x, n.Name):
            seen.add(x.base)
            if x.sub is None:
                arith_name(x.base, bound, params)
            else:
                delta = None
                try:
                    # `W_{i1}` is (i, 1), and `\delta_{i1}` is δ(i, 1), as translate reads them
                    delta = kronecker_items(x, ctx)
                    items = delta or subscript_items(x, ctx.readings, idx)
                    if delta:
                        sign_argument(delta[0], delta[1], bound, params)
                except ProofError:
                    items = x.sub  # a subscript that reads two ways (E211): the step fails there anyway
                    note("values_matter", f"the subscript of `{x.display}` reads two ways")
                subscript(items, bound, params, ranges, None if delta else x.base)
            reach(x.base)
            return
        if isinstance(x, n.Entry):  # `\mathrm{softmax}(z)_1` names an entry as `h_1` does
            walk(x.base, bound, params, ranges)
            subscript(x.sub, bound, params, ranges)
            return
        if isinstance(x, n.BigOp):
            if x.var is not None:
                var = x.var.base
                inner = dict(ranges)
                inner.pop(var, None)
                sum_range(x, var, bound, params, inner)
                rng = ctx.index_range(var)
                sum_bounds.setdefault(var, []).append((x.lower if x.lower is not None else (rng[0] if rng else None),
                                                       x.upper if x.upper is not None else (rng[1] if rng else None),
                                                       next(sum_tags)))
                try:
                    walk(x.body, bound | {var}, params, inner)
                finally:
                    sum_bounds[var].pop()
                return
            if x.cond is not None:
                names = [t.base for t in x.cond.terms if isinstance(t, n.Name) and t.sub is None]
                unbound = [nm for nm in names if nm not in bound and nm not in free]
                var = unbound[0] if unbound else (names[0] if names else "")
                inner = dict(ranges)
                inner.pop(var, None)
                sum_range(x, var, bound, params, inner)
                condition(x.cond, bound | {var}, params, inner)
                rng = ctx.index_range(var)  # `\\sum_{j \\neq i}`: the declared range holds every term
                sum_bounds.setdefault(var, []).append((rng[0] if rng else None, rng[1] if rng else None, next(sum_tags)))
                try:
                    walk(x.body, bound | {var}, params, inner)
                finally:
                    sum_bounds[var].pop()
                return
        if isinstance(x, n.Condition):
            condition(x, bound, params, ranges)
            return
        if isinstance(x, n.Product):
            vector_range(x, bound, params, ranges)
        arguments(x, bound, params)
        if isinstance(x, n.Deriv):
            if x.expr is not None:
                walk(x.expr, bound, params, ranges)
            walk(x.var, bound, params, ranges)
            return
        for y in n.children(x):
            walk(y, bound, params, ranges)

    def reach(base: str) -> None:
        defs = _definitions_of(ctx, base)
        if not defs:
            return
        if base in expanding:
            note("values_matter", f"`{base}` is defined in terms of itself (a recurrence)")
            return
        if base in reached:
            return
        reached.add(base)
        expanding.append(base)
        for d in defs:
            letters = frozenset(nm.base for nm in n.names(d.target) if nm.sub is None and nm.base.rstrip("'") in idx)
            own = letters | frozenset(d.params or ())
            try:
                target = subscript_items(d.target, ctx.readings, idx) if d.target.sub else ()
            except ProofError:
                target = ()
            for k, it in enumerate(target):
                entry_term(base, target, k, it)
            for it in d.target.sub or ():
                t = _index_term(it, ctx, size_set)
                if t is not None and t[0] is None:
                    shape.index_constants.add(t[1])
                    shape.constants.add(t[1])
                elif t is not None and t[0] in size_set:
                    use_term(t, frozenset(), frozenset())  # `let h_{N+20}` is the entry h_25 at N = 5
                elif t is None and d.params is None and any(
                        nm.sub is None and nm.base in size_set for nm in n.names(it)):
                    note("values_matter", f"the entry `{d.target.display}` is named by sizes beyond offsets")
            for nm in sorted(letters):
                # which entries the definition covers: translate matches an entry against the
                # family's range (`let h_k` with k in 1..5 leaves h_6 an input)
                for e in ctx.index_range(nm) or ():
                    t = _index_term(e, ctx, size_set)
                    if t is None:
                        note("values_matter", f"the range of `{nm}` is not a whole number or a size")
                    else:
                        use_term(t, frozenset(), frozenset())
            walk(d.body, own, own, {})
        expanding.pop()

    for e in exprs:
        walk(e, frozenset(), frozenset(), {})
    if len(exprs) == 2:
        if roots:
            shape.constants.update(_difference_roots(ctx, exprs, frozenset(size_set | idx)))
        if entries_exist(ctx, exprs) is not None:
            shape.used_sizes.update(sizes)
            shape.number_sizes.update(sizes)
            note("sizes_matter", "an entry written as a number exists only from some size on")
    if matrices is None and ctx.shapes and len(exprs) == 2:
        from ..matrix import step_shape  # noqa: PLC0415  (vectors and matrices: matrix.py)
        try:
            matrices = step_shape(ctx, *exprs)[1]
        except ProofError:
            matrices = True
    if matrices:  # a product of N-vectors sums over 1..N inside the translator, out of this walk's sight
        note("sizes_matter", "vectors and matrices: their dimensions are sizes")
    for cond in ctx.case:
        walk(cond, frozenset(), frozenset(), {})
    for nm in free:
        rng = ctx.index_range(nm)
        if rng is None:
            continue
        for e in rng:
            t = _index_term(e, ctx, size_set)
            if t is None:
                note("values_matter", f"the range of `{nm}` is not a whole number or a size")
            else:
                use_term(t, frozenset(), frozenset())
    # the assumptions and given values about any name reached (written in the step, or inside a
    # definition it expands: `let g_i = x_i + y_i` reaches y), until no more names are reached
    pending = list(ctx.assumptions)
    # the assumptions and given values walked: a size they use as a number (`assume (4 p^\\top p - 3) t > 0`
    # for p = sigma(y - y)) is one the step depends on as a number (red team round 31)
    side_nodes: list = []
    while True:
        # through the `let`s it names too: `assume s > 1` for `let s = \\sum_j x_j^2` is about the x_j a step's
        # own \\sum_j x_j^2 writes (it leaves that sum its reading, `_narrows`, so its argument must be searched)
        ready = [c for c in pending if not (_bases(c) - idx - size_set) or _bases(c) & seen
                 or _bases(_unfold_lets(ctx, c)) & seen]
        if not ready:
            break
        pending = [c for c in pending if c not in ready]
        for cond in ready:
            walk(cond, frozenset(), frozenset(), {})
            side_nodes.extend(getattr(cond, "terms", None) or [cond])
    for name, value in ctx.point:
        if name.base in seen:
            walk(name, frozenset(), frozenset(), {})
            walk(value, frozenset(), frozenset(), {})
            side_nodes.append(value)
    if matrices:
        shape.used_sizes.update(_shape_sizes(ctx, seen, sizes))
        from ..matrix import number_sizes  # noqa: PLC0415  (vectors and matrices: matrix.py)
        # an input an assumption, case or given value names need not be 0 past a size at a point where
        # they hold (`assume u = 2 \\sigma(y - y)` pins every entry of u to 1): its sums count its sizes
        pinned = set().union(*(_bases(c) for c in list(ctx.assumptions) + list(ctx.case)),
                             {name.base for name, _ in ctx.point})
        shape.number_sizes.update(number_sizes(ctx, list(exprs) + side_nodes, frozenset(pinned)) & set(sizes))
    if (matrices or shape.sizes_matter) and len(exprs) == 2:
        from ..matrix import entry_degree  # noqa: PLC0415  (vectors and matrices: matrix.py)
        shape.entry_degree = entry_degree(ctx, exprs)
    mixing = [f for f in mixed if any(not isinstance(v, sp.Dummy) for v in f.free_symbols)]
    if mixing and len(mixed) > MAX_MIXED_FACTORS:
        unsearched(f"more than {MAX_MIXED_FACTORS} arguments in inputs, some with sizes or indices")
    elif mixing:
        try:  # where the regions that inputs and sizes cut together change (`_mixed_meetings`)
            for r in _mixed_meetings(mixed, free_all):
                if r not in factors:
                    factors.append(r)
                    add_points(_sign_points(r))
        except _Unsearched as exc:
            unsearched(str(exc))
    points, why = _entry_meetings(ctx, entries, size_set, exprs)
    add_points(points)
    if why and not shape.critical_unchecked:
        shape.critical_unchecked = why
    # a comparison of two index terms (`j > i + 1`) is decided by the order types realised at every size
    several = [f for f in factors if len(f.free_symbols) > 1 and not _compares_terms(f, shape.offsets)]
    tangled = any(len(f.free_symbols | g.free_symbols) > 2 for f in several for g in factors
                  if f.free_symbols & g.free_symbols)
    if len(several) > MAX_MEETING_FACTORS or tangled:
        unsearched("indicator, kink or domain arguments that tie three or more sizes and indices together "
                   "(or too many tying two)")
    else:
        for f in several:
            for g in factors:
                try:
                    if g is not f:
                        add_points(_meeting_points(f, g))
                except _Unsearched as exc:
                    unsearched(str(exc))
    return shape


# ------------------------------------------------------------------ realising order types

@dataclass(frozen=True)
class _Var:
    name: str
    is_size: bool
    offsets: tuple[int, ...]
    range: tuple[n.Expr, n.Expr] | None = None  # an index's declared range


def _ranges_at(ctx: Context, sizes: dict[str, int], names) -> dict[str, tuple[int, int]]:
    t = Translator(ctx, dict(sizes))
    out = {}
    for nm in names:
        rng = ctx.index_range(nm)
        lo, hi = t.int_value(rng[0], t.scope()), t.int_value(rng[1], t.scope())
        if lo is None or hi is None:
            bad = rng[0] if lo is None else rng[1]
            raise ProofError("E205", f"the range of `{nm}` must be whole numbers, sizes such as N, "
                                     "and sums or differences of them", bad.span)
        out[nm] = (lo, hi)
    return out


def _signature(values: dict[str, int], variables: list[_Var], constants: list[int]) -> tuple:
    terms = [values[v.name] + c for v in variables for c in v.offsets]
    allv = terms + constants
    return tuple((a > b) - (a < b) for k, a in enumerate(terms) for b in allv[k + 1:])


def _realise(ctx: Context, variables: list[_Var], constants: set[int], fixed: dict[str, int],
             keep) -> list[dict[str, int]] | None:
    """One assignment (the smallest) per realisable order type of the variables' terms among themselves
    and against the constants, sizes before indices; None past MAX_ORDER_SCAN.

    Why the candidate window suffices: take any realisation and group the variables into clusters whose
    values lie within `spread + 1` of each other. A cluster can be shifted as a block without changing
    an order relation until one of its terms comes next to a constant or to the next cluster, so every
    order type has a realisation in which each variable is within (variables + 1) * (spread + 2) of a
    constant (1, the least size, is always one)."""
    if not variables:
        return [dict(fixed)] if keep(dict(fixed)) else []
    consts = sorted(constants | {1})
    all_offsets = [c for v in variables for c in v.offsets]
    spread = max(all_offsets) - min(all_offsets)
    reach = (len(variables) + 1) * (spread + 2)
    candidates = sorted({k + d for k in consts for d in range(-reach, reach + 1)})
    best: dict[tuple, tuple[tuple, dict[str, int]]] = {}
    scanned = 0
    sizes_vars = [v for v in variables if v.is_size]
    index_vars = [v for v in variables if not v.is_size]
    size_cands = [c for c in candidates if c >= 1]
    if len(size_cands) ** len(sizes_vars) * len(candidates) ** len(index_vars) > MAX_ORDER_SCAN * ORDER_SCAN_SLACK:
        return None  # too many to scan (known before scanning: the index pools only shrink by range)
    for size_values in itertools.product(size_cands, repeat=len(sizes_vars)):
        sizes = dict(fixed)
        sizes.update({v.name: x for v, x in zip(sizes_vars, size_values)})
        ranges = _ranges_at(ctx, sizes, [v.name for v in index_vars]) if index_vars else {}
        pools = [[c for c in candidates if ranges[v.name][0] <= c <= ranges[v.name][1]] for v in index_vars]
        if any(not p for p in pools):
            continue
        # an index beyond its window adds no new order type, so the pools stay small
        for index_values in itertools.product(*pools):
            scanned += 1
            if scanned > MAX_ORDER_SCAN:
                return None
            values = dict(sizes)
            values.update({v.name: x for v, x in zip(index_vars, index_values)})
            if not keep(values):
                continue
            sig = _signature(values, variables, consts)
            cost = (max(size_values, default=0), sum(size_values), sum(abs(x) for x in index_values), tuple(index_values))
            if sig not in best or cost < best[sig][0]:
                best[sig] = (cost, values)
    return [values for _, values in sorted(best.values(), key=lambda cv: cv[0])]


# ------------------------------------------------------------------ the plan

@dataclass(frozen=True)
class SizeChoice:
    sizes: tuple[tuple[str, int], ...]
    exact: bool  # every index value at this size is an instance, zero-tested symbolically
    instances: tuple[Instance, ...]


@dataclass(frozen=True)
class Plan:
    """The instances a step is checked over and what checking them all establishes."""

    choices: tuple[SizeChoice, ...]
    complete: bool  # every instance shown equal symbolically proves the step for every value and size
    size_dependent: bool  # the step's meaning depends on a symbolic size: its sizes are reported
    sizes: tuple[str, ...] = ()
    why: tuple[str, ...] = ()  # why the plan is not complete (for the evidence)
    # why some size where the step may change (a critical size, `Shape.critical`) is not checked:
    # then the step is `unknown` at best, never `numeric`
    unchecked: str = ""
    held: tuple[tuple[str, int], ...] = ()  # sizes the step cannot depend on, each held at one value

    @property
    def exact_instances(self) -> list[Instance]:
        return [i for c in self.choices if c.exact or not c.sizes for i in c.instances]

    @property
    def instances(self) -> list[Instance]:
        return [i for c in self.choices for i in c.instances]


def _case_filter(ctx: Context):
    """A test of the case's index conditions on an assignment of sizes and indices."""
    conds = [c for c in ctx.case if _index_only(c, ctx)]
    if not conds:
        return lambda values: True

    def keep(values: dict[str, int]) -> bool:
        sizes = {s: v for s, v in values.items() if s not in ctx.index_names}
        free = {s: v for s, v in values.items() if s in ctx.index_names}
        t = Translator(ctx, sizes, free)
        try:
            return all(bool(r) for c in conds for r in t.condition(c))
        except ProofError:
            return False
    return keep


def _instances_at(ctx: Context, sizes: dict[str, int], free: list[str], shape: Shape, exhaustive_cap: int,
                  large: bool) -> tuple[list[Instance], bool] | None:
    """The index assignments at fixed sizes: every one when there are at most `exhaustive_cap`, else one
    per order type. -> (instances, exhaustive)."""
    sset = tuple((s, sizes[s]) for s in shape.sizes)
    ranges = _ranges_at(ctx, sizes, free)
    count = 1
    for nm in free:
        lo, hi = ranges[nm]
        count *= max(0, hi - lo + 1)
    keep = _case_filter(ctx)
    if count <= exhaustive_cap:
        out = []
        for combo in itertools.product(*[range(ranges[nm][0], ranges[nm][1] + 1) for nm in free]):
            values = dict(sizes)
            values.update(zip(free, combo))
            if keep(values):
                out.append(Instance(sset, tuple(zip(free, combo)), large))
        return out, True
    variables = [_Var(nm, False, shape.terms()) for nm in free]
    # every whole number in sight: an index used as a number meets them all (`(i - 3) x_1 = 0`)
    consts = set(shape.index_constants) | set(shape.constants) | {sizes[s] + c for s in sizes for c in shape.offsets}
    found = _realise(ctx, variables, consts, sizes, keep)
    if found is None:
        return None
    return [Instance(sset, tuple((nm, v[nm]) for nm in free), large) for v in found], False


def entries_exist(ctx: Context, exprs):
    """A test on sizes: does every literal entry the step reaches (written in it or in a definition it
    expands: `h_{12}`, `W_{1,2}`) exist at these sizes, in the range of its family's definition whose
    bound has a size (`let h_j`, j in 1..N: h_{12} exists from N = 12 on)? A step that writes such an
    entry is about the sizes where it exists; at the others the entry would be an input
    (translate._in_range), so those sizes are skipped (vacuous), as a case that leaves no index value
    is. Bounds of numbers alone are fixed (an entry outside them is always an input): no condition."""
    conditions: list[tuple[n.Expr, Fraction, bool]] = []  # (size bound, literal, upper?)
    done: set[str] = set()
    pending = list(exprs)
    while pending:
        for x in n.names(pending.pop()):
            defs = _definitions_of(ctx, x.base)
            if x.base not in done and defs:
                done.add(x.base)
                pending += [d.body for d in defs]
            if x.sub is None or not defs:
                continue
            try:
                values = [n.literal_value(it) for it in subscript_items(x, ctx.readings, ctx.index_names)]
            except ProofError:
                continue
            if any(v is None for v in values):
                continue
            patterns = []  # the family definitions by index letters (`let h_i`; one-entry ones such as `let h_0` aside)
            for d in defs:
                if d.target.sub is None or d.params is not None:
                    continue
                try:
                    target = subscript_items(d.target, ctx.readings, ctx.index_names)
                except ProofError:
                    continue
                if all(isinstance(it, n.Name) and it.sub is None and it.base.rstrip("'") in ctx.index_names
                       for it in target):
                    patterns.append(target)
            if len(patterns) != 1 or len(patterns[0]) != len(values):
                continue  # several patterns: no condition (the reading stands)
            for it, v in zip(patterns[0], values):
                try:
                    fixed = ctx.entry_bounds(it.base)
                except ProofError:
                    fixed = None
                rng = ctx.index_range(it.base)
                if fixed is None or rng is None:
                    continue
                if (fixed[0] is not None and v < fixed[0]) or (fixed[1] is not None and v > fixed[1]):
                    continue  # outside the numbers' bound: an input at every size
                conditions += [(node, v, upper) for node, b, upper in ((rng[0], fixed[0], False), (rng[1], fixed[1], True))
                               if b is None]
    if not conditions:
        return None

    def exist(sizes: dict[str, int]) -> bool:
        t = Translator(ctx, dict(sizes))
        for node, v, upper in conditions:
            try:
                b = t.int_value(node, Scope())
            except ProofError:
                continue
            if b is not None and (v > b if upper else v < b):
                return False
        return True
    return exist


def make_plan(ctx: Context, free: list[str], exprs, matrices: bool | None = None) -> Plan:
    """The instances for one step (see the module docstring)."""
    shape = analyse(ctx, exprs, free, matrices)
    sizes = shape.sizes
    keep = _case_filter(ctx)
    _unexplained_critical(shape)
    if not shape.sizes_matter and not shape.values_matter:
        relevant = [s for s in sizes if s in shape.used_sizes]
        rest = {s: 1 for s in sizes if s not in relevant}  # a size the step never mentions: any value
        variables = [_Var(s, True, shape.terms()) for s in relevant]
        variables += [_Var(nm, False, shape.terms()) for nm in free]
        found = _realise(ctx, variables, set(shape.index_constants), rest, keep)
        if found is not None:
            choices: dict[tuple, list[Instance]] = {}
            for v in found:
                sset = tuple((s, v[s]) for s in sizes)
                choices.setdefault(sset, []).append(Instance(sset, tuple((nm, v[nm]) for nm in free)))
            return Plan(tuple(SizeChoice(s, True, tuple(insts)) for s, insts in sorted(choices.items())), True, False,
                        tuple(sizes))
        shape.why.append("too many orderings of the indices to enumerate")
    # the critical index values are reference points at every size (`j - i = 9`: i = 1, j = 10 at N = 10)
    marked = replace(shape, index_constants=shape.index_constants
                     | {v for point in shape.critical for k, v in point.items() if k not in sizes})
    if not sizes:
        got = _instances_at(ctx, {}, free, marked, MAX_EXHAUSTIVE_FIXED, False)
        if got is None:
            return Plan((), False, False, (), tuple(shape.why + ["too many index values to enumerate"]))
        insts, exhaustive = got
        return Plan((SizeChoice((), True, tuple(insts)),), exhaustive, False, (),
                    () if exhaustive else tuple(shape.why + ["too many index values to try every one"]),
                    "" if exhaustive else shape.critical_unchecked)
    # a size the step cannot depend on (in no range, shape or number it reaches: `Shape.used_sizes`) is
    # held at 1 and not counted among the sizes whose orderings are realised
    everything = sizes
    held = {s: 1 for s in sizes if s not in shape.used_sizes}
    if held:
        sizes = [s for s in sizes if s not in held]
        shape = replace(shape, sizes=sizes)
        marked = replace(marked, sizes=sizes)
    # the values matter: every index value at the small sizes, then sizes past every constant
    top = SMALL_SIZES.get(len(sizes), SMALL_SIZES_MANY)
    small = [dict(zip(sizes, combo)) for combo in itertools.product(range(1, top + 1), repeat=len(sizes))]
    out: list[SizeChoice] = []
    # a size whose index values are too many to realise is left out; never silently: with four free
    # indices and the index values where h_{N+i} meets h_{25} as constants, every size past N = 2 was
    # left out and the step was `numeric` at N = 1, 2 (red team round 31)
    skipped: list[dict[str, int]] = []
    for sz in small:
        got = _instances_at(ctx, sz, free, marked, MAX_EXHAUSTIVE, False)
        if got is None:
            skipped.append(sz)
            continue
        insts, exhaustive = got
        out.append(SizeChoice(tuple((s, sz[s]) for s in sizes), exhaustive, tuple(insts)))
    critical = critical_sizes(ctx, shape, free, small)
    cap = MAX_CRITICAL_SIZES
    unchecked = shape.critical_unchecked
    if len(critical) > cap:
        unchecked = (f"{len(critical)} sizes where an indicator, kink or domain argument changes sign; "
                     f"only {cap} are checked")
    for sz in critical[:cap]:
        got = _instances_at(ctx, sz, free, marked, 0, True)
        if got is not None:
            out.append(SizeChoice(tuple((s, sz[s]) for s in sizes), False, tuple(got[0])))
        else:
            skipped.append(sz)
    taken = critical[:cap]
    ordered = numeric_sizes(ctx, shape, free, small + taken)
    if len(ordered) > MAX_NUMERIC_SIZES:
        # never a silent cut: an ordering left out is where a step true elsewhere can fail
        unchecked = unchecked or (f"{len(ordered)} orderings of the sizes against the whole numbers written; "
                                  f"at most {MAX_NUMERIC_SIZES} are checked")
        ordered = ordered[:MAX_NUMERIC_SIZES]
    ordered += degree_sizes(shape, small + taken + ordered)
    for sz in ordered:
        got = _instances_at(ctx, sz, free, marked, 0, True)
        if got is None:
            skipped.append(sz)
            continue
        out.append(SizeChoice(tuple((s, sz[s]) for s in sizes), False, tuple(got[0])))
    if skipped:
        where = ", ".join("(" + ", ".join(f"{s} = {v}" for s, v in sz.items()) + ")" for sz in skipped[:3])
        unchecked = unchecked or (f"too many orderings of the indices to realise at {len(skipped)} size choice(s) "
                                  f"({where}{', ...' if len(skipped) > 3 else ''})")
    if held:  # every instance carries every size (the translators read them all), the held ones at 1
        out = [_holding(c, held, everything) for c in out]
    return Plan(tuple(out), False, shape.sizes_matter or bool(shape.used_sizes), tuple(sizes), tuple(shape.why),
                unchecked, tuple(sorted(held.items())))


def degree_sizes(shape: Shape, checked: list[dict[str, int]]) -> list[dict[str, int]]:
    """Every size up to the degree of a step in the entries of its vectors, matrices and families of
    inputs (`Shape.entry_degree`, capped at MAX_DEGREE_SIZE), not already `checked`; with several
    sizes, all equal to each value. A polynomial in the entries may vanish at every n
    below its degree and no further (`6 e_6(v) = 0`, written with Newton's identities in power sums,
    holds for n <= 5 only); from n = degree on, a polynomial in power sums vanishes at every n if it
    vanishes at n = degree; a function of such a polynomial (`\\exp(6 e_6(v)) = 1`) counts by its
    argument. A sampling rule, never a proof for every n. With a degree past the cap, the sizes past
    the cap are not tried, and `Shape.why` says so (the step's evidence)."""
    d = shape.entry_degree
    if not d or not shape.sizes:
        return []
    word = shape.sizes[0] if len(shape.sizes) == 1 else "(" + ", ".join(shape.sizes) + ")"
    if d > MAX_DEGREE_SIZE:
        why = f"degree {d} in the entries: {word} = {MAX_DEGREE_SIZE + 1}..{d} not tried"
        if why not in shape.why:
            shape.why.append(why)
    out = [{s: k for s in shape.sizes} for k in range(1, min(d, MAX_DEGREE_SIZE) + 1)]
    return [sz for sz in out if sz not in checked]


def _holding(choice: SizeChoice, held: dict[str, int], order: list[str]) -> SizeChoice:
    """A size choice with the held sizes added, in the problem's order of sizes."""
    def full(sset):
        values = {**dict(sset), **held}
        return tuple((s, values[s]) for s in order)
    insts = tuple(replace(i, sizes=full(i.sizes)) for i in choice.instances)
    return replace(choice, sizes=full(choice.sizes), instances=insts)


def _unexplained_critical(shape: Shape) -> None:
    """An argument that changes sign away from every reference point (`(j - i = 3 \\cdot 3)`): the
    order types against the constants do not decide it, so the values matter."""
    near = {c + o - p + d for c in shape.index_constants | {1} for o in shape.offsets for p in shape.offsets
            for d in (-1, 0, 1)}
    for point in shape.critical or [{}]:
        if shape.critical_unchecked or any(v not in near for v in point.values()):
            shape.values_matter = True
            why = "an indicator, kink or domain argument changes sign away from the whole numbers written"
            if why not in shape.why:
                shape.why.append(why)
            return


def critical_sizes(ctx: Context, shape: Shape, free: list[str],
                   checked: list[dict[str, int]]) -> list[dict[str, int]]:
    """The size choices at each critical point (`Shape.critical`), the least first. A point's sizes
    are taken as they are (a size below 1 is no size); a size it leaves open is 1 when the step does
    not use it, else past every constant; with index values (or sum variables), the least of: their
    largest value, that plus room for every free index's offsets, that plus every constant (a range
    `1..N - c` holds them there), whose ranges hold them (none holds a value below every range)."""
    sizes = shape.sizes
    consts = {c for c in shape.constants | shape.index_constants if c >= 1}
    past = max(consts | {LARGE_SIZE - 1}) + 1
    room = (len(free) + 1) * (max(shape.offsets) - min(shape.offsets) + 2)
    out: set[tuple] = set()
    for point in shape.critical:
        fixed = {s: v for s, v in point.items() if s in sizes}
        rest = {k: v for k, v in point.items() if k not in sizes}
        if any(v < 1 for v in fixed.values()):
            continue
        top = max([abs(v) for v in rest.values()] + [1])
        fills = [top, top + room, top + past] if rest else [past]
        for w in fills:
            sz = {s: fixed.get(s, w if s in shape.used_sizes or rest else 1) for s in sizes}
            if _holds(ctx, sz, rest):
                if sz not in checked:
                    out.add(tuple(sz[s] for s in sizes))
                break  # the least size that holds the point's values
    return [dict(zip(sizes, key)) for key in sorted(out, key=lambda k: (max(k, default=0), sum(k), k))]


def _holds(ctx: Context, sizes: dict[str, int], values: dict[str, int]) -> bool:
    """Do the declared ranges at these sizes hold these index values (a sum variable: any value)?"""
    declared = [k for k in values if k in ctx.index_names]  # a primed letter is a sum variable here
    try:
        ranges = _ranges_at(ctx, sizes, declared)
    except ProofError:
        return False
    return all(ranges[k][0] <= values[k] <= ranges[k][1] for k in declared)


def cross_check_plan(ctx: Context, free: list[str], exprs) -> Plan:
    """Fewer instances, for a step already proved for every size (`symbolic_n`): at each size up to
    CROSS_CHECK_SIZES the least index values the case allows. They only cross-check the proof (and feed the autodiff
    cross-check): the proof is the evidence, so they need not be exhaustive."""
    sizes = size_names(ctx)
    top = min(SMALL_SIZES.get(len(sizes), SMALL_SIZES_MANY), CROSS_CHECK_SIZES) if sizes else 1
    keep = _case_filter(ctx)
    choices = []
    for k in range(1, top + 1):
        sz = {s: k for s in sizes}
        ranges = _ranges_at(ctx, sz, free)
        spans = [range(ranges[nm][0], ranges[nm][1] + 1) for nm in free]
        least = next((c for c in itertools.product(*spans) if keep({**sz, **dict(zip(free, c))})), None)
        if least is not None:
            sset = tuple((s, sz[s]) for s in sizes)
            choices.append(SizeChoice(sset, False, (Instance(sset, tuple(zip(free, least))),)))
    return Plan(tuple(choices), False, False, tuple(sizes))


def may_be_complete(ctx: Context, free: list[str], exprs, matrices: bool | None = None) -> bool:
    """Could `make_plan` cover every size and value (an order-determined step)? Cheap: no instances,
    and no roots of the difference (they add constants to try, never a flag read here)."""
    shape = analyse(ctx, exprs, free, matrices, roots=False)
    return not shape.sizes_matter and not shape.values_matter


def numeric_sizes(ctx: Context, shape: Shape, free: list[str], checked: list[dict[str, int]]) -> list[dict[str, int]]:
    """Size choices beyond the exact ones (`checked`). With up to three sizes: every ordering of the
    sizes and the free indices among themselves and against every whole number in sight (equal to
    each, between two, past all), so a size is large enough for an index strictly between the largest
    constant and N (`(i-1)(i-2)(i-3)(i-4)(i-N) = 0` needs N = 6, i = 5); when the joint orderings are
    too many to enumerate, the sizes' own orderings, each also widened by room for every index. With
    more sizes (ORDERED_SIZES_MAX), the same for the sizes the step may use as numbers
    (`Shape.number_sizes`: `(b - a - 1)(a - b)(b - 1) c d x = 0` with a = 1_a^T 1_a, ... fails only
    at orderings such as a = 3, b = 2), each other size at LARGE_SIZE, and none when no size is used
    as a number (proofs/M2: only the batch size, summed by its bias gradients `\\Delta \\mathbf{1}`; its
    other dimensions are summed only with inputs' entries). And always: every size past every constant,
    all different (the least such values) and all equal (at least LARGE_SIZE). Every ordering found
    is returned (the caller makes a step with more than MAX_NUMERIC_SIZES `unknown`)."""
    sizes = shape.sizes
    consts = {c for c in shape.constants | shape.index_constants if c >= 1}
    past = max(consts | {LARGE_SIZE - 1}) + 1
    apart = max(consts | {1}) + 1  # all different and past every constant, as small as that allows
    extras = []
    for e in ({s: apart + k for k, s in enumerate(sizes)}, {s: past for s in sizes}):
        if e not in checked and e not in extras:
            extras.append(e)
    fixed: dict[str, int] = {}
    if len(sizes) > ORDERED_SIZES_MAX:
        # the orderings of the sizes used as numbers (`Shape.number_sizes`), the others at LARGE_SIZE:
        # along such a size a step false at some value is false at every larger one
        # (`matrix.number_sizes`), so large is where it fails, whatever the ordering of the rest
        numbers = [s for s in sizes if s in shape.number_sizes]
        if not numbers:
            return extras
        fixed = {s: LARGE_SIZE for s in sizes if s not in shape.number_sizes}
        sizes = numbers
    size_vars = [_Var(s, True, shape.terms()) for s in sizes]
    joint = _realise(ctx, size_vars + [_Var(nm, False, shape.terms()) for nm in free], consts, fixed,
                     _case_filter(ctx))
    found: list[dict[str, int]] = []
    checked = list(checked)  # the exact sizes: not sampled again
    for v in joint or []:
        sz = {s: v[s] for s in shape.sizes}
        if sz not in found and sz not in checked:
            found.append(sz)
    room = (len(free) + 1) * (max(shape.offsets) - min(shape.offsets) + 2)
    for sz in _realise(ctx, size_vars, consts, fixed, lambda v: True) or []:
        sz = {s: sz[s] for s in shape.sizes}
        if sz not in found and sz not in checked:
            found.append(sz)
        wide = {s: v + (room if s in sizes else 0) for s, v in sz.items()}
        if joint is None and wide not in found:
            found.append(wide)
    found = [f for f in found if f not in extras]  # past every constant: all different, and all equal
    found.sort(key=lambda sz: (max(sz.values()), sum(sz.values()), tuple(sz.values())))
    return found + extras

def instances(ctx: Context, free: list[str], large: bool = False, exprs=None) -> list[Instance]:
    """The instances of `make_plan` that are zero-tested (large=False) or only sampled (large=True)."""
    plan = make_plan(ctx, free, exprs or ())
    if large:
        return [i for c in plan.choices if not (c.exact or not c.sizes) for i in c.instances]
    return plan.exact_instances


def _index_only(cond: n.Condition, ctx: Context) -> bool:
    names = n.names(cond)
    return all(nm.sub is None and (nm.base in ctx.index_names or nm.base in size_names(ctx)) for nm in names)
