"""Property tests: random expressions written as .proof text, checked against their own rewritings.

A small generator builds expression trees over x, y, z with small integer and decimal constants,
+ - * /, small integer powers, exp, log of positive things, and sums over an index with a symbolic N.
The test renders a tree to .proof text itself (never through SymPy's printer) and rewrites it by
rules that preserve value (commute, distribute, split a fraction, expand a square, exp of a sum,
log of a product of positives):
  A. `E = rewrite(E)` is proved or numeric, never refuted or unknown;
  B. a perturbed right side (+1, a flipped sign, a changed constant) is refuted, whenever a
     test-side SymPy evaluation of the trees (built from the trees, not from text) shows it differs.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from proofcheck.options import Options
from proofcheck.pipeline import check_text

pytestmark = pytest.mark.usefixtures("warm_workers")  # one pool of workers for the module (conftest.py)

OPTIONS = Options(seed=0, timeout=10)
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

VARS = ("x", "y", "z")
CONSTS = [Fraction(n) for n in (1, 2, 3, 5)] + [Fraction(1, 2), Fraction(3, 2), Fraction(1, 4), Fraction(5, 2)]

# ------------------------------------------------------------------ trees
# ("var", name) ("const", Fraction) ("add", a, b) ("sub", a, b) ("mul", a, b) ("div", a, p)
# ("pow", a, k) ("exp", a) ("log", p) ("sq1", a) = 1 + a^2 (positive)   -- p is a positive tree


def positive(t) -> bool:
    kind = t[0]
    if kind in ("exp", "sq1"):
        return True
    if kind == "const":
        return t[1] > 0
    if kind == "mul":
        return positive(t[1]) and positive(t[2])
    return False


leaves = st.one_of(st.sampled_from(VARS).map(lambda v: ("var", v)), st.sampled_from(CONSTS).map(lambda c: ("const", c)))


def _extend(children):
    pos = st.one_of(children.map(lambda a: ("sq1", a)), children.map(lambda a: ("exp", a)))
    add = st.tuples(st.just("add"), children, children)
    sub = st.tuples(st.just("sub"), children, children)
    mul = st.tuples(st.just("mul"), children, children)
    distributable = st.tuples(st.just("mul"), children, st.one_of(add, sub))
    return st.one_of(  # arithmetic first (hypothesis shrinks towards the first branches)
        add, sub, mul, distributable, distributable,
        st.tuples(st.just("div"), st.one_of(add, sub), pos),
        st.tuples(st.just("div"), children, pos),
        st.tuples(st.just("pow"), children, st.integers(2, 3)),
        st.tuples(st.just("exp"), add),
        st.tuples(st.just("log"), st.one_of(pos, st.tuples(st.just("mul"), pos, pos))),
    )


trees = st.recursive(leaves, _extend, max_leaves=7)


def _const_text(c: Fraction) -> str:
    if c.denominator == 1:
        return str(c.numerator)
    return str(c.numerator / c.denominator)  # 1/2 -> 0.5, 1/4 -> 0.25: exact decimals


def render(t, rng: random.Random) -> str:
    """Fully parenthesised .proof text; products are written in several of the accepted ways."""
    kind = t[0]
    if kind == "var":
        return t[1]
    if kind == "const":
        s = _const_text(t[1])
        return s if t[1] >= 0 else f"({s})"
    if kind == "add":
        return f"({render(t[1], rng)} + {render(t[2], rng)})"
    if kind == "sub":
        return f"({render(t[1], rng)} - {render(t[2], rng)})"
    if kind == "mul":
        a, b = render(t[1], rng), render(t[2], rng)
        op = rng.choice([" \\cdot ", " * ", " ", " \\times "])
        if op == " " and not (b[0].isalpha() or b[0] in "(\\"):
            op = " \\cdot "
        return f"({a}{op}{b})"
    if kind == "div":
        return f"\\frac{{{render(t[1], rng)}}}{{{render(t[2], rng)}}}"
    if kind == "pow":
        return f"{{{render(t[1], rng)}}}^{{{t[2]}}}"
    if kind == "exp":
        inner = render(t[1], rng)
        return rng.choice([f"\\exp({inner})", f"e^{{{inner}}}"])
    if kind == "log":
        return rng.choice(["\\log", "\\ln"]) + f"({render(t[1], rng)})"
    if kind == "sq1":
        return f"(1 + {{{render(t[1], rng)}}}^{{2}})"
    raise AssertionError(kind)


def to_sympy(t):
    """The test's own oracle, built from the tree (never from text)."""
    kind = t[0]
    if kind == "var":
        return sp.Symbol(t[1], real=True)
    if kind == "const":
        return sp.Rational(t[1].numerator, t[1].denominator)
    if kind == "add":
        return to_sympy(t[1]) + to_sympy(t[2])
    if kind == "sub":
        return to_sympy(t[1]) - to_sympy(t[2])
    if kind == "mul":
        return to_sympy(t[1]) * to_sympy(t[2])
    if kind == "div":
        return to_sympy(t[1]) / to_sympy(t[2])
    if kind == "pow":
        return to_sympy(t[1]) ** t[2]
    if kind == "exp":
        return sp.exp(to_sympy(t[1]))
    if kind == "log":
        return sp.log(to_sympy(t[1]))
    if kind == "sq1":
        return 1 + to_sympy(t[1]) ** 2
    raise AssertionError(kind)


