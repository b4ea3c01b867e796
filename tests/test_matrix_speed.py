"""The shortcuts that make matrix steps cheap (issue 11) give the answers the slow way gives.

Each shortcut is checked against the computation it replaces, on many seeded cases, and each has the
false claim it must not let through:

- `matrix.derivative` (a derivative entry, each shared subtree once) is structurally `sp.diff`;
- lazy matrix sums and products (`MatrixMixin.madd`, `matmul`, `hadamard`) have the eager entries;
- `f'` of a matrix is differentiated once per function (`MatrixMixin.prime_value`);
- `extrema._stationary_point` (a rank test and an LU solve) finds the point `sympy.solve` found;
- `compare._evidence_forms` skips the expanded forms only when d reads as zero, never for a
  difference that cancellation hides (`(1 + e^{-100})^2 = 1 + 2e^{-100}` at a sampled size);
- `rational.polynomial_zero` (the reading that goes first) shows zero only what SymPy's expansion
  shows zero, and never a difference that is not zero at a point.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy as sp

from proofcheck.check.compare import _evidence_forms
from proofcheck.check.decide import decide
from proofcheck.check.instances import free_indices
from proofcheck.check.numbers import difference_forms
from proofcheck.check.rational import polynomial_zero, rational_zero
from proofcheck.check.extrema import _stationary_point
from proofcheck.elaborate import elaborate
from proofcheck.matrix import Mat, MatrixTranslator, derivative
from proofcheck.parse import parse_source
from proofcheck.source import split_lines
from proofcheck.translate import relu_class

XS = sp.symbols("x1:5", real=True)


def _random_tree(rng: random.Random, depth: int) -> sp.Expr:
    """A random expression of the node types translated matrix entries are made of."""
    if depth == 0 or rng.random() < 0.2:
        return rng.choice(list(XS) + [sp.Integer(rng.randint(-3, 3)), sp.Rational(1, rng.randint(2, 5))])
    a = _random_tree(rng, depth - 1)
    kind = rng.randint(0, 9)
    if kind == 0:
        return a + _random_tree(rng, depth - 1)
    if kind == 1:
        return a * _random_tree(rng, depth - 1)
    if kind == 2:
        return 1 / (1 + sp.exp(-a))  # the sigmoid as translate.py builds it
    if kind == 3:
        return a ** rng.randint(-2, 3)
    if kind == 4:
        return a ** rng.choice(XS)  # an exponent with a variable: the log term
    if kind == 5:
        return sp.log(1 + a ** 2)
    if kind == 6:
        return relu_class(Fraction(0))(a)
    if kind == 7:
        return sp.sqrt(1 + a ** 2)
    if kind == 8:
        return sp.tanh(a) * sp.exp(a)
    return sp.Piecewise((a, a > 0), (0, True))


@pytest.mark.parametrize("seed", [0] + [pytest.param(s, marks=pytest.mark.slow) for s in range(1, 4)])  # CI: all four
def test_derivative_is_sympys(seed):
    """The memoized derivative is the very expression `sp.diff` builds, not just an equal one."""
    rng = random.Random(seed)
    checked = 0
    for _ in range(120):
        try:
            e = _random_tree(rng, 5)
            want = {x: sp.diff(e, x) for x in XS[:2]}
        except (TypeError, ValueError):  # SymPy refuses some random trees (a comparison with zoo)
            continue
        for x, w in want.items():
            assert derivative(e, x) == w, (e, x)
            checked += 1
    assert checked > 150


def test_derivative_of_shared_subtrees():
    """A sum of squares whose terms share sigmoids, as in a two-layer network's loss."""
    w, v, c = sp.symbols("w v c", real=True)
    hidden = [1 / (1 + sp.exp(-(w * x + c))) for x in XS]
    loss = sum((v * h - x) ** 2 for h, x in zip(hidden, XS)) / 2
    assert derivative(loss, w) == sp.diff(loss, w)
    assert derivative(loss, c) == sp.diff(loss, c)


def test_derivative_with_an_unevaluated_derivative():
    """A tree holding `g'(x)` of an undeclared g is left to `sp.diff` whole (it makes derivatives canonical)."""
    x, y = XS[:2]
    g = sp.Function("g", real=True)
    e = sp.Derivative(g(x, y), y, x) * x ** 2 + sp.exp(x)
    assert derivative(e, x) == sp.diff(e, x)


