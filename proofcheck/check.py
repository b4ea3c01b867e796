"""Stage 5, check: decide every step of every chain, then the goals.

A step `A = B` is decided per concrete instance (each size N in 1..4, each pattern of coinciding free
indices), then numerically at a larger N. Per instance: random exact points (satisfying the
assumptions and where both sides are defined) look for a counterexample first, because that is cheap
and decisive; then a symbolic zero test of A - B. Verdicts:
  proved   every instance zero-tested symbolically (and the larger N agreed numerically)
  numeric  no counterexample at any point, but some instance not shown symbolically
  refuted  a confirmed counterexample (re-evaluated at higher precision) with both values
  unknown  otherwise (time, undefined everywhere, unusable assumption): never counted as correct
Each comparison runs in a sandboxed child (`sandbox.run_jobs`) under the step budget.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import random
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from . import nodes as n
from . import numeric
from .diagnostics import Diagnostic, ProofError
from .elaborate import Chain, Context, Goal, Problem
from .results import ACCEPTED, Evidence, GoalResult, ProblemResult, StepResult
from .sandbox import run_jobs
from .autodiff import CrossCheck
from .translate import FUNCTION_WORDS, NETWORK_FUNCTIONS, Translator, key_name, leaf_symbol

SIZES = (1, 2, 3, 4)
LARGE_SIZE = 5
LARGE_SIZE_CAP = 9
FIRST_POINTS = 3
MORE_POINTS = 12
PRECISION = 30
CONFIRM_PRECISION = 60
EQUAL_TOL = sp.Float("1e-20")
DIFFER_TOL = sp.Float("1e-12")
EQUAL_REL = mpmath.mpf("1e-20")
DIFFER_REL = mpmath.mpf("1e-12")


@dataclass(frozen=True)
class Options:
    seed: int = 0
    timeout: float = 10.0
    memory_mb: int = 2048
    workers: int = 2
    ad: str = "autograd"


# ------------------------------------------------------------------ what a step is checked over


def size_names(ctx: Context) -> list[str]:
    out: list[str] = []
    for _, lo, hi in ctx.indices:
        for e in (lo, hi):
            for nm in _names(e):
                if nm.sub is None and nm.base not in ctx.index_names and nm.base not in out:
                    out.append(nm.base)
    return out


def _names(e) -> list[n.Name]:
    out: list[n.Name] = []

    def walk(x):
        if isinstance(x, n.Name):
            out.append(x)
            for s in x.sub or ():
                walk(s)
            return
        for y in n.children(x):
            walk(y)

    walk(e)
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
                for c in x.sub[0].base:
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
    large: bool = False

    def describe(self) -> dict[str, Any]:
        return {"sizes": dict(self.sizes), "indices": dict(self.indices)}


def index_symmetric(ctx: Context, exprs) -> bool:
    """True when index values are interchangeable: every subscript anywhere in the members, the
    definitions, the assumptions and the case is a plain index name (no literal like h_1, no h_{i+1}),
    no sum has explicit limits, and no index is compared by order. Then relabelling index values maps
    one instance onto another, so the smallest values of each pattern stand for all of them."""
    idx = ctx.index_names
    nodes = list(exprs) + [d.body for d in ctx.definitions] + [d.target for d in ctx.definitions]
    nodes += list(ctx.assumptions) + list(ctx.case) + [name for name, _ in ctx.point]
    ok = True

    def walk(x):
        nonlocal ok
        if not ok:
            return
        if isinstance(x, n.Name):
            for item in x.sub or ():
                if not (isinstance(item, n.Name) and item.sub is None):
                    ok = False
            return
        if isinstance(x, n.BigOp) and (x.lower is not None or x.upper is not None):
            ok = False
            return
        if isinstance(x, n.Condition) and any(op not in ("=", "!=") for op in x.ops):
            if any(nm.sub is None and nm.base in idx for nm in _names(x)):
                ok = False
                return
        for y in n.children(x):
            walk(y)

    walk(nodes)
    return ok


def _large_size(ctx: Context, exprs) -> int:
    """The size checked numerically beyond 1..4: past every whole-number literal in sight, since
    `\\sum_j (j-1)(j-2)(j-3)(j-4)(j-5) = 0` holds for N <= 5 only (capped for cost)."""
    literals = [0]
    nodes = list(exprs) + [d.body for d in ctx.definitions] + list(ctx.assumptions) + list(ctx.case)

    def walk(x):
        if isinstance(x, n.Num):
            f = Fraction(x.text)
            if f.denominator == 1 and 0 <= f <= 100:
                literals.append(int(f))
        for y in n.children(x):
            walk(y)

    walk(nodes)
    return min(max(LARGE_SIZE, max(literals) + 2), LARGE_SIZE_CAP)


def instances(ctx: Context, free: list[str], large: bool = False, exprs=None) -> list[Instance]:
    """Sizes 1..4 (or the large size) x every pattern of coinciding free indices, each pattern with its
    smallest values and (unless `index_symmetric`) its largest, filtered by the case."""
    directions = (1,) if exprs is not None and index_symmetric(ctx, exprs) else (1, -1)
    sizes = size_names(ctx)
    if large:
        big = _large_size(ctx, exprs or ())
        size_sets = [tuple((s, big) for s in sizes)] if sizes else []
    elif sizes:
        top = 4 if len(sizes) == 1 else (3 if len(sizes) == 2 else 2)
        size_sets = [tuple(zip(sizes, combo)) for combo in itertools.product(range(1, top + 1), repeat=len(sizes))]
    else:
        size_sets = [()]
    out: list[Instance] = []
    for sset in size_sets:
        t = Translator(ctx, dict(sset))
        ranges = {}
        for nm in free:
            rng = ctx.index_range(nm)
            lo, hi = t.int_value(rng[0], t.scope()), t.int_value(rng[1], t.scope())
            if lo is None or hi is None:
                bad = rng[0] if lo is None else rng[1]
                raise ProofError("E205", f"the range of `{nm}` must be whole numbers, sizes such as N, "
                                         "and sums or differences of them", bad.span)
            ranges[nm] = (lo, hi)
        seen = set()
        for part in _partitions(list(free)):
            for direction in directions:
                assign: dict[str, int] = {}
                used: set[int] = set()
                good = True
                for block in part:
                    lo = max(ranges[m][0] for m in block)
                    hi = min(ranges[m][1] for m in block)
                    cands = range(lo, hi + 1) if direction == 1 else range(hi, lo - 1, -1)
                    v = next((c for c in cands if c not in used), None)
                    if v is None:
                        good = False
                        break
                    used.add(v)
                    for m in block:
                        assign[m] = v
                if not good:
                    continue
                inst = Instance(sset, tuple((m, assign[m]) for m in free), large)
                if inst in seen or not _case_holds(ctx, inst):
                    continue
                seen.add(inst)
                out.append(inst)
                if large:
                    break
            if large and out:
                break
    return out


def _index_only(cond: n.Condition, ctx: Context) -> bool:
    names = _names(cond)
    return all(nm.sub is None and (nm.base in ctx.index_names or nm.base in size_names(ctx)) for nm in names)


def _case_holds(ctx: Context, inst: Instance) -> bool:
    t = Translator(ctx, dict(inst.sizes), dict(inst.indices))
    for cond in ctx.case:
        if not _index_only(cond, ctx):
            continue
        try:
            rels = t.condition(cond)
        except ProofError:
            return False
        if not all(bool(r) for r in rels):
            return False
    return True


# ------------------------------------------------------------------ assumptions and points


class Unusable(Exception):
    pass


def _assumption_relations(ctx: Context, t: Translator) -> tuple[list, list]:
    """Equalities (as expressions equal to 0) and other relations, quantified over free indices."""
    eqs, rels = [], []
    conds = list(ctx.assumptions) + [c for c in ctx.case if not _index_only(c, ctx)]
    for cond in conds:
        free = [nm for nm in free_indices([cond], ctx) if nm not in dict(t.free)]
        ranges = []
        for nm in free:
            lo, hi = ctx.index_range(nm)
            ranges.append(range(t.int_value(lo, t.scope()), t.int_value(hi, t.scope()) + 1))
        for combo in itertools.product(*ranges):
            scope = t.scope()
            for nm, v in zip(free, combo):
                scope = scope.bind(nm, v)
            terms = [t.expr(x, scope) for x in cond.terms]
            for op, a, b in zip(cond.ops, terms, terms[1:]):
                if op == "=":
                    eqs.append(a - b)
                else:
                    rels.append((op, a, b))
    return eqs, rels


def _solve_equalities(eqs: list) -> dict:
    """Solve each equality for one of its symbols (linearly); the substitution makes points satisfy it."""
    sub: dict = {}
    for e in eqs:
        e = sp.expand(e.xreplace(sub))
        if e == 0:
            continue
        for s in sorted(e.free_symbols, key=lambda s: s.name, reverse=True):
            c = sp.diff(e, s)
            if c.free_symbols or c == 0:
                continue
            rest = sp.expand(e - c * s)
            if s in rest.free_symbols:
                continue
            value = -rest / c
            sub = {k: v.xreplace({s: value}) for k, v in sub.items()}
            sub[s] = value
            break
        else:
            raise Unusable(f"cannot use the assumption {e} = 0 (it is not linear in any input)")
    return sub


def _point_values(ctx: Context, t: Translator) -> dict:
    values = {}
    for name, value in ctx.point:
        key = t.key_of(name, t.scope())
        v = t.expr(value, t.scope())
        if not v.is_number:
            raise ProofError("E207", f"the value of `{name.display}` must be a number", value.span)
        if t.is_defined(key):
            raise ProofError("E207", f"`{name.display}` is defined by a `let`; `at` gives values to inputs only", name.span)
        values[leaf_symbol(key)] = v
    return values


def _evaluate(expr, point: dict, prec: int):
    """expr at the exact point, to `prec` digits; None where it is undefined (log of <= 0, 1/0, ...)."""
    try:
        v = expr.xreplace(point)
        if v.free_symbols:
            return None
        if v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        if v.is_Rational:
            return v
        f = v.evalf(prec)
        if not f.is_number or f.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        re, im = f.as_real_imag()
        if im != 0 and abs(im) > sp.Float(10) ** (-prec + 5) * (1 + abs(re)):
            return None
        if not re.is_finite:
            return None
        return re
    except (ZeroDivisionError, ValueError, TypeError, ArithmeticError):
        return None


def _differ(va, vb, tol) -> bool:
    scale = max(sp.Integer(1), abs(va), abs(vb))
    return abs(va - vb) > tol * scale


def _rels_hold(rels, point) -> bool:
    for op, a, b in rels:
        va, vb = _num(a, point), _num(b, point)
        if va is None or vb is None:
            return False
        ok = {">": va > vb, "<": va < vb, ">=": va >= vb, "<=": va <= vb, "!=": va != vb}[op]
        if not bool(ok):
            return False
    return True


def _num(expr, point, digits: int = PRECISION):
    """Fast mpmath value at a point; None where undefined or on a kink (see numeric.py)."""
    return numeric.evaluate(expr, point, digits)


def _differ_mp(va, vb, rel) -> bool:
    scale = max(mpmath.mpf(1), abs(va), abs(vb))
    return abs(va - vb) > rel * scale


_EXACT_HEADS = {"Abs", "sign", "Heaviside", "Max", "Min", "Piecewise", "ExprCondPair", "KroneckerDelta", "ReLU",
                "And", "Or", "Not", "StrictGreaterThan", "StrictLessThan", "GreaterThan", "LessThan", "Equality",
                "Unequality", "BooleanTrue", "BooleanFalse"}


@functools.lru_cache(maxsize=64)
def _exactly_evaluable(e) -> bool:
    """Does e evaluate to an exact rational at a rational point (no root, exp, log, trig, constant)?"""
    for x in sp.preorder_traversal(e):
        if x.is_Symbol or x.is_Rational or x.is_Add or x.is_Mul:
            continue
        if x.is_Pow and x.exp.is_Integer:
            continue
        if type(x).__name__ in _EXACT_HEADS:
            continue
        return False
    return True


def _fine_differ(a, b, point: dict) -> bool:
    """Do a and b differ at the point, where the tolerant comparison saw them agree? Exactly when both
    are rational there (`x + 10^{-30}` vs `x`); otherwise when their difference is the same nonzero
    value at 60 and at 120 digits (rounding noise shrinks with precision, a real difference does not:
    `e^{-100} x` vs 0). Only ever used to refute a step no symbolic test has proved."""
    if _exactly_evaluable(a) and _exactly_evaluable(b):
        try:
            ea, eb = a.xreplace(point), b.xreplace(point)
        except (ZeroDivisionError, ValueError, TypeError, ArithmeticError):
            return False
        return bool(ea.is_Rational and eb.is_Rational and ea != eb)
    diffs = []
    for digits in (CONFIRM_PRECISION, 2 * CONFIRM_PRECISION):
        va, vb = _num(a, point, digits), _num(b, point, digits)
        if va is None or vb is None:
            return False
        with mpmath.workdps(digits):
            diffs.append(va - vb)
    lo, hi = diffs
    with mpmath.workdps(2 * CONFIRM_PRECISION):
        return bool(hi != 0 and abs(lo - hi) <= abs(hi) * mpmath.mpf("1e-6"))


def _random_value(rng: random.Random, positive: bool, scale: int = 1) -> sp.Rational:
    q = rng.choice((2, 3, 4, 5, 7, 8, 9, 11))
    if positive:
        p = rng.randint(1, 3 * q * scale)
    else:
        p = rng.choice([-1, 1]) * rng.randint(1, 3 * q * scale)
    return sp.Rational(p, q)


# signed values in [-3, 3] first; positive ones where sides are undefined for negatives; wider ranges
# only when assumptions (`assume x > 100`) reject the narrow ones
_SAMPLING = ((False, 1), (True, 1), (False, 40), (True, 40), (True, 1000))


def _sample(rng: random.Random, syms: list, rels, exprs, count: int, fixed: dict,
            lopsided: list | None = None) -> tuple[list[dict], list[list]]:
    """Points where the relations hold and every expression is defined (and off its kinks), with the
    expressions' values there. Points where exactly one of two sides is undefined (log of a negative
    number on one side only) are collected in `lopsided`: a domain mismatch, not evidence of equality."""
    points: list[dict] = []
    values: list[list] = []
    for positive, scale in _SAMPLING:
        attempts = 0
        while len(points) < count and attempts < 12 * count + 12:
            attempts += 1
            p = dict(fixed)
            for s in syms:
                p[s] = _random_value(rng, positive, scale)
            if not _rels_hold(rels, p):
                continue
            vals = [_num(e, p) for e in exprs]
            if any(v is None for v in vals):
                if lopsided is not None and len(exprs) == 2 and not lopsided:
                    if numeric.defined(exprs[0], p) != numeric.defined(exprs[1], p):
                        lopsided.append(p)
                continue
            points.append(p)
            values.append(vals)
        if len(points) >= count:
            break
    return points, values


def zero_test(d) -> bool:
    """A symbolic proof that d == 0; False means 'not shown', never 'different'."""
    if d == 0:
        return True
    e = sp.expand(d)
    if e == 0:
        return True
    if e.has(sp.Piecewise, sp.Heaviside, sp.Max, sp.Min, sp.Abs, sp.sign, sp.KroneckerDelta) or any(
            type(f).__name__ == "ReLU" for f in e.atoms(sp.Function)):
        try:
            return sp.simplify(sp.piecewise_fold(e)) == 0
        except Exception:
            return False
    try:
        num, _ = sp.fraction(sp.together(e))
        if sp.expand(num) == 0:
            return True  # the numerator vanishes identically, so d is 0 wherever it is defined
        c = sp.cancel(sp.together(e))
        if c == 0:
            return True
        c = sp.cancel(sp.together(sp.powsimp(sp.expand(c.rewrite(sp.exp)))))
        if c == 0:
            return True
        return sp.simplify(c) == 0
    except Exception:
        return False


# ------------------------------------------------------------------ deciding one comparison


@dataclass
class Decision:
    verdict: str
    method: str
    points: int = 0
    instances: list = field(default_factory=list)
    counterexample: dict | None = None
    holds_in_general: bool | None = None
    reason: str = ""
    diagnostics: list = field(default_factory=list)
    autodiff: dict | None = None  # autodiff.CrossCheck evidence -> StepResult.autodiff


def _kinks(exprs, point, names: dict | None = None) -> list[str]:
    """Which side of each kink (ReLU, indicator) the point is on, naming a defined node where one matches."""
    names = names or {}
    out = []

    def label(arg):
        if arg in names:
            return names[arg]
        if -arg in names:
            return f"-{names[-arg]}"
        return sp.sstr(arg)

    for e in exprs:
        args = [h.args[0] for h in e.atoms(sp.Heaviside)]
        args += [f.args[0] for f in e.atoms(sp.Function) if type(f).__name__ == "ReLU"]
        for arg in args:
            v = _evaluate(arg, point, PRECISION)
            if v is not None:
                side = ">" if v > 0 else ("<" if v < 0 else "=")
                out.append(f"{label(arg)} = 0, on the kink" if side == "=" else f"{label(arg)} = {_fmt(v)} {side} 0")
    return sorted(set(out))[:8]


def _node_names(t: Translator) -> dict:
    """Expanded value -> name, for the scalar nodes a problem defines (to name kinks in counterexamples)."""
    out = {}
    for d in t.values:
        try:
            key = t.key_of(d.target, t.scope())
            if key[1] == () and d.target.sub is None or all(isinstance(s, n.Num) for s in (d.target.sub or ())):
                out.setdefault(t.resolve(key, d.target, t.scope()), key_name(key))
        except ProofError:
            continue
    return out


def _exact_text(v: sp.Rational) -> str:
    """An exact rational as a student writes it: 0.38 when it has a finite decimal form, else 1/3."""
    q = int(v.q)
    twos = fives = 0
    while q % 2 == 0:
        q //= 2
        twos += 1
    while q % 5 == 0:
        q //= 5
        fives += 1
    if q != 1 or max(twos, fives) > 12:
        return str(v)
    places = max(twos, fives)
    scaled = int(v.p) * 10 ** places // int(v.q)
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return sign + (digits[:-places] + "." + digits[-places:] if places else digits)


def _fmt(v) -> str:
    if v is None:
        return "undefined"
    if isinstance(v, sp.Rational):
        return _exact_text(v)
    f = sp.Float(v, 15)
    s = f"{float(f):.12g}"
    return s


def _counterexample(inst: Instance, point: dict, a, b, fixed_names: set, names: dict | None = None) -> dict:
    # a side that passes through a non-real value (sqrt(x) sqrt(y) at x, y < 0) is undefined over the reals
    va = _evaluate(a, point, PRECISION) if numeric.defined(a, point) else None
    vb = _evaluate(b, point, PRECISION) if numeric.defined(b, point) else None
    return {
        "sizes": dict(inst.sizes),
        "indices": dict(inst.indices),
        "values": {s.name: _fmt(v) for s, v in sorted(point.items(), key=lambda kv: kv[0].name)},
        "given": sorted(fixed_names),
        "lhs": _fmt(va),
        "rhs": _fmt(vb),
        "kinks": _kinks([a, b], point, names),
    }


def _simplify_point(point: dict, syms: list, a, b, rels, exprs) -> dict:
    """Make a counterexample small: try simple values one input at a time, keeping it a counterexample."""
    best = dict(point)
    for s in syms:
        for cand in (sp.Integer(0), sp.Integer(1), sp.Integer(-1), sp.Integer(2), sp.Rational(1, 2), sp.Integer(-2)):
            if best[s] == cand:
                break
            trial = dict(best)
            trial[s] = cand
            if not _rels_hold(rels, trial):
                continue
            va, vb = _num(a, trial, CONFIRM_PRECISION), _num(b, trial, CONFIRM_PRECISION)
            if va is None or vb is None or any(_num(e, trial) is None for e in exprs):
                continue
            if _differ_mp(va, vb, DIFFER_REL):
                best = trial
                break
    return best


def _compare_instance(t: Translator, inst: Instance, a, b, ctx: Context, rng: random.Random,
                      fixed: dict, npoints: int, symbolic: bool) -> tuple[str, int, dict | None, str]:
    """-> (status, points, counterexample, reason); status: symbolic | numeric | differ | undecided."""
    eqs, rels = _assumption_relations(ctx, t)
    sub = _solve_equalities(eqs)
    a2, b2 = a.xreplace(sub), b.xreplace(sub)
    a1, b1 = a2, b2
    if fixed:
        a2, b2 = a2.xreplace(fixed), b2.xreplace(fixed)
        sub_vals = {k: v.xreplace(fixed) for k, v in sub.items()}
        rels = [(op, x.xreplace(sub).xreplace(fixed), y.xreplace(sub).xreplace(fixed)) for op, x, y in rels]
    else:
        sub_vals = sub
        rels = [(op, x.xreplace(sub), y.xreplace(sub)) for op, x, y in rels]
    syms = sorted(a2.free_symbols | b2.free_symbols | set().union(*[x.free_symbols | y.free_symbols for _, x, y in rels]),
                  key=lambda s: s.name)
    d = a2 - b2
    exprs = [a2, b2]
    if not syms:
        t.samples = (sub_vals, [dict(fixed)])  # the points autodiff.CrossCheck.add compares derivatives at
        va, vb = _evaluate(a2, {}, CONFIRM_PRECISION), _evaluate(b2, {}, CONFIRM_PRECISION)
        if va is None or vb is None:
            return "undecided", 0, None, "a side is undefined at this point (division by zero, log of a non-positive number)"
        if isinstance(va, sp.Rational) and isinstance(vb, sp.Rational):
            if va == vb:
                return "symbolic", 1, None, ""
            return "differ", 1, _with_solved(_counterexample(inst, dict(fixed), a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, {}), ""
        if _differ(va, vb, DIFFER_TOL):
            va2, vb2 = _evaluate(a2, {}, 2 * CONFIRM_PRECISION), _evaluate(b2, {}, 2 * CONFIRM_PRECISION)
            if va2 is not None and vb2 is not None and _differ(va2, vb2, DIFFER_TOL):
                return "differ", 1, _with_solved(_counterexample(inst, dict(fixed), a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, {}), ""
            return "undecided", 1, None, "the two values are too close to separate"
        if symbolic and zero_test(d):
            return "symbolic", 1, None, ""
        if _fine_differ(a2, b2, {}):  # exp(-100) = 0: equal to 12 digits absolute, different all the same
            return "differ", 1, _with_solved(_counterexample(inst, dict(fixed), a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, {}), ""
        return "numeric", 1, None, ""
    # numeric search for a counterexample first
    lopsided: list[dict] = []
    points, values = _sample(rng, syms, rels, exprs, FIRST_POINTS, {}, lopsided)
    t.samples = (sub_vals, [{**fixed, **p} for p in points])  # for autodiff.CrossCheck.add
    checked = 0

    def refute(p):
        va2, vb2 = _num(a2, p, CONFIRM_PRECISION), _num(b2, p, CONFIRM_PRECISION)
        if va2 is None or vb2 is None or not _differ_mp(va2, vb2, DIFFER_REL):
            return None
        small = _simplify_point(p, syms, a2, b2, rels, exprs)
        full = dict(fixed)
        full.update(small)
        return _with_solved(_counterexample(inst, full, a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, full, fixed)

    for p, (va, vb) in zip(points, values):
        checked += 1
        if _differ_mp(va, vb, DIFFER_REL):
            cx = refute(p)
            if cx is not None:
                return "differ", checked, cx, ""
    def domain_mismatch():
        # one side defined where the other is not (log(x^2) = 2 log x at x < 0): not an identity
        if not lopsided:
            return None
        full = dict(fixed)
        full.update(lopsided[0])
        return _with_solved(_counterexample(inst, full, a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, full, fixed)

    if not points:
        cx = domain_mismatch()
        if cx is not None:
            return "differ", checked, cx, ""
        return "undecided", 0, None, "found no point where the assumptions hold and both sides are defined"

    if symbolic and zero_test(d):
        cx = domain_mismatch()
        return ("differ", checked, cx, "") if cx is not None else ("symbolic", checked, None, "")

    def fine_refute(p):
        # not shown symbolically: a difference below the tolerance (x + 10^{-30} = x, e^{-100} x = 0)
        # is still a difference; exact where the sides are rational, else stable at 60 and 120 digits
        if not symbolic or not _fine_differ(a2, b2, p):
            return None
        full = dict(fixed)
        full.update(p)
        return _with_solved(_counterexample(inst, full, a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, full, fixed)

    for p in points:
        cx = fine_refute(p)
        if cx is not None:
            return "differ", checked, cx, ""
    more, more_values = _sample(rng, syms, rels, exprs, npoints, {}, lopsided)
    for p, (va, vb) in zip(more, more_values):
        checked += 1
        if _differ_mp(va, vb, DIFFER_REL):
            cx = refute(p)
            if cx is not None:
                return "differ", checked, cx, ""
        elif _differ_mp(va, vb, EQUAL_REL):
            return "undecided", checked, None, "the two sides agree to 12 digits but not to 20"
        else:
            cx = fine_refute(p)
            if cx is not None:
                return "differ", checked, cx, ""
    # random points never land on a kink, where conventions differ ((x >= 0) vs (x > 0)): probe them
    for p in _kink_points(rng, syms, rels, exprs):
        checked += 1
        va, vb = _evaluate(a2, p, CONFIRM_PRECISION), _evaluate(b2, p, CONFIRM_PRECISION)
        if va is None or vb is None:
            continue
        exact = isinstance(va, sp.Rational) and isinstance(vb, sp.Rational)
        if (exact and va != vb) or (not exact and _differ(va, vb, DIFFER_TOL)):
            full = dict(fixed)
            full.update(p)
            return "differ", checked, _with_solved(_counterexample(inst, full, a1, b1, {s.name for s in fixed}, _node_names(t)), sub_vals, full, fixed), ""
    cx = domain_mismatch()
    if cx is not None:
        return "differ", checked, cx, ""
    return "numeric", checked, None, ""


def _kink_args(exprs) -> list:
    args = []
    for e in exprs:
        args += [h.args[0] for h in e.atoms(sp.Heaviside)]
        args += [f.args[0] for f in e.atoms(sp.Function) if type(f).__name__ == "ReLU"]
        args += [f.args[0] for f in e.atoms(sp.Abs, sp.sign)]
        for m in e.atoms(sp.Max, sp.Min):
            args += [x - y for x, y in itertools.combinations(m.args, 2)]
        for pw in e.atoms(sp.Piecewise):
            for _, c in pw.args:
                if isinstance(c, sp.core.relational.Relational):
                    args.append(c.lhs - c.rhs)
    out = []
    for g in args:
        if g not in out and g.free_symbols:
            out.append(g)
    return out[:12]


def _kink_points(rng: random.Random, syms: list, rels, exprs) -> list[dict]:
    """Exact points on each kink whose argument is linear in some input (that input solved for)."""
    points = []
    for g in _kink_args(exprs):
        for s in sorted(g.free_symbols, key=lambda s: s.name):
            if s not in syms:
                continue
            c = sp.diff(g, s)
            if c.free_symbols or c == 0 or s in sp.expand(g - c * s).free_symbols:
                continue
            for _ in range(3):
                p = {x: _random_value(rng, False) for x in syms if x != s}
                value = sp.expand(-(g - c * s) / c).xreplace(p)
                if not value.is_Rational:
                    continue
                # on the kink, and on both sides of it, near and far: a step like (x > 5) = 0 or
                # max(x, 10) = 10 differs only where random values in [-3, 3] never go
                found = False
                for shift in (0, sp.Rational(1, 8), -sp.Rational(1, 8), 2, -2, 20, -20):
                    q = dict(p)
                    q[s] = value + shift
                    if _rels_hold_exact(rels, q):
                        points.append(q)
                        found = True
                if found:
                    break
            break
        else:
            points += _curved_kink_points(rng, g, syms, rels)
    return points


def _curved_kink_points(rng: random.Random, g, syms: list, rels) -> list[dict]:
    """Points on both sides of a kink whose argument is not linear in any input alone ((x^2 > 100),
    (x y > 50), max(x^2, 100)): the other inputs fixed at random, the argument's real roots in one
    input found numerically, and rational points near and far on both sides of each root."""
    out: list[dict] = []
    for s in sorted(g.free_symbols, key=lambda s: s.name):
        if s not in syms:
            continue
        p = {x: _random_value(rng, False) for x in syms if x != s}
        try:
            h = sp.expand(g.xreplace(p))
            if h.free_symbols != {s} or not h.is_polynomial(s):
                continue
            poly = sp.Poly(h, s)
            if poly.degree() < 1 or poly.degree() > 8:
                continue
            roots = [r for r in poly.nroots(n=30) if r.is_real]
        except Exception:  # a polynomial SymPy cannot root: no extra points, never a verdict
            continue
        for r in roots[:4]:
            centre = sp.Rational(round(float(r) * 10 ** 6), 10 ** 6)
            for shift in (sp.Rational(1, 1000), -sp.Rational(1, 1000), sp.Rational(1, 8), -sp.Rational(1, 8), 2, -2, 20, -20):
                q = dict(p)
                q[s] = centre + shift
                if _rels_hold_exact(rels, q):
                    out.append(q)
        if roots:
            break
    return out


def _rels_hold_exact(rels, point) -> bool:
    for op, a, b in rels:
        va, vb = _evaluate(a, point, CONFIRM_PRECISION), _evaluate(b, point, CONFIRM_PRECISION)
        if va is None or vb is None:
            return False
        if not bool({">": va > vb, "<": va < vb, ">=": va >= vb, "<=": va <= vb, "!=": va != vb}[op]):
            return False
    return True


def _with_solved(cx: dict, sub: dict, point: dict, fixed: dict | None = None) -> dict:
    """Add the inputs fixed by an equality assumption (y_N = 1 - ...) and the given point to a counterexample."""
    values = dict(cx["values"])
    for s, v in (fixed or {}).items():
        values.setdefault(s.name, _fmt(v))
    for s, expr in sub.items():
        v = _evaluate(expr, point, PRECISION)
        values[s.name] = _fmt(v) if v is not None else "?"
    cx["values"] = dict(sorted(values.items()))
    return cx


def decide(ctx: Context, a_node: n.Expr, b_node: n.Expr, free: list[str], seed: int,
           at_point: bool, general: bool = True, ad: str | None = None) -> Decision:
    """Compare two members over all instances; at a given point when the problem has one."""
    rng = random.Random(seed)
    if at_point:
        return _decide_at_point(ctx, a_node, b_node, free, rng, seed, ad=ad)
    return _decide_general(ctx, a_node, b_node, free, rng, ad=ad)


def _translate_pair(ctx: Context, inst: Instance, a_node, b_node):
    t = Translator(ctx, dict(inst.sizes), dict(inst.indices))
    try:
        from .network import network_call  # noqa: PLC0415  (optional stage, see issue on networks)
        t.network_call = network_call(ctx)
    except ImportError:
        pass
    return t, t.translate(a_node), t.translate(b_node)


def _decide_general(ctx, a_node, b_node, free, rng, npoints: int = MORE_POINTS, large: bool = True,
                    ad: str | None = None) -> Decision:
    insts = instances(ctx, free, exprs=(a_node, b_node))
    xc = CrossCheck(ctx, ad)
    if not insts:
        return Decision("unknown", "none", reason="no size and index values satisfy this step's case and ranges")
    results = []
    total = 0
    all_symbolic = True
    for inst in insts:
        t, a, b = _translate_pair(ctx, inst, a_node, b_node)
        status, pts, cx, reason = _compare_instance(t, inst, a, b, ctx, rng, {}, npoints, True)
        total += pts
        results.append({**inst.describe(), "method": status, "points": pts})
        if status == "differ":
            xc.add(t, inst)  # a broken symbolic derivative must not pass for the student's mistake
            return xc.finish(Decision("refuted", "exact" if cx and not cx.get("values") else "numeric", total, results, cx))
        if status == "undecided":
            return Decision("unknown", "none", total, results, reason=reason)
        xc.add(t, inst)
        if status != "symbolic":
            all_symbolic = False
    if large:
        for inst in instances(ctx, free, large=True, exprs=(a_node, b_node)):
            t, a, b = _translate_pair(ctx, inst, a_node, b_node)
            status, pts, cx, reason = _compare_instance(t, inst, a, b, ctx, rng, {}, FIRST_POINTS, False)
            total += pts
            results.append({**inst.describe(), "method": status, "points": pts})
            if status == "differ":
                return Decision("refuted", "numeric", total, results, cx)
            if status == "undecided":
                return Decision("unknown", "none", total, results, reason=reason)
    if all_symbolic:
        return xc.finish(Decision("proved", "symbolic", total, results))
    return xc.finish(Decision("numeric", "numeric", total, results))


def _decide_at_point(ctx, a_node, b_node, free, rng, seed, ad: str | None = None) -> Decision:
    insts = instances(ctx, free, exprs=(a_node, b_node))
    xc = CrossCheck(ctx, ad, at_point=True)
    if not insts:
        return Decision("unknown", "none", reason="no size and index values satisfy this step's case and ranges")
    results = []
    total = 0
    verdict = "proved"
    for inst in insts:
        t, a, b = _translate_pair(ctx, inst, a_node, b_node)
        fixed = _point_values(ctx, t)
        status, pts, cx, reason = _compare_instance(t, inst, a, b, ctx, rng, fixed, MORE_POINTS, True)
        total += pts
        results.append({**inst.describe(), "method": status, "points": pts, "at": "given point"})
        if status == "differ":
            xc.add(t, inst)
            return xc.finish(Decision("refuted", "exact-at-point", total, results, cx, holds_in_general=False))
        if status == "undecided":
            return Decision("unknown", "none", total, results, reason=reason)
        xc.add(t, inst)
        if status == "numeric":
            verdict = "numeric"
    general = _decide_general(ctx, a_node, b_node, free, random.Random(seed + 1), npoints=6, large=False)
    holds = {"proved": True, "numeric": True, "refuted": False}.get(general.verdict)
    method = "exact-at-point" if verdict == "proved" else "numeric-at-point"
    return xc.finish(Decision(verdict, method, total, results, holds_in_general=holds,
                              reason="" if holds is not False else "holds at the given point only"))


# ------------------------------------------------------------------ approx steps


def _decimal_interval(node: n.Expr) -> tuple[Fraction, Fraction] | None:
    sign = 1
    if isinstance(node, n.Neg):
        sign, node = -1, node.arg
    if not isinstance(node, n.Num):
        return None
    text = node.text.lower()
    if "e" in text:
        return None
    v = Fraction(text)
    places = len(text.split(".")[1]) if "." in text else 0
    half = Fraction(1, 2 * 10 ** places)
    lo, hi = v - half, v + half
    return (lo, hi) if sign == 1 else (-hi, -lo)


def decide_approx(ctx: Context, a_node: n.Expr, b_node: n.Expr, free: list[str], seed: int,
                  ad: str | None = None) -> Decision:
    interval = _decimal_interval(b_node)
    xc = CrossCheck(ctx, ad, at_point=True)
    if interval is None:
        return Decision("unknown", "none", reason="the right side of `\\approx` must be one rounded number",
                        diagnostics=[Diagnostic.make("E209", "the right side of `\\approx` must be one rounded number, such as 0.73", b_node.span)])
    lo, hi = interval
    results = []
    for inst in instances(ctx, free, exprs=(a_node, b_node)):
        t, a, _ = _translate_pair(ctx, inst, a_node, b_node)
        fixed = _point_values(ctx, t) if ctx.point else {}
        eqs, _ = _assumption_relations(ctx, t)
        a2 = a.xreplace(_solve_equalities(eqs)).xreplace(fixed)
        if a2.free_symbols:
            return Decision("unknown", "none", reason="the left side of `\\approx` must have a value (give one with `at`)",
                            diagnostics=[Diagnostic.make("E209", "the left side of `\\approx` has no value here; give the inputs with `at`", a_node.span)])
        va = _evaluate(a2, {}, CONFIRM_PRECISION)
        if va is None:
            return Decision("unknown", "none", reason="the left side is undefined")
        results.append({**inst.describe(), "method": "interval", "value": _fmt(va), "range": [str(lo), str(hi)]})
        t.samples = ({}, [dict(fixed)])  # autodiff cross-check at the given point
        xc.add(t, inst)
        lo_s, hi_s = sp.Rational(lo.numerator, lo.denominator), sp.Rational(hi.numerator, hi.denominator)
        inside = (va >= lo_s and va <= hi_s) if isinstance(va, sp.Rational) else (va > lo_s and va < hi_s)
        if not bool(inside):
            cx = {**inst.describe(), "values": {}, "lhs": _fmt(va), "rhs": f"[{float(lo):g}, {float(hi):g}]", "kinks": []}
            return xc.finish(Decision("refuted", "interval", 1, results, cx))
    return xc.finish(Decision("proved", "interval", len(results), results))


# ------------------------------------------------------------------ orchestration


@dataclass
class _Job:
    """One comparison to run in the sandbox; everything it needs is reachable through the fork."""

    kind: str  # step | refinement | goal
    chain: Chain | None
    index: int  # member index of the right side
    left: int  # member index of the left side (may differ after a refuted step)
    context: Context
    a: n.Expr
    b: n.Expr
    rel: str
    seed: int
    name: str = ""
    ad: str | None = None  # autodiff cross-check backend (Options.ad) for step jobs; None: no cross-check

    def __call__(self) -> Decision:
        try:
            free = free_indices([self.a, self.b] + list(self.context.case), self.context)
            if self.rel == "≈":
                return decide_approx(self.context, self.a, self.b, free, self.seed, ad=self.ad)
            return decide(self.context, self.a, self.b, free, self.seed, at_point=bool(self.context.point), ad=self.ad)
        except ProofError as exc:
            return Decision("unknown", "none", reason=exc.diagnostic.message, diagnostics=[exc.diagnostic])
        except _Unusable_types as exc:
            return Decision("unknown", "none", reason=str(exc))


_Unusable_types = (Unusable,)


def _seed(options: Options, problem: str, *parts) -> int:
    h = hashlib.sha256(f"{options.seed}|{problem}|{'|'.join(map(str, parts))}".encode()).digest()
    return int.from_bytes(h[:4], "big")


def _outcome_decision(outcome) -> Decision:
    if outcome.status == "ok":
        return outcome.value
    if outcome.status == "timeout":
        return Decision("unknown", "none", reason=f"time budget exceeded ({outcome.detail})")
    if outcome.status == "memory":
        return Decision("unknown", "none", reason=f"memory budget exceeded ({outcome.detail})")
    return Decision("unknown", "none", reason=f"the checker failed on this step ({outcome.detail})")


def _has_symbols(e: n.Expr) -> bool:
    """Does a member mention a variable (not just function names and numbers)?"""
    plain = [nm for nm in _names(e) if not (nm.sub is None and (nm.base in FUNCTION_WORDS or nm.base in NETWORK_FUNCTIONS))]
    return bool(plain) or _contains(e, n.Deriv)


def _contains(e, cls) -> bool:
    return isinstance(e, cls) or any(_contains(x, cls) for x in n.children(e))


def _step_result(job: _Job, d: Decision, seconds: float) -> StepResult:
    member = job.chain.members[job.index] if job.chain is not None else None
    span = member.span if member is not None else job.b.span
    left_span = job.chain.members[job.left].span if job.chain is not None else job.a.span
    ev = Evidence(d.method, job.seed, d.points, d.instances, d.reason)
    return StepResult(
        line=span.line, column=span.column, end_line=span.end_line, end_column=span.end_column,
        verdict=d.verdict, method=d.method, evidence=ev, rel=job.rel, kind=job.kind,
        lhs_line=left_span.line, lhs_column=left_span.column,
        holds_in_general=d.holds_in_general if job.context.point else None,
        counterexample=d.counterexample, message=d.reason,
        justification=(job.chain.justifications[job.index].text if job.chain and job.chain.justifications[job.index] else None),
        lemma=job.chain.lemma if job.chain else None, seconds=round(seconds, 4), autodiff=d.autodiff,
    )


_WARM_TEXT = r"""index i, k in 1..N
let o_i = \frac{\exp(h_i)}{\sum_k \exp(h_k)}
let z = \mathrm{ReLU}(w x + b)
\frac{\partial o_i}{\partial h_i} = o_i (1 - o_i)
\frac{\partial z}{\partial w} = (w x + b > 0) x + \log(1 + x^2) - \log(1 + x^2)
"""
_warm = False


def warm_up(options: Options) -> None:
    """Do one small check in this process before forking workers.

    Workers are forked from this process, so whatever SymPy caches and lazily imports here they
    inherit instead of rebuilding each time: measured on T4, step time summed over workers fell from
    1.9 s to 0.8 s. Results do not depend on it (caches only memoise pure functions).
    """
    global _warm
    if _warm:
        return
    _warm = True
    from .elaborate import elaborate
    from .parse import parse_source
    from .source import split_lines

    try:
        statements, _ = parse_source(split_lines("<warm-up>", _WARM_TEXT))
        problem = elaborate(statements)[0][0]
        for chain in problem.chains:
            if len(chain.members) > 1:
                _Job("step", chain, 1, 0, chain.context, chain.members[0].expr, chain.members[1].expr, "=", 1,
                     ad=options.ad)()
    except Exception:  # a failed warm-up only costs speed
        pass


def check_problem(problem: Problem, options: Options) -> tuple[ProblemResult, list[Diagnostic]]:
    warm_up(options)
    diags: list[Diagnostic] = []
    result = ProblemResult(problem.name, problem.title, problem.span.line)
    from .network import problem_diagnostics  # noqa: PLC0415  (cross-checks networks once, before forking)
    diags.extend(problem_diagnostics(problem, options.ad))

    # first pass: refinements and every adjacent pair
    jobs: list[_Job] = []
    for r in problem.refinements:
        jobs.append(_Job("refinement", None, 0, 0, r.context, r.old.body, r.new.body, "=",
                         _seed(options, problem.name, "ref", r.new.span.line), r.name.display))
    for ci, chain in enumerate(problem.chains):
        for k in range(1, len(chain.members)):
            jobs.append(_Job("step", chain, k, k - 1, chain.context, chain.members[k - 1].expr, chain.members[k].expr,
                             chain.rels[k - 1], _seed(options, problem.name, ci, k, k - 1), ad=options.ad))
    outcomes = run_jobs(jobs, options.timeout, options.memory_mb, options.workers)
    decided: dict[tuple[int, int, int], tuple[_Job, Decision, float]] = {}
    for job, out in zip(jobs, outcomes):
        dec = _outcome_decision(out)
        diags.extend(dec.diagnostics)
        if job.kind == "refinement":
            if dec.verdict == "refuted":
                cx = dec.counterexample or {}
                diags.append(Diagnostic.make("E203", f"this `let` disagrees with the earlier definition of `{job.name}`",
                                             job.b.span, [f"at {_cx_text(cx)}: earlier {cx.get('lhs')}, now {cx.get('rhs')}"]))
            elif dec.verdict == "unknown":
                diags.append(Diagnostic.make("E203", f"could not confirm that this `let` agrees with the earlier definition: {dec.reason}", job.b.span))
            elif job.context.point and dec.holds_in_general is not True:
                # equal at the given point only (or not known in general): as the finer graph it would
                # change every derivative through `job.name`, so it must not replace the definition silently
                diags.append(Diagnostic.make(
                    "E203", f"this `let` agrees with the earlier definition of `{job.name}` only at the given point, "
                    "so it would change the graph", job.b.span,
                    [f"below this line every derivative through `{job.name}` follows this definition",
                     f"hint: to work out the value, write a chain without `let`: `{job.name} = ... = value`"]))
            continue
        decided[(id(job.chain), job.index, job.left)] = (job, dec, out.seconds)

    # second pass: after a refuted step, compare the next member with the last accepted one
    recovery: list[_Job] = []
    for ci, chain in enumerate(problem.chains):
        last_ok = 0
        for k in range(1, len(chain.members)):
            job, dec, _ = decided[(id(chain), k, k - 1)]
            prev_refuted = k >= 2 and decided[(id(chain), k - 1, k - 2)][1].verdict == "refuted"
            if prev_refuted and last_ok != k - 1:
                recovery.append(_Job("step", chain, k, last_ok, chain.context, chain.members[last_ok].expr,
                                     chain.members[k].expr, chain.rels[k - 1], _seed(options, problem.name, ci, k, last_ok),
                                     ad=options.ad))
            if dec.verdict in ACCEPTED:
                last_ok = k
    if recovery:
        for job, out in zip(recovery, run_jobs(recovery, options.timeout, options.memory_mb, options.workers)):
            dec = _outcome_decision(out)
            diags.extend(dec.diagnostics)  # a checker fault found while recovering is still a fault
            decided[(id(job.chain), job.index, job.left)] = (job, dec, out.seconds)

    # assemble per chain, with the anchor (the last member known equal to the chain's start)
    chain_ends: list[tuple[Chain, bool, StepResult | None]] = []
    for ci, chain in enumerate(problem.chains):
        anchor_ok = True
        last_ok = 0
        prev_verdict = None
        last_step = None
        for k in range(1, len(chain.members)):
            job, dec, secs = decided[(id(chain), k, k - 1)]
            chosen_job, chosen, chosen_secs, against = job, dec, secs, "previous"
            if prev_verdict == "refuted" and last_ok != k - 1:
                rjob, rdec, rsecs = decided[(id(chain), k, last_ok)]
                if rdec.verdict in ACCEPTED:
                    chosen_job, chosen, chosen_secs, against = rjob, rdec, rsecs, "last-accepted"
                    anchor_ok = True
                elif dec.verdict in ACCEPTED:
                    anchor_ok = False  # consistent with the wrong line: the mistake carries on
                    chosen.reason = chosen.reason or "follows from the refuted line before it, so the mistake carries on"
            elif dec.verdict == "refuted":
                anchor_ok = False
            elif dec.verdict not in ACCEPTED:
                anchor_ok = False
            step = _step_result(chosen_job, chosen, chosen_secs)
            step.compared_with = against
            diags.extend(_step_diagnostics(chain, k, step, chosen_job))
            result.steps.append(step)
            if chosen.verdict in ACCEPTED:
                last_ok = k
            prev_verdict = chosen.verdict if against == "previous" else dec.verdict
            if against == "last-accepted":
                prev_verdict = "proved"
            last_step = step
        chain_ends.append((chain, anchor_ok and (last_step is None or last_step.accepted), last_step))

    diags.extend(_justification_diagnostics(problem, chain_ends))
    result.goals = _goals(problem, chain_ends, options, diags)
    result.errors = sum(1 for d in diags if d.severity == "error")
    return result, diags


def _cx_text(cx: dict) -> str:
    parts = []
    for k, v in (cx.get("sizes") or {}).items():
        parts.append(f"{k} = {v}")
    for k, v in (cx.get("indices") or {}).items():
        parts.append(f"{k} = {v}")
    for k, v in (cx.get("values") or {}).items():
        parts.append(f"{k} = {v}")
    return ", ".join(parts) if parts else "no inputs involved (both sides are numbers)"


def _step_diagnostics(chain: Chain, k: int, step: StepResult, job: _Job) -> list[Diagnostic]:
    member = chain.members[k]
    if step.verdict == "refuted":
        cx = step.counterexample or {}
        notes = []
        if job.left != k - 1:
            notes.append(f"compared with line {step.lhs_line}, the last accepted line, as well as with the line before")
        where = "at the given point" if step.method == "exact-at-point" else "counterexample"
        notes.append(f"{where}: {_cx_text(cx)}")
        notes.append(f"left side = {cx.get('lhs')}, right side = {cx.get('rhs')}")
        for kink in cx.get("kinks") or []:
            notes.append(f"kink: {kink}")
        if "undefined" in (cx.get("lhs"), cx.get("rhs")):
            notes.append("one side is undefined where the other is defined; if the inputs are restricted "
                         "(positive, nonzero), say so with `assume`, e.g. `assume x > 0`")
        from .network import breakdown_notes  # noqa: PLC0415
        notes.extend(breakdown_notes(job.context, (job.a, job.b)))
        if step.rel == "≈":
            msg = "this rounded value is off: the exact value does not round to it"
        elif step.method == "exact-at-point":
            msg = "this step is false at the given point"
        else:
            msg = "this step does not follow: the two sides differ"
        return [Diagnostic.make("E300", msg, member.span, notes)]
    if step.verdict == "unknown":
        return [Diagnostic.make("E301", f"could not decide this step: {step.message or 'no method applied'}", member.span)]
    out = []
    if step.holds_in_general is False and _has_symbols(chain.members[job.left].expr) and _has_symbols(member.expr):
        out.append(Diagnostic.make("W310", "this step holds at the given point, but not in general", member.span))
    return out


def _justification_diagnostics(problem: Problem, chain_ends) -> list[Diagnostic]:
    """`by NAME` must name a lemma of this problem; naming one whose chain failed is a warning."""
    lemma_ok = {}
    for chain, ok, _ in chain_ends:
        if chain.lemma:
            lemma_ok[chain.lemma] = ok
    out = []
    for chain, _, _ in chain_ends:
        for j in chain.justifications:
            if j is None or j.kind != "by":
                continue
            if j.text not in lemma_ok:
                known = ", ".join(sorted(lemma_ok)) or "none"
                out.append(Diagnostic.make("E208", f"`by {j.text}` names no lemma of this problem (lemmas: {known})", j.span))
            elif not lemma_ok[j.text]:
                out.append(Diagnostic.make("W312", f"lemma `{j.text}` did not check, so it does not support this step", j.span))
    return out


def _normal(e):
    """A comparable form of a node: spans dropped (dataclass equality ignores them), and the
    product spellings `a b`, `a * b`, `a \\cdot b` made one."""
    if isinstance(e, n.Product):
        return ("product", tuple(_normal(f) for f in e.factors), tuple("*" if o == "juxt" else o for o in e.ops))
    if isinstance(e, (tuple, list)):
        return tuple(_normal(x) for x in e)
    if isinstance(e, n.Node):
        return (type(e).__name__,) + tuple(_normal(getattr(e, f)) for f in e.__dataclass_fields__ if f not in ("span", "styled"))
    return e


def _same(a: n.Expr, b: n.Expr) -> bool:
    return _normal(a) == _normal(b)


def _is_value(e: n.Expr) -> bool:
    return not _names(e) and not _contains(e, n.Deriv)


def _goals(problem: Problem, chain_ends, options: Options, diags: list[Diagnostic]) -> list[GoalResult]:
    out: list[GoalResult] = []
    pending: list[tuple[Goal, Chain, int]] = []
    for g in problem.goals:
        chains = [(c, ok, last) for c, ok, last in chain_ends if _same(c.members[0].expr, g.lhs)
                  or (c.let_target is not None and isinstance(g.lhs, n.Name) and _same(c.let_target, g.lhs))]
        if not chains:
            what = "show" if g.kind == "show" else "find"
            msg = f"no chain starts at this {what} goal's left side"
            diags.append(Diagnostic.make("E302", msg, g.span))
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "unmet", msg))
            continue
        if g.kind == "find":
            ends = [(c, ok, last) for c, ok, last in chains if _is_value(c.members[-1].expr)]
            met = [(c, ok, last) for c, ok, last in ends if ok]
            if met:
                c = met[-1][0]
                out.append(GoalResult(g.span.line, g.span.column, g.kind, "met", f"found at line {c.members[-1].span.line}"))
            elif ends:
                c = ends[-1][0]
                msg = f"the chain at line {c.members[0].span.line} ends at a value that does not follow"
                diags.append(Diagnostic.make("E303", msg, g.span))
                out.append(GoalResult(g.span.line, g.span.column, g.kind, "wrong", msg))
            else:
                msg = "no chain for this goal ends in a number"
                diags.append(Diagnostic.make("E302", msg, g.span))
                out.append(GoalResult(g.span.line, g.span.column, g.kind, "unmet", msg))
            continue
        direct = [(c, ok, last) for c, ok, last in chains if _same(c.members[-1].expr, g.rhs)]
        if any(ok for _, ok, _ in direct):
            c = next(c for c, ok, _ in direct if ok)
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "met", f"shown by the chain at line {c.members[0].span.line}"))
            continue
        if direct:
            c = direct[-1][0]
            msg = f"the chain at line {c.members[0].span.line} reaches the goal only through a step that does not follow"
            diags.append(Diagnostic.make("E303", msg, g.span))
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "wrong", msg))
            continue
        good = [(c, ok, last) for c, ok, last in chains if ok]
        if good:
            # the student must write the goal's right side: a chain that stops early (or does no work,
            # like `dy/dx = dy/dx`) does not meet the goal even though the two are equal
            pending.append((g, good[-1][0], len(out)))
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "unmet", ""))
        else:
            msg = "the chain for this goal does not check"
            diags.append(Diagnostic.make("E303", msg, g.span))
            out.append(GoalResult(g.span.line, g.span.column, g.kind, "wrong", msg))
    if pending:
        jobs = [_Job("goal", None, 0, 0, g.context, c.members[-1].expr, g.rhs, "=", _seed(options, problem.name, "goal", g.span.line))
                for g, c, _ in pending]
        for (g, c, pos), o in zip(pending, run_jobs(jobs, options.timeout, options.memory_mb, options.workers)):
            dec = _outcome_decision(o)
            if dec.verdict in ACCEPTED:
                msg = (f"the chain at line {c.members[0].span.line} ends at an expression equal to the goal's right side "
                       "but not written as it; add it as the last step")
                diags.append(Diagnostic.make("E302", msg, g.span))
                out[pos] = GoalResult(g.span.line, g.span.column, g.kind, "unmet", msg)
            elif dec.verdict == "refuted":
                msg = f"the chain at line {c.members[0].span.line} ends at a different value"
                diags.append(Diagnostic.make("E303", msg, g.span, [f"counterexample: {_cx_text(dec.counterexample or {})}"]))
                out[pos] = GoalResult(g.span.line, g.span.column, g.kind, "wrong", msg)
            else:
                msg = f"no chain is known to reach this goal's right side ({dec.reason})"
                diags.append(Diagnostic.make("E302", msg, g.span))
                out[pos] = GoalResult(g.span.line, g.span.column, g.kind, "unmet", msg)
    return out
