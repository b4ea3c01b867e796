"""Steps about functions the problem never defines (`g(a) + g(b) = g(a + b)`, `\\mathrm{foo}(x)`).

Such a step claims something for every function g. First, as for any step, a counterexample is
looked for: each undeclared function is replaced by concrete random functions (seeded, exact
rational coefficients, from three families: a cubic, an exponential and a sine) and the step is
compared as usual for each replacement; a difference for one of them is a true counterexample (with
that function shown). Then the step is proved only when the symbolic zero test shows it with g kept
abstract (an undefined SymPy function; derivatives by the chain rule). Agreement for the random
functions alone is at most `numeric`, never `proved`: a claim can hold for them and fail for another.

A concrete function for which a derivative written in the step or its assumptions vanishes
identically (a cubic's fourth derivative, the sine family's mixed partials) only looks for
counterexamples: its agreement is no evidence, since it is a special case the general function is
not (`assume (g^{(4)})^2 + (g^{(5)})^2 <= 0` holds everywhere for a cubic, so `g^{(6)} = 0` would be
"seen" for cubics alone, and it is false for g = x^6 at x = 0).
"""

from __future__ import annotations

import itertools
import math
import random
from typing import Callable

import sympy as sp
from sympy.core.function import AppliedUndef

from .kinks import Budget, distinct_subtrees
from .symbolic import zero_test

INSTANTIATIONS = 3  # random functions tried per step, one from each family in turn
# more, while none could be used: an assumption about the function (`assume \phi(x)^2 + x < 0`) can
# fail everywhere for one concrete phi (no negative root) and hold somewhere for another
MAX_INSTANTIATIONS = 4 * INSTANTIATIONS
MAX_PARTS = 256  # parts of the sides looked at by `degenerate`; more: the concrete function is no evidence
MAX_DEGREE = 16  # of the polynomial draw (polynomial_degree); more: that draw is no evidence
MAX_MONOMIALS = 220  # of the polynomial draw: 6 inputs at degree 4 (210)
_DENOMINATORS = (2, 3, 5, 7)
_NUMERATORS = 9  # coefficients p/q with 1 <= |p| <= 9: nonzero, so no term of a family vanishes


def undeclared(*exprs) -> list[tuple]:
    """(function class, number of arguments) of every undeclared function applied in the
    expressions, in a fixed order (`g(x)` and `g(x, y)` are two functions for SymPy). Each distinct
    subtree is looked at once (`kinks.distinct_subtrees`), not at every occurrence as `atoms` does: it
    runs for every instance of every step, whose matrix entries repeat their subtrees."""
    met: set = set()
    found = {(f.func, len(f.args)) for e in exprs for f in distinct_subtrees(e, met) if isinstance(f, AppliedUndef)}
    return sorted(found, key=lambda fa: (fa[0].__name__, fa[1]))


def _coefficient(rng: random.Random) -> sp.Rational:
    return sp.Rational(rng.choice((-1, 1)) * rng.randint(1, _NUMERATORS), rng.choice(_DENOMINATORS))


_ARGUMENT_NAMES = ("x", "y", "z", "u", "v", "w")


def random_function(rng: random.Random, name: str, arity: int, kind: int,
                    degree: int = 3) -> tuple[sp.Lambda, str, str]:
    """A smooth function of `arity` arguments from family `kind` (0 cubic, 1 exponential, 2 sine),
    with nonzero random coefficients; and how a counterexample shows it (`g(x)`, `1/2 + 3*x`). With
    `degree` over 3 the polynomial family has every monomial of total degree up to `degree` (see
    `polynomial_degree`)."""
    names = _ARGUMENT_NAMES[:arity] if arity <= len(_ARGUMENT_NAMES) else tuple(f"x{k}" for k in range(1, arity + 1))
    xs = tuple(sp.Symbol(nm, real=True) for nm in names)

    def c():
        return _coefficient(rng)

    body = c()
    if kind == 0 and degree > 3:
        for powers in _monomials(arity, degree):
            body += c() * sp.Mul(*(x ** k for x, k in zip(xs, powers)))
    elif kind == 0:
        for x in xs:
            body += c() * x + c() * x ** 2 + c() * x ** 3
        for a, b in zip(xs, xs[1:]):
            body += c() * a * b
    elif kind == 1:
        body += sum(c() * x for x in xs) + c() * sp.exp(sum(c() * x for x in xs) / 2)
    else:
        body += sum(c() * sp.sin(x + c()) + c() * x ** 2 for x in xs)
    return sp.Lambda(xs, body), f"{name}({', '.join(names)})", sp.sstr(body).replace("**", "^")


