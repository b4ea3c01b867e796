"""Deciding one comparison over all instances: the verdict, its guarantee and its evidence.

The plan (`instances.make_plan`) says which concrete instances a step is checked over and whether
showing them all equal proves the step for every value and size (`complete`). When it does not (a sum
over `1..N`, an index used as a number), `symbolic_n` tries a proof for every N; failing that, the
step is at best `numeric`, and its evidence lists the sizes decided exactly and numerically.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import nodes as n
from ..autodiff import CrossCheck
from ..elaborate import Context
from ..matrix import step_shape, translator_class
from ..translate import LimitError
from .assumptions import _point_values
from .domain import domain_translator
from .entries import compare as _compare_instance
from .instances import Instance, Plan, SizeChoice, cross_check_plan, entries_exist, make_plan, may_be_complete
from .regions import FIRST_POINTS, MORE_POINTS
from .symbolic_n import prove_all_sizes

CROSS_CHECK_POINTS = 0  # sampled points beyond the first ones, per instance, when a proof for every N is cross-checked


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
    guarantee: str = ""  # results.GUARANTEES; empty: `default_guarantee` derives it
    sizes: dict | None = None  # -> Evidence.sizes


def default_guarantee(d: Decision) -> str:
    """The guarantee of a Decision that does not name one (refuted, unknown, `\\approx`, at a point)."""
    if d.guarantee:
        return d.guarantee
    if d.verdict == "refuted":
        return "counterexample"
    if d.verdict == "unknown":
        return "none"
    if d.method == "interval":
        return "rounding"
    if d.method in ("exact-at-point", "numeric-at-point"):
        return "at-given-point"
    if d.verdict == "proved":
        return "all-values-all-sizes"
    return "sampled-points"


def decide(ctx: Context, a_node: n.Expr, b_node: n.Expr, free: list[str], seed: int,
           at_point: bool, general: bool = True, ad: str | None = None) -> Decision:
    """Compare two members over all instances; at a given point when the problem has one. A step with
    vectors or matrices is shape-checked first (E212) and compared entry by entry."""
    rng = random.Random(seed)
    _, matrices = step_shape(ctx, a_node, b_node)
    if at_point:
        d = _decide_at_point(ctx, a_node, b_node, free, rng, seed, ad=ad, matrices=matrices)
    else:
        d = _decide_general(ctx, a_node, b_node, free, rng, ad=ad, matrices=matrices)
    return _at_most_numeric(d) if matrices else d


def _at_most_numeric(d: Decision) -> Decision:
    """A matrix step checked at concrete dimensions only is not proved for every dimension: with
    symbolic sizes it is at most `numeric` (every entry equal at every size checked). (The plan already
    treats such a step as size-dependent; this guards the verdict itself.)"""
    sizes = sorted({k for inst in d.instances for k in inst.get("sizes", {})})
    if d.verdict != "proved" or not sizes or d.method in ("exact-at-point", "symbolic-n"):
        return d
    d.verdict, d.method, d.guarantee = "numeric", "numeric", "sampled-points"
    d.reason = (f"every entry equal at the dimensions checked ({', '.join(sizes)} concrete), "
                "not proved for every dimension")
    return d


def _translate_pair(ctx: Context, inst: Instance, a_node, b_node):
    """Both sides for one instance, with the domain conditions SymPy's simplification erases (t.domains)."""
    t = domain_translator(translator_class(ctx))(ctx, dict(inst.sizes), dict(inst.indices))
    try:
        from ..network import network_call  # noqa: PLC0415  (optional stage, see issue on networks)
        t.network_call = network_call(ctx)
    except ImportError:
        pass
    if not ctx.networks:
        _share_memory(t, ctx)
    a, b = t.translate_pair(a_node, b_node)
    return t, a, b


_SHARED: dict = {}  # (translator class, context content, sizes, index values) -> what such translators remember
MAX_SHARED = 64  # entries kept in one process (cleared when full)
_CONTEXT_KEYS: dict = {}  # id(context) -> (the context, its content key or None)


