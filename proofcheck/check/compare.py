"""Comparing two translated sides over one concrete instance.

Order of work (cheap first, certified throughout):
1. with no inputs left (a given point, or numbers only): the sides are compared **exactly**: equal
   when exact arithmetic or the symbolic zero test says so, different when a certified enclosure of
   the difference excludes 0 (or exactly one side is undefined there), otherwise undecided;
2. otherwise a few random points in one quick pass (a certified difference refutes at once);
3. the symbolic zero test; a proof still has to survive the domain rule (a side undefined on a region
   where the other is defined refutes) and, where the difference has discontinuities, the values
   exactly on every kink;
4. otherwise more random points and a probe in every region of every kink argument, domain condition
   and assumption boundary (regions.py), each compared to EVIDENCE_BITS: agreement everywhere is
   `numeric`, a certified difference or a region where one side alone is undefined refutes.
A counterexample is reported only after it has been made small and checked again, exactly, against
every inequality assumption; the equality assumptions hold at every point by construction (they are
solved for one input each, and the solution is checked to satisfy them identically).
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

import sympy as sp

from ..elaborate import Context
from ..translate import Translator
from .assumptions import _assumption_relations, _solve_equalities
from .certified import symbols_of
from .counterexample import _node_names, describe, simplify_point, with_solved
from .domain import NONZERO, Condition, holds_everywhere
from .functions import compare_with_functions, instantiate, undeclared
from .instances import Instance
from .numbers import (
    AGREE,
    DIFFER,
    LOPSIDED,
    UNDECIDED,
    UNDEFINED,
    PointCheck,
    all_defined,
    Side,
    compare_at,
    difference_forms,
    piecewise,
    relations_hold,
)
from .kinks import Budget, has_discontinuity, kink_arguments
from .regions import (BEYOND, BRACKET, FIRST_POINTS, PAIRS, UNSETTLED, UNSWEPT, Coverage, _at_zero_of, _on_side,
                      _assumed_sign, _same_on_every_side, decided_by_assumptions, probes)
from .sampling import random_points
from .rational import polynomial_zero, rational_zero
from .symbolic import zero_test

SYMBOLIC, NUMERIC, DIFFERS, UNDECIDED_STATUS = "symbolic", "numeric", "differ", "undecided"
REFUTED_FRESH_POINTS = 2  # points drawn for the autodiff check of a refuted instance when no other could be compared
FORMS_READING_SCALE = 10  # `_evidence_forms` reads d with a tenth of rational.py's term limits


@dataclass
class InstanceResult:
    """One instance's outcome and its evidence."""

    status: str  # symbolic | numeric | differ | undecided
    points: int = 0
    counterexample: dict | None = None
    reason: str = ""
    bits: int = 0  # the most bits a certified comparison needed; 0 when every comparison was exact
    coverage: dict = field(default_factory=dict)  # regions probed (regions.Coverage)
    # a kink region never entered at this size though the kink's form does not rule it out
    # (`_unentered_region`): the step is then `unknown` unless another size refutes it
    unentered: str = ""

    def evidence(self) -> dict:
        out: dict = {"arithmetic": "exact" if self.bits == 0 else "certified", "precision": self.bits}
        if self.coverage:
            out["regions"] = self.coverage
        return out


def numeric_evidence(instances: list[dict]) -> dict:
    """A step's `arithmetic`, `precision` and `regions` (results.Evidence) from its instances'."""
    kinds = [i["arithmetic"] for i in instances if "arithmetic" in i]
    regions: dict[str, int] = {}
    for i in instances:
        for k, v in (i.get("regions") or {}).items():
            regions[k] = regions.get(k, 0) + v
    return {"arithmetic": ("certified" if "certified" in kinds else "exact") if kinds else "",
            "precision": max((i.get("precision", 0) for i in instances), default=0), "regions": regions}


@dataclass
class _Instance:
    """What one instance's comparison works with: both sides, the assumptions, the given point."""

    t: Translator
    inst: Instance
    a: Side
    b: Side
    rels: list
    sub: dict  # inputs solved from the equalities
    fixed: dict  # the given point
    syms: list
    unfixed: tuple = ()  # both sides before the given point is substituted: their kinks for the notes
    bits: int = 0
    probes: dict = field(default_factory=dict)  # (arguments, on_only, deep, sweep) -> probe points, computed once
    points: int = 0
    found: list = field(default_factory=list)  # points where the sides agreed (the random search's)
    refuting: list = field(default_factory=list)  # the counterexample's point, as reported and as found

    def note(self, check: PointCheck) -> PointCheck:
        self.bits = max(self.bits, check.bits)
        return check

    def full(self, p: dict) -> dict:
        out = dict(self.fixed)
        out.update(p)
        return out

    def result(self, status: str, cx: dict | None = None, reason: str = "", coverage: Coverage | None = None):
        cov = coverage.as_dict() if coverage is not None and coverage.probes else {}
        return InstanceResult(status, self.points, cx, reason, self.bits, cov)

    def counterexample(self, p: dict, check: PointCheck, forms: tuple = ()) -> dict | None:
        """Made small, checked against every assumption exactly, described; None if it fails the check."""
        original = p
        if self.syms:
            p, check = simplify_point(p, check, self.syms, self.a, self.b, self.rels, forms)
        full = self.full(p)
        if relations_hold(self.rels, full) is not True:
            return None
        self.refuting = [full] + ([self.full(original)] if original != p else [])
        cx = describe(self.inst, full, check, list(self.unfixed), {s.name for s in self.fixed}, _node_names(self.t))
        return with_solved(cx, self.sub, full, self.fixed)