def _monomials(arity: int, degree: int):
    """Exponent tuples of the monomials of total degree 1..degree in `arity` inputs."""
    return [p for p in itertools.product(range(degree + 1), repeat=arity) if 0 < sum(p) <= degree]


def polynomial_degree(f, arity: int, exprs) -> int | None:
    """The total degree of the polynomial draw for f in this step: 3, or more when the step writes
    derivatives of f of order m at s places (s (m + 1), Hermite): a polynomial of that degree has
    arbitrary values and derivatives there, so no identity among them holds for it by accident. A
    cubic alone is a special case the written parts may hide (an expanded product of one annihilator
    per family has no constant part; red team round 33), and so is the cubic of several inputs for
    second derivatives (no x z term: g_xy g_xz^2 = g_xx g_xz g_yz holds for it, special, and for the
    exponential draw, whose Hessian has rank one). None: too many monomials, no polynomial evidence."""
    sites = {e for x in exprs for e in x.atoms(AppliedUndef) if e.func == f and len(e.args) == arity}
    order = max((sum(n for _, n in d.variable_count) for x in exprs for d in x.atoms(sp.Derivative)
                 if isinstance(d.expr, AppliedUndef) and d.expr.func == f and len(d.expr.args) == arity), default=0)
    degree = max(3, len(sites) * (order + 1))
    if arity > 1 and order >= 2:  # the cubic of several inputs has no x z, x^2 y: its mixed partials are special
        degree = max(degree, 4)
    if degree == 3:
        return 3
    if degree > MAX_DEGREE or math.comb(degree + arity, arity) > MAX_MONOMIALS:
        return None
    return degree


def instantiate(expr, mapping: dict):
    """expr with every application of an undeclared function replaced by its concrete function, and
    the derivatives of those (Derivative, Subs) worked out."""
    out = expr.replace(lambda e: isinstance(e, AppliedUndef) and (e.func, len(e.args)) in mapping,
                       lambda e: mapping[e.func, len(e.args)](*e.args))
    return out.doit() if out.has(sp.Derivative, sp.Subs) else out


def degenerate(exprs, assumed, mapping: dict, sides: tuple = ()) -> bool:
    """Whether the concrete functions of `mapping` are a special case for this step, and so no evidence:
    some derivative of an undeclared function written in `exprs` is identically zero for them, or an
    assumption's term that varies with its inputs for a general function is a constant for them (a
    cubic's fourth difference `g(x+2) - 4 g(x+1) + 6 g(x) - 4 g(x-1) + g(x-2)` is 0 at every x), or a
    proper part of one of the `sides` that mentions the function is."""
    for e in exprs:
        for d in e.atoms(sp.Derivative):
            f = d.expr
            if isinstance(f, AppliedUndef) and (f.func, len(f.args)) in mapping:
                if sp.expand(instantiate(d, mapping)) == 0:
                    return True
    for e in assumed:
        if e.free_symbols and undeclared(e) and not sp.expand(instantiate(e, mapping)).free_symbols:
            return True
    # a part of a side (never a whole side: a true claim's side may vanish for every function) that is
    # constant for them: one annihilator per family multiplied, g^(4) (g^(5) + g^(3)) (g^(4) g^(2) - (g^(3))^2),
    # vanishes for the cubic, the sine and the exponential family and not for g = x^5 (red team round 32)
    met: set = set()
    parts = [p for side in sides for arg in side.args for p in distinct_subtrees(arg, met)
             if isinstance(p, (sp.Add, sp.Mul, sp.Pow)) and p.free_symbols and undeclared(p)]
    if len(parts) > MAX_PARTS:
        return True  # too many to look at: no evidence rather than unexamined evidence
    return any(not sp.expand(instantiate(p, mapping)).free_symbols for p in parts)