def test_derivative_with_an_infinity():
    """0 times an infinite factor is NaN, not 0: a tree with one keeps SymPy's every term."""
    x, y = XS[:2]
    for e in (sp.zoo * x * y + x ** 2, sp.oo * y * sp.exp(x), x * y * sp.nan):
        assert derivative(e, x).has(sp.nan) == sp.diff(e, x).has(sp.nan)
        assert sp.srepr(derivative(e, x)) == sp.srepr(sp.diff(e, x))


def _context(text: str):
    statements, diags = parse_source(split_lines("<test>", text))
    assert not diags, diags
    problems, diags = elaborate(statements)
    assert not diags, diags
    chain = problems[0].chains[-1]
    return chain.context, chain.members[0].expr, chain.members[1].expr


def test_lazy_products_have_the_eager_entries():
    """Every entry of `W x + b`, `A \\odot B` and `A B^T` is the sum or product of the operands' entries."""
    ctx, a_node, b_node = _context(r"""problem P "lazy"
let W : (m, n)
let A : (m, n)
let B : (m, n)
let x : (n)
let b : (m)
W x + b = W x + b
A \odot B + A B^\top W = A \odot B + A B^\top W
""")
    t = MatrixTranslator(ctx, {"m": 2, "n": 3})
    value = t.translate(a_node)
    assert isinstance(value, Mat) and (value.rows, value.cols) == (2, 3)
    ent = {}
    for name, (r, c) in (("W", (2, 3)), ("A", (2, 3)), ("B", (2, 3))):
        ent[name] = [[sp.Symbol(f"{name}_{i + 1}{j + 1}") for j in range(c)] for i in range(r)]
    sym = {s.name.replace(",", "").replace("{", "").replace("}", ""): s for s in value.at(0, 0).free_symbols}
    for s in {s for i in range(2) for j in range(3) for s in value.at(i, j).free_symbols}:
        sym[s.name.replace(",", "").replace("{", "").replace("}", "")] = s

    def e(name, i, j):
        return sym[f"{name}_{i + 1}{j + 1}"]

    for i in range(2):
        for j in range(3):
            ab_t_w = sum(sum(e("A", i, k) * e("B", l, k) for k in range(3)) * e("W", l, j) for l in range(2))
            want = e("A", i, j) * e("B", i, j) + ab_t_w
            assert sp.expand(value.at(i, j) - want) == 0, (i, j)


def test_prime_of_a_matrix_is_the_derivative_at_each_entry():
    """`\\sigma'(z)` entry by entry is sigma's derivative at that entry, and a wrong `\\sigma'` is refuted."""
    ctx, a_node, _ = _context(r"""problem P "prime"
let z : (n)
\sigma'(z) = \sigma(z) \odot (\mathbf{1} - \sigma(z))
""")
    t = MatrixTranslator(ctx, {"n": 3})
    value = t.translate(a_node)
    u = sp.Symbol("u", real=True)
    sig_prime = sp.diff(1 / (1 + sp.exp(-u)), u)
    for i in range(3):
        z_i = next(iter(value.at(i, 0).free_symbols))
        assert value.at(i, 0) == sig_prime.xreplace({u: z_i})
    ctx, a, b = _context(r"""problem P "prime"
let z : (n)
\sigma'(z) = \sigma(z) \odot \sigma(z)
""")
    assert decide(ctx, a, b, free_indices([a, b], ctx), seed=0, at_point=False).verdict == "refuted"


@pytest.mark.parametrize("seed", [0] + [pytest.param(s, marks=pytest.mark.slow) for s in range(1, 3)])  # CI: all three
def test_stationary_point_is_solves(seed):
    """The rank-and-LU stationary point is the unique solution sympy.solve returns, or None with it."""
    rng = random.Random(seed)
    names = sp.symbols("a b c d e", real=True)
    for _ in range(60):
        k = rng.randint(2, 5)
        vs = names[:k]
        monomials = [sp.Integer(1)] + list(vs) + [p * q for p in vs for q in vs]
        g = sum(sp.Rational(rng.randint(-3, 3), rng.randint(1, 3)) * m
                for m in rng.sample(monomials, rng.randint(1, len(monomials))))
        used = tuple(sorted(g.free_symbols, key=lambda s: s.name))
        if len(used) < 2 or sp.Poly(g, *used).total_degree() != 2:
            continue
        sol = sp.solve([sp.diff(g, v) for v in used], used, dict=True)
        unique = len(sol) == 1 and len(sol[0]) == len(used) and all(v.is_Rational for v in sol[0].values())
        got = _stationary_point(g, used)
        assert (dict(got) if got is not None else None) == (sol[0] if unique else None), g