def rewrite(t, rng: random.Random):
    """An equal tree: value-preserving rules applied at random places."""
    kind = t[0]
    if kind in ("var", "const"):
        if kind == "const" and rng.random() < 0.3 and t[1] > 1:
            return ("add", ("const", t[1] - 1), ("const", Fraction(1)))  # 3 -> 2 + 1
        return t
    if kind == "pow":
        a = rewrite(t[1], rng)
        if t[2] == 2 and rng.random() < 0.5:
            return ("mul", a, a)
        return ("pow", a, t[2])
    if kind in ("exp", "sq1"):
        a = t[1]
        if kind == "exp" and a[0] == "add" and rng.random() < 0.6:
            return ("mul", ("exp", rewrite(a[1], rng)), ("exp", rewrite(a[2], rng)))
        return (kind, rewrite(a, rng))
    if kind == "log":
        p = t[1]
        if p[0] == "mul" and rng.random() < 0.7:
            return ("add", ("log", rewrite(p[1], rng)), ("log", rewrite(p[2], rng)))
        if p[0] == "exp" and rng.random() < 0.5:
            return rewrite(p[1], rng)
        return ("log", rewrite(p, rng))
    a, b = t[1], t[2]
    if kind == "div" and a[0] in ("add", "sub") and rng.random() < 0.6:
        return (a[0], ("div", rewrite(a[1], rng), b), ("div", rewrite(a[2], rng), b))
    if kind == "mul" and b[0] in ("add", "sub") and rng.random() < 0.6:
        return (b[0], ("mul", rewrite(a, rng), rewrite(b[1], rng)), ("mul", rewrite(a, rng), rewrite(b[2], rng)))
    a, b = rewrite(a, rng), rewrite(b, rng)
    if kind in ("add", "mul") and rng.random() < 0.5:
        a, b = b, a
    if kind == "sub" and rng.random() < 0.3:
        return ("add", a, ("mul", ("const", Fraction(-1)), b))
    return (kind, a, b)


def perturb(t, how: str, rng: random.Random):
    if how == "plus1":
        return ("add", t, ("const", Fraction(1)))
    if how == "neg":
        return ("mul", ("const", Fraction(-1)), t)
    # change one constant (or add 1 to one variable) somewhere in the tree
    paths = []

    def walk(x, path):
        if x[0] in ("var", "const"):
            paths.append(path)
            return
        for i, c in enumerate(x[1:], start=1):
            if isinstance(c, tuple):
                walk(c, path + (i,))

    walk(t, ())
    target = rng.choice(paths)

    def change(x, path):
        if not path:
            if x[0] == "const":
                return ("const", x[1] + 1)
            return ("add", x, ("const", Fraction(1)))
        i = path[0]
        return x[:i] + (change(x[i], path[1:]),) + x[i + 1:]

    return change(t, target)