def compare_with_functions(compare: Callable, t, inst, a, b, ctx, rng: random.Random, fixed: dict,
                           npoints: int, symbolic: bool, assumed: list = ()):
    """`compare` (check.compare._compare_instance) for a step with undeclared functions: the same
    InstanceResult, where status is `symbolic` only by the abstract zero test. `assumed` are the
    assumptions' terms: a function they mention is instantiated with the sides', and compare reads
    the assumptions with the same concrete functions, so every point it uses satisfies them."""
    from .compare import InstanceResult  # noqa: PLC0415  (compare calls this module)
    from .domain import Condition  # noqa: PLC0415

    funcs = undeclared(a, b, *assumed)
    total, agreed, bits, reasons = 0, 0, 0, []
    special = 0  # instances that agreed but are special cases (degenerate): no evidence
    exhausted: set[int] = set()
    no_polynomial = False  # a polynomial draw too large to make: the other two families alone are no evidence
    for k in range(MAX_INSTANTIATIONS):
        if k >= INSTANTIATIONS and (agreed or not assumed):
            break
        if k % 3 in exhausted:  # this family's search already ran out of budget once: drawing it again costs as much
            continue
        mapping, shown, unusable = {}, {}, False
        for f, arity in funcs:
            degree = polynomial_degree(f, arity, (a, b, *assumed)) if k % 3 == 0 else 3
            unusable = unusable or degree is None
            mapping[f, arity], head, text = random_function(rng, f.__name__, arity, k % 3, degree or 3)
            shown[head] = text
        no_polynomial = no_polynomial or unusable
        domains = tuple(tuple(Condition(c.kind, instantiate(c.expr, mapping), c.why) for c in side)
                        for side in (getattr(t, "domains", None) or ((), ())))
        try:
            r = compare(t, inst, instantiate(a, mapping), instantiate(b, mapping), ctx, rng, fixed, npoints, symbolic,
                        domains=domains, functions=mapping)
        except Budget as why:  # this function's search ran out (sin^2 touches 0 without a sign change): the
            # others may still refute, and the abstract proof may still prove; but no `numeric` (see below)
            reasons.insert(0, f"the search with a concrete function ran out: {why}")
            exhausted.add(k % 3)
            continue
        total += r.points
        bits = max(bits, r.bits)
        if r.status == "differ":
            cx = r.counterexample
            if cx is not None:  # the function is part of the counterexample: `g(x) = 1/2 + 3*x`
                cx["values"] = {**cx.get("values", {}), **shown}
            return InstanceResult("differ", total, cx, bits=bits)
        if r.status == "undecided":
            reasons.append(r.reason)
            continue
        if unusable or degenerate((a, b, *assumed), assumed, mapping, (a, b)):
            special += 1
            continue
        agreed += 1
    if symbolic:  # counterexamples first, as for any step; then the proof with the functions abstract
        d = a - b
        if zero_test(d.xreplace(fixed) if fixed else d):
            return InstanceResult("symbolic", total, bits=bits)
    if exhausted:  # a family that could not be searched may hold the counterexample: no `numeric`
        return InstanceResult("undecided", total, reason=reasons[0], bits=bits)
    if no_polynomial:
        return InstanceResult("undecided", total, bits=bits, reason=(
            "the step writes the function at too many places or to too high an order for a polynomial draw "
            "with arbitrary values there; the exponential and sine draws alone are no evidence"))
    if not agreed:
        if special:
            reason = ("the step held only for concrete functions that are special cases (a derivative it writes "
                      "vanishes identically for them, or an assumption's term is a constant for them)")
        else:
            reason = reasons[0] if reasons else "no instance of the undeclared functions could be used"
        return InstanceResult("undecided", total, reason=reason, bits=bits)
    return InstanceResult("numeric", total, bits=bits)