def test_forms_skipped_only_for_a_zero_reading():
    """A difference the rational reading shows zero needs no forms; one that cancellation hides keeps them."""
    x = XS[0]
    zero = 1 / (1 + sp.exp(-x)) - sp.exp(x) / (sp.exp(x) + 1)
    assert _evidence_forms(zero, False) == ()
    hidden = (1 + sp.exp(-100)) ** 2 * x - x - 2 * sp.exp(-100) * x
    assert _evidence_forms(hidden, False) == difference_forms(hidden) != ()


def test_hidden_cancellation_refuted_at_sampled_sizes():
    """The false claim the forms are there for, exactly 0 at the exact sizes n = 1..4 and wrong only at
    the sampled n = 5, where the difference 24 e^{-200} (x_1 + ... + x_5) hides under cancellation."""
    ctx, a, b = _context(r"""problem P "cancellation"
let x : (n)
(n - 1)(n - 2)(n - 3)(n - 4)((1 + e^{-100})^2 - 1 - 2 e^{-100}) \mathbf{1}^\top x = 0
""")
    d = decide(ctx, a, b, free_indices([a, b], ctx), seed=0, at_point=False)
    assert d.verdict == "refuted"
    assert d.counterexample["sizes"] == {"n": 5}


def _distributed(rng: random.Random, e: sp.Expr) -> sp.Expr:
    """e rewritten by distributing some of its products over their sums (the way two sides of a matrix
    step differ), inside the tree too; equal to e everywhere e is defined."""
    if e.is_Atom:
        return e
    args = [_distributed(rng, a) for a in e.args]
    e = e.func(*args)
    return sp.expand_mul(e, deep=False) if e.is_Mul and rng.random() < 0.5 else e


@pytest.mark.parametrize("seed", range(40))
def test_polynomial_reading_against_expansion(seed):
    """polynomial_zero is True only where the expansion it spares (`difference_forms`) is 0; a side
    changed by a tiny or a plain term is never read as equal."""
    rng = random.Random(seed)
    a = _random_tree(rng, 4)
    b = _distributed(rng, a)
    changed = b + rng.choice([sp.exp(-100) * XS[0], sp.Rational(1, 7), XS[1] / (1 + sp.exp(XS[2]))])
    for d in (a - b, a - changed, a - _random_tree(rng, 4)):
        if polynomial_zero(d):
            assert sp.expand(d) == 0, d
            assert difference_forms(d) == (), d
    assert not polynomial_zero(a - changed)


def test_polynomial_reading_of_a_matrix_entry():
    """The entry shape the reading is for (a sum over the batch of sigmoid-derivative products, the
    other side distributed), shown zero where the quick rational reading gives up; a tiny change in
    one weight's coefficient is not."""
    w = sp.symbols("w1:7", real=True)
    x = sp.symbols("x1:5", real=True)
    sig = [1 / (1 + sp.exp(-(w[i] * x[j] + w[i + 3] * x[(j + 1) % 4]))) for i in range(3) for j in range(4)]
    left = sum(x[j] * (sum(w[i] * sig[4 * i + j] for i in range(3)) - x[j]) * sig[j] * (1 - sig[j]) for j in range(4))
    right = sum(x[j] * w[i] * sig[4 * i + j] * (sig[j] - sig[j] ** 2) for i in range(3) for j in range(4)) \
        - sum(x[j] ** 2 * sig[j] * (1 - sig[j]) for j in range(4))
    assert polynomial_zero(left - right)
    assert not rational_zero(left - right, 10)
    assert not polynomial_zero(left - right.subs(w[0], w[0] * (1 + sp.exp(-100))))


def test_symmetry_remembered_per_step():
    """`Shapes.symmetric` (entry_symmetric once per step) answers for the members it was asked about:
    in one context a symmetric step and one that names entry 1 get their own answers in either order,
    and the literal step is refuted after the symmetric one in the same process."""
    from proofcheck.matrix import entry_symmetric, shapes_of

    statements, _ = parse_source(split_lines("<test>", r"""problem P "per step"
let x : (n)
x \odot x = x \odot x = x_1 \mathbf{1}
"""))
    problems, _ = elaborate(statements)
    chain = problems[0].chains[-1]
    ctx, m = chain.context, [x.expr for x in chain.members]
    shapes = shapes_of(ctx)
    for order in ((0, 1), (1, 0), (0, 1)):
        for k in order:
            members = (m[k], m[k + 1])
            assert shapes.symmetric(members) == entry_symmetric(ctx, members, shapes) == (k == 0)
    assert decide(ctx, m[0], m[1], free_indices(m[:2], ctx), seed=0, at_point=False).verdict == "numeric"
    assert decide(ctx, m[1], m[2], free_indices(m[1:], ctx), seed=0, at_point=False).verdict == "refuted"


