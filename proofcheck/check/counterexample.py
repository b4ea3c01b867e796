"""Counterexamples: found points made small and described for a student."""

from __future__ import annotations

import sympy as sp

from .. import nodes as n
from .. import numeric
from ..diagnostics import ProofError
from ..translate import Translator, key_name
from .instances import Instance
from .numbers import (
    CONFIRM_PRECISION,
    DIFFER_REL,
    PRECISION,
    _differ_mp,
    _evaluate,
    _fmt,
    _num,
    _rels_hold,
)


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


def _cx_text(cx: dict) -> str:
    parts = []
    for k, v in (cx.get("sizes") or {}).items():
        parts.append(f"{k} = {v}")
    for k, v in (cx.get("indices") or {}).items():
        parts.append(f"{k} = {v}")
    if cx.get("entry"):  # a vector or matrix step: the entry that differs (matrix.py, check/entries.py)
        e = cx["entry"]
        parts.append(f"entry {e[0]}" if len(e) == 1 else f"entry ({e[0]}, {e[1]})")
    for k, v in (cx.get("values") or {}).items():
        parts.append(f"{k} = {v}")
    return ", ".join(parts) if parts else "no inputs involved (both sides are numbers)"