def _value(e, point):
    try:
        v = sp.N(e.xreplace(point), 30)
    except (ZeroDivisionError, ValueError, TypeError, OverflowError):
        return None
    if not v.is_number or v.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or not v.is_real:
        return None
    if abs(v) > 10 ** 12:
        return None
    return v


def differs(a, b) -> bool:
    """The test's oracle: do the trees differ at some simple point (both sides defined there)?"""
    syms = [sp.Symbol(v, real=True) for v in VARS]
    for values in [(sp.Rational(1, 3), sp.Rational(2, 7), sp.Rational(-1, 2)), (sp.Rational(5, 4), -1, sp.Rational(3, 5)),
                   (-2, sp.Rational(1, 2), 1)]:
        point = dict(zip(syms, values))
        va, vb = _value(a, point), _value(b, point)
        if va is None or vb is None:
            continue
        if abs(va - vb) > sp.Float("1e-10") * (1 + abs(va) + abs(vb)):
            return True
    return False


def verdicts(text: str) -> list[str]:
    result = check_text(text, "<property>", OPTIONS)
    assert not [d for d in result.diagnostics if d.code.startswith(("E1", "E2"))], (text, result.diagnostics)
    return [s.verdict for p in result.problems for s in p.steps]


def _too_big(e) -> bool:
    return sp.count_ops(e) > 60


@SETTINGS
@given(t=trees, seed=st.integers(0, 10_000))
def test_rewriting_is_accepted(t, seed):
    rng = random.Random(seed)
    assume(not _too_big(to_sympy(t)))
    rt = rewrite(t, rng)
    assume(rt != t)  # an actual rewriting, not the same tree
    lhs, rhs = render(t, rng), render(rt, rng)
    text = f"{lhs} = {rhs}\n"
    got = verdicts(text)
    assert got and all(v in ("proved", "numeric") for v in got), f"{text!r}: {got}"


@SETTINGS
@given(t=trees, seed=st.integers(0, 10_000), how=st.sampled_from(["plus1", "neg", "const"]))
def test_perturbation_is_refuted(t, seed, how):
    rng = random.Random(seed)
    rhs_tree = perturb(rewrite(t, rng), how, rng)
    a, b = to_sympy(t), to_sympy(rhs_tree)
    assume(not _too_big(a) and not _too_big(b))
    assume(differs(a, b))
    text = f"{render(t, rng)} = {render(rhs_tree, rng)}\n"
    got = verdicts(text)
    assert got == ["refuted"], f"{text!r}: {got}"


# ------------------------------------------------------------------ sums over an index with a symbolic N

summands = st.lists(st.sampled_from(["x_j", "y_j", "x_j y_j", "c", "x_j^2", "2 y_j", "0.5 x_j"]), min_size=1, max_size=3)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(parts=summands, factor=st.sampled_from(["2", "c", "0.5"]), wrong=st.booleans())
def test_sum_linearity(parts, factor, wrong):
    """`\\sum_j factor (a_j + b_j)` = `factor \\sum_j a_j + factor \\sum_j b_j`; dropping a term is refuted."""
    body = " + ".join(parts)
    split = [f"{factor} \\sum_j {p}" for p in parts]
    if wrong:
        # `\cdot`: `2 2 y_1` (a number directly after a number) reads two ways and is E211
        split = split[:-1] + [f"{factor} \\cdot {parts[-1].replace('_j', '_1')}"] if "_j" in parts[-1] else split + ["1"]
    text = f"index j in 1..N\n\\sum_j {factor} ({body}) = {' + '.join(split)}\n"
    got = verdicts(text)
    if wrong:
        assert got == ["refuted"], f"{text!r}: {got}"
    else:
        assert got in (["proved"], ["numeric"]), f"{text!r}: {got}"


@pytest.mark.parametrize("text", [
    "x + y = y + x\n", "\\frac{x + y}{2} = \\frac{x}{2} + \\frac{y}{2}\n", "e^{x + y} = e^x e^y\n",
])
def test_generator_examples_are_proved(text):
    """Sanity for the property harness: hand-written instances of each rewrite are accepted."""
    assert verdicts(text) in (["proved"], ["numeric"])