def _full_kink_arguments(exprs) -> list:
    """`kinks.kink_arguments` as it was: the full preorder traversal, every repeat walked again."""
    from proofcheck.check.kinks import _arguments_of

    found = [g for e in exprs for sub in sp.preorder_traversal(e) for g in _arguments_of(sub)]
    out, seen = [], set()
    for g in found:
        if g.free_symbols and g not in seen and -g not in seen:
            seen.add(g)
            out.append(g)
    return out


def _shared_tree(rng: random.Random, depth: int, pool: list) -> sp.Expr:
    """A random tree with kinks whose subtrees recur (drawn again from `pool`), as matrix entries' do."""
    if pool and rng.random() < 0.3:
        return rng.choice(pool)
    if depth == 0 or rng.random() < 0.15:
        return rng.choice(list(XS) + [sp.Integer(rng.randint(-3, 3))])
    a, b = _shared_tree(rng, depth - 1, pool), _shared_tree(rng, depth - 1, pool)
    makers = [lambda: a + b, lambda: a * b, lambda: sp.Heaviside(a), lambda: relu_class(Fraction(0))(a),
              lambda: sp.Max(a, b, a - b), lambda: sp.Min(a, 2 * b), lambda: sp.Abs(a) + b,
              lambda: sp.Piecewise((a, b > 0), (b, True)), lambda: sp.sign(a - b) * a,
              lambda: sp.KroneckerDelta(a, b) + sp.exp(a)]
    try:
        r = rng.choice(makers)()
    except (TypeError, ValueError):  # SymPy refuses some random combinations (a NaN comparison)
        r = a + b
    pool.append(r)
    return r


@pytest.mark.parametrize("seed", range(30))
def test_kink_arguments_skip_repeats_only(seed):
    """`kink_arguments` walks each distinct subtree once; the list (its order too: the probes follow
    it) is the one the full traversal gives. And `entries.free_symbols` is SymPy's union."""
    from proofcheck.check.entries import free_symbols
    from proofcheck.check.kinks import kink_arguments

    rng = random.Random(seed)
    pool: list = []
    exprs = [_shared_tree(rng, 4, pool) for _ in range(rng.randint(1, 3))]
    assert kink_arguments(exprs) == _full_kink_arguments(exprs)
    assert free_symbols(exprs) == set().union(*[e.free_symbols for e in exprs])


def test_free_symbols_with_bound_variables():
    """A node that binds a variable (an integral, a sum, a derivative at a point) answers for itself:
    its bound variable is not free, though the same symbol may be free elsewhere in the entry."""
    from proofcheck.check.entries import free_symbols

    x, y, z = XS[:3]
    f = sp.Function("f")
    for e in (sp.Integral(x * z, (x, 0, 1)), sp.exp(x * y) + sp.Integral(x * z, (x, 0, 1)),
              sp.Derivative(f(x), x).subs(x, y), sp.Sum(x * z, (x, 1, 3)), sp.Heaviside(x - z) * y):
        assert free_symbols([e]) == e.free_symbols, e


@pytest.mark.parametrize("seed", range(20))
def test_derivative_or_infinity_is_has(seed):
    """`matrix._has_derivative_or_infinity` (each distinct subtree once) is SymPy's `has` of the four
    non-finite constants and unevaluated derivatives, on trees that share subtrees and hide one deep."""
    from proofcheck.matrix import _NOT_FINITE, _has_derivative_or_infinity

    rng = random.Random(seed)
    pool: list = []
    f = sp.Function("f")
    for e in [_shared_tree(rng, 4, pool) for _ in range(3)]:
        hidden = rng.choice([sp.oo, -sp.oo, sp.zoo, sp.nan, sp.Derivative(f(XS[0]), XS[0]),
                             sp.Subs(f(XS[1]), XS[1], 1), XS[2]])
        for tree in (e, e + sp.exp(XS[0] * hidden), sp.Heaviside(e) * e):
            assert _has_derivative_or_infinity(tree) == tree.has(sp.Derivative, sp.Subs, *_NOT_FINITE), tree