def _context_key(ctx: Context) -> str | None:
    """The context's content (spans left out), or None when a definition holds a derivative or the
    context cannot be written as data. Once per context object."""
    hit = _CONTEXT_KEYS.get(id(ctx))
    if hit is not None and hit[0] is ctx:
        return hit[1]
    from ..cache import digest, plain  # noqa: PLC0415

    key = None
    if not any(isinstance(x, n.Deriv) for d in ctx.definitions for x in n.subtrees(d.body)):
        try:
            key = digest(plain(ctx))
        except (TypeError, RecursionError):
            key = None
    if len(_CONTEXT_KEYS) >= MAX_SHARED:
        _CONTEXT_KEYS.clear()
    _CONTEXT_KEYS[id(ctx)] = (ctx, key)
    return key


def _share_memory(t, ctx: Context) -> None:
    """Give `t` the memory of earlier translators of the same context at the same sizes and index
    values in this process: a worker deciding a file's steps one after another then translates each
    definition once per size, not once per step (proofs/M2 asks for the same W, Z, A at 18 sizes in
    each of its 9 steps).

    Why the shared answers are the ones `t` would compute: a definition's value, its domain
    conditions (`_conds_of`, replayed on every use), a lookup, a dimension and a function's derivative
    template depend only on the translator's class, the context's content, the sizes and the index
    values, which make the key. What depends on more is never shared: a definition holding a
    derivative (`\\frac{d}{dx}`; `f'` records nothing) records it for the autodiff cross-check per
    translator (no sharing then); a context with networks is left alone (their values can carry
    injected faults); errors are raised again (never stored); and the autodiff evaluator, whose
    values depend on the point, is another class that never comes here."""
    key = _context_key(ctx)
    if key is None:
        return
    k = (type(t).__name__, key, tuple(sorted(t.sizes.items())), tuple(sorted(t.free.items())))
    memory = _SHARED.get(k)
    if memory is None:
        if len(_SHARED) >= MAX_SHARED:
            _SHARED.clear()
        memory = _SHARED[k] = {name: getattr(t, name) for name in _SHARED_FIELDS if hasattr(t, name)}
        return
    for name, value in memory.items():
        setattr(t, name, value)


_SHARED_FIELDS = ("_cache", "_conds_of", "_lookups", "_dims", "_primes")


def _size_key(choice: SizeChoice, plan: Plan):
    """One size as a number, several as an object: how `sizes` lists a size choice."""
    values = dict(choice.sizes)
    if len(plan.sizes) == 1:
        return values[plan.sizes[0]]
    return {s: values[s] for s in plan.sizes}


@dataclass
class _Run:
    """Comparisons over a plan's instances, and what they established per size choice."""

    plan: Plan
    results: list = field(default_factory=list)
    points: int = 0
    all_symbolic: bool = True  # every zero-tested instance shown equal symbolically
    exact: list = field(default_factory=list)  # size choices where every index value was shown equal
    numeric: list = field(default_factory=list)  # size choices only sampled (or not all shown)
    skipped: list = field(default_factory=list)  # size choices too large to expand
    skip_reason: str = ""
    sampled_reason: str = ""  # why an instance shown symbolically still counts as sampled only
    unentered: str = ""  # a kink region never entered at some size (`compare._unentered_region`)
    outcome: Decision | None = None  # refuted or unknown: the run stopped there
    vacuous: int = 0  # size choices skipped: an entry the step writes does not exist there (`entries_exist`)

    def sizes(self) -> dict | None:
        if not self.plan.size_dependent:
            return None
        out = {"exact": self.exact, "numeric": self.numeric}
        if self.skipped:
            out["skipped"] = self.skipped
        if self.plan.held:
            out["held"] = dict(self.plan.held)
        return out