def _compare_instance(t: Translator, inst: Instance, a, b, ctx: Context, rng: random.Random,
                      fixed: dict, npoints: int, symbolic: bool, domains: tuple | None = None,
                      functions: dict | None = None) -> InstanceResult:
    """Compare a and b for one instance; `domains` overrides the translator's (t.domains), and
    `functions` gives the concrete functions the assumptions are read with, for the instantiated
    functions of check/functions.py. A function nobody defines counts wherever it appears, also in an
    assumption only (`assume \\phi(x) > 0`): left abstract there, no point could be shown to satisfy it."""
    eqs, rels = _assumption_relations(ctx, t)
    if functions is not None:  # every point must satisfy the assumptions under the same concrete functions
        eqs = [instantiate(e, functions) for e in eqs]
        rels = [(op, instantiate(x, functions), instantiate(y, functions)) for op, x, y in rels]
    else:
        assumed = [e for e in eqs if isinstance(e, sp.Basic)]
        assumed += [e for _, x, y in rels for e in (x, y) if isinstance(e, sp.Basic)]
        if undeclared(a, b, *assumed):  # functions the problem never defines: abstract or instantiated (functions.py)
            return compare_with_functions(_compare_instance, t, inst, a, b, ctx, rng, fixed, npoints, symbolic,
                                          assumed)
    sub = _solve_equalities(eqs, fixed)
    ca, cb = domains if domains is not None else (getattr(t, "domains", None) or ((), ()))
    side_a = Side(a, tuple(ca)).substitute(sub).substitute(fixed)
    side_b = Side(b, tuple(cb)).substitute(sub).substitute(fixed)
    rels = [(op, x.xreplace(sub).xreplace(fixed), y.xreplace(sub).xreplace(fixed)) for op, x, y in rels]
    if any(sp.expand(e.xreplace(fixed).xreplace(sub)) != 0 for e in eqs):  # every point must satisfy the equalities
        return InstanceResult(UNDECIDED_STATUS, reason="the equality assumptions could not be solved exactly")
    free = set(symbols_of(side_a.expr)) | set(symbols_of(side_b.expr))
    for c in side_a.conds + side_b.conds:
        free |= symbols_of(c.expr)
    for _, x, y in rels:
        free |= symbols_of(x) | symbols_of(y)
    syms = sorted(free, key=lambda s: s.name)
    sub_vals = {k: v.xreplace(fixed) for k, v in sub.items()}
    job = _Instance(t, inst, side_a, side_b, rels, sub_vals, fixed, syms, (a.xreplace(sub), b.xreplace(sub)))
    if not syms:
        t.samples = (sub_vals, [dict(fixed)])  # the points autodiff.CrossCheck.add compares derivatives at
        return _compare_constant(job, symbolic)
    out = _compare_general(job, rng, npoints, symbolic)
    if out.status == DIFFERS and job.refuting:
        _refuting_samples(job, rng)
    return out


def _refuting_samples(job: _Instance, rng: random.Random) -> None:
    """The points where autodiff.CrossCheck.add confirms the derivatives of a refuted instance: the
    counterexample's point first (as reported, then as found before it was made small, where a kink is
    less likely), then the points where the sides agreed, then a few fresh ones drawn only if those are
    not enough (`t.more_samples`). A refutation rests on the symbolic derivatives at that point, so a
    broken rule must not pass for the student's mistake there (docs/autodiff.md)."""
    pts = job.refuting + [job.full(p) for p in job.found if job.full(p) not in job.refuting]
    job.t.samples = (job.sub, pts)
    job.t.refuting_points = len(job.refuting)

    def more() -> list[dict]:
        exprs = [job.a.expr, job.b.expr]
        return [job.full(p) for p in defined_points(rng, job.syms, job.rels, exprs, REFUTED_FRESH_POINTS)]

    job.t.more_samples = more


# ------------------------------------------------------------------ no inputs left: exactly


