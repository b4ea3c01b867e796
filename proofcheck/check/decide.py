"""Deciding one comparison over all instances: the verdict and its evidence."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import nodes as n
from ..autodiff import CrossCheck
from ..elaborate import Context
from ..matrix import step_shape, translator_class
from .assumptions import _point_values
from .domain import domain_translator
from .entries import compare as _compare_instance
from .instances import Instance, instances
from .regions import FIRST_POINTS, MORE_POINTS


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


def decide(ctx: Context, a_node: n.Expr, b_node: n.Expr, free: list[str], seed: int,
           at_point: bool, general: bool = True, ad: str | None = None) -> Decision:
    """Compare two members over all instances; at a given point when the problem has one. A step with
    vectors or matrices is shape-checked first (E212) and compared entry by entry."""
    rng = random.Random(seed)
    _, matrices = step_shape(ctx, a_node, b_node)
    if at_point:
        d = _decide_at_point(ctx, a_node, b_node, free, rng, seed, ad=ad)
    else:
        d = _decide_general(ctx, a_node, b_node, free, rng, ad=ad)
    return _at_most_numeric(d, ctx, free, (a_node, b_node)) if matrices else d


def _at_most_numeric(d: Decision, ctx: Context, free, exprs) -> Decision:
    """A matrix step checked at concrete dimensions only is not proved for every dimension: with
    symbolic sizes it is at most `numeric` (every entry equal at every size checked)."""
    sizes = sorted({k for inst in d.instances for k in inst.get("sizes", {})})
    if d.verdict != "proved" or not sizes or d.method == "exact-at-point":
        return d
    d.verdict, d.method = "numeric", "numeric"
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
    a, b = t.translate_pair(a_node, b_node)
    return t, a, b


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
        r = _compare_instance(t, inst, a, b, ctx, rng, {}, npoints, True)
        status, pts, cx, reason = r.status, r.points, r.counterexample, r.reason
        total += pts
        results.append({**inst.describe(), "method": status, "points": pts, **r.evidence()})
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
            r = _compare_instance(t, inst, a, b, ctx, rng, {}, FIRST_POINTS, False)
            status, pts, cx, reason = r.status, r.points, r.counterexample, r.reason
            total += pts
            results.append({**inst.describe(), "method": status, "points": pts, **r.evidence()})
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
        r = _compare_instance(t, inst, a, b, ctx, rng, fixed, MORE_POINTS, True)
        status, pts, cx, reason = r.status, r.points, r.counterexample, r.reason
        total += pts
        results.append({**inst.describe(), "method": status, "points": pts, "at": "given point", **r.evidence()})
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