def _run(ctx, plan: Plan, a_node, b_node, rng, xc: CrossCheck, fixed_of, npoints: int, zero_test: bool,
         numeric_sizes: bool, at: str | None = None) -> _Run:
    """Compare the two sides at every instance of the plan: counterexample first, then (at exact
    instances, when `zero_test`) a symbolic proof. Stops at the first difference or undecided one."""
    run = _Run(plan)
    exist = entries_exist(ctx, (a_node, b_node))
    for choice in plan.choices:
        sampled_only = any(i.large for i in choice.instances)
        if sampled_only and not numeric_sizes:
            continue
        if exist is not None and choice.sizes and not exist(dict(choice.sizes)):
            # an entry the step writes (`h_{12}` over 1..N) does not exist at these sizes: vacuous
            key = _size_key(choice, plan) if plan.sizes else None
            if key is not None and choice.exact and zero_test and not sampled_only:
                run.exact.append(key)
            run.vacuous += 1
            continue
        shown = True
        for inst in choice.instances:
            try:
                t, a, b = _translate_pair(ctx, inst, a_node, b_node)
            except LimitError as exc:
                if not sampled_only:
                    raise
                run.skipped.append(_size_key(choice, plan))
                run.skip_reason = exc.diagnostic.message
                shown = False
                break
            symbolic = zero_test and not inst.large
            fixed = fixed_of(t)
            r = _compare_instance(t, inst, a, b, ctx, rng, fixed, npoints if not inst.large else FIRST_POINTS, symbolic)
            status, pts, cx, reason = r.status, r.points, r.counterexample, r.reason
            run.points += pts
            item = {**inst.describe(), "method": status, "points": pts, **r.evidence()}
            if at:
                item["at"] = at
            run.results.append(item)
            if status == "differ":
                # a broken symbolic derivative must not pass for the student's mistake: the derivatives are
                # compared at the counterexample (at a sampled size too: the refutation rests on it)
                xc.add(t, inst, refuted=True)
                method = "exact-at-point" if at else ("exact" if cx and not cx.get("values") else "numeric")
                run.outcome = Decision("refuted", method, run.points, run.results, cx, guarantee="counterexample")
                return run
            if status == "undecided":
                run.outcome = Decision("unknown", "none", run.points, run.results, reason=reason, guarantee="none")
                return run
            if not inst.large:
                xc.add(t, inst)
            if status == "numeric" and reason and not run.sampled_reason:
                run.sampled_reason = reason
            if status in ("numeric", "symbolic") and r.unentered and not run.unentered:
                run.unentered = r.unentered
            if status != "symbolic":
                shown = False
                if not inst.large:
                    run.all_symbolic = False
        if choice.sizes or plan.size_dependent:
            key = _size_key(choice, plan) if plan.sizes else None
            if key is None or key in run.skipped:
                continue
            # a size where the case leaves no index value holds vacuously: exact
            (run.exact if shown and choice.exact and zero_test and not sampled_only else run.numeric).append(key)
    if run.vacuous and not run.results and zero_test:  # (a cross-check of a proof for every N may be vacuous)
        run.outcome = Decision("unknown", "none", reason="no size was tried at which every entry the step "
                               "writes exists", guarantee="none")
    return run


def _no_instances() -> Decision:
    return Decision("unknown", "none", reason="no size and index values satisfy this step's case and ranges", guarantee="none")


def _sizes_text(run: _Run) -> str:
    return ", ".join(str(s) for s in run.skipped[:3])


def _incomplete(plan: Plan, run: _Run) -> Decision | None:
    """`unknown` when the instances run could not cover what the step needs: a size too large to
    expand, or a plan that says it is incomplete (too many critical sizes, an argument too large)."""
    if run.skipped:
        return Decision("unknown", "none", run.points, run.results, guarantee="none", sizes=run.sizes(),
                        reason=f"a size this step must be checked at is too large to expand ({_size_word(plan)} = "
                               f"{_sizes_text(run)}: {run.skip_reason})")
    if plan.unchecked:
        return Decision("unknown", "none", run.points, run.results, guarantee="none", sizes=run.sizes(),
                        reason=plan.unchecked)
    return None