def _compare_constant(job: _Instance, symbolic: bool) -> InstanceResult:
    job.points = 1
    check = job.note(compare_at(job.a, job.b, {}))
    if check.status == UNDECIDED:
        return job.result(UNDECIDED_STATUS, reason=check.reason)
    if check.status in (UNDEFINED, LOPSIDED):
        if check.lhs.value is None and check.rhs.value is None:
            return job.result(UNDECIDED_STATUS, reason=f"both sides are undefined here ({check.lhs.why})")
        if check.lhs.outside or check.rhs.outside:
            return job.result(UNDECIDED_STATUS, reason="a differentiated function is undefined here, and one side "
                                                       f"has no value ({(check.lhs.why or check.rhs.why)})")
        # at a given point a side without a value is not equal to one with a value
        return _constant_difference(job, PointCheck(LOPSIDED, check.bits, check.lhs, check.rhs))
    if check.status == DIFFER:
        return _constant_difference(job, check)
    if check.zero:
        return job.result(SYMBOLIC)
    d = job.a.expr - job.b.expr
    if symbolic and zero_test(d):
        return job.result(SYMBOLIC)
    check = job.note(compare_at(job.a, job.b, {}, evidence=True, forms=difference_forms(d)))
    if check.status == DIFFER:
        return _constant_difference(job, check)
    if check.status == UNDECIDED:
        return job.result(UNDECIDED_STATUS, reason=check.reason)
    digits = int(check.bits * 0.30103)
    return job.result(UNDECIDED_STATUS, reason=f"the two sides agree to about {digits} digits here, "
                                               "but could not be shown exactly equal")


def _constant_difference(job: _Instance, check: PointCheck) -> InstanceResult:
    """A difference with no inputs left refutes only where the assumptions hold: `assume \\phi(0) > 0`
    read with a concrete phi that is negative at 0 (check/functions.py) makes the step vacuous there."""
    cx = job.counterexample({}, check)
    if cx is None:
        return job.result(UNDECIDED_STATUS, reason="the assumptions could not be shown to hold here")
    return job.result(DIFFERS, cx)


# ------------------------------------------------------------------ inputs left: points and regions


NARROW_REASON = ("no random point satisfied the assumptions; the points found on their boundaries' probe "
                 "line see one slice of the region where they hold, not the region")


def _compare_general(job: _Instance, rng: random.Random, npoints: int, symbolic: bool) -> InstanceResult:
    """`_compare_points`; a step with several inputs whose points all came from `_assumed_search` is
    `numeric` at best on one line through the region where the assumptions hold, and is left undecided:
    `ReLU(y - 3) x = 0` under `assume 0 < x - y < 10^{-60}` agreed on the strip's points near one y and was
    `numeric` (false at y = 4; red team round 32). With one input the line is the whole space."""
    narrow: list = []
    out = _compare_points(job, rng, npoints, symbolic, narrow)
    if narrow and out.status == NUMERIC:
        return InstanceResult(UNDECIDED_STATUS, out.points, None, NARROW_REASON, out.bits, out.coverage)
    return out


def _compare_points(job: _Instance, rng: random.Random, npoints: int, symbolic: bool, narrow: list) -> InstanceResult:
    found: list[dict] = job.found
    lopsided: list[tuple[dict, PointCheck]] = []
    cx = _random_search(job, rng, FIRST_POINTS, found, lopsided, evidence=False)
    if cx is None and not found:
        cx = _assumed_search(job, rng, found, lopsided)
        if found and len(job.syms) > 1:
            narrow.append(True)
    if cx is not None:
        return job.result(DIFFERS, cx)
    job.t.samples = (job.sub, [job.full(p) for p in found])  # for autodiff.CrossCheck.add
    if not found:
        cx = _first_counterexample(job, lopsided)
        if cx is not None:
            return job.result(DIFFERS, cx)
        return job.result(UNDECIDED_STATUS, reason="found no point where the assumptions hold and both sides are defined")
    d = job.a.expr - job.b.expr
    coverage = Coverage()
    try:
        kinks = kink_arguments([job.a.expr, job.b.expr])
        if kinks and d != 0:
            # a wrong step with kinks is usually wrong in some region: a quick pass over the regions
            # refutes it before the symbolic test, which is slow on piecewise expressions
            found_cx = _probe(job, rng, kinks, found, coverage, evidence=False)
            if found_cx.counterexample is not None:
                return job.result(DIFFERS, found_cx.counterexample, coverage=coverage)
        if symbolic and (zero_test(d) or _zero_where_assumed(d, job.rels)):
            outcome = _first_lopsided(job, lopsided) or _after_proof(job, rng, d, found, coverage)
            result = _finish(job, outcome, SYMBOLIC, coverage)
            if result.status in (SYMBOLIC, NUMERIC):
                result.unentered = _unentered_domain(job, found)
            return result
        if not symbolic and npoints == 0:
            # a cross-check of a proof made elsewhere (decide.CROSS_CHECK_POINTS): the quick search is
            # all it asks for; a certified difference would still have refuted above
            return _finish(job, _first_lopsided(job, lopsided), NUMERIC, coverage)
        forms = _evidence_forms(d, symbolic)
        for p in found:
            check = job.note(compare_at(job.a, job.b, p, evidence=True, forms=forms))
            if check.status == DIFFER:
                cx = job.counterexample(p, check, forms)
                if cx is not None:
                    return job.result(DIFFERS, cx)
        more: list[dict] = []
        cx = _random_search(job, rng, npoints, more, lopsided, evidence=True, forms=forms)
        if cx is not None:
            return job.result(DIFFERS, cx)
        if job.rels:  # a kink whose sign the assumptions fix has one region where they hold: no probes for it
            decided = decided_by_assumptions(d, job.rels)
            if decided is not d:
                left = set(kink_arguments([decided]))
                kinks = [g for g in kinks if g in left or -g in left]
        outcome = _probe(job, rng, kinks, found, coverage, forms=forms)  # the quick pass's probes, now as evidence
        if not outcome.settled:
            outcome = _probe(job, rng, _domain_arguments(job) + _relation_arguments(job), found, coverage, forms=forms)
        if outcome.settled:
            return _finish(job, outcome, NUMERIC, coverage)
        result = _finish(job, _first_lopsided(job, lopsided), NUMERIC, coverage)
        if result.status == NUMERIC:
            result.unentered = _unentered_region(job, kinks, d, found + more) or _unentered_domain(job, found + more)
        return result
    except Budget as b:
        return job.result(UNDECIDED_STATUS, reason=str(b), coverage=coverage)