def test_generic_free_symbols_classes():
    """Functions, sums, relations and piecewise values take SymPy's union over their arguments; a
    symbol and nodes that bind variables do not (`certified.generic_free_symbols`)."""
    from proofcheck.check.certified import generic_free_symbols

    f = sp.Function("f")
    for cls in (sp.exp, sp.Heaviside, sp.Add, sp.Mul, sp.Pow, sp.Piecewise, sp.StrictGreaterThan, sp.Max,
                type(f(XS[0]))):
        assert generic_free_symbols(cls), cls
    for cls in (sp.Symbol, sp.Dummy, sp.Derivative, sp.Subs, sp.Integral, sp.Sum, sp.Lambda):
        assert not generic_free_symbols(cls), cls


@pytest.mark.parametrize("seed", range(20))
def test_outside_a_field_is_has(seed):
    """`rational._outside_a_field` (each distinct subtree once) is SymPy's `has` of the non-finite
    constants and of a Float, hidden deep in a tree with shared subtrees or absent."""
    from proofcheck.check.rational import _NOT_IN_A_FIELD, _outside_a_field

    rng = random.Random(seed)
    pool: list = []
    for e in [_shared_tree(rng, 4, pool) for _ in range(3)]:
        hidden = rng.choice([sp.oo, -sp.oo, sp.zoo, sp.nan, sp.Float("0.5"), sp.Rational(1, 3), XS[3]])
        for tree in (e, e + sp.exp(XS[0] * hidden), sp.Heaviside(e) * e - hidden):
            assert _outside_a_field(tree) == (tree.has(*_NOT_IN_A_FIELD) or tree.has(sp.Float)), tree


def _random_argument(rng: random.Random, depth: int) -> sp.Expr:
    """An argument for exp or a sigmoid: mostly the plain polynomials of `W x + b` entries, with every
    node that must send `translate.exp_of` down SymPy's own path (pi, I, a log, a Float, oo, a zero
    rational left unevaluated, a symbol known to be 0, a non-commutative one, negative powers)."""
    if depth == 0 or rng.random() < 0.25:
        return rng.choice(list(XS) + [sp.Integer(rng.randint(-3, 3)), sp.Rational(1, rng.randint(2, 5)), sp.pi,
                                      sp.I, sp.log(XS[0]), sp.Float("0.5"), sp.oo, sp.Symbol("z", zero=True),
                                      sp.Symbol("p", positive=True), sp.Symbol("c", commutative=False)])
    a, b = _random_argument(rng, depth - 1), _random_argument(rng, depth - 1)
    kind = rng.randint(0, 5)
    if kind == 0:
        return a + b
    if kind == 1:
        return a * b
    if kind == 2:
        return a ** rng.randint(-2, 3)
    if kind == 3:
        return sp.Add(a, sp.Integer(0), evaluate=False)
    if kind == 4:
        return sp.Add(a, -a, evaluate=False)
    return -a


@pytest.mark.parametrize("seed", range(10))
def test_exp_and_sigmoid_are_sympys(seed):
    """`translate.exp_of` and `sigmoid_of` skip SymPy's evaluation only where it would return the
    argument unchanged: the object built is SymPy's own, node for node, on plain polynomials and on
    every node that takes the slow path."""
    from proofcheck.translate import exp_of, sigmoid_of

    rng = random.Random(seed)
    for _ in range(150):
        x = _random_argument(rng, 4)
        try:
            slow_exp, slow_sigmoid = sp.exp(x), 1 / (1 + sp.exp(-x))
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        assert _same_tree(exp_of(x), slow_exp), x
        assert _same_tree(sigmoid_of(x), slow_sigmoid), x


def _same_tree(a, b) -> bool:
    """The same object node for node: classes, argument order and leaves (srepr fails on nan)."""
    if type(a) is not type(b) or len(a.args) != len(b.args):
        return False
    if not a.args:
        return a == b or (a is sp.nan and b is sp.nan)
    return all(_same_tree(x, y) for x, y in zip(a.args, b.args))


@pytest.mark.parametrize("seed", range(10))
def test_undeclared_is_atoms(seed):
    """`functions.undeclared` (each distinct subtree once) finds what `atoms(AppliedUndef)` finds."""
    from sympy.core.function import AppliedUndef

    from proofcheck.check.functions import undeclared

    rng = random.Random(seed)
    pool: list = []
    g, h = sp.Function("g", real=True), sp.Function("h")
    for e in [_shared_tree(rng, 4, pool) for _ in range(3)]:
        for tree in (e, e + g(XS[0]) * h(e, XS[1]), sp.Derivative(g(XS[2]), XS[2]) * e, sp.exp(h(e))):
            found = {(f.func, len(f.args)) for f in tree.atoms(AppliedUndef)}
            assert undeclared(tree, e) == sorted(found, key=lambda fa: (fa[0].__name__, fa[1])), tree