def _decide_general(ctx, a_node, b_node, free, rng, npoints: int = MORE_POINTS, numeric_sizes: bool = True,
                    ad: str | None = None, try_all_sizes: bool = True, matrices: bool = False) -> Decision:
    """The verdict in general (no given point). The proof for every N is not tried on a vector or
    matrix step (`symbolic_n` has no matrices)."""
    try_all_sizes = try_all_sizes and not matrices
    xc = CrossCheck(ctx, ad)
    proof = None
    plan = None
    if not try_all_sizes or may_be_complete(ctx, free, (a_node, b_node), matrices):
        plan = make_plan(ctx, free, (a_node, b_node), matrices)  # the instances may prove it: no proof for every N yet
    if try_all_sizes and (plan is None or not plan.complete):
        proof = prove_all_sizes(ctx, a_node, b_node, free)
        if proof.proved:
            # proved for every N: the instances only cross-check it (and feed the autodiff cross-check)
            check = cross_check_plan(ctx, free, (a_node, b_node))
            run = _run(ctx, check, a_node, b_node, rng, xc, lambda t: {}, CROSS_CHECK_POINTS, False, numeric_sizes)
            if run.outcome is not None:
                return xc.finish(run.outcome)
            return xc.finish(Decision("proved", "symbolic-n", run.points, run.results, guarantee="all-values-all-sizes"))
    plan = plan or make_plan(ctx, free, (a_node, b_node), matrices)
    if not plan.instances:
        return _no_instances()
    run = _run(ctx, plan, a_node, b_node, rng, xc, lambda t: {}, npoints, True, numeric_sizes)
    if run.outcome is not None:
        run.outcome.sizes = run.sizes()
        return xc.finish(run.outcome)
    incomplete = _incomplete(plan, run)
    if incomplete is not None:
        return incomplete
    if run.unentered:
        return Decision("unknown", "none", run.points, run.results, guarantee="none", sizes=run.sizes(),
                        reason=run.unentered)
    if run.all_symbolic and plan.complete:
        return xc.finish(Decision("proved", "symbolic", run.points, run.results, guarantee="all-values-all-sizes"))
    reason = "; ".join(r for r in (_not_all_sizes_reason(plan, proof), run.sampled_reason) if r)
    if run.all_symbolic and plan.size_dependent and run.exact:
        return xc.finish(Decision("numeric", "symbolic-sizes", run.points, run.results, reason=reason,
                                  guarantee="all-values-sizes-checked", sizes=run.sizes()))
    return xc.finish(Decision("numeric", "numeric", run.points, run.results, reason=reason,
                              guarantee="sampled-points", sizes=run.sizes()))


def _size_word(plan: Plan) -> str:
    return plan.sizes[0] if len(plan.sizes) == 1 else "(" + ", ".join(plan.sizes) + ")"


def _not_all_sizes_reason(plan: Plan, proof) -> str:
    """Why a step shown at every instance is still not proved for every size and value."""
    parts = []
    if plan.why:
        parts.append("; ".join(plan.why[:2]))
    if proof is not None and proof.reason:
        parts.append(f"no proof for every {_size_word(plan) if plan.sizes else 'value'}: {proof.reason}")
    return "; ".join(parts)


def _decide_at_point(ctx, a_node, b_node, free, rng, seed, ad: str | None = None, matrices: bool = False) -> Decision:
    plan = make_plan(ctx, free, (a_node, b_node), matrices)
    xc = CrossCheck(ctx, ad, at_point=True)
    if not plan.instances:
        return _no_instances()
    run = _run(ctx, plan, a_node, b_node, rng, xc, lambda t: _point_values(ctx, t), MORE_POINTS, True, True,
               at="given point")
    if run.outcome is not None:
        if run.outcome.verdict == "refuted":
            run.outcome.holds_in_general = False
        run.outcome.sizes = run.sizes()
        return xc.finish(run.outcome)
    general = _decide_general(ctx, a_node, b_node, free, random.Random(seed + 1), npoints=6, numeric_sizes=False,
                              try_all_sizes=plan.size_dependent and not plan.complete, matrices=matrices)
    holds = {"proved": True, "numeric": True, "refuted": False}.get(general.verdict)
    reason = "" if holds is not False else "holds at the given point only"
    incomplete = _incomplete(plan, run)
    if incomplete is not None:
        return incomplete
    if general.verdict == "proved" and general.method == "symbolic-n":
        return xc.finish(Decision("proved", "symbolic-n", run.points, run.results, holds_in_general=True,
                                  guarantee="all-values-all-sizes"))
    if run.all_symbolic and plan.complete:
        return xc.finish(Decision("proved", "exact-at-point", run.points, run.results, holds_in_general=holds,
                                  reason=reason, guarantee="at-given-point"))
    if run.all_symbolic:
        return xc.finish(Decision("numeric", "exact-at-point", run.points, run.results, holds_in_general=holds,
                                  reason=reason or _not_all_sizes_reason(plan, None), guarantee="at-given-point",
                                  sizes=run.sizes()))
    return xc.finish(Decision("numeric", "numeric-at-point", run.points, run.results, holds_in_general=holds,
                              reason=reason, guarantee="sampled-points", sizes=run.sizes()))