def _unentered_region(job: _Instance, kinks: list, d, points: list) -> str:
    """At a size the step is sampled at (an instance with sizes, not shown equal symbolically), a kink
    argument that kept one sign at every point compared and probed, and whose sign its form does not
    fix (SymPy's signs of real inputs: `-(v^\\top v)` is never positive), on a difference that depends
    on that sign: the step held here only because that region was empty or missed, and a region empty
    at every size tried can appear at another (`\\mathrm{ReLU}((\\mathbf{1}^\\top v)^2 - 5 v^\\top v) = 0`
    holds for n <= 5 by Cauchy-Schwarz and fails at n = 6; round 31). The reason, else "". Without sizes the
    kink regions are the probes' (a thin cone at a fixed size is missed: matrices/r34_fixed_size_cone_kinks,
    a strict xfail; looking here too made true steps unknown whose joint regions are empty or whose pieces
    vanish on the boundary itself, goals_redteam/r19_cover_vertex, readings/r28r_bar_run_ok)."""
    if not job.inst.sizes:
        return ""
    if polynomial_zero(d, FORMS_READING_SCALE) or rational_zero(d, FORMS_READING_SCALE):
        return ""  # d is 0 with every kink an opaque part: no region of any kink can matter
    pts = _points_tried(job, points)
    if job.rels:  # a kink whose sign the assumptions fix has one region only (`assume x_i > 0`, `|x_j|`)
        d = decided_by_assumptions(d, job.rels)
        left = set(kink_arguments([d]))
        kinks = [g for g in kinks if g in left or -g in left]
    signed = [g for g in kinks if g.free_symbols & set(job.syms) and not g.is_nonnegative and not g.is_nonpositive]
    for g in signed:
        seen = set()
        for p in pts:
            s = _sign_at(g, p)
            if s:
                seen.add(s)
                if len(seen) == 2:
                    break
        if len(seen) == 2:
            if _jump_on_boundary(d, g, pts):
                return (f"the difference is not 0 where a kink argument is exactly 0, a boundary between "
                        f"regions that points tried at this size do not fill (`{sp.sstr(g)[:80]}`)")
            continue
        if _same_on_every_side(d, g):
            continue
        side = "positive" if 1 not in seen else "negative"
        return (f"a kink argument was never {side} at any point tried at this size, and its form does not show "
                f"it never is: a region empty at the sizes tried may appear at another (`{sp.sstr(g)[:80]}`)")
    return _unentered_joint_region(d, signed, pts)


def _points_tried(job: _Instance, points: list) -> list:
    return list(points) + [pr.point for key in job.probes for pr in job.probes[key]
                           if pr.where not in (UNSWEPT, UNSETTLED, BEYOND)]


def _unentered_domain(job: _Instance, points: list) -> str:
    """As `_unentered_region`, for the kinks of a piecewise condition one side alone needs (a denominator,
    log argument or base to the power 0 that is an indicator, ReLU, |.|): a kink argument that kept one
    sign at every point tried, where the condition on its other side is not shown to hold, may leave that
    side undefined on a region that appears at another size: `\\frac{(R \\leq 0)}{(R \\leq 0)} = 1` with
    R = (\\mathbf{1}^\\top v)^2 - 6.5 v^\\top v is 0/0 on R > 0, empty for n <= 6 (Cauchy-Schwarz), and
    was `numeric` (red team round 34): SymPy cancels the quotient, so the difference has no kink. A log
    argument or a root's radicand (a condition that fails on a region, piecewise or not) that neither its
    form nor a linear assumption shows positive is such a region too (`\\log A - \\log A = 0` with A =
    6.5 \\sum_j x_j^2 - (\\sum_j x_j)^2 + 1, negative only from N = 7 on). A condition the other side
    has too, also as a derivative's (soft: no point is used there), is no mismatch."""
    ea, eb = {c.expr for c in job.a.conds}, {c.expr for c in job.b.conds}  # soft too: there no point is used
    conds = [c for c in job.a.conds if not c.soft and c.expr not in eb] + [
        c for c in job.b.conds if not c.soft and c.expr not in ea]
    conds = [c for c in conds if c.expr.free_symbols & set(job.syms) and (piecewise(c.expr) or c.kind != NONZERO)
             and (job.inst.sizes or _wide(c.expr, job))]
    if not conds:
        return ""
    pts = _points_tried(job, points)
    for c in conds:
        expr = decided_by_assumptions(c.expr, job.rels) if job.rels else c.expr
        if c.kind != NONZERO:  # `\\log(6.5 \\sum_j x_j^2 - (\\sum_j x_j)^2 + 1)`, `\\log(\\mathrm{ReLU}(t) + A)`
            if not _assumed_to_hold(c, expr, job.rels):
                where = ("empty at the sizes tried, may appear at another" if job.inst.sizes
                         else "thin enough to pass between the points and probe lines tried, may exist")
                return (f"a side alone needs a condition that neither its form nor the assumptions show always holds "
                        f"({c.why}; `{sp.sstr(c.expr)[:80]}`): a region where it fails, {where}")
            continue
        for g in kink_arguments([expr]):
            if not g.free_symbols & set(job.syms) or g.is_nonnegative or g.is_nonpositive:
                continue
            seen = {s for s in (_sign_at(g, p) for p in pts) if s}
            for side in (1, -1):
                if side in seen:
                    continue
                piece = _on_side(expr, g, side)
                if piece is None or not holds_everywhere(Condition(c.kind, piece, c.why)):
                    return (f"a side needs a condition that may fail where a kink argument takes a sign no point "
                            f"tried at this size gave it ({c.why}; `{sp.sstr(g)[:80]}` "
                            f"{'positive' if side > 0 else 'negative'}): a region empty at the sizes tried may "
                            "appear at another")
    return ""


def _assumed_to_hold(c: Condition, expr, rels) -> bool:
    """The condition holds wherever the assumptions do, but on a surface at most (which the domain rule
    allows): by its form, with every input an assumption puts on one side of 0 (`assume x_i \\geq 0`) read
    as a positive or negative symbol, or as one linear assumption's half-line (`_assumed_sign`, `\\geq` read
    as `>`: the two differ on its boundary alone)."""
    strict = [(op[0] if op in (">=", "<=") else op, x - y) for op, x, y in rels]
    signed = {}
    for op, r in strict:
        if len(r.free_symbols) == 1:
            (x,) = r.free_symbols
            side = _assumed_sign(x, op, r)
            if side:
                signed[x] = sp.Dummy(x.name, positive=True) if side > 0 else sp.Dummy(x.name, negative=True)
    e = expr.xreplace(signed)
    if holds_everywhere(Condition(c.kind, e, c.why)) or (not piecewise(e) and e.is_nonnegative):
        return True  # a nonnegative expression with no pieces is 0 on a surface at most (`\\log(|x|^2)`)
    return any(_assumed_sign(expr, op, r) == 1 for op, r in strict)


def _jump_on_boundary(d, g, pts: list) -> bool:
    """d has a jump of g (an indicator, sign or Heaviside of it) and its piece where g = 0 is not 0: d may
    differ from 0 on that boundary alone, which no sampled point meets and no probe line need meet where it
    matters: `(g \\geq 0)(g \\leq 0)(u < 0) = 0` with g = (\\sum_j x_j)^2 - 6.5 \\sum_j x_j^2 + u holds for
    N <= 6 (Cauchy-Schwarz), fails at N = 7 only near the diagonal, and was `numeric` (round 34). Both
    sides of g having been met, the sides themselves are the joint check's."""
    piece = _at_zero_of(d, g)  # g's jumps at their value for g = 0, and g (inside other kinks too) 0
    if piece is None or piece.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return False  # a side has no value where g = 0 (`\\mathrm{sign}(x) = x/|x|`): no region, no claim
    return not _zero_piece(piece, pts)


def _wide(g, job: _Instance) -> bool:
    """Without sizes, g's region is looked for by `regions.probes`, whose root isolation along a line settles
    an argument of one input; of two or more a thin region (a cone around the diagonal:
    `\\log(1 - (x + y)^2 + 1.99 (x^2 + y^2))` is undefined only for |x - y| < 0.07 |x + y| or so) can be
    missed, and was (`proved`, red team round 34)."""
    return len(g.free_symbols & set(job.syms)) >= 2


MAX_JOINT_KINKS = 12  # kink arguments whose pairs and triples `_unentered_joint_region` looks at; more: only the first
MAX_JOINT = 3  # the most kink arguments whose signs together it looks at


def _unentered_joint_region(d, signed: list, pts: list) -> str:
    """As `_unentered_region`, for two or three kink arguments that each took both signs but never a
    choice of signs together, where the difference on those sides is not 0: `((\\sum_j x_j)^2 -
    5 \\sum_j x_j^2 > t) (t > 0) = 0` held at N = 1..6 as sampled (both positive only near the diagonal
    from N = 6 on), and `(R + u + w > 0) (u < 0) (w < 0) = 0` with every pair met (red team round 33).
    Four or more never met together are not looked at. The reason, else ""."""
    signed = signed[:MAX_JOINT_KINKS]
    signs = [tuple(_sign_at(g, p) for g in signed) for p in pts]
    memo: dict = {}

    def piece(items: tuple):
        """d on the sides `items` ((kink, sign), ...), `_ZERO` when that is 0 identically, None when a kink has
        no rule. Built on the piece of all but the last item: a piece that is 0 stays 0 on every further
        side, so a side where d vanishes is expanded once, not once per pair and triple that holds it."""
        if items not in memo:
            base = d if len(items) == 1 else piece(items[:-1])
            if base is None or base is _ZERO:
                memo[items] = base
            else:
                i, side = items[-1]
                p = _on_side(base, signed[i], side)
                memo[items] = None if p is None else _ZERO if _zero_piece(p, pts) else p
        return memo[items]

    looked = False
    for size in range(2, min(MAX_JOINT, len(signed)) + 1):
        for group in itertools.combinations(range(len(signed)), size):
            seen = {tuple(row[i] for i in group) for row in signs if all(row[i] for i in group)}
            for choice in itertools.product((1, -1), repeat=size):
                if choice in seen:
                    continue
                if not looked:  # d is 0 on both sides of one kink: 0 off its boundary, in every region
                    looked = True
                    if any(piece(((i, 1),)) is _ZERO and piece(((i, -1),)) is _ZERO for i in range(len(signed))):
                        return ""
                if piece(tuple(zip(group, choice))) is _ZERO:
                    continue
                told = ", ".join(f"`{sp.sstr(signed[i])[:50]}` {'positive' if side > 0 else 'negative'}"
                                 for i, side in zip(group, choice))
                return (f"kink arguments never took these signs together at any point tried at this size ({told}): "
                        "a region empty at the sizes tried may appear at another")
    return ""


_ZERO = object()  # `_unentered_joint_region`'s mark of a piece that is 0 identically


def _zero_piece(p, pts: list) -> bool:
    """p is 0 identically: the quick polynomial and rational readings first (a matrix entry's piece, which
    SymPy's expand takes a second to multiply out), then a value at a point tried that is not 0 shows it
    is not (exact where every value is rational), and only then the expansion."""
    if p == 0 or polynomial_zero(p, FORMS_READING_SCALE) or rational_zero(p, FORMS_READING_SCALE):
        return True
    for q in pts[:2]:
        v = p.xreplace({k: q[k] for k in p.free_symbols if k in q})
        if v.is_Rational and v != 0:
            return False
    return sp.expand(p) == 0


def _sign_at(g, p: dict) -> int:
    """The sign of g at p (0: zero, undefined or too close to tell)."""
    try:
        v = g.xreplace({k: p[k] for k in g.free_symbols if k in p})
        if v.free_symbols:
            return 0
        if not v.is_Number:
            v = v.evalf(40)
        if not v.is_real or v == 0 or (not v.is_Rational and abs(v) < sp.Float("1e-30")):
            return 0
        return 1 if v > 0 else -1
    except (TypeError, ValueError, ArithmeticError):
        return 0


def _zero_where_assumed(d, rels) -> bool:
    """d is 0 wherever the assumptions hold: with the steps whose sign they fix decided
    (`regions.decided_by_assumptions`), it passes the zero test."""
    decided = decided_by_assumptions(d, rels) if rels else d
    return decided is not d and zero_test(decided)


def _evidence_forms(d, zero_tested: bool) -> tuple:
    """The rewritten differences evidence points are also enclosed in (`difference_forms`). A form
    can only ever show a difference, and each equals d wherever d is defined; so when the exact
    rational-function reading shows d is 0 wherever it is defined (`rational_zero`), no form can
    differ from 0 at a point where d has a value, and expanding d is skipped: at the sampled
    sizes (never zero-tested) that expansion was most of a step's cost (a matrix step's entries,
    LayerNorm's Jacobian at N = 6), where the reading takes milliseconds. The reading is a quick one
    (FORMS_READING_SCALE): when it would have to grow large, the expansion is made as before. The
    polynomial reading (`polynomial_zero`, no denominators cross-multiplied) goes first: it shows the
    entries of a matrix step at a large size, whose sigmoid denominators the rational reading cannot
    afford to cross-multiply. A zero-tested instance that got here was not shown zero by the full
    reading; it is not asked again."""
    if not zero_tested and (polynomial_zero(d, FORMS_READING_SCALE) or rational_zero(d, FORMS_READING_SCALE)):
        return ()
    return difference_forms(d)


@dataclass(frozen=True)
class _Outcome:
    """What a probe pass found: a counterexample, a reason it could not finish, or nothing."""

    counterexample: dict | None = None
    undecided: str = ""
    bracketed: bool = False  # some probes sat inside bisection brackets (sign changes not resolved)
    sampled: str = ""  # why a symbolic proof only stands as numeric evidence

    @property
    def settled(self) -> bool:
        return self.counterexample is not None or bool(self.undecided)


def _finish(job: _Instance, outcome: _Outcome | None, otherwise: str, coverage: Coverage) -> InstanceResult:
    if outcome is not None and outcome.counterexample is not None:
        return job.result(DIFFERS, outcome.counterexample, coverage=coverage)
    if outcome is not None and outcome.undecided:
        return job.result(UNDECIDED_STATUS, reason=outcome.undecided, coverage=coverage)
    if outcome is not None and outcome.sampled and otherwise == SYMBOLIC:
        return job.result(NUMERIC, reason=outcome.sampled, coverage=coverage)
    return job.result(otherwise, coverage=coverage)


def _random_search(job: _Instance, rng, count: int, found: list, lopsided: list, evidence: bool,
                   forms: tuple = ()) -> dict | None:
    """Random points until `count` usable ones; a certified difference is returned as a counterexample."""
    for p, _ in random_points(rng, job.syms, count, generic=evidence):
        if len(found) >= count:
            break
        if relations_hold(job.rels, p) is not True:
            continue
        check = job.note(compare_at(job.a, job.b, p, evidence=evidence, forms=forms))
        if check.status == DIFFER:
            job.points += 1
            cx = job.counterexample(p, check, forms)
            if cx is not None:
                return cx
        elif check.status == AGREE:
            job.points += 1
            found.append(p)
        elif check.status == LOPSIDED:
            lopsided.append((p, check))
    return None


def _assumed_search(job: _Instance, rng, found: list, lopsided: list) -> dict | None:
    """No random point satisfied the assumptions: they may hold on a narrow region only
    (`assume \\phi(x)^2 + x < 0` with a concrete phi holds near a negative root of phi alone, and
    whether a random point fell there depended on the seed). The probes of the assumptions' own
    boundaries (root isolation, regions.py) meet every region where they hold along the probe lines;
    their points where the assumptions hold are compared like random ones."""
    args = _relation_arguments(job)
    if not args:
        return None
    base = next(iter(random_points(rng, job.syms, 1)))[0]
    for pr in probes(rng, job.syms, args, [base], sweep=False):
        if len(found) >= FIRST_POINTS:
            break
        if pr.where in (UNSWEPT, UNSETTLED, BEYOND) or relations_hold(job.rels, pr.point) is not True:
            continue
        check = job.note(compare_at(job.a, job.b, pr.point))
        if check.status == DIFFER:
            job.points += 1
            cx = job.counterexample(pr.point, check)
            if cx is not None:
                return cx
        elif check.status == AGREE:
            job.points += 1
            found.append(pr.point)
        elif check.status == LOPSIDED:
            lopsided.append((pr.point, check))
    return None


def _first_counterexample(job: _Instance, lopsided: list) -> dict | None:
    outcome = _first_lopsided(job, lopsided)
    return outcome.counterexample if outcome is not None else None


def _first_lopsided(job: _Instance, lopsided: list) -> _Outcome | None:
    """A point seen where one side alone is undefined around it: a domain mismatch, if it checks out."""
    for p, check in lopsided:
        cx = job.counterexample(p, check)
        if cx is not None:
            return _Outcome(cx)
    return None


def _after_proof(job: _Instance, rng, d, found: list, coverage: Coverage) -> _Outcome | None:
    """A symbolic proof holds on open regions; check what it does not see: a side undefined on a
    region where the other is defined (`(\\sqrt{x})^2 = x` at x < 0), and the values exactly on the
    kinks of a discontinuous difference (`(x \\geq 0) = (x > 0)` at x = 0)."""
    mismatch = _domain_mismatch_arguments(job)
    sampled = ""
    if mismatch:
        outcome = _probe(job, rng, mismatch + _relation_arguments(job), found, coverage, only=LOPSIDED)
        if outcome.settled:
            return outcome
        if outcome.bracketed:  # a gap thinner than a bracket could hide where no probe fell
            sampled = ("a domain condition changes sign where bisection only brackets it; the sides "
                       "were compared at points inside the bracket, not on all of it")
    if has_discontinuity(d):
        outcome = _probe(job, rng, kink_arguments([job.a.expr, job.b.expr]), found, coverage, on_only=True)
        if outcome.settled:
            return outcome
    return _Outcome(sampled=sampled) if sampled else None


def _probe(job: _Instance, rng, args: list, found: list, coverage: Coverage, on_only: bool = False,
           forms: tuple = (), only: str | None = None, evidence: bool = True) -> _Outcome:
    """Compare at every probe (regions.py). `only`: look for that kind of counterexample alone (no
    evidence needed then); without `evidence` a quick pass that only looks for differences."""
    if not args:
        return _Outcome()
    quick = only is not None or not evidence
    outcome = _probe_points(job, rng, args, found, coverage, on_only, forms, only, quick, deep=False)
    if outcome.settled or not evidence:
        return outcome
    # a step that survived the ordinary probes: lines through the arguments' stationary points too
    deeper = _probe_points(job, rng, args, found, coverage, on_only, forms, only, quick, deep=True)
    if deeper.settled:
        return deeper
    # then across the surfaces at the Lagrange points of pairs of curved arguments (a pass of its own:
    # its lines do not count against the deep pass's MAX_PROBES)
    pairs = _probe_points(job, rng, args, found, coverage, on_only, forms, only, quick, deep=PAIRS)
    return pairs if pairs.settled else _Outcome(bracketed=outcome.bracketed or deeper.bracketed or pairs.bracketed)


def _probe_points(job: _Instance, rng, args: list, found: list, coverage: Coverage, on_only: bool,
                  forms: tuple, only: str | None, quick: bool, deep: bool | str) -> _Outcome:
    """Compare at the probes of one kind (regions.probes, `deep` or not), computed once per instance."""
    sweep = not (quick or job.inst.large)  # joint regions: evidence, not a quick search's or a sampled size's
    key = (tuple(args), on_only, deep, sweep)
    if key not in job.probes:
        job.probes[key] = probes(rng, job.syms, args, found, on_only=on_only, coverage=coverage,
                                 difference=job.a.expr - job.b.expr, deep=deep, sweep=sweep, rels=tuple(job.rels),
                                 held=(job.a.expr, job.b.expr, *(c.expr for c in job.a.conds + job.b.conds)))
    for pr in job.probes[key]:
        if pr.where == UNSWEPT:
            if quick:
                continue
            return _Outcome(undecided=pr.note)
        if pr.where == UNSETTLED:
            if quick or _outside_assumptions(job.rels, pr):
                continue
            return _Outcome(undecided=pr.note)
        held = relations_hold(job.rels, pr.point)
        if held is False:
            continue
        if held is None:
            if quick:
                continue
            return _Outcome(undecided="could not decide whether the assumptions hold at a probe point "
                                      f"({_probe_text(pr)})")
        search = quick or pr.where == BEYOND  # differences looked for, agreement not evidence
        check = job.note(compare_at(job.a, job.b, pr.point, evidence=not search, forms=forms))
        job.points += 1
        if check.status in (DIFFER, LOPSIDED) and (only is None or check.status == only):
            cx = job.counterexample(pr.point, check, forms)
            if cx is not None:
                return _Outcome(cx)
        if check.status == UNDECIDED and not search:
            return _Outcome(undecided=f"could not compare the two sides at a probe point "
                                      f"({_probe_text(pr)}): {check.reason}")
    return _Outcome(bracketed=any(pr.where == BRACKET for pr in job.probes[key]))


def _outside_assumptions(rels, pr) -> bool:
    """An unsettled kink whose whole bracket lies where the assumptions fail (`assume x > 0`, a kink of
    `\\log(\\log(x + 3))` near -2): they fail at its ends and middle, no other argument (an assumption's
    boundary among them) changes sign in it, so each assumption keeps its truth over it, and its own
    argument is no assumption's (whose boundary is the kink itself)."""
    if not pr.alone or any(sp.expand(x - y - pr.arg) == 0 or sp.expand(x - y + pr.arg) == 0 for _, x, y in rels):
        return False
    return all(relations_hold(rels, p) is False for p in (pr.point, *pr.ends))


def defined_points(rng: random.Random, syms: list, rels, exprs, count: int) -> list[dict]:
    """Random points where the relations hold and every expression has a certified value (for the
    autodiff cross-check of a matrix step, over all its entries' inputs)."""
    out: list[dict] = []
    for p, _ in random_points(rng, syms, count):
        if len(out) >= count:
            break
        if relations_hold(rels, p) is True and all_defined(exprs, p):
            out.append(p)
    return out


def _probe_text(pr) -> str:
    return ", ".join(f"{s.name} = {sp.sstr(v)}" for s, v in sorted(pr.point.items(), key=lambda kv: kv[0].name))


def _domain_arguments(job: _Instance) -> list:
    """Where a side's definedness can change on a region (soft conditions never make a side undefined)."""
    hard = [c for c in job.a.conds + job.b.conds if not c.soft and c.expr.free_symbols]
    return [c.expr for c in hard if c.kind != NONZERO] + _piece_arguments(hard, job)


def _domain_mismatch_arguments(job: _Instance) -> list:
    """Conditions of one side only that can fail on a region (x >= 0, not x != 0; not soft ones), and
    the kinks of those whose argument is piecewise: `(x > 1) != 0` fails on all of x < 1."""
    ca, cb = [c for c in job.a.conds if not c.soft], [c for c in job.b.conds if not c.soft]
    one_side = [c for c in ca if c not in cb] + [c for c in cb if c not in ca]  # in order: output is deterministic
    one_side = [c for c in one_side if c.expr.free_symbols]
    return [c.expr for c in one_side if c.kind != NONZERO] + _piece_arguments(one_side, job)


def _piece_arguments(conds: list, job: _Instance) -> list:
    """A condition on a piecewise argument (an indicator, ReLU, max, |.|) can fail on a whole region
    (`\\frac{1}{(x > 1)}`, `\\log \\mathrm{ReLU}(x)`): the kinks of those arguments, with the sides' own
    (a region between a kink of the condition and one of a side: `(x > 1 + 10^{-30})` against
    `(x > 1)`), so a probe falls in every region where it may fail."""
    pieces = [c.expr for c in conds if piecewise(c.expr)]
    if not pieces:
        return []
    return kink_arguments(pieces + [job.a.expr, job.b.expr])


def _relation_arguments(job: _Instance) -> list:
    return [x - y for _, x, y in job.rels if (x - y).free_symbols]
